// /tellraw, /say and /tell (/msg, /w): chat that commands send, as vanilla's components.
import type { SquidServer } from '../../squid/types.ts';
import { sendText, styled, tr, type Text } from '../../text.ts';
import { CommandError, resolvePlayers, restAfter, words, type CommandContext } from './core.ts';

/** A JSON text component as /tellraw takes it: an object, a string, or an array (the first with the rest as extra). */
export function parseComponent(json: string): Text {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new CommandError(`Invalid chat component: ${(err as Error).message}`);
  }
  return componentOf(value);
}

function componentOf(value: unknown): Text {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) throw new CommandError('Invalid chat component: an empty list');
    const [first, ...rest] = value.map(componentOf);
    return rest.length ? { text: '', extra: [first!, ...rest] } : first!;
  }
  if (value && typeof value === 'object' && ('text' in value || 'translate' in value || 'extra' in value)) return value as Text;
  throw new CommandError('Invalid chat component: expected text, translate or extra');
}

function tellraw(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [target] = words(args);
  const json = restAfter(args, 1);
  if (!target || !json) throw new CommandError('Usage: /tellraw <targets> <message>');
  const message = parseComponent(json);
  for (const p of resolvePlayers(serv, ctx, target)) sendText(serv, p, message);
}

function senderName(ctx: CommandContext): string {
  return (ctx.as ?? ctx.player)?.username ?? 'Server';
}

function say(serv: SquidServer, args: string, ctx: CommandContext): void {
  const message = args.trim();
  if (!message) throw new CommandError('Usage: /say <message>');
  const line = tr('chat.type.announcement', senderName(ctx), message);
  for (const p of serv.players) if (!p.disconnected) sendText(serv, p, line);
  serv.info(`[${senderName(ctx)}] ${message}`);
}

function tell(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [target] = words(args);
  const message = restAfter(args, 1);
  if (!target || !message) throw new CommandError('Usage: /tell <targets> <message>');
  const from = senderName(ctx);
  const whisper = { color: 'gray', italic: true } as const;
  for (const p of resolvePlayers(serv, ctx, target)) {
    sendText(serv, p, styled(tr('commands.message.display.incoming', from, message), whisper));
    const outgoing = styled(tr('commands.message.display.outgoing', p.username, message), whisper);
    if (ctx.player) sendText(serv, ctx.player, outgoing);
    else ctx.reply?.(`You whisper to ${p.username}: ${message}`);
  }
}

export const CHAT_COMMANDS = [
  { base: 'tellraw', info: 'Sends a JSON message to players', usage: '/tellraw <targets> <json>', run: tellraw },
  { base: 'say', info: 'Sends a message to everyone', usage: '/say <message>', run: say },
  { base: 'tell', aliases: ['msg', 'w'], info: 'Sends a private message', usage: '/tell <targets> <message>', run: tell },
];
