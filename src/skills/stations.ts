// Work blocks a skill needs next to it (crafting table, furnace, chest): one within reach, else a
// known one nearby (walked to), else, where allowed, one placed from the inventory.
import type { Bot, Chest } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import { missingItems, noTarget, SkillError } from './errors.ts';
import { countItem } from './inventory.ts';
import { moveTo } from './move.ts';
import { inReach, placeNearby, REACH } from './placement.ts';
import type { SkillContext } from './types.ts';

const { goals } = pathfinderPkg;

/** Facts the station skills make true and crafting/smelting require. */
export const CRAFTING_TABLE_NEARBY = 'crafting_table_nearby';
export const FURNACE_NEARBY = 'furnace_nearby';

/** How far a skill looks for a station it can walk to. */
export const STATION_RADIUS = 32;

export const CONTAINERS = ['chest', 'trapped_chest', 'barrel'] as const;

export interface StationAt {
  block: Block;
  /** Placed from the inventory by this call. */
  placed: boolean;
  /** Walked to by this call. */
  walked: boolean;
}

/** The parts of a prismarine-chunk 1.18+ column the search reads. */
interface ScanColumn {
  minY?: number;
  sections?: ({ palette?: number[]; data?: { value?: number } } | null | undefined)[];
  getBlockStateId(pos: Vec3): number;
}

/**
 * The nearest block (from the bot's feet) among `names` within `radius`. Sections whose palette
 * (or single value) holds none of the wanted states are skipped: mineflayer's findBlock reads
 * every block of single-value sections, which took 0.5-0.9 s for a 32-block radius.
 */
export function nearestBlock(bot: Bot, names: readonly string[], radius: number): Block | null {
  const states = new Set<number>();
  for (const n of names) {
    const b = bot.registry.blocksByName[n];
    if (b) for (let st = b.minStateId ?? b.defaultState; st <= (b.maxStateId ?? b.defaultState); st++) states.add(st);
  }
  const c = bot.entity.position;
  const minY = bot.game.minY;
  let best: Vec3 | null = null;
  let bestD2 = radius * radius;
  const probe = new Vec3(0, 0, 0);
  for (let cx = Math.floor((c.x - radius) / 16); cx <= Math.floor((c.x + radius) / 16); cx++) {
    for (let cz = Math.floor((c.z - radius) / 16); cz <= Math.floor((c.z + radius) / 16); cz++) {
      const column = bot.world.getColumn(cx, cz) as unknown as ScanColumn | null | undefined;
      if (!column) continue;
      const colMinY = column.minY ?? minY;
      for (let sy = Math.max(colMinY, Math.floor((c.y - radius - colMinY) / 16) * 16 + colMinY); sy <= c.y + radius; sy += 16) {
        const section = column.sections?.[(sy - colMinY) >> 4];
        if (!section) continue;
        const single = section.data?.value;
        if (single !== undefined ? !states.has(single) : section.palette && !section.palette.some((st) => states.has(st))) continue;
        for (let y = sy; y < sy + 16; y++) {
          for (let x = cx * 16; x < cx * 16 + 16; x++) {
            for (let z = cz * 16; z < cz * 16 + 16; z++) {
              const d2 = (x + 0.5 - c.x) ** 2 + (y + 0.5 - c.y) ** 2 + (z + 0.5 - c.z) ** 2;
              if (d2 > bestD2 || !states.has(column.getBlockStateId(probe.set(x & 15, y, z & 15)))) continue;
              bestD2 = d2;
              best = new Vec3(x, y, z);
            }
          }
        }
      }
    }
  }
  return best ? bot.blockAt(best) : null;
}

/** The nearest of `names` within reach of the bot's eyes, if any. */
export function stationInReach(bot: Bot, names: readonly string[]): Block | null {
  const b = nearestBlock(bot, names, Math.ceil(REACH) + 2);
  return b && inReach(bot, b.position) ? b : null;
}

/** The nearest of `names` within `radius` blocks, if any. */
export function stationNearby(bot: Bot, names: readonly string[], radius = STATION_RADIUS): Block | null {
  return nearestBlock(bot, names, radius);
}

/**
 * A station of one of `names` the bot can use now. `place` names the item to place when none is
 * around (null: never place). Fails with NO_TARGET (nothing within the radius, nothing to place)
 * or MISSING_ITEMS for the item to place.
 */
export async function reachStation(ctx: SkillContext, names: readonly string[], place: string | null): Promise<StationAt> {
  const { bot } = ctx;
  const near = stationInReach(bot, names);
  if (near) return { block: near, placed: false, walked: false };
  const known = stationNearby(bot, names);
  const canPlace = place !== null && countItem(bot, place) > 0;
  if (known) {
    const p = known.position;
    try {
      await moveTo(ctx, new goals.GoalNear(p.x, p.y, p.z, 2), { what: `the ${known.name} at ${p.x},${p.y},${p.z}` });
    } catch (err) {
      // A station we cannot reach is no station; one from the inventory does the job.
      if (!(canPlace && err instanceof SkillError && (err.code === 'NO_PATH' || err.code === 'STUCK'))) throw err;
      ctx.log.debug({ err: err.message }, 'station out of reach; placing one instead');
      return { block: await placeNearby(ctx, place), placed: true, walked: false };
    }
    const block = bot.blockAt(p);
    if (!block || !names.includes(block.name)) throw new SkillError('FAILED', `the ${known.name} at ${p.x},${p.y},${p.z} is gone`);
    if (!inReach(bot, p)) throw new SkillError('FAILED', `walked to the ${known.name} at ${p.x},${p.y},${p.z} but it is still out of reach`);
    return { block, placed: false, walked: true };
  }
  if (canPlace) return { block: await placeNearby(ctx, place), placed: true, walked: false };
  if (place !== null) throw missingItems(place, 1, 0);
  throw noTarget(names[0] ?? 'station', STATION_RADIUS);
}

/**
 * Places `name` from the inventory next to the bot, unless one is within reach already.
 * MISSING_ITEMS when there is none to place.
 */
export async function placeStationNearby(ctx: SkillContext, name: string): Promise<{ placed: boolean; x: number; y: number; z: number }> {
  const near = stationInReach(ctx.bot, [name]);
  const block = near ?? await placeNearby(ctx, name);
  const { x, y, z } = block.position;
  return { placed: near === null, x, y, z };
}

/** How many more of an item fit in a container window's own slots (not the player's part). */
export function chestRoomFor(chest: Chest, itemId: number, stackSize: number): number {
  let room = 0;
  for (let i = 0; i < chest.inventoryStart; i++) {
    const it = chest.slots[i];
    if (!it) room += stackSize;
    else if (it.type === itemId) room += Math.max(0, stackSize - it.count);
  }
  return room;
}
