// Chat components as vanilla sends them: translatable where vanilla's are, so that any client renders
// them in its own language and mineflayer's `message.translate` checks work. 1.20.3+ carries them as
// NBT in chat packets, older versions as JSON text.
import { createRequire } from 'node:module';
import type { SquidPlayer, SquidServer } from './squid/types.ts';

const require = createRequire(import.meta.url);
const nbt = require('prismarine-nbt') as NbtBuilders;

export interface TextStyle { color?: string; italic?: boolean; bold?: boolean }
export type Text = string | number | (TextStyle & ({ text: string; extra?: Text[] } | { translate: string; with?: Text[] }));

/** A translatable component; the English text comes from the connected version's language file. */
export function tr(key: string, ...args: Text[]): Text {
  return args.length ? { translate: key, with: args } : { translate: key };
}

export function styled(t: Text, style: TextStyle): Text {
  return typeof t === 'object' ? { ...t, ...style } : { text: String(t), ...style };
}

/** The English text of a component (the server log, the console). */
export function plainText(serv: SquidServer, t: Text): string {
  if (typeof t !== 'object') return String(t);
  if ('text' in t) return t.text + (t.extra ?? []).map((e) => plainText(serv, e)).join('');
  const format = (serv.registry as unknown as { language?: Record<string, string> }).language?.[t.translate] ?? t.translate;
  const args = (t.with ?? []).map((a) => plainText(serv, a));
  let next = 0;
  return format.replace(/%(?:(\d+)\$)?([sd%])/g, (_m, index: string | undefined, kind: string) => {
    if (kind === '%') return '%';
    return args[index === undefined ? next++ : Number(index) - 1] ?? '';
  });
}

/** Sends a system message (`overlay`: the action bar) in this version's chat encoding. */
export function sendText(serv: SquidServer, player: SquidPlayer, t: Text, overlay = false): void {
  const client = player._client as unknown as { write(name: string, data: unknown): void };
  if (!serv.supportFeature('signedChat')) {
    client.write('chat', { message: JSON.stringify(asObject(t)), position: overlay ? 2 : 1, sender: '00000000-0000-0000-0000-000000000000' });
    return;
  }
  const content = serv.supportFeature('chatPacketsUseNbtComponents') ? toNbt(t) : JSON.stringify(asObject(t));
  client.write('system_chat', { content, isActionBar: overlay, type: overlay ? 2 : 1 });
}

/** The component as vanilla's JSON form (also what 1.20.3+ titles and tab-list entries take as NBT). */
export function asObject(t: Text): Exclude<Text, string | number> {
  return typeof t === 'object' ? t : { text: String(t) };
}

interface NbtTag { type: string; value: unknown }
interface NbtBuilders {
  comp(value: Record<string, NbtTag>, name?: string): NbtTag & { name?: string };
  string(v: string): NbtTag;
  byte(v: number): NbtTag;
  int(v: number): NbtTag;
  double(v: number): NbtTag;
  list(inner: NbtTag): NbtTag;
}

/** Vanilla's NBT text component (1.20.3+ chat packets). */
export function toNbt(t: Text): NbtTag {
  const tag = nbt.comp(compoundOf(t), '');
  return tag;
}

function compoundOf(t: Text): Record<string, NbtTag> {
  return valueCompound(asObject(t) as unknown as Record<string, unknown>);
}

/** Any JSON object as an NBT compound (hover and click events nest objects; `with` and `extra` are components). */
function valueCompound(o: Record<string, unknown>): Record<string, NbtTag> {
  const out: Record<string, NbtTag> = {};
  for (const [k, v] of Object.entries(o)) {
    const tag = k === 'with' || k === 'extra' ? componentList(v) : valueTag(v);
    if (tag) out[k] = tag;
  }
  return out;
}

/**
 * Vanilla's lists of components: plain strings (or numbers) stay primitive tags when the whole list is of
 * that kind; a mixed list wraps each primitive in a compound under the empty key, as NBT lists are of one type.
 */
function componentList(v: unknown): NbtTag | undefined {
  if (!Array.isArray(v)) return undefined;
  const items = v as Text[];
  if (items.length > 0 && items.every((e) => typeof e === 'string')) return nbt.list({ type: 'string', value: items });
  if (items.length > 0 && items.every((e) => typeof e === 'number' && Number.isInteger(e))) return nbt.list({ type: 'int', value: items });
  return nbt.list({ type: 'compound', value: items.map((e) => (typeof e === 'object' ? compoundOf(e) : { '': valueTag(e)! })) });
}

function valueTag(v: unknown): NbtTag | undefined {
  if (typeof v === 'string') return nbt.string(v);
  if (typeof v === 'boolean') return nbt.byte(v ? 1 : 0);
  if (typeof v === 'number') return Number.isInteger(v) ? nbt.int(v) : nbt.double(v);
  if (Array.isArray(v)) return nbt.list({ type: 'compound', value: v.map((e) => compoundOf(e as Text)) });
  if (v && typeof v === 'object') return { type: 'compound', value: valueCompound(v as Record<string, unknown>) };
  return undefined;
}

/**
 * A component for packets that carry one outside chat (titles, boss bars, teams, objectives): JSON text
 * before 1.20.3, NBT since, where vanilla writes a plain unstyled text as a bare string tag (clients
 * such as mineflayer's title and boss-bar readers rely on that).
 */
export function componentField(serv: SquidServer, t: Text): string | NbtTag {
  if (!serv.supportFeature('chatPacketsUseNbtComponents')) return JSON.stringify(asObject(t));
  if (typeof t !== 'object') return nbt.string(String(t));
  if ('text' in t && Object.keys(t).length === 1) return nbt.string(t.text);
  return toNbt(t);
}
