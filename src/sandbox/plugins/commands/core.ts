import { Vec3 } from 'vec3';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { plainText, sendText, styled, tr, type Text } from '../../text.ts';

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
  /** Where the console's feedback goes (`serve` prints it); the server log otherwise. */
  reply?: (text: string) => void;
  /** The entity the command runs as (`execute as`): `@s`; feedback still goes to the sender. */
  as?: SquidPlayer;
  /** Where relative coordinates count from (`execute at|positioned`); the player's position otherwise. */
  pos?: Vec3;
}

/** The position relative coordinates count from, if the command has one. */
export function originOf(ctx: CommandContext): Vec3 | undefined {
  return ctx.pos ?? ctx.player?.position;
}

/**
 * One coordinate: absolute (`12`, `-3.5`) or relative to `base` (`~`, `~2`, `~-0.5`). Vanilla puts a
 * whole-number x or z at the centre of its block (`centre`).
 */
export function coordinate(text: string, base: number | undefined, centre: boolean, axis = 'a'): number {
  const rel = text.startsWith('~');
  const num = rel ? text.slice(1) : text;
  if (text.startsWith('^')) throw new CommandError('Local coordinates (^) are not supported; use ~ or absolute ones');
  if (num !== '' && !/^-?(\d+\.?\d*|\.\d+)$/.test(num)) throw new CommandError(`Invalid ${axis} coordinate '${text}'`);
  const value = num === '' ? 0 : Number(num);
  if (rel) {
    if (base === undefined) throw new CommandError('Relative coordinates need a player to run the command');
    return base + value;
  }
  return centre && !num.includes('.') ? value + 0.5 : value;
}

/** A block position from three coordinate arguments. */
export function blockPosition(args: readonly string[], ctx: CommandContext): Vec3 {
  if (args.length < 3) throw new CommandError('Expected three coordinates');
  const from = originOf(ctx);
  const [x, y, z] = args as [string, string, string];
  return new Vec3(coordinate(x, from?.x, false, 'x'), coordinate(y, from?.y, false, 'y'), coordinate(z, from?.z, false, 'z')).floored();
}

/**
 * Tells the sender what a command did, as vanilla does: the component in chat for a player, its English
 * text for the console; the other operators see it greyed, "[sender: …]" (vanilla's logAdminCommands).
 */
export function feedback(serv: SquidServer, ctx: CommandContext, message: Text): void {
  if (ctx.player) sendText(serv, ctx.player, message);
  else if (ctx.reply) ctx.reply(plainText(serv, message));
  else serv.info(plainText(serv, message));
  const admin = styled(tr('chat.type.admin', ctx.player?.username ?? 'Server', message), { color: 'gray', italic: true });
  for (const p of serv.players) if (p !== ctx.player && p.op && !p.disconnected) sendText(serv, p, admin);
}

/** The rest of the line after `count` words, as typed (JSON components keep their spaces). */
export function restAfter(args: string, count: number): string {
  let rest = args.trimStart();
  for (let i = 0; i < count; i++) rest = rest.replace(/^\S+\s*/, '');
  return rest;
}

/** A duration in ticks: `20`, or with vanilla's units `20t`, `1.5s`, `1d` (a day is 24000 ticks). */
export function parseTicks(text: string | undefined, what: string): number {
  const m = text === undefined ? null : /^(\d+(?:\.\d+)?)([tsd]?)$/.exec(text);
  if (!m) throw new CommandError(`Invalid ${what} '${text ?? ''}': expected ticks, or a number with d, s or t`);
  const scale = { '': 1, t: 1, s: 20, d: 24000 }[m[2] as '' | 't' | 's' | 'd'];
  const ticks = Math.round(Number(m[1]) * scale);
  if (ticks > 2147483647) throw new CommandError(`${what} must not be more than 2147483647`);
  return ticks;
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
  const sender = ctx.as ?? ctx.player;
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
      const from = originOf(ctx);
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
  const self = ctx.as ?? ctx.player;
  if (!self) throw new CommandError('A player is required to run this command here');
  return self;
}
