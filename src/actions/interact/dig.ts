// Digging one known block and picking up what it dropped: the second half of every use that changes a
// block in place (a stripped log, a carved pumpkin, concrete just set), where the block to dig is the
// one the skill made, not the nearest of its kind.
import type { Vec3 } from 'vec3';
import { SkillError } from '../../base/errors.ts';
import { fmt } from '../../base/position.ts';
import { untilAborted, waitUntil } from '../../base/wait.ts';
import type { SkillContext } from '../../skills/types.ts';
import { droppedItems, pickUp, waitForDrops } from '../items/drops.ts';
import { countItem, equipBestTool, gained, inventoryCounts } from '../items/inventory.ts';
import { breakBlock, canDigFromHere, digGoal } from '../mining/world.ts';
import { moveTo } from '../movement/move.ts';

/** Drops appear a tick after the block breaks; pickups show in the inventory a moment after the entity goes. */
const DROP_WAIT_MS = 2000;
const ARRIVE_WAIT_MS = 2000;
/** How far from the block's centre its drops (and what lay there before, the pumpkin's seeds) are picked up. */
const DROP_RADIUS = 3;

/** Whether `held` digs `block` faster than a hand (equipBestTool leaves the hand as it was otherwise). */
function isBest(ctx: SkillContext, block: string, held: string): boolean {
  return ctx.knowledge.bestTool(block, [held]) === held;
}

/**
 * Walks into reach of the block at `pos`, digs it with the best tool carried and picks up its drops and
 * anything lying beside it. FAILED unless `item` arrived; returns what the inventory gained.
 */
export async function digAndCollect(ctx: SkillContext, pos: Vec3, item: string): Promise<Record<string, number>> {
  const { bot, signal } = ctx;
  const name = bot.blockAt(pos)?.name ?? 'nothing';
  const where = `${name} at ${fmt(pos)}`;
  const before = inventoryCounts(bot);
  const start = countItem(bot, item);
  if (!canDigFromHere(bot, pos)) await moveTo(ctx, digGoal(bot, pos), { what: where });
  const block = bot.blockAt(pos);
  if (block?.name !== name) throw new SkillError('FAILED', `${where} is gone`);
  const held = await equipBestTool(ctx, name);
  // A tool no better than a hand would only wear (shears wear on any block): the hand digs it.
  if (held !== null && held === bot.heldItem?.name && !isBest(ctx, name, held) && bot.heldItem.maxDurability) await untilAborted(bot.unequip('hand'), signal);
  await breakBlock(ctx, block, where);
  const centre = pos.offset(0.5, 0.5, 0.5);
  await waitForDrops(ctx, centre, { radius: DROP_RADIUS, timeoutMs: DROP_WAIT_MS, item });
  const arrived = () => countItem(bot, item) > start;
  if (!arrived()) await pickUp(ctx, droppedItems(ctx, { near: centre, radius: DROP_RADIUS }));
  await waitUntil(arrived, { signal, timeoutMs: ARRIVE_WAIT_MS, what: `${item} in the inventory` }).catch((err: unknown) => {
    if (signal.aborted || !(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
    throw new SkillError('FAILED', `dug ${where} but no ${item} arrived in the inventory`, { item, need: 1, have: 0 }, { cause: err });
  });
  // What else lay there (seeds out of a carved pumpkin) is picked up too, unless it lies out of the way.
  const rest = droppedItems(ctx, { near: centre, radius: DROP_RADIUS });
  if (rest.length > 0) await pickUp(ctx, rest, { tries: 1, perItemMs: 1500 });
  return gained(before, inventoryCounts(bot));
}
