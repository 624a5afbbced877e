import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { CommandError, feedback, resolvePlayers, senderPlayer, words, type CommandContext } from './core.ts';
import { tr } from '../../text.ts';

type MortalPlayer = SquidPlayer & { health: number; updateHealth(health: number): void };

/**
 * Kills a player as vanilla's /kill does: health to 0 whatever the armour, the death animation for
 * everyone else. The death-drops plugin sees the health change like any other death.
 */
export function killPlayer(serv: SquidServer, player: SquidPlayer): boolean {
  const p = player as MortalPlayer;
  if ((p.health ?? 20) <= 0 || player.gameMode === 3) return false;
  p.updateHealth(0);
  for (const other of serv.players) if (other !== player) other._client.write('entity_status', { entityId: player.id, entityStatus: 3 });
  return true;
}

function kill(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [target, ...rest] = words(args);
  if (rest.length) throw new CommandError(`Unexpected argument '${rest[0]}'`);
  const players = target === undefined ? [senderPlayer(ctx)] : resolvePlayers(serv, ctx, target);
  const killed = players.filter((p) => killPlayer(serv, p));
  if (killed.length === 0) throw new CommandError('No entity was found');
  feedback(serv, ctx, killed.length === 1 ? tr('commands.kill.success.single', killed[0]!.username) : tr('commands.kill.success.multiple', killed.length));
}

export const KILL_COMMANDS = [
  { base: 'kill', info: 'Kills players (the sender when no target is given)', usage: '/kill [player]', run: kill },
];
