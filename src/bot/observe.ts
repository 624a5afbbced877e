import type { Bot } from 'mineflayer';
import type { Item } from 'prismarine-item';
import { Vec3 } from 'vec3';
import './types.ts';
import { round1, scanBlocks } from './blockScan.ts';
import { DEFAULT_REACH, stationSite } from './stationAccess.ts';
import type { EntityGroup, Observation, Point, Station } from './observation.ts';
import type { SeenMemory } from './seen.ts';

/** A position from any copy of vec3 (mineflayer ships its own). */
type XYZ = { readonly x: number; readonly y: number; readonly z: number };

/** Eye height of a standing player. */
const EYE_HEIGHT = 1.62;

export interface ObserveOptions {
  /** Radius in blocks for the block and entity lists (default 32). */
  radius?: number;
  /** The session's memory of what was seen: updated, and its out-of-sight part listed as `seen`. */
  seen?: SeenMemory;
}

export const DEFAULT_OBSERVE_RADIUS = 32;
export { DEFAULT_REACH };

/** A snapshot of the bot and its surroundings from what the client already knows (no server round trip). */
export function observe(bot: Bot, opts: ObserveOptions = {}): Observation {
  const radius = opts.radius ?? DEFAULT_OBSERVE_RADIUS;
  const pos = bot.entity.position;
  const eyes = { x: pos.x, y: pos.y + EYE_HEIGHT, z: pos.z };
  const blocks = scanBlocks(bot, pos, radius);
  const slots = bot.inventory.slots;
  const obs: Observation = {
    position: { x: round1(pos.x), y: round1(pos.y), z: round1(pos.z) },
    dimension: String(bot.game.dimension).replace(/^minecraft:/, ''),
    biome: biomeAt(bot, pos),
    time: timeOf(bot),
    health: round1(finite(bot.health)),
    food: Math.round(finite(bot.food)),
    saturation: round1(finite(bot.foodSaturation)),
    heldItem: itemOf(bot.heldItem),
    equipment: {
      head: itemOf(slots[5]), chest: itemOf(slots[6]), legs: itemOf(slots[7]), feet: itemOf(slots[8]), offhand: itemOf(slots[45]),
    },
    inventory: inventoryCounts(bot),
    radius,
    blocks,
    entities: entityGroups(bot, pos, radius),
    stations: {
      craftingTable: station(bot, 'crafting_table', eyes, radius),
      furnace: station(bot, 'furnace', eyes, radius),
    },
  };
  if (opts.seen) {
    opts.seen.record(obs);
    obs.seen = opts.seen.outOfSight(obs);
  }
  return obs;
}

/** Stats stay undefined (or NaN) until the server's first health update. */
function finite(n: number | undefined): number {
  return n !== undefined && Number.isFinite(n) ? Math.max(0, n) : 0;
}

function biomeAt(bot: Bot, pos: XYZ): string {
  const id = bot.world.getBiome(new Vec3(Math.floor(pos.x), Math.floor(pos.y), Math.floor(pos.z)));
  const biomes = bot.registry.biomes as Record<number, { name: string } | undefined>;
  return biomes[id]?.name ?? 'unknown';
}

function timeOf(bot: Bot): Observation['time'] {
  // A negative time means the daylight cycle is frozen; the clock value is still its absolute value.
  const t = ((Math.abs(Math.trunc(bot.time.timeOfDay)) % 24000) + 24000) % 24000;
  const phase = t < 12000 ? 'day' : t < 13000 ? 'sunset' : t < 23000 ? 'night' : 'sunrise';
  return { timeOfDay: t, day: Math.max(0, Math.trunc(bot.time.day)), phase };
}

function itemOf(item: Item | null | undefined): { name: string; count: number } | null {
  return item && item.count > 0 ? { name: item.name, count: item.count } : null;
}

function inventoryCounts(bot: Bot): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of bot.inventory.items()) {
    if (item.count > 0) counts[item.name] = (counts[item.name] ?? 0) + item.count;
  }
  return counts;
}

function entityGroups(bot: Bot, pos: XYZ, radius: number): EntityGroup[] {
  const groups = new Map<string, EntityGroup>();
  for (const entity of Object.values(bot.entities)) {
    if (entity === bot.entity || !entity.position) continue;
    const distance = Math.hypot(entity.position.x - pos.x, entity.position.y - pos.y, entity.position.z - pos.z);
    if (distance > radius) continue;
    const name = entity.type === 'player' ? (entity.username ?? 'player') : (entity.name ?? entity.displayName ?? 'unknown');
    const key = `${entity.type}:${name}`;
    const at: Point = { x: round1(entity.position.x), y: round1(entity.position.y), z: round1(entity.position.z) };
    const group = groups.get(key);
    if (!group) groups.set(key, { type: entity.type, name, count: 1, nearest: round1(distance), at });
    else {
      group.count++;
      if (distance < group.nearest) Object.assign(group, { nearest: round1(distance), at });
    }
  }
  return [...groups.values()].sort((a, b) => a.nearest - b.nearest);
}

function station(bot: Bot, name: string, eyes: XYZ, radius: number): Station | null {
  const site = stationSite(bot, [name], radius);
  if (!site) return null;
  const { x, y, z } = site.pos;
  const distance = round1(Math.hypot(x + 0.5 - eyes.x, y + 0.5 - eyes.y, z + 0.5 - eyes.z));
  return { at: { x, y, z }, distance, inReach: site.access === 'reach', access: site.access };
}
