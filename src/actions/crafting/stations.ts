// Work blocks a skill needs next to it (crafting table, furnace, chest): one within reach, else one a
// short walk away, else, where allowed, one placed from the inventory. "Near" is src/bot/stationAccess.ts.
import type { Bot, Chest } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import type { Block } from 'prismarine-block';
import type { Vec3 } from 'vec3';
import { stationSite, type StationAccess, type StationSite } from '../../bot/stationAccess.ts';
import { markUnreachable } from '../../bot/unreachable.ts';
import { releaseClaim, stationClaimKind, tryClaim } from '../../bot/claims.ts';
import { missingItems, noTarget, SkillError } from '../../base/errors.ts';
import { countItem } from '../items/inventory.ts';
import { moveTo } from '../movement/move.ts';
import { findPlaceSpot, placeItemAt } from '../items/placement.ts';
import type { SkillContext } from '../../skills/types.ts';
import { fmt } from '../../base/position.ts';

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

/** The station of `names` the shared definition picks (src/bot/stationAccess.ts), within STATION_RADIUS; never a team mate's furnace. */
export function findStation(bot: Bot, names: readonly string[]): StationSite | null {
  return stationSite(bot, names, STATION_RADIUS);
}

/**
 * Claims a furnace for this bot (src/bot/claims.ts) as soon as it is chosen: in the same tick as the
 * look (no await between, so no team mate can take it in between), and for long enough to cover the
 * trip to it and the whole smelt. Tables and chests are shared and never claimed. False when a team
 * mate holds it.
 */
function claimStation(bot: Bot, pos: Vec3, name: string | undefined): boolean {
  const kind = name === undefined ? undefined : stationClaimKind(name);
  return kind === undefined || tryClaim(bot, pos, kind);
}

/** Finds a station and claims it when it is a furnace. */
function findAndClaim(bot: Bot, names: readonly string[], far = true): StationSite | null {
  const site = findStation(bot, names);
  if (site && (far || site.access !== 'far')) claimStation(bot, site.pos, bot.blockAt(site.pos)?.name);
  return site;
}

/**
 * A station of one of `names` the bot can use now: one in reach, else one a short walk away (walked
 * to), else one placed from the inventory (`place`; null: never place), else a far one walked to.
 * Fails with NO_TARGET (nothing within the radius, nothing to place) or MISSING_ITEMS for the item to place.
 */
export async function reachStation(ctx: SkillContext, names: readonly string[], place: string | null): Promise<StationAt> {
  const { bot } = ctx;
  const site = findAndClaim(bot, names);
  if (site?.access === 'reach') return { block: blockAt(bot, site.pos, names), placed: false, walked: false };
  const canPlace = place !== null && countItem(bot, place) > 0;
  if (site?.access === 'walk' && site.stand) {
    const s = site.stand;
    try {
      await moveTo(ctx, new goals.GoalBlock(s.x, s.y, s.z), { what: `a spot by the ${nameAt(bot, site.pos)} at ${fmt(site.pos)}` });
      return { block: usable(ctx, names, site.pos), placed: false, walked: true };
    } catch (err) {
      // A station we cannot walk to is no station (for the observation too, for a while); one from the inventory does the job.
      if (err instanceof SkillError && (err.code === 'NO_PATH' || err.code === 'STUCK')) markUnreachable(bot, site.pos);
      if (!(canPlace && err instanceof SkillError && (err.code === 'NO_PATH' || err.code === 'STUCK' || err.code === 'FAILED'))) throw err;
      ctx.log.debug({ err: err.message }, 'station out of reach; placing one instead');
    }
  }
  if (canPlace) return { block: await placeStation(ctx, place), placed: true, walked: false };
  if (site) {
    // Far (up a wall, through rock): walk to it on purpose, digging if the path needs it.
    const p = site.pos;
    try {
      await moveTo(ctx, new goals.GoalNear(p.x, p.y, p.z, 2), { what: `the ${nameAt(bot, p)} at ${fmt(p)}` });
    } catch (err) {
      if (err instanceof SkillError && (err.code === 'NO_PATH' || err.code === 'STUCK')) markUnreachable(bot, p);
      throw err;
    }
    return { block: usable(ctx, names, p), placed: false, walked: true };
  }
  if (place !== null) throw missingItems(place, 1, 0);
  throw noTarget(names[0] ?? 'station', STATION_RADIUS);
}

/** The block at `pos`, which must still be one of `names`. */
function blockAt(bot: Bot, pos: Vec3, names: readonly string[]): Block {
  const block = bot.blockAt(pos);
  if (!block || !names.includes(block.name)) throw new SkillError('FAILED', `the ${names[0] ?? 'station'} at ${fmt(pos)} is gone`);
  return block;
}

function nameAt(bot: Bot, pos: Vec3): string {
  return bot.blockAt(pos)?.name ?? 'station';
}

/** After a walk: the station at `pos` must now be in reach by the shared definition. */
function usable(ctx: SkillContext, names: readonly string[], pos: Vec3): Block {
  const block = blockAt(ctx.bot, pos, names);
  const site = findAndClaim(ctx.bot, names, false);
  if (site?.access === 'reach' && site.pos.equals(pos)) return block;
  // Another one came into reach on the way, or the walk ended a little short: look once more.
  if (site?.access === 'reach') return blockAt(ctx.bot, site.pos, names);
  throw new SkillError('FAILED', `walked to the ${block.name} at ${fmt(pos)} but cannot use it from ${fmt(ctx.bot.entity.position.floored())}`);
}

/**
 * Places `name` from the inventory next to the bot and checks that the world shows it usable from here.
 * A furnace's cell is claimed before it is placed: a team mate seeing it appear must not take it first.
 */
async function placeStation(ctx: SkillContext, name: string): Promise<Block> {
  const { bot } = ctx;
  if (countItem(bot, name) < 1) throw missingItems(name, 1, 0);
  const spot = findPlaceSpot(bot);
  if (!spot) throw new SkillError('FAILED', `no free spot on solid ground within reach to place ${name}`);
  if (!claimStation(bot, spot, name)) throw new SkillError('FAILED', `the spot ${fmt(spot)} for a ${name} is claimed by a team mate`);
  const block = await placeItemAt(ctx, name, spot).catch((err: unknown) => {
    releaseClaim(bot, spot);
    throw err;
  });
  const site = findStation(ctx.bot, [name]);
  if (site?.access !== 'reach') throw new SkillError('FAILED', `placed a ${name} at ${fmt(block.position)} but it is not usable from ${fmt(ctx.bot.entity.position.floored())}`);
  return block;
}

/**
 * Makes a `name` station near the bot (the shared definition: in reach or a short walk): an existing
 * one counts; else one is placed from the inventory and checked. MISSING_ITEMS when there is none to place.
 */
export async function placeStationNearby(ctx: SkillContext, name: string): Promise<{ placed: boolean; x: number; y: number; z: number; access: StationAccess }> {
  const site = findAndClaim(ctx.bot, [name], false);
  if (site && site.access !== 'far') return { placed: false, ...xyz(site.pos), access: site.access };
  const block = await placeStation(ctx, name);
  return { placed: true, ...xyz(block.position), access: 'reach' };
}

function xyz(p: Vec3): { x: number; y: number; z: number } {
  return { x: p.x, y: p.y, z: p.z };
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
