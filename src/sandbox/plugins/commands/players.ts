// /gamemode, /op and /deop with vanilla's feedback.
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { sendText, tr } from '../../text.ts';
import { GAME_MODES } from '../../gameModes.ts';
import { CommandError, feedback, resolvePlayers, senderPlayer, words, type CommandContext } from './core.ts';


type ModePlayer = SquidPlayer & { setGameMode(mode: number): void };

function gamemode(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [modeText, target, ...rest] = words(args);
  if (!modeText) throw new CommandError('Usage: /gamemode <survival|creative|adventure|spectator> [targets]');
  if (rest.length) throw new CommandError(`Unexpected argument '${rest[0]}'`);
  const mode = GAME_MODES.indexOf(modeText as (typeof GAME_MODES)[number]);
  if (mode < 0) throw new CommandError(`Unknown game mode '${modeText}'`);
  const players = target === undefined ? [senderPlayer(ctx)] : resolvePlayers(serv, ctx, target);
  const modeName = tr(`gameMode.${GAME_MODES[mode]!}`);
  for (const p of players) {
    // Vanilla only reports players whose mode changed.
    if (p.gameMode === mode) continue;
    (p as ModePlayer).setGameMode(mode);
    if (p === (ctx.as ?? ctx.player)) feedback(serv, ctx, tr('commands.gamemode.success.self', modeName));
    else {
      sendText(serv, p, tr('gameMode.changed', modeName));
      feedback(serv, ctx, tr('commands.gamemode.success.other', p.username, modeName));
    }
  }
}

/**
 * Everyone in the sandbox may run commands (flying-squid's everybody-op); /op keeps vanilla's list on
 * top of that, so that "Made X a server operator" comes once per player, as on a fresh vanilla server.
 */
const listed = new WeakMap<SquidServer, Set<string>>();
function opList(serv: SquidServer): Set<string> {
  let s = listed.get(serv);
  if (!s) listed.set(serv, (s = new Set()));
  return s;
}

function op(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [target, ...rest] = words(args);
  if (!target || rest.length) throw new CommandError('Usage: /op <targets>');
  const ops = opList(serv);
  const fresh = resolvePlayers(serv, ctx, target).filter((p) => !ops.has(p.username.toLowerCase()));
  if (fresh.length === 0) throw new CommandError('Nothing changed. The player already is an operator');
  for (const p of fresh) {
    ops.add(p.username.toLowerCase());
    p.op = true;
    feedback(serv, ctx, tr('commands.op.success', p.username));
  }
}

function deop(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [target, ...rest] = words(args);
  if (!target || rest.length) throw new CommandError('Usage: /deop <targets>');
  const ops = opList(serv);
  const players = resolvePlayers(serv, ctx, target).filter((p) => p.op);
  if (players.length === 0) throw new CommandError('Nothing changed. The player is not an operator');
  for (const p of players) {
    ops.delete(p.username.toLowerCase());
    p.op = false;
    feedback(serv, ctx, tr('commands.deop.success', p.username));
  }
}

export const PLAYER_COMMANDS = [
  { base: 'gamemode', info: 'Sets a game mode', usage: '/gamemode <mode> [targets]', run: gamemode },
  { base: 'op', info: 'Grants operator status to players', usage: '/op <targets>', run: op },
  { base: 'deop', info: 'Revokes operator status from players', usage: '/deop <targets>', run: deop },
];
