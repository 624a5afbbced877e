// Blocks the bot tried to walk to and could not (NO_PATH, STUCK): remembered per bot for a while, so
// that mining does not try the same trees on a cliff again and exploring does not call them found.
// An entry is forgotten after a while, or as soon as the block there changes (the world moved on).
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import { findNearestBlocks } from './findBlocks.ts';

/** How long a block stays written off: the bot may come back from another side later. */
const FORGET_AFTER_MS = 10 * 60_000;
/** How far from a written-off block its like are written off too: the rest of the tree, the vein. */
const CLUSTER = 4;

interface Entry { at: number; state: number | undefined; pos: Vec3 }

const memory = new WeakMap<Bot, Map<string, Entry>>();

function key(p: { x: number; y: number; z: number }): string {
  return `${p.x},${p.y},${p.z}`;
}

function stateAt(bot: Bot, pos: Vec3): number | undefined {
  return (bot.world as unknown as { getBlockStateId(p: Vec3): number | undefined }).getBlockStateId(pos) ?? undefined;
}

function entries(bot: Bot): Map<string, Entry> {
  let m = memory.get(bot);
  if (!m) memory.set(bot, (m = new Map<string, Entry>()));
  const now = Date.now();
  for (const [k, e] of m) if (now - e.at > FORGET_AFTER_MS || stateAt(bot, e.pos) !== e.state) m.delete(k);
  return m;
}

/**
 * Writes off the block at `pos` and, with `names`, the blocks of those names around it (a log on a cliff
 * means the whole tree is up there).
 */
export function markUnreachable(bot: Bot, pos: { x: number; y: number; z: number }, names: readonly string[] = []): void {
  const m = entries(bot);
  const at = Date.now();
  const mark = (p: Vec3) => m.set(key(p), { at, state: stateAt(bot, p), pos: p });
  mark(new Vec3(pos.x, pos.y, pos.z));
  if (names.length > 0) for (const p of findNearestBlocks(bot, names, CLUSTER, 64, { x: pos.x + 0.5, y: pos.y + 0.5, z: pos.z + 0.5 })) mark(p);
}

export function isUnreachable(bot: Bot, pos: { x: number; y: number; z: number }): boolean {
  return entries(bot).has(key(pos));
}

/** The positions ("x,y,z") written off now. */
export function unreachableKeys(bot: Bot): Set<string> {
  return new Set(entries(bot).keys());
}
