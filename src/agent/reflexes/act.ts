// What a reflex does once it has taken over: short, bounded actions with the skills' own helpers.
import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import type { Entity } from 'prismarine-entity';
import { Vec3 } from 'vec3';
import { eat } from '../../../skills/eat.ts';
import { MOBS } from '../../knowledge/mobs.ts';
import { SkillError } from '../../base/errors.ts';
import { fluidOf, isSolid } from '../../actions/mining/world.ts';
import { hostilesNear } from '../../actions/mobs/find.ts';
import { equipWeapon, fight } from '../../actions/mobs/combat.ts';
import { moveTo, moveToUntil } from '../../actions/movement/move.ts';
import type { SkillContext } from '../../skills/types.ts';
import { sleep, untilAborted, waitUntil } from '../../base/wait.ts';
import { REFLEX_LIMITS, type ReflexPlan } from './decide.ts';

const { goals } = pathfinderPkg;

/** Hostiles fought one after another, at most, in one reflex. */
const MAX_FOES = 3;
/** A fight goes after a foe that steps back this far, no farther. */
const CHASE_WITHIN = 6;
/** Fleeing ends this far from every hostile: out of a zombie's or spider's follow range (16). */
export const FLEE_DISTANCE = 18;
/** Fleeing runs in legs this long, away from the hostiles as they are at the start of each. */
const FLEE_LEG = 16;
const FLEE_LEGS = 4;
/** How far to look for dry ground. */
const DRY_RADIUS = 8;
/** Swimming out of a pool pathfinder finds no way out of takes at most this long. */
const SWIM_MS = 8000;

/** Each reflex's budget: the action is cut short (TIMEOUT) after it. */
export const REFLEX_TIMEOUT_MS: Readonly<Record<ReflexPlan['kind'], number>> = { fight: 40_000, flee: 20_000, eat: 10_000, leave_liquid: 15_000 };

/** What the reflex did, for the trace. */
export type ReflexResult = Record<string, unknown>;

export async function act(ctx: SkillContext, plan: ReflexPlan): Promise<ReflexResult> {
  switch (plan.kind) {
    case 'fight': return fightBack(ctx);
    case 'flee': return flee(ctx);
    case 'eat': return { ...(await eat.run(ctx, { item: plan.item })) };
    case 'leave_liquid': return leaveLiquid(ctx);
  }
}

/** Fights the hostiles in reach, nearest first, until none is left within reach or chase distance. */
async function fightBack(ctx: SkillContext): Promise<ReflexResult> {
  const killed: string[] = [];
  let hits = 0;
  for (let i = 0; i < MAX_FOES; i++) {
    const foe: Entity | undefined = hostilesNear(ctx.bot, REFLEX_LIMITS.attackRange + 1)[0];
    if (!foe) break;
    const name = foe.name ?? 'hostile';
    await equipWeapon(ctx, MOBS[name]?.health ?? 20);
    const res = await fight(ctx, foe, { what: name, timeoutMs: REFLEX_TIMEOUT_MS.fight - 5000, chaseWithin: CHASE_WITHIN });
    hits += res.hits;
    if (res.end === 'dead') killed.push(name);
    else break;
  }
  return { killed, hits };
}

/** Runs straight away from the hostiles nearby, leg after leg, until none is within FLEE_DISTANCE. */
async function flee(ctx: SkillContext): Promise<ReflexResult> {
  const { bot } = ctx;
  const start = bot.entity.position.clone();
  const safe = () => hostilesNear(bot, FLEE_DISTANCE).length === 0;
  let clear = safe();
  for (let leg = 0; leg < FLEE_LEGS && !clear; leg++) {
    const me = bot.entity.position;
    const away = new Vec3(0, 0, 0);
    for (const f of hostilesNear(bot, FLEE_DISTANCE)) {
      const d = me.minus(f.position);
      const len = Math.hypot(d.x, d.z) || 1;
      away.add(new Vec3(d.x / len, 0, d.z / len));
    }
    const len = Math.hypot(away.x, away.z) || 1;
    const to = me.offset((away.x / len) * FLEE_LEG, 0, (away.z / len) * FLEE_LEG).floored();
    // Clear the moment it is: a chaser that lost the bot may still walk on to where it last saw it.
    clear = (await moveToUntil(ctx, new goals.GoalXZ(to.x, to.z), { what: `a spot ${FLEE_LEG} blocks away from the hostiles`, stuckMs: 3000, canDig: false }, safe, 200)) === 'met' || safe();
  }
  const nearest = hostilesNear(bot, 64)[0];
  const round1 = (n: number) => Math.round(n * 10) / 10;
  const hostileAt = nearest ? round1(nearest.position.distanceTo(bot.entity.position)) : null;
  if (!clear) throw new SkillError('DANGER', `fled ${round1(bot.entity.position.distanceTo(start))} blocks but a hostile is still ${hostileAt ?? '?'} blocks away`);
  return { fled: round1(bot.entity.position.distanceTo(start)), hostileAt };
}

/**
 * Gets out to the nearest dry block the bot can stand on: along a path where pathfinder finds one
 * (a shallow pool, lava at ground level), else swimming straight at it with jump held, as a player
 * climbs out of a deep pit.
 */
async function leaveLiquid(ctx: SkillContext): Promise<ReflexResult> {
  const { bot, signal } = ctx;
  const spot = dryStand(bot);
  if (!spot) throw new SkillError('NO_TARGET', `no dry ground within ${DRY_RADIUS} blocks`);
  const what = `dry ground at ${spot.x},${spot.y},${spot.z}`;
  try {
    bot.setControlState('jump', true);
    try {
      await moveTo(ctx, new goals.GoalBlock(spot.x, spot.y, spot.z), { what, stuckMs: 3000, timeoutMs: 8000 });
      return { to: [spot.x, spot.y, spot.z], swam: false };
    } catch (err) {
      if (signal.aborted || !(err instanceof SkillError) || (err.code !== 'NO_PATH' && err.code !== 'STUCK')) throw err;
    }
    for (const end = Date.now() + SWIM_MS; ; await sleep(100, signal)) {
      if (Date.now() > end) throw new SkillError('STUCK', `still in ${liquidAround(bot) ?? 'liquid'} after swimming for ${SWIM_MS / 1000} s towards ${what}`);
      if (liquidAround(bot) === null) {
        // Out (or bobbing above the surface): let go, and see where the bot lands.
        bot.clearControlStates();
        await waitUntil(() => bot.entity.onGround || liquidAround(bot) !== null, { signal, timeoutMs: 2000, what: 'the bot to land' }).catch(ignoreTimeout);
        if (bot.entity.onGround && liquidAround(bot) === null) {
          // Landed on the edge, perhaps half over the pool: a step onto the dry block itself.
          await moveTo(ctx, new goals.GoalBlock(spot.x, spot.y, spot.z), { what, stuckMs: 2000, timeoutMs: 4000 }).catch((err: unknown) => {
            if (signal.aborted || !(err instanceof SkillError) || (err.code !== 'NO_PATH' && err.code !== 'STUCK')) throw err;
          });
          return { to: [spot.x, spot.y, spot.z], swam: true };
        }
      }
      bot.setControlState('jump', true);
      bot.setControlState('forward', true);
      await untilAborted(bot.lookAt(spot.offset(0.5, 1, 0.5), true), signal);
    }
  } finally {
    bot.clearControlStates();
  }
}

/** The liquid at the bot's feet or head, if any. */
export function liquidAround(bot: Bot): 'water' | 'lava' | null {
  const feet = bot.entity.position.floored();
  const a = fluidOf(bot.blockAt(feet));
  const b = fluidOf(bot.blockAt(feet.offset(0, 1, 0)));
  return a === 'lava' || b === 'lava' ? 'lava' : a ?? b;
}

/**
 * The nearest dry cell the bot can get to by swimming or walking (a flood through cells with room
 * for feet and head, liquid or air, within DRY_RADIUS): solid ground under it, no liquid in it or
 * above it. Walls and rims are respected: a dry cell behind a wall is not "near".
 */
export function dryStand(bot: Bot): Vec3 | null {
  const start = bot.entity.position.floored();
  const open = (p: Vec3) => bot.blockAt(p)?.boundingBox === 'empty';
  const dry = (p: Vec3) => fluidOf(bot.blockAt(p)) === null;
  const key = (p: Vec3) => `${p.x},${p.y},${p.z}`;
  const seen = new Set([key(start)]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i]!;
    if (dry(p) && dry(p.offset(0, 1, 0)) && isSolid(bot.blockAt(p.offset(0, -1, 0)))) return p;
    for (const [dx, dy, dz] of STEPS) {
      const n = p.offset(dx, dy, dz);
      if (seen.has(key(n)) || Math.abs(n.x - start.x) > DRY_RADIUS || Math.abs(n.z - start.z) > DRY_RADIUS || Math.abs(n.y - start.y) > DRY_RADIUS) continue;
      seen.add(key(n));
      if (open(n) && open(n.offset(0, 1, 0))) queue.push(n);
    }
  }
  return null;
}

const STEPS: readonly (readonly [number, number, number])[] = [[0, 1, 0], [1, 0, 0], [-1, 0, 0], [0, 0, 1], [0, 0, -1], [0, -1, 0]];

function ignoreTimeout(err: unknown): void {
  if (!(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
}
