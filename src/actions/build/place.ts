// One block of a structure placed in its state, as a player does it: stand within reach, look the way
// the state needs, click the face that gives it (rules.ts), then read the block back from the world.
// Digging what is in the way (a wrong block) is here too, so a build never leaves a block of its own
// in a wrong state.
import type { Block } from 'prismarine-block';
import pathfinderPkg, { type GoalPlaceBlockOptions } from 'mineflayer-pathfinder';
import { Vec3 } from 'vec3';
import { SkillError, missingItems } from '../../base/errors.ts';
import { fmt } from '../../base/position.ts';
import { untilAborted, waitUntil } from '../../base/wait.ts';
import { describeCell, matches, REPLACEABLE, type Cell } from '../../build/survey.ts';
import type { SkillContext } from '../../skills/types.ts';
import { countItem } from '../items/inventory.ts';
import { holdConfirmed, inReach, isSupport, occupiesBot, REACH } from '../items/placement.ts';
import { breakBlock, canDigFromHere, digGoal } from '../mining/world.ts';
import { equipFor } from '../mining/dropTools.ts';
import { moveTo } from '../movement/move.ts';
import { placeOptions, yawOf, type PlaceOption } from './rules.ts';

const { goals } = pathfinderPkg;
const NEAR_FACE = { range: REACH - 0.5, LOS: false } as unknown as GoalPlaceBlockOptions;

interface GenericPlace {
  _genericPlace(ref: Block, face: Vec3, opts: { half?: 'top' | 'bottom'; forceLook?: boolean | 'ignore'; swingArm?: 'right' }): Promise<void>;
}

/** The block's state as the bot sees it, for messages and matching. */
export function viewOf(block: Block): { name: string; props: Record<string, string | number | boolean> } {
  return { name: block.name, props: block.getProperties() };
}

/** The first way to place `cell` whose neighbour is there to click, with that neighbour. */
function chooseOption(ctx: SkillContext, cell: Cell, at: Vec3): { option: PlaceOption; ref: Block } | undefined {
  for (const option of placeOptions(cell.block.name, cell.block.props)) {
    const ref = ctx.bot.blockAt(at.plus(option.ref));
    if (ref && isSupport(ref)) return { option, ref };
  }
  return undefined;
}

/** Whether `cell` can be placed now: a neighbour to click is there. */
export function placeable(ctx: SkillContext, cell: Cell): boolean {
  return chooseOption(ctx, cell, new Vec3(cell.x, cell.y, cell.z)) !== undefined;
}

/**
 * Places `item` so that `cell` holds its block in its state, and checks it. FAILED when the world shows
 * another state afterwards (the caller digs it out), MISSING_ITEMS without the item, NO_TARGET when no
 * neighbour is there to click.
 */
export async function placeCell(ctx: SkillContext, cell: Cell, item: string, scaffold = true): Promise<void> {
  const { bot, signal } = ctx;
  const at = new Vec3(cell.x, cell.y, cell.z);
  const where = `${cell.block.name} at ${fmt(at)}`;
  if (countItem(bot, item) < 1) throw missingItems(item, 1, 0);
  const here = bot.blockAt(at);
  if (!here) throw new SkillError('FAILED', `${fmt(at)} is not loaded`);
  if (!REPLACEABLE.has(here.name)) throw new SkillError('FAILED', `cannot place ${where}: ${here.name} is there`);
  let chosen = chooseOption(ctx, cell, at);
  if (!chosen) throw new SkillError('NO_TARGET', `cannot place ${where}: no block next to it to place against`);
  if (!inReach(bot, at) || occupiesBot(bot, at)) {
    try {
      await moveTo(ctx, new goals.GoalPlaceBlock(at, bot.world, NEAR_FACE), { what: `a spot to place ${where}`, canDig: false, scaffold });
    } catch (err) {
      if (signal.aborted || !(err instanceof SkillError) || (err.code !== 'NO_PATH' && err.code !== 'STUCK')) throw err;
      // Walled in by its own build (inside a finished hut, or standing in the last gap): it digs its way out,
      // and the build puts back any block of its own that went.
      if (occupiesBot(bot, at)) await moveTo(ctx, new goals.GoalInvert(new goals.GoalNear(at.x, at.y, at.z, 2)), { what: `out of ${fmt(at)}`, canDig: true, scaffold });
      await moveTo(ctx, new goals.GoalPlaceBlock(at, bot.world, NEAR_FACE), { what: `a spot to place ${where}`, canDig: true, scaffold });
    }
    chosen = chooseOption(ctx, cell, at) ?? chosen;
  }
  if (occupiesBot(bot, at)) throw new SkillError('FAILED', `cannot place ${where}: the bot stands there`);
  await holdConfirmed(ctx, item);
  const { option, ref } = chosen;
  try {
    if (option.look) {
      // The server reads the facing from the player's look: turned first, and a tick for the look to reach it.
      await bot.look(yawOf(option.look), 0.3, true);
      await bot.waitForTicks(2);
    }
    // Said before the click: a connection lost before the block shows still leaves a record of it.
    ctx.report?.({ kind: 'placing', x: cell.x, y: cell.y, z: cell.z, block: cell.block.name });
    const place = (bot as unknown as GenericPlace)._genericPlace(ref, option.ref.scaled(-1), { ...(option.half ? { half: option.half } : {}), forceLook: option.look ? 'ignore' : true, swingArm: 'right' });
    await untilAborted(place, signal);
  } catch (err) {
    if (signal.aborted) throw err;
    throw new SkillError('FAILED', `placing ${where} failed: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
  }
  await waitUntil(() => bot.blockAt(at)?.name === cell.block.name, { signal, timeoutMs: 2500, what: `${where} to appear` }).catch(() => undefined);
  await waitUntil(() => { const b = bot.blockAt(at); return b !== null && matches(cell.block, viewOf(b), true); }, { signal, timeoutMs: 1000, what: `${where} in its state` }).catch(() => undefined);
  const now = bot.blockAt(at);
  // Sides and corners follow the neighbours, some not placed yet: the build's last survey checks them.
  if (!now || !matches(cell.block, viewOf(now), true)) {
    throw new SkillError('FAILED', `placed ${item} for ${where} but the world shows ${now ? describeCell(viewOf(now)) : 'nothing'}`);
  }
}

/** Digs whatever stands in `at` (a wrong block, a site's leftovers, scaffolding) with the best tool held. */
export async function clearCell(ctx: SkillContext, at: Vec3, scaffold = true): Promise<void> {
  const { bot } = ctx;
  const block = bot.blockAt(at);
  if (!block || REPLACEABLE.has(block.name)) return;
  if (!canDigFromHere(bot, at)) {
    try {
      await moveTo(ctx, digGoal(bot, at), { what: `${block.name} at ${fmt(at)} to clear`, canDig: false, scaffold });
    } catch (err) {
      if (ctx.signal.aborted || !(err instanceof SkillError)) throw err;
      // Out of reach without breaking anything (leaves up a tree, a bank): the walk may dig and pillar.
      await moveTo(ctx, digGoal(bot, at), { what: `${block.name} at ${fmt(at)} to clear`, canDig: true, scaffold });
    }
  }
  await equipFor(ctx, block.name, [], block.name).catch(() => null);
  await breakBlock(ctx, block, `${block.name} at ${fmt(at)}`);
}
