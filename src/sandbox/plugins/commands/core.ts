import type { SquidPlayer, SquidServer } from '../../squid/types.ts';

/**
 * A command failed for a reason the sender should read. flying-squid recognises the `userError`
 * flag: a player gets the message in chat, the console (`Sandbox.command`) gets a rejection.
 */
export class CommandError extends Error {
  readonly userError = 1;
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

export interface CommandContext {
  player?: SquidPlayer;
}

/** Tells the sender what a command did: in chat for a player, in the server log for the console. */
export function feedback(serv: SquidServer, ctx: CommandContext, message: string): void {
  if (ctx.player) ctx.player.chat(message);
  else serv.info(message);
}

export function words(args: string): string[] {
  return args.trim().split(/\s+/).filter(Boolean);
}

/** A whole number within bounds, or a CommandError naming what was wrong. */
export function parseInteger(text: string, what: string, min = -2147483648, max = 2147483647): number {
  if (!/^-?\d+$/.test(text)) throw new CommandError(`Invalid integer '${text}' for ${what}`);
  const n = Number(text);
  if (n < min) throw new CommandError(`${what} must not be less than ${min}, found ${n}`);
  if (n > max) throw new CommandError(`${what} must not be more than ${max}, found ${n}`);
  return n;
}

/**
 * Resolves a player argument: a name (case-insensitive, like vanilla), `@s` (the sender), `@a` (all),
 * `@p` (nearest to the sender, or the first player for the console) or `@r` (random).
 */
export function resolvePlayers(serv: SquidServer, ctx: CommandContext, target: string): SquidPlayer[] {
  const online = serv.players.filter((p) => !p.disconnected);
  const sender = ctx.player;
  let found: SquidPlayer[];
  switch (target) {
    case '@s':
      if (!sender) throw new CommandError('A player is required to run this command here');
      found = [sender];
      break;
    case '@a':
      found = online;
      break;
    case '@p': {
      const from = sender?.position;
      const sorted = from ? [...online].sort((a, b) => a.position.distanceTo(from) - b.position.distanceTo(from)) : online;
      found = sorted.slice(0, 1);
      break;
    }
    case '@r':
      found = online.length ? [online[Math.floor(Math.random() * online.length)]!] : [];
      break;
    default:
      if (target.startsWith('@')) throw new CommandError(`Unsupported selector '${target}' (use a name, @s, @a, @p or @r)`);
      found = online.filter((p) => p.username.toLowerCase() === target.toLowerCase());
  }
  if (found.length === 0) throw new CommandError(target.startsWith('@') ? 'No player was found' : `No player named '${target}' was found`);
  return found;
}

/** The sender as the implicit target, or an error for the console. */
export function senderPlayer(ctx: CommandContext): SquidPlayer {
  if (!ctx.player) throw new CommandError('A player is required to run this command here');
  return ctx.player;
}
