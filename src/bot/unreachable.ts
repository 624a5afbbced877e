// Blocks the bot tried to walk to and could not (NO_PATH, STUCK): remembered per bot for a while, so
// that mining does not try the same trees on a cliff again and exploring does not call them found.
import type { Bot } from 'mineflayer';
import { findNearestBlocks } from './findBlocks.ts';

/** How long a block stays written off: the bot may come back from another side later. */
const FORGET_AFTER_MS = 10 * 60_000;

const memory = new WeakMap<Bot, Map<string, number>>();

function key(p: { x: number; y: number; z: number }): string {
  return `${p.x},${p.y},${p.z}`;
}

function entries(bot: Bot): Map<string, number> {
  let m = memory.get(bot);
  if (!m) memory.set(bot, (m = new Map<string, number>()));
  const now = Date.now();
  for (const [k, at] of m) if (now - at > FORGET_AFTER_MS) m.delete(k);
  return m;
}

/** How far from a written-off block its like are written off too: the rest of the tree, the vein. */
const CLUSTER = 4;

/**
 * Writes off the block at `pos` and, with `names`, the blocks of those names around it (a log on a cliff
 * means the whole tree is up there).
 */
export function markUnreachable(bot: Bot, pos: { x: number; y: number; z: number }, names: readonly string[] = []): void {
  const m = entries(bot);
  const now = Date.now();
  m.set(key(pos), now);
  if (names.length > 0) for (const p of findNearestBlocks(bot, names, CLUSTER, 64, { x: pos.x + 0.5, y: pos.y + 0.5, z: pos.z + 0.5 })) m.set(key(p), now);
}

export function isUnreachable(bot: Bot, pos: { x: number; y: number; z: number }): boolean {
  return entries(bot).has(key(pos));
}

/** The positions ("x,y,z") written off now. */
export function unreachableKeys(bot: Bot): Set<string> {
  return new Set(entries(bot).keys());
}
