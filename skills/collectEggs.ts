import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import type { Entity } from 'prismarine-entity';
import { z } from 'zod';
import {
  countItem, defineSkill, EGG_LAY_SECONDS, LAG_FACTOR, lagAwareDeadline, EGG_LAY_TICKS, EGG_STACK, HENS_FOUND, type DroppedItem, droppedItems, fmt, moveTo, NEARBY_RADIUS, nearestMob, pickUp, roomFor, type SkillContext, SkillError, throwIfAborted, waitUntil,
} from '../src/actions/index.ts';

const { goals } = pathfinderPkg;

/** A hen lays every 5 to 10 minutes: within a hen's longest interval every hen near has laid once. */
export const WAIT_FIRST_S = EGG_LAY_TICKS.max / 20;
/** Each egg after the first, from the hens of a flock laying side by side (one hen fewer than found, for slack). */
export const WAIT_PER_EGG_S = EGG_LAY_SECONDS / (HENS_FOUND - 1);
const MAX_WAIT_S = 3600;
/** Eggs stack to 16: a run waits for a stack at most. */
const MAX_EGGS = EGG_STACK;
/** Hens this close to one another are one flock; the bot waits by the biggest. */
const FLOCK_RADIUS = 8;
/** The bot keeps this close to the flock as the hens wander, so an egg is a short walk away. */
const STAY_NEAR = 4;
/** Between two looks at where the hens have wandered, the bot watches for eggs this long. */
const LOOK_MS = 2000;
const WALK_MS = 20_000;
/** After a walk to the flock fails, the bot waits where it stands this long before trying again. */
const WALK_AGAIN_MS = 15_000;
/** Passes at one egg before it is left lying (out of reach behind a fence). */
const MAX_PICKUPS = 2;
const WALK_ERRORS = new Set(['NO_PATH', 'STUCK']);

const params = z.object({
  count: z.number().int().min(1).max(MAX_EGGS).default(1).describe('eggs wanted (a stack of 16 at most)'),
  radius: z.number().int().min(4).max(96).default(NEARBY_RADIUS).describe('how far to look for chickens and their eggs, in blocks'),
  waitSeconds: z.number().int().min(0).max(MAX_WAIT_S).default(WAIT_FIRST_S).describe('how long, in all, to wait for the hens to lay'),
});
type Args = z.infer<typeof params>;

export interface EggsResult {
  /** Eggs the inventory gained. */
  eggs: number;
  /** The most chickens seen within `radius` at once. */
  hens: number;
  /** Seconds spent waiting for eggs to be laid. */
  waited: number;
}

/** The wait the planner gives for `count` eggs: the first within a hen's longest interval, the rest at a flock's pace. */
export function eggWaitSeconds(count: number): number {
  return Math.min(MAX_WAIT_S, WAIT_FIRST_S + (count - 1) * WAIT_PER_EGG_S);
}

export const collectEggs = defineSkill<typeof params, EggsResult>({
  name: 'collectEggs',
  summary: 'Wait among chickens nearby for them to lay and pick up `count` eggs.',
  details: 'A hen lays an egg every 5 to 10 minutes; the bot stays by the biggest flock within `radius` for up to `waitSeconds` in all. '
    + 'Fails NO_TARGET with no chicken within `radius`, TIMEOUT when too few eggs came in time, INVENTORY_FULL without room for them.',
  params,
  example: { count: 1, radius: NEARBY_RADIUS, waitSeconds: WAIT_FIRST_S },
  preconditions: () => ({ facts: ['chicken_nearby'] }),
  effects: (args) => ({ obtain: { egg: args.count } }),
  producers: (target, count): Args[] => (target === 'egg' ? [{ count: Math.min(MAX_EGGS, count), radius: NEARBY_RADIUS, waitSeconds: eggWaitSeconds(Math.min(MAX_EGGS, count)) }] : []),
  timeoutMs: (args) => 60_000 + args.count * 15_000 + args.waitSeconds * 1000 * LAG_FACTOR,
  run: (ctx, args) => collect(ctx, args),
});

/** Grown-up chickens within `radius`, nearest first. */
function hensAround(bot: Bot, radius: number): Entity[] {
  const out: Entity[] = [];
  const found = new Set<number>();
  for (;;) {
    const hen = nearestMob(bot, 'chicken', radius, (e) => !found.has(e.id));
    if (!hen) return out;
    found.add(hen.id);
    out.push(hen);
  }
}

/** The hen with the most others around it (the nearest of equals): where the eggs are likeliest. */
function flockCentre(hens: readonly Entity[]): Entity {
  const around = (h: Entity) => hens.filter((o) => o.position.distanceTo(h.position) <= FLOCK_RADIUS).length;
  return hens.reduce((best, h) => (around(h) > around(best) ? h : best));
}

async function collect(ctx: SkillContext, args: Args): Promise<EggsResult> {
  const { bot, signal, log, knowledge: kb } = ctx;
  const room = roomFor(bot, 'egg', kb);
  if (room < args.count) throw new SkillError('INVENTORY_FULL', `inventory full: room for ${room} of ${args.count} eggs`, { item: 'egg' });
  const before = countItem(bot, 'egg');
  const got = () => countItem(bot, 'egg') - before;
  // The hens lay in game ticks: a server lagging behind the clock is waited for (at most LAG_FACTOR times the clock's bound).
  const overdue = lagAwareDeadline(args.waitSeconds * 1000, () => Number(bot.time.age));
  const tries = new Map<number, number>();
  const eggsInSight = () => droppedItems(ctx, { radius: args.radius, item: 'egg' }).filter((d) => (tries.get(d.entity.id) ?? 0) < MAX_PICKUPS);
  let hensSeen = 0;
  let waitedMs = 0;
  let walkAgainAt = 0;
  while (got() < args.count) {
    throwIfAborted(signal);
    const hens = hensAround(bot, args.radius);
    hensSeen = Math.max(hensSeen, hens.length);
    const eggs = eggsInSight();
    if (eggs.length > 0) {
      await pickUpEggs(ctx, eggs, tries, () => got() >= args.count);
      continue;
    }
    const done = got() > 0 ? `got ${got()} of ${args.count} eggs; ` : '';
    if (hens.length === 0) throw new SkillError('NO_TARGET', `${done}no chicken within ${args.radius} blocks`, { block: 'chicken' });
    if (overdue()) {
      const waited = Math.round(waitedMs / 1000);
      throw new SkillError('TIMEOUT', `${got()} of ${args.count} eggs arrived in ${waited} s of waiting by the ${hensSeen} ${hensSeen === 1 ? 'chicken' : 'chickens'} within ${args.radius} blocks`, { item: 'egg' });
    }
    if (Date.now() >= walkAgainAt && !(await stayAmong(ctx, hens))) walkAgainAt = Date.now() + WALK_AGAIN_MS;
    const started = Date.now();
    try {
      // Polled: an egg's item entity is named by its metadata a moment after it appears.
      await waitUntil(() => eggsInSight().length > 0, { signal, timeoutMs: LOOK_MS, what: 'an egg', everyMs: 250 });
    } catch (err) {
      if (signal.aborted || !(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
    } finally {
      waitedMs += Date.now() - started;
    }
  }
  log.debug({ eggs: got(), hens: hensSeen, waitedMs }, 'collected eggs');
  return { eggs: got(), hens: hensSeen, waited: Math.round(waitedMs / 1000) };
}

/** Walks over the eggs in sight (stopping once `enough`), and waits for the pickups to reach the inventory. */
async function pickUpEggs(ctx: SkillContext, eggs: readonly DroppedItem[], tries: Map<number, number>, enough: () => boolean): Promise<void> {
  const { bot, signal } = ctx;
  const had = countItem(bot, 'egg');
  const res = await pickUp(ctx, eggs, { until: enough });
  for (const d of eggs) tries.set(d.entity.id, (tries.get(d.entity.id) ?? 0) + 1);
  if (res.lastError) ctx.log.debug({ code: res.lastError.code, err: res.lastError.message, left: res.left }, 'could not pick up every egg');
  if (res.taken === 0) return;
  await waitUntil(() => countItem(bot, 'egg') > had, { signal, timeoutMs: 1500, what: 'picked-up eggs in the inventory' }).catch((err: unknown) => {
    if (signal.aborted || !(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
  });
}

/**
 * Walks up to the biggest flock when the bot is farther than STAY_NEAR from it; false when the walk
 * failed (a fenced pen): the bot then waits where it is, as eggs in sight are picked up all the same.
 */
async function stayAmong(ctx: SkillContext, hens: readonly Entity[]): Promise<boolean> {
  const centre = flockCentre(hens).position;
  if (ctx.bot.entity.position.distanceTo(centre) <= STAY_NEAR) return true;
  try {
    await moveTo(ctx, new goals.GoalNear(centre.x, centre.y, centre.z, STAY_NEAR - 1), { what: `the chickens at ${fmt(centre)}`, timeoutMs: WALK_MS, canDig: false });
    return true;
  } catch (err) {
    if (ctx.signal.aborted || !(err instanceof SkillError) || !WALK_ERRORS.has(err.code)) throw err;
    ctx.log.debug({ code: err.code, err: err.message }, 'could not walk up to the chickens; waiting where the bot stands');
    return false;
  }
}
