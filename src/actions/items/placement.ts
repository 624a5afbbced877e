// Placing blocks from the inventory: where (a free cell on solid ground near the bot, never where
// the bot stands) and how (equip, place against a solid neighbour, then check the world).
import type { Bot } from 'mineflayer';
import pathfinderPkg, { type GoalPlaceBlockOptions } from 'mineflayer-pathfinder';
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import { DEFAULT_REACH } from '../../bot/observe.ts';
import { cellReader, usableFrom } from '../../bot/stationAccess.ts';
import { missingItems, SkillError } from '../../base/errors.ts';
import { countItem, findItem } from './inventory.ts';
import { moveTo } from '../movement/move.ts';
import type { SkillContext } from '../../skills/types.ts';
import { untilAborted, waitUntil } from '../../base/wait.ts';
import { syncWindow } from '../crafting/windows.ts';
import { fmt } from '../../base/position.ts';
import { isClaimedByOther } from '../../bot/claims.ts';

const { goals } = pathfinderPkg;
const EYE_HEIGHT = 1.62;
/** Half the player's width: its box spans ±0.3 around its position. */
const HALF_WIDTH = 0.3;
const HEIGHT = 1.8;
const FREE = new Set(['air', 'cave_air', 'void_air']);
// Below first: a block placed on the ground is what players expect; then sides, then above.
const NEIGHBOURS = [new Vec3(0, -1, 0), new Vec3(1, 0, 0), new Vec3(-1, 0, 0), new Vec3(0, 0, 1), new Vec3(0, 0, -1), new Vec3(0, 1, 0)];

export const REACH = DEFAULT_REACH;
// The typings mark `faces` and `facing` required; at run time they default to every face, any facing.
const ANY_FACE = { range: REACH - 0.5, LOS: false } as unknown as GoalPlaceBlockOptions;

export function eyes(bot: Bot): Vec3 {
  return bot.entity.position.offset(0, EYE_HEIGHT, 0);
}

/** Whether a block's centre is within reach of the bot's eyes. */
export function inReach(bot: Bot, pos: Vec3, reach = REACH): boolean {
  return eyes(bot).distanceTo(pos.offset(0.5, 0.5, 0.5)) <= reach;
}

export function isFree(block: Block | null): boolean {
  return block !== null && FREE.has(block.name);
}

export function isSolid(block: Block | null): boolean {
  return block !== null && block.boundingBox === 'block';
}

const INTERACTIVE = /^(crafting_table|furnace|blast_furnace|smoker|chest|trapped_chest|barrel|ender_chest|anvil|chipped_anvil|damaged_anvil|enchanting_table|brewing_stand|hopper|dropper|dispenser|lever|loom|cartography_table|smithing_table|grindstone|stonecutter|lectern|bell|note_block|jukebox|beacon|.*_door|.*_trapdoor|.*_fence_gate|.*_button|.*_bed|.*shulker_box)$/;

/**
 * A block to place against: solid and not one that a right-click opens or toggles. Clicking a
 * furnace or a table opens it instead of placing (vanilla, unless sneaking), and the placement never comes.
 */
export function isSupport(block: Block | null): boolean {
  return isSolid(block) && !INTERACTIVE.test(block!.name);
}

/** Whether the cell at `pos` overlaps the bot's own box (placing there would fail or trap it). */
export function occupiesBot(bot: Bot, pos: Vec3): boolean {
  const p = bot.entity.position;
  return p.x + HALF_WIDTH > pos.x && p.x - HALF_WIDTH < pos.x + 1
    && p.y + HEIGHT > pos.y && p.y < pos.y + 1
    && p.z + HALF_WIDTH > pos.z && p.z - HALF_WIDTH < pos.z + 1;
}

/**
 * A free cell within reach and in sight (so a station placed there is usable from here: a cell behind
 * a tunnel's corner is not) with a solid block under it, not overlapping the bot: at foot level
 * first, nearest first, preferring cells with free space above (a station stays usable).
 */
export function findPlaceSpot(bot: Bot, radius = 2): Vec3 | null {
  const feet = bot.entity.position.floored();
  const spots: { pos: Vec3; score: number }[] = [];
  const inSight = sightFrom(bot);
  for (const dy of [0, -1, 1]) {
    for (let dx = -radius; dx <= radius; dx++) {
      for (let dz = -radius; dz <= radius; dz++) {
        const pos = feet.offset(dx, dy, dz);
        // A cell a team mate claimed is about to hold its station (src/bot/claims.ts).
        if (occupiesBot(bot, pos) || !inReach(bot, pos) || !inSight(pos) || isClaimedByOther(bot, pos)) continue;
        if (!isFree(bot.blockAt(pos)) || !isSupport(bot.blockAt(pos.offset(0, -1, 0)))) continue;
        const openAbove = isFree(bot.blockAt(pos.offset(0, 1, 0)));
        spots.push({ pos, score: Math.abs(dy) * 10 + Math.hypot(dx, dz) + (openAbove ? 0 : 5) });
      }
    }
  }
  spots.sort((a, b) => a.score - b.score);
  return spots[0]?.pos ?? wallSpot(bot, feet, radius, inSight);
}

/** Whether a block at a cell would be seen from the bot's eyes past the blocks around it. */
function sightFrom(bot: Bot): (pos: Vec3) => boolean {
  const cell = cellReader(bot);
  const eye = eyes(bot);
  return (pos) => usableFrom(cell, eye, pos);
}

/**
 * In a tunnel or a shaft there may be no free cell on solid ground: vanilla places against any solid
 * face, so take the nearest free cell in reach with a solid neighbour (a wall or a ceiling).
 */
function wallSpot(bot: Bot, feet: Vec3, radius: number, inSight: (pos: Vec3) => boolean): Vec3 | null {
  let best: { pos: Vec3; score: number } | null = null;
  for (const dy of [0, 1, -1, 2]) {
    for (let dx = -radius; dx <= radius; dx++) {
      for (let dz = -radius; dz <= radius; dz++) {
        const pos = feet.offset(dx, dy, dz);
        if (occupiesBot(bot, pos) || !inReach(bot, pos) || !isFree(bot.blockAt(pos)) || !inSight(pos) || isClaimedByOther(bot, pos)) continue;
        if (!NEIGHBOURS.some((n) => isSupport(bot.blockAt(pos.plus(n))))) continue;
        const score = Math.abs(dy) * 10 + Math.hypot(dx, dz);
        if (!best || score < best.score) best = { pos, score };
      }
    }
  }
  return best?.pos ?? null;
}

/** The block an item places, when the item is a block of the same name. */
export function blockOfItem(bot: Bot, item: string): string | null {
  return bot.registry.blocksByName[item] !== undefined && bot.registry.itemsByName[item] !== undefined ? item : null;
}

/**
 * Places `item` from the inventory at `pos` (walking into reach when needed) and returns the new
 * block once the world shows it. MISSING_ITEMS without the item; FAILED when the cell is taken or
 * has nothing solid to place against; BAD_ARGS when the item is not a block.
 */
export async function placeItemAt(ctx: SkillContext, item: string, pos: Vec3): Promise<Block> {
  const { bot, signal } = ctx;
  const blockName = blockOfItem(bot, item);
  if (!blockName) throw new SkillError('BAD_ARGS', `${item} is not a block that can be placed`);
  const have = countItem(bot, item);
  if (have < 1) throw missingItems(item, 1, 0);
  const target = pos.floored();
  const current = bot.blockAt(target);
  if (!current) throw new SkillError('FAILED', `${fmt(target)} is not loaded`);
  if (!isFree(current)) throw new SkillError('FAILED', `cannot place ${item} at ${fmt(target)}: ${current.name} is there`);
  const ref = NEIGHBOURS.map((d) => bot.blockAt(target.plus(d))).find((b): b is Block => isSupport(b));
  if (!ref) throw new SkillError('FAILED', `cannot place ${item} at ${fmt(target)}: no solid block next to it to place against (stations and doors open instead)`);
  if (!inReach(bot, target) || occupiesBot(bot, target)) {
    await moveTo(ctx, new goals.GoalPlaceBlock(target, bot.world, ANY_FACE), { what: `a spot to place ${item} at ${fmt(target)}` });
  }
  if (occupiesBot(bot, target)) throw new SkillError('FAILED', `cannot place ${item} at ${fmt(target)}: the bot stands there`);
  await holdConfirmed(ctx, item);
  try {
    await untilAborted(bot.placeBlock(ref, target.minus(ref.position)), signal);
  } catch (err) {
    if (signal.aborted) throw err;
    throw new SkillError('FAILED', `placing ${item} at ${fmt(target)} failed: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
  }
  // mineflayer resolves on the server's block update; the world is the proof, not our packet.
  await waitUntil(() => bot.blockAt(target)?.name === blockName, { signal, timeoutMs: 2000, what: `${item} to appear at ${fmt(target)}` })
    .catch((err: unknown) => {
      const there = bot.blockAt(target)?.name ?? 'nothing';
      throw new SkillError('FAILED', `placed ${item} at ${fmt(target)} but the world shows ${there}`, undefined, { cause: err });
    });
  return bot.blockAt(target)!;
}

/**
 * Equips `item` and has the server confirm the hand: it places whatever it thinks is held, and after
 * a burst of clicks under load the two views of the inventory can differ (a furnace placed as planks).
 */
export async function holdConfirmed(ctx: SkillContext, item: string): Promise<void> {
  const { bot, signal } = ctx;
  for (let attempt = 0; attempt < 2; attempt++) {
    const stack = findItem(bot, item);
    if (!stack) throw missingItems(item, 1, 0);
    await untilAborted(bot.equip(stack, 'hand'), signal);
    await syncWindow(ctx, bot.inventory);
    if (bot.heldItem?.name === item) return;
  }
  throw new SkillError('FAILED', `could not hold ${item}: after equipping it twice the server says the hand holds ${bot.heldItem?.name ?? 'nothing'}`);
}

/** Places `item` at a free spot next to the bot (see findPlaceSpot). */
export async function placeNearby(ctx: SkillContext, item: string): Promise<Block> {
  if (countItem(ctx.bot, item) < 1) throw missingItems(item, 1, 0);
  const spot = findPlaceSpot(ctx.bot);
  if (!spot) throw new SkillError('FAILED', `no free spot on solid ground within reach to place ${item}`);
  return placeItemAt(ctx, item, spot);
}
