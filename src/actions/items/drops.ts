import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import pathfinderPkg, { type goals as GoalsNs } from 'mineflayer-pathfinder';
import type { Vec3 } from 'vec3';
import { SkillError } from '../../base/errors.ts';
import { moveTo } from '../movement/move.ts';
import type { SkillContext } from '../../skills/types.ts';
import { throwIfAborted, waitUntil } from '../../base/wait.ts';
import { fmt } from '../../base/position.ts';

const { goals } = pathfinderPkg;
type Goal = GoalsNs.Goal;

/** A dropped item entity the bot can see; `item` is null while the server has not named its stack. */
export interface DroppedItem {
  entity: Entity;
  item: string | null;
  count: number;
}

export interface DropFilter {
  /** Only entities within `radius` of this point (default: the bot). */
  near?: Vec3;
  radius: number;
  /** Only stacks of this item. */
  item?: string;
}

/**
 * The stack an item entity holds, or null while its metadata has not arrived (the spawn packet comes
 * first, and prismarine-entity would read the missing slot and throw).
 */
export function namedStack(bot: Bot, entity: DroppedItem['entity']): ReturnType<DroppedItem['entity']['getDroppedItem']> {
  const slot = bot.registry.supportFeature('metadataIxOfItem') as unknown as number;
  return (entity.metadata as unknown[] | undefined)?.[slot] === undefined ? null : entity.getDroppedItem();
}

/** Dropped item entities matching the filter, nearest to the bot first. */
export function droppedItems(ctx: Pick<SkillContext, 'bot'>, filter: DropFilter): DroppedItem[] {
  const { bot } = ctx;
  const centre = filter.near ?? bot.entity.position;
  const out: DroppedItem[] = [];
  for (const entity of Object.values(bot.entities)) {
    if (entity.name !== 'item' || !entity.isValid) continue;
    if (entity.position.distanceTo(centre) > filter.radius) continue;
    const stack = namedStack(bot, entity);
    if (filter.item !== undefined && stack?.name !== filter.item) continue;
    out.push({ entity, item: stack?.name ?? null, count: stack?.count ?? 0 });
  }
  const me = bot.entity.position;
  return out.sort((a, b) => a.entity.position.distanceTo(me) - b.entity.position.distanceTo(me));
}

/**
 * Waits until an item entity shows up within `radius` of `at` (a block just broken), for at most
 * `timeoutMs`; returns what is there then, possibly nothing when the block dropped nothing.
 */
export async function waitForDrops(ctx: SkillContext, at: Vec3, opts: { radius?: number; timeoutMs: number; item?: string }): Promise<DroppedItem[]> {
  const filter = { near: at, radius: opts.radius ?? 2.5, item: opts.item };
  try {
    await waitUntil(() => droppedItems(ctx, filter).some((d) => d.item !== null), { signal: ctx.signal, timeoutMs: opts.timeoutMs, what: `items dropped at ${fmt(at)}`, everyMs: 50 });
  } catch (err) {
    // No drop within the wait is an answer (the bot may have picked it up already), not a failure.
    if (!(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
  }
  return droppedItems(ctx, filter);
}

export interface PickUpResult {
  /** Entities that disappeared (picked up by the bot, or by someone else). */
  taken: number;
  /** Entities still lying there after the attempts. */
  left: number;
  /** Why the last one failed, when some are left. */
  lastError?: SkillError;
}

/**
 * Walks to each dropped item in turn until its entity is gone (the server gives it to the bot
 * once its pickup delay is over): next to it first, then onto its block. Every item gets `tries`
 * walks and waits of at most `perItemMs` each; items that cannot be reached are left and counted.
 * Stops early once `until()` holds (the caller has what it came for).
 */
export async function pickUp(ctx: SkillContext, drops: readonly DroppedItem[], opts: { perItemMs?: number; tries?: number; until?: () => boolean } = {}): Promise<PickUpResult> {
  const { bot, signal } = ctx;
  const perItemMs = opts.perItemMs ?? 2500;
  let lastError: SkillError | undefined;
  const gone = (e: Entity) => !e.isValid || bot.entities[e.id] !== e;
  for (const drop of drops) {
    if (opts.until?.()) break;
    const e = drop.entity;
    const tries = opts.tries ?? 2;
    for (let attempt = 0; attempt < tries && !gone(e); attempt++) {
      throwIfAborted(signal);
      const p = restingCell(ctx, e.position);
      // A falling item is judged where it will land.
      const near = () => inPickupReach(ctx, e, restingCell(ctx, e.position).y);
      try {
        // First to the item's block or one next to it that takes no hard digging (a path into a
        // tree trunk costs a log's dig time), then onto its very block, whatever it takes.
        const goal = attempt === 0 ? nearGoal(ctx, p) : new goals.GoalBlock(p.x, p.y, p.z);
        if (!near()) await moveTo(ctx, goal, { what: `${drop.item ?? 'item'} at ${fmt(p)}`, stuckMs: 3000 });
        // A move into a hole ends while the bot still falls; reach is judged once it lands.
        await waitUntil(() => bot.entity.onGround, { signal, timeoutMs: 1000, what: 'the bot to land' }).catch(ignoreTimeout);
        if (!near() && attempt + 1 < tries) continue;
        await waitUntil(() => gone(e) || !near(), { signal, timeoutMs: perItemMs, what: `pickup of ${drop.item ?? 'an item'}` });
      } catch (err) {
        if (signal.aborted) throw err;
        if (!(err instanceof SkillError)) throw err;
        lastError = err;
      }
    }
  }
  const left = drops.filter((d) => !gone(d.entity)).length;
  const taken = drops.length - left;
  return lastError && left > 0 ? { taken, left, lastError } : { taken, left };
}

function ignoreTimeout(err: unknown): void {
  if (!(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
}

/** The cell an item at `pos` comes to rest in: the first one down with something solid under it (10 at most). */
export function restingCell(ctx: Pick<SkillContext, 'bot'>, pos: Vec3): Vec3 {
  // An item lying on a block reports a height a hair below the block's top.
  const cell = pos.offset(0, 0.05, 0).floored();
  if (ctx.bot.blockAt(cell)?.boundingBox === 'block') cell.y++;
  for (let i = 0; i < 10; i++) {
    const below = ctx.bot.blockAt(cell.offset(0, -1, 0));
    if (!below || below.boundingBox !== 'empty') break;
    cell.y--;
  }
  return cell;
}

/** Blocks quicker to break than this (seconds of hardness) may be dug on the way to an item: leaves, dirt, plants. */
const SOFT_HARDNESS = 0.6;

/** The item's block and its four neighbours, leaving out those whose feet or head space holds a hard block. */
function nearGoal(ctx: Pick<SkillContext, 'bot'>, p: Vec3): Goal {
  const soft = (pos: Vec3) => {
    const b = ctx.bot.blockAt(pos);
    return !b || b.boundingBox === 'empty' || (b.hardness !== null && b.hardness >= 0 && b.hardness < SOFT_HARDNESS);
  };
  const cells = [p, p.offset(1, 0, 0), p.offset(-1, 0, 0), p.offset(0, 0, 1), p.offset(0, 0, -1)]
    .filter((c) => soft(c) && soft(c.offset(0, 1, 0)));
  if (cells.length === 0) return new goals.GoalNear(p.x, p.y, p.z, 1);
  return new goals.GoalCompositeAny(cells.map((c) => new goals.GoalBlock(c.x, c.y, c.z)));
}

// The server hands an item over when the player's box, grown by 1 sideways and 0.5 up and down,
// touches it (vanilla); a little less here so that "in reach" is never a near miss.
const REACH_XZ = 1.4;
const REACH_BELOW = 0.6;
const REACH_ABOVE = 2.2;

/**
 * True when the item lies where the server would give it to the bot (once its pickup delay is
 * over); `restY` judges it at that height instead of where it is now (still falling).
 */
export function inPickupReach(ctx: Pick<SkillContext, 'bot'>, e: Entity, restY?: number): boolean {
  const at = restY === undefined ? e.position : e.position.offset(0, Math.min(0, restY - e.position.y), 0);
  const d = at.minus(ctx.bot.entity.position);
  return Math.abs(d.x) < REACH_XZ && Math.abs(d.z) < REACH_XZ && d.y > -REACH_BELOW && d.y < REACH_ABOVE;
}

