// Moving a mob for one AI step: knockback and gravity per tick, then walking towards its goal on
// footing the step rules allow (no cliffs, no leaves for animals, never into water or lava).
import { Vec3 } from 'vec3';
import type { SquidServer } from '../squid/types.ts';
import { footingAt, landingY, supported, type KindAt, type StepRules } from './footing.ts';
import { sendMobMove, yawTowards } from './motion.ts';
import { terrainOf } from './terrain.ts';
import type { MobEntity } from './types.ts';

// Vanilla LivingEntity per-tick motion constants.
const GRAVITY = 0.08;
const AIR_DRAG = 0.98;
const GROUND_FRICTION = 0.6 * 0.91;
const AIR_FRICTION = 0.91;
const STILL = 0.003;

export interface Walk {
  rules: StepRules;
  /** Blocks per second. */
  speed: number;
  /** Stop this far (horizontally) from the goal. */
  stopAt: number;
  /** When the straight step is blocked, try along each axis (chasing round corners). */
  slide: boolean;
}

export type WalkResult = 'idle' | 'walking' | 'arrived' | 'blocked';

export function terrainFor(serv: SquidServer, mob: MobEntity) {
  return terrainOf(serv.registry, mob.world, serv.supportFeature('tallWorld'));
}

function blockedAt(kindAt: KindAt, x: number, y: number, z: number, headroom: number): boolean {
  for (let dy = 0; dy < headroom; dy++) {
    const k = kindAt(Math.floor(x), Math.floor(y) + dy, Math.floor(z));
    if (k !== 'air' && k !== 'liquid') return true;
  }
  return false;
}

/** Knockback and falling for one tick; returns whether the mob stands on the ground afterwards. */
function physicsTick(kindAt: KindAt, mob: MobEntity, pos: Vec3, headroom: number): boolean {
  const st = mob.skillcraftMob;
  const v = st.velocity;
  let onGround = st.onGround;
  if (v.x !== 0 || v.z !== 0) {
    if (blockedAt(kindAt, pos.x + v.x, pos.y, pos.z, headroom)) v.x = 0;
    else pos.x += v.x;
    if (blockedAt(kindAt, pos.x, pos.y, pos.z + v.z, headroom)) v.z = 0;
    else pos.z += v.z;
    const f = onGround ? GROUND_FRICTION : AIR_FRICTION;
    v.x = Math.abs(v.x * f) < STILL ? 0 : v.x * f;
    v.z = Math.abs(v.z * f) < STILL ? 0 : v.z * f;
  }
  if (v.y <= 0 && supported(kindAt, pos.x, pos.y, pos.z)) {
    v.y = 0;
    return true;
  }
  const ny = pos.y + v.y;
  if (v.y < 0) {
    const land = landingY(kindAt, pos.x, pos.y, ny, pos.z);
    onGround = land !== null;
    pos.y = land ?? ny;
    v.y = land === null ? (v.y - GRAVITY) * AIR_DRAG : 0;
  } else {
    if (blockedAt(kindAt, pos.x, ny + headroom - 1, pos.z, 1)) v.y = 0;
    else pos.y = ny;
    onGround = false;
    v.y = (v.y - GRAVITY) * AIR_DRAG;
  }
  return onGround;
}

/** One walking stride towards the goal; updates `pos` in place. */
function stride(terrainKind: KindAt, mob: MobEntity, pos: Vec3, walk: Walk, ticks: number): WalkResult {
  // A mob never walks into water, but one knocked or dropped into it wades along the bottom to the shore.
  const wading = terrainKind(Math.floor(pos.x), Math.floor(pos.y), Math.floor(pos.z)) === 'liquid';
  const kindAt: KindAt = wading ? (x, y, z) => { const k = terrainKind(x, y, z); return k === 'liquid' ? 'air' : k; } : terrainKind;
  const st = mob.skillcraftMob;
  const goal = st.goal;
  if (!goal) return 'idle';
  const dx = goal.x - pos.x;
  const dz = goal.z - pos.z;
  const dist = Math.hypot(dx, dz);
  if (dist > 1e-3) st.yaw = yawTowards(dx, dz);
  if (dist <= walk.stopAt) return 'arrived';
  const len = Math.min((walk.speed / 20) * ticks, dist - walk.stopAt);
  const ux = dx / dist;
  const uz = dz / dist;
  const tries: [number, number][] = [[ux * len, uz * len]];
  if (walk.slide) tries.push([Math.sign(dx) * len, 0], [0, Math.sign(dz) * len]);
  for (const [mx, mz] of tries) {
    if (mx === 0 && mz === 0) continue;
    const fy = footingAt(kindAt, pos.x + mx, pos.z + mz, pos.y, walk.rules);
    if (fy === null) continue;
    pos.set(pos.x + mx, fy, pos.z + mz);
    return 'walking';
  }
  return 'blocked';
}

/**
 * Moves a mob through `ticks` ticks of physics, then, standing on the ground and not being knocked
 * back, one stride along `walk`; sends the result to the clients that see it.
 */
export function moveMob(serv: SquidServer, mob: MobEntity, ticks: number, walk?: Walk): WalkResult {
  const st = mob.skillcraftMob;
  const { kindAt } = terrainFor(serv, mob);
  const headroom = walk?.rules.headroom ?? 1;
  const pos = mob.position.clone();
  for (let i = 0; i < ticks; i++) st.onGround = physicsTick(kindAt, mob, pos, headroom);
  let result: WalkResult = 'idle';
  if (walk && st.onGround && st.velocity.x === 0 && st.velocity.z === 0) result = stride(kindAt, mob, pos, walk, ticks);
  if (result === 'arrived' || result === 'blocked') st.goal = undefined;
  sendMobMove(serv, mob, new Vec3(pos.x, pos.y, pos.z), st.onGround);
  return result;
}
