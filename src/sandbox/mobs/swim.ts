// Fish (cod, salmon, pufferfish, tropical fish): they swim about the water they are in, flee a player
// who comes close (vanilla AbstractFish's AvoidEntityGoal), and never swim out of it; one out of the
// water falls, lies where it lands and dries out (vanilla WaterAnimal.handleAirSupply).
import { Vec3 } from 'vec3';
import { FLEE_RANGE } from '../../knowledge/waterMobs.ts';
import type { SquidPlayer } from '../squid/types.ts';
import { hurtMob } from './combat.ts';
import { landingY, supported } from './footing.ts';
import { isAlive } from './hands.ts';
import { sendMobMove, yawTowards } from './motion.ts';
import { terrainFor } from './movement.ts';
import type { Terrain } from './terrain.ts';
import { STEP_TICKS, type MobEntity, type MobWorld } from './types.ts';

/** Blocks that are water all through (kelp and seagrass are always waterlogged). */
const WATER = new Set(['water', 'bubble_column', 'kelp', 'kelp_plant', 'seagrass', 'tall_seagrass']);
/** Vanilla RandomSwimmingGoal: a spot within 10 blocks across and 7 up or down, tried every 40 ticks or so. */
const SWIM_RANGE = 10;
const SWIM_DEPTH = 7;
const IDLE_MIN = 40;
const IDLE_MAX = 100;
/** Fleeing: this much faster than a swim, to a spot about this far off. */
const FLEE_SPEEDUP = 1.6;
const FLEE_DISTANCE = 6;
/** Water's drag on a knocked fish, per tick. */
const WATER_DRAG = 0.8;
const GRAVITY = 0.08;
const AIR_DRAG = 0.98;
/** Vanilla: 300 ticks of air out of the water, then 2 damage a second. */
const AIR_TICKS = 300;
const DRY_DAMAGE = 2;
const DRY_EVERY = 20;

/** Ticks each fish has spent out of the water. */
const outOfWater = new WeakMap<MobEntity, number>();

function heightOf(mw: MobWorld, mob: MobEntity): number {
  return mw.serv.registry.entitiesByName[mob.skillcraftMob.facts.name]?.height ?? 0.4;
}

function waterAt(terrain: Terrain, x: number, y: number, z: number): boolean {
  return WATER.has(terrain.nameAt(Math.floor(x), Math.floor(y), Math.floor(z)) ?? '');
}

/** The fish's whole body (feet to top) is in water there. */
export function submerged(terrain: Terrain, at: Vec3, height: number): boolean {
  return waterAt(terrain, at.x, at.y, at.z) && waterAt(terrain, at.x, at.y + height, at.z);
}

/** Every point of the straight swim from `from` to `to` keeps the fish under water. */
function clearSwim(terrain: Terrain, from: Vec3, to: Vec3, height: number): boolean {
  const steps = Math.ceil(from.distanceTo(to) * 2);
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    if (!submerged(terrain, new Vec3(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t, from.z + (to.z - from.z) * t), height)) return false;
  }
  return true;
}

/**
 * Reaches of the tries for a spot to swim to: far first, then nearer, so that a fish in a small pool
 * moves about it too (vanilla keeps the best of several tries among the water blocks in range).
 */
const REACHES = [1, 1, 0.6, 0.6, 0.3, 0.3, 0.2, 0.1];

/** A spot to swim to: random, or away from `threat`; undefined when no try finds open water. */
function pickSwim(mw: MobWorld, terrain: Terrain, mob: MobEntity, height: number, threat?: SquidPlayer): Vec3 | undefined {
  const pos = mob.position;
  const rng = mw.fishRng;
  for (const [attempt, reach] of REACHES.entries()) {
    let to: Vec3;
    if (threat) {
      const jitter = (rng.next() - 0.5) * Math.PI * (0.5 + attempt * 0.15);
      const angle = Math.atan2(pos.z - threat.position.z, pos.x - threat.position.x) + jitter;
      const d = Math.max(1, FLEE_DISTANCE * reach);
      to = new Vec3(pos.x + Math.cos(angle) * d, pos.y + rng.int(-1, 1), pos.z + Math.sin(angle) * d);
    } else {
      const across = Math.max(1, Math.round(SWIM_RANGE * reach));
      const depth = Math.max(1, Math.round(SWIM_DEPTH * reach));
      to = new Vec3(pos.x + rng.int(-across, across), pos.y + rng.int(-depth, depth), pos.z + rng.int(-across, across));
    }
    // Block centres, level with the block's floor: where a fish rests.
    to = new Vec3(Math.floor(to.x) + 0.5, Math.floor(to.y), Math.floor(to.z) + 0.5);
    if (to.distanceTo(pos) > 0.5 && submerged(terrain, to, height) && clearSwim(terrain, pos, to, height)) return to;
  }
  return undefined;
}

function nearestThreat(mob: MobEntity, height: number, players: readonly SquidPlayer[]): SquidPlayer | undefined {
  let best: SquidPlayer | undefined;
  let bestDist = FLEE_RANGE;
  for (const p of players) {
    if (p.world !== mob.world || !isAlive(p) || p.gameMode === 3) continue;
    // Vanilla looks for players in its box grown 8 across and only 3 up and down (a player's 1.8 tall).
    if (p.position.y > mob.position.y + height + 3 || p.position.y + 1.8 < mob.position.y - 3) continue;
    const d = p.position.distanceTo(mob.position);
    if (d < bestDist) {
      best = p;
      bestDist = d;
    }
  }
  return best;
}

/** Out of the water: falls (into water again, or onto the ground, where it stays) and dries out. */
function stranded(mw: MobWorld, mob: MobEntity, terrain: Terrain, pos: Vec3): void {
  const st = mob.skillcraftMob;
  for (let i = 0; i < STEP_TICKS; i++) {
    if (st.velocity.y <= 0 && supported(terrain.kindAt, pos.x, pos.y, pos.z)) {
      st.velocity = new Vec3(0, 0, 0);
      st.onGround = true;
      break;
    }
    const ny = pos.y + st.velocity.y;
    const land = st.velocity.y < 0 ? landingY(terrain.kindAt, pos.x, pos.y, ny, pos.z) : null;
    pos.y = land ?? ny;
    st.onGround = land !== null;
    st.velocity.y = land === null ? (st.velocity.y - GRAVITY) * AIR_DRAG : 0;
  }
  const dry = (outOfWater.get(mob) ?? 0) + STEP_TICKS;
  outOfWater.set(mob, dry);
  if (dry >= AIR_TICKS && (dry - AIR_TICKS) % DRY_EVERY < STEP_TICKS) hurtMob(mw, mob, DRY_DAMAGE);
}

/** One AI step of a fish: `STEP_TICKS` ticks of knockback, then a stretch of its swim. */
export function swimMob(mw: MobWorld, mob: MobEntity, players: readonly SquidPlayer[], tick: number): void {
  const st = mob.skillcraftMob;
  const terrain = terrainFor(mw.serv, mob);
  const height = heightOf(mw, mob);
  const pos = mob.position.clone();
  if (!submerged(terrain, pos, height)) {
    stranded(mw, mob, terrain, pos);
    if (!st.dead && !st.gone) sendMobMove(mw.serv, mob, pos, st.onGround);
    return;
  }
  outOfWater.delete(mob);
  st.onGround = false;
  // A hit pushes it through the water (never out of it), slowing fast.
  for (let i = 0; i < STEP_TICKS && st.velocity.norm() > 1e-3; i++) {
    const next = pos.plus(st.velocity);
    if (submerged(terrain, next, height)) pos.set(next.x, next.y, next.z);
    st.velocity = st.velocity.scaled(WATER_DRAG);
  }
  if (st.velocity.norm() <= 1e-3) st.velocity = new Vec3(0, 0, 0);
  const threat = nearestThreat(mob, height, players);
  if (threat && (!st.goal || tick >= st.idleUntil)) {
    st.goal = pickSwim(mw, terrain, mob, height, threat);
    st.idleUntil = tick + IDLE_MIN / 2;
  } else if (!st.goal && tick >= st.idleUntil) {
    st.goal = pickSwim(mw, terrain, mob, height);
    st.idleUntil = tick + mw.fishRng.int(IDLE_MIN, IDLE_MAX);
  }
  const goal = st.goal;
  if (goal) {
    const d = goal.minus(pos);
    const dist = d.norm();
    const stride = (st.facts.speed * (threat ? FLEE_SPEEDUP : 1) * STEP_TICKS) / 20;
    const next = dist <= stride ? goal.clone() : pos.plus(d.scaled(stride / dist));
    if (Math.hypot(d.x, d.z) > 1e-3) st.yaw = yawTowards(d.x, d.z);
    if (submerged(terrain, next, height)) pos.set(next.x, next.y, next.z);
    else st.goal = undefined;
    if (dist <= stride) st.goal = undefined;
  }
  sendMobMove(mw.serv, mob, pos, false);
}
