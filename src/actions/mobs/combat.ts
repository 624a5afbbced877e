// Walking up to a mob and hitting it at full charge until it dies: shared by killMob and the reflexes.
import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import type { Entity } from 'prismarine-entity';
import { Vec3 } from 'vec3';
import { FIST, weaponFacts, type WeaponFacts } from '../../knowledge/mobs.ts';
import { SkillError } from '../../base/errors.ts';
import { findItem } from '../items/inventory.ts';
import { EYE_HEIGHT } from '../mining/world.ts';
import { moveToUntil } from '../movement/move.ts';
import { backOff, explodes, fuseWatch } from './creeper.ts';
import { isDead, isPresent } from './find.ts';
import type { SkillContext } from '../../skills/types.ts';
import { sleep, throwIfAborted, untilAborted } from '../../base/wait.ts';
import { fmt } from '../../base/position.ts';

const { goals } = pathfinderPkg;

/** Vanilla survival reach for hitting or using an entity: eyes to the nearest point of its box. */
export const ENTITY_REACH = 3;
/** A little inside the reach, so that a mob stepping away between the check and the packet is still hit. */
const REACH_MARGIN = 0.25;
/** Extra wait past the weapon's cooldown: the server counts it in whole ticks. */
const COOLDOWN_SLACK_MS = 60;
/** Longest single pause in the fight loop, so that a death or a move away is noticed at once. */
const POLL_MS = 50;
/** Attempts to walk up to a mob that keeps moving before the fight gives up on it. */
const APPROACH_TRIES = 4;

/** When each bot last swung or changed what it holds (both restart vanilla's attack cooldown). */
const lastSwing = new WeakMap<Bot, number>();

/** Distance from the bot's eyes to the nearest point of the entity's box. */
export function reachDistance(bot: Bot, e: Entity): number {
  const eye = bot.entity.position.offset(0, EYE_HEIGHT, 0);
  const half = (e.width || 0.6) / 2;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const p = e.position;
  const nearest = new Vec3(clamp(eye.x, p.x - half, p.x + half), clamp(eye.y, p.y, p.y + (e.height || 1.8)), clamp(eye.z, p.z - half, p.z + half));
  return eye.distanceTo(nearest);
}

export function inReach(bot: Bot, e: Entity): boolean {
  return reachDistance(bot, e) <= ENTITY_REACH - REACH_MARGIN;
}

/**
 * The carried item that kills a mob of `health` hit points soonest at full charge (fewest hits,
 * one per cooldown, the first after one too: taking a weapon in hand restarts it), or null when
 * none beats a bare hand. Ties go to more damage per second.
 */
export function bestWeapon(items: readonly string[], health: number): string | null {
  const secondsToKill = (w: WeaponFacts) => Math.ceil(health / w.damage) / w.speed;
  let best: string | null = null;
  let bestFacts = FIST;
  for (const item of new Set(items)) {
    const w = weaponFacts(item);
    if (w === FIST) continue;
    const d = secondsToKill(w) - secondsToKill(bestFacts);
    if (d < -1e-9 || (Math.abs(d) <= 1e-9 && w.damage * w.speed > bestFacts.damage * bestFacts.speed)) {
      best = item;
      bestFacts = w;
    }
  }
  return best;
}

/** Holds the best weapon carried against a mob of `health` hit points; returns what is held then. */
export async function equipWeapon(ctx: SkillContext, health: number): Promise<string | null> {
  const { bot, signal } = ctx;
  const best = bestWeapon(bot.inventory.items().map((i) => i.name), health);
  if (best === null || bot.heldItem?.name === best) return bot.heldItem?.name ?? null;
  const item = findItem(bot, best);
  if (!item) return bot.heldItem?.name ?? null;
  await untilAborted(bot.equip(item, 'hand'), signal);
  lastSwing.set(bot, Date.now());
  return best;
}

/** Milliseconds until a swing with the held item lands at full charge. */
export function cooldownLeft(bot: Bot, now = Date.now()): number {
  const w = weaponFacts(bot.heldItem?.name);
  const last = lastSwing.get(bot);
  return last === undefined ? 0 : Math.max(0, last + 1000 / w.speed + COOLDOWN_SLACK_MS - now);
}

/** Walks until the entity is within reach (it may be moving): pathfinder's follow goal, a few tries. */
export async function approach(ctx: SkillContext, e: Entity, what: string): Promise<void> {
  const { bot } = ctx;
  let stalls = 0;
  for (let tries = 1; !inReach(bot, e); tries++) {
    if (!isPresent(bot, e)) return;
    const from = bot.entity.position.clone();
    try {
      // Stops as soon as it is in reach: a creeper's fuse burns from 3 blocks on.
      await moveToUntil(ctx, new goals.GoalFollow(e, 1.5), { what: `${what} at ${fmt(e.position)}`, stuckMs: 4000, timeoutMs: 15_000, canDig: false }, () => inReach(bot, e), 100);
    } catch (err) {
      if (!(err instanceof SkillError) || (err.code !== 'NO_PATH' && err.code !== 'STUCK') || tries >= APPROACH_TRIES) throw err;
      continue;
    }
    if (inReach(bot, e) || !isPresent(bot, e)) return;
    // The follow goal was met with the mob still out of reach (a fish under a bot swimming at the surface):
    // the walk ends at once, so each round yields a tick, and rounds that do not move the bot end the call,
    // or the loop would spin with no timer firing. A mob that wanders off is simply followed again.
    stalls = bot.entity.position.distanceTo(from) > STALL_MOVE ? 0 : stalls + 1;
    if (stalls >= MAX_STALLS) throw new SkillError('STUCK', `${what} at ${fmt(e.position)} stays out of reach from ${fmt(bot.entity.position)}`);
    await sleep(TICK_MS, ctx.signal);
  }
}

/** A round of approach() that moves the bot less than this made no progress. */
const STALL_MOVE = 0.1;
/** Rounds without progress (a tick apart) before approach() gives up: a second. */
const MAX_STALLS = 20;
const TICK_MS = 50;

export interface FightOptions {
  /** The mob, for messages ("cow"). */
  what: string;
  /** The fight takes at most this long (TIMEOUT). */
  timeoutMs: number;
  /** Walk after it when it is out of reach, up to this far away; farther, the fight ends 'away'. 0: never walk. */
  chaseWithin: number;
}

export interface FightResult {
  end: 'dead' | 'away';
  hits: number;
  /** Where the mob was last seen (its loot lies there). */
  at: Vec3;
}

/**
 * Hits the entity at full charge with the held item until it dies (or leaves the view), walking
 * after it while it is within `chaseWithin`. A creeper is hit only while its fuse is young, and run
 * from after each hit (./creeper.ts). Every pause honours the signal; TIMEOUT after `timeoutMs`.
 */
export async function fight(ctx: SkillContext, e: Entity, opts: FightOptions): Promise<FightResult> {
  const { bot, signal } = ctx;
  const deadline = Date.now() + opts.timeoutMs;
  let dead = false;
  let hits = 0;
  let at = e.position.clone();
  const onDead = (x: Entity) => { if (x.id === e.id) dead = true; };
  const fuse = explodes(e) ? fuseWatch(bot, e) : undefined;
  bot.on('entityDead', onDead);
  try {
    for (;;) {
      throwIfAborted(signal);
      if (dead || !isPresent(bot, e) || isDead(bot, e)) return { end: 'dead', hits, at };
      at = e.position.clone();
      if (Date.now() > deadline) throw new SkillError('TIMEOUT', `the ${opts.what} was still alive after ${Math.round(opts.timeoutMs / 1000)} s and ${hits} hits`);
      if (fuse?.tooLate()) {
        await backOff(ctx, e, opts.what);
        continue;
      }
      if (!inReach(bot, e)) {
        if (e.position.distanceTo(bot.entity.position) > opts.chaseWithin) return { end: 'away', hits, at };
        await approach(ctx, e, opts.what);
        continue;
      }
      const wait = cooldownLeft(bot);
      if (wait > 0) {
        await sleep(Math.min(wait, POLL_MS), signal);
        continue;
      }
      await untilAborted(bot.lookAt(e.position.offset(0, (e.height || 1) * 0.6, 0), true), signal);
      bot.attack(e);
      lastSwing.set(bot, Date.now());
      hits++;
      if (fuse) await backOff(ctx, e, opts.what);
    }
  } finally {
    bot.removeListener('entityDead', onDead);
  }
}
