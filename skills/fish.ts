import type { Vec3 } from 'vec3';
import { z } from 'zod';
import {
  canCastFrom, CastFrom, castOnce, countItem, defineSkill, droppedItems, fishableItems, fishingWaters, fmt, gained, holdRod, inventoryCounts,
  meanCasts, moveTo, needsOpenWater, pickUp, SECONDS_PER_CAST, type SkillContext, SkillError, throwIfAborted, waitUntil,
} from '../src/actions/index.ts';

const params = z.object({
  item: z.string().min(1).describe('the catch: cod, salmon, a junk or treasure item'),
  count: z.number().int().min(1).max(64).default(1).describe('how many of it'),
  radius: z.number().int().min(8).max(64).default(32).describe('water within'),
  maxCasts: z.number().int().min(1).max(2000).optional().describe('give up after (default 3× the mean)'),
});
type Args = z.infer<typeof params>;

export interface FishResult {
  casts: number;
  /** Everything the inventory gained (the catch wanted and the rest). */
  gained: Record<string, number>;
}

/** Where a catch thrown at the bot can lie when it falls short. */
const CATCH_RADIUS = 8;
/** The catch flies to the player in about a second. */
const CATCH_MS = 3000;
/** Casts in a row that land out of the water before the spot is given up. */
const MISSES_PER_SPOT = 3;
/** Water spots tried (unreachable banks, casts that keep missing) before the skill gives up. */
const SPOTS = 4;

/** The casts allowed: three times the mean for `count`, at least 5. */
function castBound(args: Args): number {
  return args.maxCasts ?? Math.min(2000, Math.max(5, Math.ceil(3 * meanCasts(args.item, args.count))));
}

export const fish = defineSkill<typeof params, FishResult>({
  name: 'fish',
  summary: 'Fish with a rod from a bank nearby until `count` of `item` were caught.',
  details: 'Treasure needs open water (5×5 of water at least 2 deep with nothing over it). Fails NO_TOOL without a rod, NO_TARGET with no water within `radius`, FAILED after `maxCasts` casts.',
  params,
  example: { item: 'cod', count: 1, radius: 32 },
  preconditions: () => ({ equip: ['fishing_rod'], facts: ['water_nearby'] }),
  effects: (args) => ({ obtain: { [args.item]: args.count } }),
  producers: (target, count, kb): Args[] => (kb.registry.itemsByName[target] && fishableItems().includes(target) ? [{ item: target, count, radius: 32 }] : []),
  timeoutMs: (args) => 60_000 + castBound(args) * SECONDS_PER_CAST * 1500,
  run: (ctx, args) => fishFor(ctx, args),
});

async function fishFor(ctx: SkillContext, args: Args): Promise<FishResult> {
  const { bot, log } = ctx;
  if (!bot.registry.itemsByName[args.item] || !fishableItems().includes(args.item)) {
    throw new SkillError('BAD_ARGS', `fishing never gives ${args.item} (it gives ${fishableItems().join(', ')})`);
  }
  if (countItem(bot, 'fishing_rod') === 0) throw new SkillError('NO_TOOL', 'need a fishing rod to fish', { tool: 'fishing_rod', item: 'fishing_rod', need: 1, have: 0 });
  const open = needsOpenWater(args.item);
  const waters = fishingWaters(bot, args.radius, open);
  if (waters.length === 0) throw new SkillError('NO_TARGET', `no ${open ? 'open water (5×5, 2 deep, nothing over it)' : 'water'} within ${args.radius} blocks`, { block: 'water' });
  const start = inventoryCounts(bot);
  const wanted = () => gained(start, inventoryCounts(bot))[args.item] ?? 0;
  const bound = castBound(args);
  let casts = 0;
  let lastError: SkillError | undefined;
  for (const water of spots(waters)) {
    try {
      await goFishing(ctx, water);
    } catch (err) {
      if (ctx.signal.aborted || !(err instanceof SkillError) || !['NO_PATH', 'STUCK'].includes(err.code)) throw err;
      log.debug({ water: fmt(water), err: err.message }, 'no way to the bank; trying other water');
      lastError = err;
      continue;
    }
    let misses = 0;
    while (wanted() < args.count && casts < bound && misses < MISSES_PER_SPOT) {
      throwIfAborted(ctx.signal);
      casts++;
      const result = await castOnce(ctx, water.offset(0.5, 0.9, 0.5));
      if (result === 'missed') misses++;
      else misses = 0;
      if (result === 'caught') await collectCatch(ctx, water);
    }
    if (wanted() >= args.count || casts >= bound) break;
    lastError = new SkillError('FAILED', `${misses} casts in a row landed out of the water at ${fmt(water)}`);
  }
  const got = wanted();
  if (got < args.count) {
    const why = casts >= bound ? `in ${casts} casts` : `(${lastError?.message ?? 'no water to cast into'})`;
    throw new SkillError('FAILED', `caught ${got} of ${args.count} ${args.item} ${why}`, { item: args.item, need: args.count, have: got });
  }
  return { casts, gained: gained(start, inventoryCounts(bot)) };
}

/** Up to SPOTS waters to try, the nearest first, each at least a cast apart from the ones before. */
function spots(waters: readonly Vec3[]): Vec3[] {
  const out: Vec3[] = [];
  for (const w of waters) {
    if (out.length >= SPOTS) break;
    if (out.every((o) => o.distanceTo(w) > 4)) out.push(w);
  }
  return out;
}

/** Walks to a dry place within a cast of `water` (unless the bot stands at one) and takes the rod. */
async function goFishing(ctx: SkillContext, water: Vec3): Promise<void> {
  if (!canCastFrom(ctx.bot, ctx.bot.entity.position, water)) {
    await moveTo(ctx, new CastFrom(ctx.bot, water), { what: `the bank by the water at ${fmt(water)}`, canDig: false, stuckMs: 5000, timeoutMs: 45_000 });
  }
  await holdRod(ctx);
}

/** Waits for the catch to reach the inventory; one that fell short is walked to. */
async function collectCatch(ctx: SkillContext, water: Vec3): Promise<void> {
  const before = inventoryCounts(ctx.bot);
  const arrived = () => Object.keys(gained(before, inventoryCounts(ctx.bot))).length > 0;
  try {
    await waitUntil(arrived, { signal: ctx.signal, timeoutMs: CATCH_MS, what: 'the catch to arrive' });
    return;
  } catch (err) {
    if (!(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
  }
  const near = droppedItems(ctx, { radius: 3 });
  const lying = near.concat(droppedItems(ctx, { near: water, radius: CATCH_RADIUS }).filter((d) => !near.some((n) => n.entity === d.entity)));
  if (lying.length > 0) await pickUp(ctx, lying, { until: arrived });
}
