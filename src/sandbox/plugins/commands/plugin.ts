import type { Logger } from 'pino';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import type { CommandContext } from './core.ts';
import { INVENTORY_COMMANDS } from './give.ts';
import { syncTeleports, TELEPORT_COMMANDS } from './teleport.ts';
import { installTime, sendTime, TIME_COMMANDS } from './time.ts';
import { SUMMON_COMMANDS } from './summon.ts';
import { KILL_COMMANDS } from './kill.ts';
import { BLOCK_COMMANDS } from './blocks.ts';
import { PLAYER_COMMANDS } from './players.ts';
import { EXECUTE_COMMANDS } from './execute.ts';
import { CHAT_COMMANDS } from './chat.ts';
import { EFFECT_COMMANDS } from './effect.ts';
import { XP_COMMANDS } from './xp.ts';
import { WEATHER_COMMANDS } from './weather.ts';
import { TITLE_COMMANDS } from './title.ts';
import { BOSSBAR_COMMANDS } from './bossbar.ts';
import { TEAM_COMMANDS } from './team.ts';
import { SCOREBOARD_COMMANDS } from './scoreboard.ts';
import { PARTICLE_COMMANDS } from './particle.ts';
import { PLAYSOUND_COMMANDS } from './playsound.ts';
import { sendText, styled } from '../../text.ts';
import { playerInternals } from '../items/types.ts';

export { CommandError } from './core.ts';
export { clearItems, giveItems } from './give.ts';
export { getGameRule, setGameRule, GAME_RULE_DEFAULTS, type GameRuleValue } from './time.ts';

interface CommandDef {
  base: string;
  aliases?: string[];
  info: string;
  usage: string;
  run: (serv: SquidServer, args: string, ctx: CommandContext) => void | Promise<void>;
}

const COMMANDS: readonly CommandDef[] = [
  ...INVENTORY_COMMANDS, ...TELEPORT_COMMANDS, ...TIME_COMMANDS, ...SUMMON_COMMANDS, ...KILL_COMMANDS, ...BLOCK_COMMANDS, ...PLAYER_COMMANDS, ...EXECUTE_COMMANDS, ...CHAT_COMMANDS,
  ...EFFECT_COMMANDS, ...XP_COMMANDS, ...WEATHER_COMMANDS,
  ...TITLE_COMMANDS, ...BOSSBAR_COMMANDS, ...TEAM_COMMANDS, ...SCOREBOARD_COMMANDS, ...PARTICLE_COMMANDS, ...PLAYSOUND_COMMANDS,
];

/** Registers our commands over flying-squid's (a later `add` of the same name replaces the earlier one). */
function registerCommands(serv: SquidServer): void {
  for (const cmd of COMMANDS) {
    serv.commands.add({
      base: cmd.base,
      aliases: cmd.aliases,
      info: cmd.info,
      usage: cmd.usage,
      op: true,
      // flying-squid calls `action(parse(args))`; without a parser it passes the raw argument text.
      parse: (args: string) => ({ args }),
      action: ({ args }: { args: string }, ctx: CommandContext) => cmd.run(serv, args, ctx),
    });
  }
}

/**
 * flying-squid answers an unexpected (non-user) error in a player's command by rethrowing it from a
 * timer, which ends the process. Here the player is told, as vanilla does, and the error is logged.
 */
function guardPlayerCommands(player: SquidPlayer, serv: SquidServer, log: Logger): void {
  const p = playerInternals(player);
  p.handleCommand = async (command: string) => {
    try {
      const output = await serv.commands.use(command, { player }, player.op);
      if (output) sendText(serv, player, styled(output, { color: 'red' }));
    } catch (err) {
      if ((err as { userError?: unknown }).userError) {
        sendText(serv, player, styled((err as Error).message, { color: 'red' }));
        return;
      }
      log.error({ err, command, player: player.username }, 'command failed');
      sendText(serv, player, styled({ translate: 'command.failed' }, { color: 'red' }));
    }
  };
}

export const commandsPlugin: SandboxPlugin = {
  name: 'skillcraft-commands',
  server(serv) {
    registerCommands(serv);
    installTime(serv);
  },
  player(player, serv, ctx) {
    player.once('asap', () => {
      guardPlayerCommands(player, serv, ctx.log);
      syncTeleports(player);
    });
    // flying-squid's join sends the time as if the daylight cycle always ran.
    player.once('spawned', () => sendTime(serv, [player]));
  },
};
