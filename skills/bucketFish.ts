import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import type { Entity } from 'prismarine-entity';
import { Vec3 } from 'vec3';
import { z } from 'zod';
import { countItem, defineSkill, findItem, fmt, isPresent, missingItems, moveToUntil, NEARBY_RADIUS, nearestMob, type SkillContext, SkillError, sleep, throwIfAborted, untilAborted, waitUntil } from '../src/actions/index.ts';

const { goals } = pathfinderPkg;

/** The mobs a water bucket picks up (vanilla's Bucketable; src/knowledge/waterMobs.ts BUCKET_MOBS). */
export const BUCKETABLE = ['cod', 'salmon', 'pufferfish', 'tropical_fish', 'axolotl', 'tadpole'] as const;
type Bucketable = (typeof BUCKETABLE)[number];

const params = z.object({
  mob: z.enum(BUCKETABLE),
  count: z.number().int().min(1).max(36).default(1).describe('filled buckets wanted (one water bucket each)'),
  radius: z.number().int().min(4).max(96).default(NEARBY_RADIUS).describe('how far to look for one, in blocks'),
});
type Args = z.infer<typeof params>;

export interface BucketResult {
  bucketed: number;
}

/** The server swaps the bucket at once; this covers the slot update's way back. */
const CONFIRM_MS = 2000;
/** Clicks on one fish (it swims off between the walk and the click) before trying another. */
const TRIES_PER_FISH = 3;
/** Fish given up on (out of reach, not scooped) before the skill gives up. */
const MAX_LOST = 4;
/**
 * How long one fish is chased before another is tried. A fish flees a player within 8 blocks about as
 * fast as a bot swims (2 blocks a second): it is caught once the bank corners it, which takes a while
 * (15-35 s in the sandbox's rivers); giving up sooner for a fish further off only starts over.
 */
const CHASE_MS = 40_000;
const RETRYABLE = new Set(['NO_PATH', 'STUCK', 'FAILED']);

const bucketOf = (mob: Bucketable) => `${mob}_bucket`;

/** Vanilla survival reach for using an item on an entity (eyes to the nearest point of its box), a little inside. */
const REACH = 2.75;
const EYE_HEIGHT = 1.62;

function reachTo(bot: Bot, e: Entity): number {
  const eye = bot.entity.position.offset(0, EYE_HEIGHT, 0);
  const half = (e.width || 0.5) / 2;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const p = e.position;
  return eye.distanceTo(new Vec3(clamp(eye.x, p.x - half, p.x + half), clamp(eye.y, p.y, p.y + (e.height || 0.4)), clamp(eye.z, p.z - half, p.z + half)));
}

export const bucketFish = defineSkill<typeof params, BucketResult>({
  name: 'bucketFish',
  summary: 'Scoop `count` fish of a kind nearby into water buckets.',
  details: `Walks (or swims) within reach of one and uses a water bucket on it, again when it swims off; one that keeps away ${CHASE_MS / 1000} s is given up for another. `
    + 'Fails MISSING_ITEMS without water buckets, NO_TARGET with none within `radius`.',
  params,
  example: { mob: 'cod', count: 1, radius: NEARBY_RADIUS },
  preconditions: (args) => ({ consume: { water_bucket: args.count }, facts: [`${args.mob}_nearby`] }),
  effects: (args) => ({ obtain: { [bucketOf(args.mob)]: args.count } }),
  producers(target, count, kb): Args[] {
    const mob = BUCKETABLE.find((m) => bucketOf(m) === target);
    // Only the mobs and buckets of this version's registry (axolotls from 1.17, tadpoles from 1.19).
    if (!mob || !kb.registry.entitiesByName[mob] || !kb.registry.itemsByName[target]) return [];
    return [{ mob, count, radius: NEARBY_RADIUS }];
  },
  // A chase for each bucket, and up to MAX_LOST fish given up on after a chase each.
  timeoutMs: (args) => 10_000 + (args.count + MAX_LOST) * (CHASE_MS + 5000),
  run: (ctx, args) => scoopAll(ctx, args),
});

async function scoopAll(ctx: SkillContext, args: Args): Promise<BucketResult> {
  const { bot, signal, log } = ctx;
  if (!bot.registry.entitiesByName[args.mob]) throw new SkillError('BAD_ARGS', `"${args.mob}" is not an entity name in Minecraft ${bot.version}`);
  const buckets = countItem(bot, 'water_bucket');
  if (buckets < args.count) throw missingItems('water_bucket', args.count, buckets);
  const what = args.mob;
  const lost = new Set<number>();
  let bucketed = 0;
  while (bucketed < args.count) {
    throwIfAborted(signal);
    const fish = nearestMob(bot, args.mob, args.radius, (e) => !lost.has(e.id));
    if (!fish) {
      const done = bucketed > 0 ? `bucketed ${bucketed} of ${args.count}; ` : '';
      throw new SkillError('NO_TARGET', `${done}no ${lost.size > 0 ? 'other ' : ''}${what} within ${args.radius} blocks`, { block: args.mob });
    }
    try {
      await scoopOne(ctx, fish, args.mob);
      bucketed++;
    } catch (err) {
      if (signal.aborted || !(err instanceof SkillError) || !RETRYABLE.has(err.code)) throw err;
      lost.add(fish.id);
      log.debug({ code: err.code, err: err.message }, `could not scoop up one ${what}; trying another`);
      if (lost.size >= MAX_LOST) throw new SkillError(err.code, `could not scoop up a ${what} (${lost.size} tried): ${err.message}`, err.missing, { cause: err });
    }
  }
  return { bucketed };
}

/**
 * Walks within reach of one fish and uses a water bucket on it, again when it has swum off in between;
 * done when the filled bucket is in the inventory and a water bucket was spent (creative keeps it).
 * The chase has CHASE_MS in all: a fish that keeps away that long is given up on (FAILED).
 */
async function scoopOne(ctx: SkillContext, fish: Entity, mob: Bucketable): Promise<void> {
  const { bot, signal } = ctx;
  const budget = new AbortController();
  const onAbort = () => budget.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => budget.abort(new SkillError('FAILED', `could not catch up with the ${mob} within ${CHASE_MS / 1000} s`)), CHASE_MS);
  const chase = { ...ctx, signal: budget.signal };
  try {
    for (let attempt = 1; ; attempt++) {
      ctx.log.debug({ attempt, at: fmt(fish.position), distance: Math.round(fish.position.distanceTo(bot.entity.position) * 10) / 10 }, `walking up to the ${mob}`);
      await closeIn(chase, fish, mob);
      if (await scoopAt(ctx, fish, mob)) return;
      // Swum out of reach between the walk and the click (the server refuses then): walk up again.
      if (attempt >= TRIES_PER_FISH || !isPresent(bot, fish)) {
        throw new SkillError('FAILED', `used a water bucket on the ${mob} at ${fmt(fish.position)} ${attempt} times but got no ${bucketOf(mob)} within ${CONFIRM_MS} ms`);
      }
    }
  } catch (err) {
    // The chase's own time ran out (not the skill's): FAILED, so that another fish is tried.
    if (!signal.aborted && budget.signal.aborted) throw abortReasonOf(budget.signal);
    throw err;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Swims (walks) until the fish is within reach: pathfinder's follow goal, again as it swims off, until
 * the chase's signal ends it. Over a fish deeper than the arm reaches from the surface the follow goal
 * is met at once; the bot then sinks onto it (nothing holds it up), so each round yields to the clock.
 */
async function closeIn(ctx: SkillContext, fish: Entity, mob: string): Promise<void> {
  const { bot, signal } = ctx;
  const inReach = () => reachTo(bot, fish) <= REACH;
  while (!inReach()) {
    throwIfAborted(signal);
    if (!isPresent(bot, fish)) return;
    await moveToUntil(ctx, new goals.GoalFollow(fish, 1.5), { what: `${mob} at ${fmt(fish.position)}`, stuckMs: 4000, timeoutMs: 15_000, canDig: false }, inReach, 100)
      .catch((err: unknown) => {
        // A fish swims where a path ended a moment ago: follow it again (the chase's time bounds this).
        if (signal.aborted || !(err instanceof SkillError) || (err.code !== 'NO_PATH' && err.code !== 'STUCK')) throw err;
      });
    await sleep(50, signal);
  }
}

function abortReasonOf(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new SkillError('FAILED', String(signal.reason));
}

/** One click with a water bucket on the fish; true when the filled bucket came and a water bucket went. */
async function scoopAt(ctx: SkillContext, fish: Entity, mob: Bucketable): Promise<boolean> {
  const { bot, signal } = ctx;
  const filled = bucketOf(mob);
  if (!isPresent(bot, fish)) throw new SkillError('FAILED', `the ${mob} went out of sight`);
  const bucket = findItem(bot, 'water_bucket');
  if (!bucket) throw missingItems('water_bucket', 1, 0);
  if (bot.heldItem?.name !== 'water_bucket') await untilAborted(bot.equip(bucket, 'hand'), signal);
  const before = { filled: countItem(bot, filled), water: countItem(bot, 'water_bucket') };
  const spent = () => bot.game.gameMode === 'creative' || countItem(bot, 'water_bucket') < before.water;
  await untilAborted(bot.activateEntity(fish), signal);
  try {
    await waitUntil(() => countItem(bot, filled) > before.filled && spent(), { signal, timeoutMs: CONFIRM_MS, what: `a ${filled}` });
    return true;
  } catch (err) {
    if (signal.aborted || !(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
    return false;
  }
}
