import type { Vec3 } from 'vec3';
import { droppedItems, pickUp, type DroppedItem } from '../items/drops.ts';
import { SkillError } from '../../base/errors.ts';
import { countAny, gained, inventoryCounts, roomFor } from '../items/inventory.ts';
import { equipFor, holdFor, noToolError } from './dropTools.ts';
import { EYE_HEIGHT, breakBlock, canDigFromHere, digGoal, findCandidates, forbiddenStands, posKey, type Candidate } from './world.ts';
import { minePlan, primaryDrop, type MinePlan } from './targets.ts';
import { moveTo } from '../movement/move.ts';
import { markUnreachable, unreachableKeys } from '../../bot/unreachable.ts';
import { claimedByOthers, releaseClaim, tryClaim } from '../../bot/claims.ts';
import type { SkillContext } from '../../skills/types.ts';
import { throwIfAborted, waitUntil } from '../../base/wait.ts';

export interface MineArgs {
  block: string;
  count: number;
  item?: string;
  radius: number;
}

export interface MineResult {
  /** Every item the run added to the inventory (drops besides the counted one included). */
  gained: Record<string, number>;
  /** Items counted towards `count` (may exceed it: one block can drop several). */
  counted: number;
  /** Blocks broken. */
  dug: number;
  /** Where, in the order dug (one entry per block broken): a team's trace shows that no block was dug twice. */
  at: [number, number, number][];
}

/** Failures of one target that another target may not share: the bot tries the next block. */
const RETRYABLE = new Set(['NO_PATH', 'STUCK', 'FAILED', 'DANGER', 'TIMEOUT']);
/** Consecutive failed targets before the skill gives up with the last failure. */
const MAX_FAILURES = 5;

/** Blocks dug whose drops are not picked up yet: they are collected together, once the bot must move on. */
interface Pending {
  positions: Vec3[];
  items: Set<string>;
  /** Counted items the pending blocks surely give (whole expected items; 0 for chancy drops). */
  owed: number;
  /** Counted items they give on average (0.9 gravel per gravel block). */
  expected: number;
  /** Counted items carried when the first pending block was dug. */
  baseline: number;
}

/** Finds, reaches, digs and collects blocks until `count` items of the plan's drop were gained. */
export async function mineBlocks(ctx: SkillContext, args: MineArgs): Promise<MineResult> {
  const { bot, knowledge: kb, signal, log } = ctx;
  const plan = minePlan(kb, args.block, args.item);
  // The tool is checked before any walking: a block that would not give the drop is not worth the trip.
  const harvestable = plan.blocks.filter((b) => holdFor(bot, kb, b, plan.counted) !== undefined);
  if (harvestable.length === 0) throw noToolError(kb, args.block, plan.blocks, plan.counted, plan.label);
  const before = inventoryCounts(bot);
  const start = countAny(bot, plan.counted);
  const got = () => countAny(bot, plan.counted) - start;
  const progress = () => `got ${got()} of ${args.count} ${plan.label}`;
  // Blocks that could not be walked to a moment ago (this skill or another) are not tried again.
  const exclude = unreachableKeys(bot);
  let failedHere = 0;
  // Chancy drops (flint from gravel) need more blocks; beyond twice the expected number, something is wrong.
  const perDig = Math.min(...harvestable.map((b) => plan.counted.reduce((n, i) => n + (kb.expectedDrops(b, holdFor(bot, kb, b, plan.counted) ?? null)[i] ?? 0), 0)));
  const maxDigs = Math.ceil(args.count / Math.max(perDig, 0.004)) * 2 + 8;
  let pending: Pending | undefined;
  let dug = 0;
  const at: [number, number, number][] = [];
  let failures = 0;
  let lastError: SkillError | undefined;
  let dropsLeft = 0;
  const collect = async () => {
    if (!pending) return;
    const p = pending;
    pending = undefined;
    dropsLeft += await collectPending(ctx, p, plan, () => got());
  };

  while (got() < args.count) {
    throwIfAborted(signal);
    if (pending && pending.baseline + pending.expected >= args.count) {
      await collect();
      continue;
    }
    if (dug >= maxDigs) throw new SkillError('FAILED', `dug ${dug} blocks but the drops did not arrive (${progress()})`);
    // Blocks a team mate went for are theirs (nothing for a bot in no team).
    const theirs = claimedByOthers(bot);
    const { candidates, skipped } = findCandidates(bot, harvestable, args.radius, theirs.size > 0 ? new Set([...exclude, ...theirs]) : exclude);
    const target = candidates[0];
    // Blocks within reach and close together (a trunk, a vein) are dug in a row; their drops are
    // picked up together once the bot has to walk or turn to another spot.
    if (pending && (!target || !canDigFromHere(bot, target.pos) || !pending.positions.some((p) => horizontal(target.pos.offset(0.5, 0, 0.5), p) <= 2))) {
      log.debug({ next: target ? posKey(target.pos) : null, feet: posKey(bot.entity.position.floored()) }, 'next block needs a walk: collecting first');
      await collect();
      continue;
    }
    if (!target) {
      const claimed = theirs.size > 0 ? findCandidates(bot, harvestable, args.radius, exclude).candidates.filter((c) => theirs.has(posKey(c.pos))).length : 0;
      throw noTargetLeft(args, { skipped, claimed, failed: failedHere, lastError, dropsLeft, progress: got() > 0 ? progress() : undefined });
    }
    const drop = args.item ?? primaryDrop(kb, target.name) ?? plan.label;
    if (roomFor(bot, drop, kb) <= (pending?.owed ?? 0)) {
      if (pending) {
        await collect();
        continue;
      }
      throw new SkillError('INVENTORY_FULL', `inventory full: no room for ${drop}${got() > 0 ? ` (${progress()})` : ''}`, { item: drop, need: args.count, have: got() });
    }
    // Claimed before the walk, so that a team mate choosing now leaves it alone; none can have taken
    // it since findCandidates (no await between), but a failed claim is simply looked for again.
    // Given back when given up; once dug it stays claimed until it runs out, as a mate whose client
    // has not heard of the dig yet would otherwise see the block still there, free, and "dig" it again.
    if (!tryClaim(bot, target.pos, 'block')) continue;
    try {
      const baseline = got();
      const drops = await mineOne(ctx, target, plan).catch((err: unknown) => {
        releaseClaim(bot, target.pos);
        throw err;
      });
      dug++;
      at.push([target.pos.x, target.pos.y, target.pos.z]);
      // A finish the server found early shows the block again until the server breaks it (vanilla's delayed
      // destroy, the dig time after the start): it is not dug a second time.
      exclude.add(posKey(target.pos));
      failures = 0;
      pending ??= { positions: [], items: new Set(), owed: 0, expected: 0, baseline };
      pending.positions.push(target.pos);
      for (const item of Object.keys(drops)) pending.items.add(item);
      pending.owed += plan.counted.reduce((n, item) => n + Math.floor(drops[item] ?? 0), 0);
      pending.expected += plan.counted.reduce((n, item) => n + (drops[item] ?? 0), 0);
    } catch (err) {
      // Pulled away by a reflex (out of deep water, away from lava or a monster): the way to this block
      // is dangerous; the next call looks for another one first.
      if (signal.aborted && signal.reason instanceof SkillError && signal.reason.code === 'DANGER') markUnreachable(bot, target.pos);
      if (signal.aborted || !(err instanceof SkillError) || !RETRYABLE.has(err.code)) throw err;
      exclude.add(posKey(target.pos));
      failedHere++;
      // No path to one log of a tree: the rest of it is up there too. A STUCK walk may pass another time,
      // unless walks got stuck before in this call: sand across a lake, all of it behind the same water.
      if (err.code === 'NO_PATH' || (err.code === 'STUCK' && failedHere > 1)) markUnreachable(bot, target.pos, [target.name]);
      else if (err.code === 'STUCK') markUnreachable(bot, target.pos);
      for (const k of unreachableKeys(bot)) exclude.add(k);
      lastError = err;
      log.debug({ code: err.code, err: err.message, at: posKey(target.pos) }, 'target failed; trying another');
      if (++failures >= MAX_FAILURES) throw new SkillError(err.code, `${err.message} (${failures} targets failed; ${progress()})`, err.missing, { cause: err });
    }
  }
  return { gained: gained(before, inventoryCounts(bot)), counted: got(), dug, at };
}

/** A walk to one target: at least this long, and this long per block of straight distance (paths wind and dig). */
const WALK_MIN_MS = 15_000;
const WALK_MS_PER_BLOCK = 1_200;

/** Walks to one block and digs it with the best tool that gives the plan's drop; returns the drops to expect. */
async function mineOne(ctx: SkillContext, target: Candidate, plan: MinePlan): Promise<Record<string, number>> {
  const { bot, knowledge: kb, signal } = ctx;
  const { pos, name } = target;
  const where = `${name} at ${posKey(pos)}`;
  const t0 = Date.now();
  // A walk that keeps covering ground without arriving (round a cliff, up and down a tree) is not "stuck":
  // bounded by the distance, it gives this target up for the next instead of the whole skill's time.
  if (!canDigFromHere(bot, pos)) await moveTo(ctx, digGoal(bot, pos), { what: where, timeoutMs: Math.max(WALK_MIN_MS, bot.entity.position.distanceTo(pos) * WALK_MS_PER_BLOCK) });
  const t1 = Date.now();
  const block = bot.blockAt(pos);
  if (block?.name !== name) throw new SkillError('FAILED', `${where} is gone`);
  const feet = bot.entity.position.floored();
  if (forbiddenStands(bot, pos)(feet.x, feet.y, feet.z)) {
    throw new SkillError('DANGER', `will not dig ${where} from ${posKey(feet)}: nothing solid below it, or a falling block above`);
  }
  if (bot.entity.position.offset(0, EYE_HEIGHT, 0).distanceTo(pos.offset(0.5, 0.5, 0.5)) > 5) throw new SkillError('STUCK', `${where} is out of reach from ${posKey(feet)}`);
  const held = await equipFor(ctx, name, plan.counted, plan.label);
  // Off the ground a dig takes five times as long (vanilla), and the server times it so.
  await waitUntil(() => bot.entity.onGround, { signal, timeoutMs: 3000, what: 'the bot to stand on the ground' }).catch(ignoreTimeout);
  await breakBlock(ctx, block, where);
  ctx.log.debug({ at: posKey(pos), block: name, held, walkMs: t1 - t0, digMs: Date.now() - t1 }, 'dug');
  return kb.expectedDrops(name, held);
}

/**
 * Picks up the drops of the pending blocks and waits until the inventory shows what they owe
 * (bounded). Returns how many dropped stacks are still lying there.
 */
async function collectPending(ctx: SkillContext, pending: Pending, plan: MinePlan, got: () => number): Promise<number> {
  const { bot, signal } = ctx;
  const t0 = Date.now();
  const target = pending.baseline + pending.owed;
  const near = (d: DroppedItem) => (d.item === null || pending.items.has(d.item))
    && pending.positions.some((p) => horizontal(d.entity.position, p) <= 3 && d.entity.position.y <= p.y + 1.5);
  const visible = () => droppedItems(ctx, { radius: 24 }).filter(near);
  // Nothing owed (a drop that only comes by chance): pick up whatever is there, wait for nothing.
  const settled = () => pending.owed > 0 && got() >= target;
  // Drops appear a tick after the block breaks; ones already in reach are taken without walking.
  await waitUntil(() => visible().length > 0 || settled(), { signal, timeoutMs: 1200, what: 'drops' }).catch(ignoreTimeout);
  for (let round = 0; round < 2 && !settled(); round++) {
    const drops = visible();
    if (drops.length === 0) break;
    const res = await pickUp(ctx, drops, { until: settled });
    if (res.left > 0 && !settled()) ctx.log.debug({ left: res.left, err: res.lastError?.message }, 'some drops were not picked up');
  }
  // The entity vanishes a moment before the inventory update arrives; without this wait the loop
  // would dig one block too many.
  if (pending.owed > 0) await waitUntil(settled, { signal, timeoutMs: 1500, what: `${plan.label} in the inventory` }).catch(ignoreTimeout);
  const left = settled() ? 0 : visible().length;
  ctx.log.debug({ blocks: pending.positions.length, ms: Date.now() - t0, got: got(), left, bot: posKey(bot.entity.position.floored()) }, 'collected');
  return left;
}

function ignoreTimeout(err: unknown): void {
  if (!(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
}

function horizontal(a: Vec3, b: Vec3): number {
  return Math.hypot(a.x - (b.x + 0.5), a.z - (b.z + 0.5));
}

interface Leftovers {
  skipped: ReadonlyMap<string, string>;
  /** Blocks left alone because team mates claimed them. */
  claimed: number;
  failed: number;
  lastError: SkillError | undefined;
  /** Drops of dug blocks the bot could not pick up. */
  dropsLeft: number;
  progress: string | undefined;
}

function noTargetLeft(args: MineArgs, { skipped, claimed, failed, lastError, dropsLeft, progress }: Leftovers): SkillError {
  const notes: string[] = [];
  if (skipped.size > 0) {
    const reasons = [...new Set(skipped.values())].join(', ');
    notes.push(`${skipped.size} left alone: ${reasons}`);
  }
  if (claimed > 0) notes.push(`${claimed} claimed by team mates`);
  if (failed > 0) notes.push(`${failed} could not be dug${lastError ? `: ${lastError.message}` : ''}`);
  if (dropsLeft > 0) notes.push(`${dropsLeft} dropped stack${dropsLeft > 1 ? 's' : ''} could not be picked up`);
  if (progress) notes.push(progress);
  const suffix = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  // Blocks are there but every one failed on the way: the planner needs that failure, not "none found".
  if (lastError && skipped.size === 0 && (lastError.code === 'NO_PATH' || lastError.code === 'STUCK')) {
    return new SkillError(lastError.code, `no reachable ${args.block} within ${args.radius} blocks${suffix}`, { block: args.block }, { cause: lastError });
  }
  return new SkillError('NO_TARGET', `no ${args.block} within ${args.radius} blocks${suffix}`, { block: args.block });
}
