// /xp (alias /experience) add|set|query as vanilla answers them.
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { tr } from '../../text.ts';
import { CommandError, feedback, parseInteger, resolvePlayers, words, type CommandContext } from './core.ts';
import { experienceOf, givePoints, giveLevels, pointsIntoLevel, setLevels, setPoints, xpNeededForNextLevel } from '../survival/experience.ts';

const USAGE = '/xp <add|set> <targets> <amount> [points|levels] or /xp query <targets> <points|levels>';

function unit(text: string | undefined): 'points' | 'levels' {
  if (text === undefined || text === 'points') return 'points';
  if (text === 'levels') return 'levels';
  throw new CommandError(`Unknown unit '${text}': expected points or levels`);
}

function report(serv: SquidServer, ctx: CommandContext, action: 'add' | 'set', kind: 'points' | 'levels', amount: number, players: SquidPlayer[]): void {
  const key = `commands.experience.${action}.${kind}.success`;
  feedback(serv, ctx, players.length === 1 ? tr(`${key}.single`, amount, players[0]!.username) : tr(`${key}.multiple`, amount, players.length));
}

function xp(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [action, target, amountText, unitText, ...rest] = words(args);
  if (!target || rest.length) throw new CommandError(`Usage: ${USAGE}`);
  const players = resolvePlayers(serv, ctx, target);
  if (action === 'query') {
    // The amount's place holds the unit here, and vanilla queries one player.
    if (unitText !== undefined || amountText === undefined) throw new CommandError('Usage: /xp query <target> <points|levels>');
    if (players.length > 1) throw new CommandError('Only one player is allowed, but the provided selector allows more than one');
    const p = players[0]!;
    const kind = unit(amountText);
    const value = kind === 'points' ? pointsIntoLevel(p) : experienceOf(p).level;
    feedback(serv, ctx, tr(`commands.experience.query.${kind}`, p.username, value));
    return;
  }
  if ((action !== 'add' && action !== 'set') || amountText === undefined) throw new CommandError(`Usage: ${USAGE}`);
  const kind = unit(unitText);
  const amount = parseInteger(amountText, 'amount', action === 'set' ? 0 : -2147483648);
  if (action === 'add') {
    for (const p of players) {
      if (kind === 'points') givePoints(p, amount);
      else giveLevels(p, amount);
    }
    report(serv, ctx, action, kind, amount, players);
    return;
  }
  if (kind === 'levels') {
    for (const p of players) setLevels(p, amount);
    report(serv, ctx, action, kind, amount, players);
    return;
  }
  // Vanilla sets the points only on players whose current level holds that many.
  const fitting = players.filter((p) => amount < xpNeededForNextLevel(experienceOf(p).level));
  if (fitting.length === 0) throw new CommandError('Cannot set experience points above the maximum points for the player\'s current level');
  for (const p of fitting) setPoints(p, amount);
  report(serv, ctx, action, kind, amount, fitting);
}

export const XP_COMMANDS = [
  { base: 'xp', aliases: ['experience'], info: 'Adds, sets or queries experience', usage: USAGE, run: xp },
];
