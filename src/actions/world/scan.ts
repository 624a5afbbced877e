import type { Bot } from 'mineflayer';
import { findNearestBlocks } from '../../bot/findBlocks.ts';
import type { Block } from 'prismarine-block';
import type { Entity } from 'prismarine-entity';
import { Vec3 } from 'vec3';
import { isUnreachable } from '../../bot/unreachable.ts';
import { isClaimedByOther } from '../../bot/claims.ts';
import { TAKEN_BY_CONTAINERS, takeablePositions } from '../interact/fluidSource.ts';

/**
 * How close something must be to count as "nearby" (the `<name>_nearby` facts): the observation
 * radius, so that what the agent sees in its observation and what the facts say agree.
 */
export const NEARBY_RADIUS = 32;
/** How far skills look for a block or entity to walk to: the columns a client usually has loaded. */
export const SEARCH_RADIUS = 96;

type XYZ = { readonly x: number; readonly y: number; readonly z: number };

/** Block ids for the given names; unknown names are left out. */
export function blockIds(bot: Bot, names: readonly string[]): number[] {
  const ids: number[] = [];
  for (const name of names) {
    const id = bot.registry.blocksByName[name]?.id;
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

export interface FindOptions {
  /** Radius around `from` (default NEARBY_RADIUS). */
  maxDistance?: number;
  /** How many positions at most (default 1). */
  count?: number;
  /** Centre of the search (default the bot's feet). */
  from?: XYZ;
}

/**
 * Positions of blocks named `names` around the bot, nearest first, from the loaded columns.
 * mineflayer's findBlocks skips sections whose palette lacks the ids, so a miss over a wide radius
 * costs little. It stops after the first ring of sections holding `count` matches, so a match in
 * the next ring that is a little closer can be missed; the result is sorted by true distance.
 */
export function findBlockPositions(bot: Bot, names: readonly string[], opts: FindOptions = {}): Vec3[] {
  // findNearestBlocks decides all-air and all-stone sections from their single value; mineflayer's
  // findBlocks reads every block of them (0.2-0.5 s for one search).
  return findNearestBlocks(bot, names, opts.maxDistance ?? NEARBY_RADIUS, opts.count ?? 1, opts.from ?? bot.entity.position);
}

/** The nearest block named one of `names`, or null. */
export function findNearestBlock(bot: Bot, names: readonly string[], opts: Omit<FindOptions, 'count'> = {}): Block | null {
  const [pos] = findBlockPositions(bot, names, { ...opts, count: 1 });
  return pos ? bot.blockAt(pos) : null;
}

/**
 * Whether a block has a face open to something the bot can stand in or reach through (air, a plant,
 * water): a block buried in stone is known from the chunk data but cannot be walked up to.
 */
export function isExposed(bot: Bot, pos: XYZ): boolean {
  const p = new Vec3(pos.x, pos.y, pos.z);
  for (const [dx, dy, dz] of FACES) {
    const n = bot.blockAt(p.offset(dx, dy, dz));
    if (n && n.boundingBox === 'empty') return true;
  }
  return false;
}

export const FACES: readonly (readonly [number, number, number])[] = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]];

/** The name an entity is looked up by: the username of a player, else its registry name (cow, zombie, item). */
export function entityName(e: Entity): string {
  return e.type === 'player' && e.username ? e.username : (e.name ?? 'unknown');
}

/**
 * The nearest entity other than the bot whose registry name or username is `name` (players also
 * match `player`), within `maxDistance` of the bot, or null.
 */
export function findNearestEntity(bot: Bot, name: string, maxDistance = NEARBY_RADIUS): Entity | null {
  const me = bot.entity.position;
  let best: Entity | null = null;
  let bestD = maxDistance;
  for (const e of Object.values(bot.entities)) {
    if (e === bot.entity || !e.isValid) continue;
    if (e.name !== name && entityName(e) !== name) continue;
    const d = e.position.distanceTo(me);
    if (d <= bestD) {
      best = e;
      bestD = d;
    }
  }
  return best;
}

export type TargetKind = 'block' | 'entity';

/**
 * Where the nearest `target` is within `maxDistance` of the bot, or null; blocks just found unreachable do not
 * count, nor fluids a bucket cannot take (explore's "found" is the fill's target).
 */
export function locate(bot: Bot, target: string, kind: TargetKind, maxDistance: number): Vec3 | null {
  if (kind === 'entity') return findNearestEntity(bot, target, maxDistance)?.position.clone() ?? null;
  // A block a team mate is on its way to dig is not there for this bot: an explore would stop next to it.
  const skip = (p: Vec3) => isUnreachable(bot, p) || isClaimedByOther(bot, p);
  // Water, lava, powder snow: only what a bucket can take counts, as the fill action picks (fluidSource.ts);
  // an aquifer shut in stone is no water to explore for.
  if (TAKEN_BY_CONTAINERS.has(target)) return takeablePositions(bot, target, maxDistance, { skip })[0] ?? null;
  return findBlockPositions(bot, withDeepslateTwin(bot, target), { maxDistance, count: 32 }).find((p) => !skip(p)) ?? null;
}

/**
 * An ore and its deepslate form are one target, as mineBlock treats them: below y 0 only the
 * deepslate form exists (diamond_ore → deepslate_diamond_ore).
 */
export function withDeepslateTwin(bot: Bot, name: string): string[] {
  const twin = `deepslate_${name}`;
  return name.endsWith('_ore') && bot.registry.blocksByName[twin] ? [name, twin] : [name];
}

/** Whether `name` is a block or an entity type of the bot's Minecraft version. */
export function knownTarget(bot: Bot, name: string, kind: TargetKind): boolean {
  if (kind === 'block') return bot.registry.blocksByName[name] !== undefined;
  return bot.registry.entitiesByName[name] !== undefined;
}
