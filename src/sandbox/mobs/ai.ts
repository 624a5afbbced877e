// What a mob wants each AI step: animals stroll to random spots now and then; hostiles chase the
// nearest player within 16 blocks and hit when in reach (a creeper swells instead), else stroll too.
import { Vec3 } from 'vec3';
import type { SquidPlayer } from '../squid/types.ts';
import { MOB_ATTACK_COOLDOWN, mobHitsPlayer } from './combat.ts';
import { stepFuse } from './creeper.ts';
import type { StepRules } from './footing.ts';
import { isVulnerable } from './hands.ts';
import type { Walk } from './movement.ts';
import { yawTowards } from './motion.ts';
import type { Terrain } from './terrain.ts';
import type { MobEntity, MobWorld } from './types.ts';

/** Vanilla FOLLOW_RANGE of zombies and spiders. */
export const CHASE_RANGE = 16;
const WANDER_RANGE = 10;
/** Ticks an animal stands still between strolls (vanilla strolls about once every 6 s). */
const IDLE_MIN = 40;
const IDLE_MAX = 120;
/** Vanilla: a mob falls at most 3 blocks on purpose while chasing. */
const CHASE_MAX_DROP = 3;
const PLAYER_WIDTH = 0.6;

function sizeOf(mw: MobWorld, mob: MobEntity): { width: number; height: number } {
  const e = mw.serv.registry.entitiesByName[mob.skillcraftMob.facts.name];
  return { width: e?.width ?? 0.9, height: e?.height ?? 1.4 };
}

function strollRules(headroom: number): StepRules {
  return { headroom, maxDrop: 1, avoidLeaves: true };
}

/** Picks a random walkable spot within 10 blocks (and 1 up, 3 down); none when the tries fail. */
function pickStroll(mw: MobWorld, mob: MobEntity, terrain: Terrain, headroom: number): Vec3 | undefined {
  const pos = mob.position;
  for (let attempt = 0; attempt < 4; attempt++) {
    const x = Math.floor(pos.x) + mw.rng.int(-WANDER_RANGE, WANDER_RANGE);
    const z = Math.floor(pos.z) + mw.rng.int(-WANDER_RANGE, WANDER_RANGE);
    const y = terrain.floorIn(x, z, Math.floor(pos.y) + 1, Math.floor(pos.y) - 3, headroom);
    if (y !== undefined) return new Vec3(x + 0.5, y, z + 0.5);
  }
  return undefined;
}

function nearestTarget(mw: MobWorld, mob: MobEntity, players: readonly SquidPlayer[]): SquidPlayer | undefined {
  let best: SquidPlayer | undefined;
  let bestDist = CHASE_RANGE;
  for (const p of players) {
    if (p.world !== mob.world || !isVulnerable(p)) continue;
    const d = p.position.distanceTo(mob.position);
    if (d <= bestDist) {
      best = p;
      bestDist = d;
    }
  }
  return best;
}

function stroll(mw: MobWorld, mob: MobEntity, terrain: Terrain, headroom: number, tick: number): Walk {
  const st = mob.skillcraftMob;
  if (!st.goal && tick >= st.idleUntil) {
    st.goal = pickStroll(mw, mob, terrain, headroom);
    st.idleUntil = tick + mw.rng.int(IDLE_MIN, IDLE_MAX);
  }
  return { rules: strollRules(headroom), speed: st.facts.speed, stopAt: 0.1, slide: false };
}

/** Decides this step's walk (and lands a hostile's hit); a mob with no goal stands still. */
export function thinkMob(mw: MobWorld, mob: MobEntity, terrain: Terrain, players: readonly SquidPlayer[], tick: number): Walk {
  const st = mob.skillcraftMob;
  const { width, height } = sizeOf(mw, mob);
  const headroom = Math.ceil(height);
  if (st.facts.kind !== 'hostile') return stroll(mw, mob, terrain, headroom, tick);
  const target = nearestTarget(mw, mob, players);
  const chase: Walk = { rules: { headroom, maxDrop: CHASE_MAX_DROP, avoidLeaves: false }, speed: st.facts.speed, stopAt: width / 2 + PLAYER_WIDTH / 2 + 0.2, slide: true };
  if (st.facts.explodes && stepFuse(mw, mob, target)) {
    // Swelling: it stands and faces its target.
    st.goal = undefined;
    if (target) st.yaw = yawTowards(target.position.x - mob.position.x, target.position.z - mob.position.z);
    return chase;
  }
  if (!target) return stroll(mw, mob, terrain, headroom, tick);
  st.goal = target.position.clone();
  st.yaw = yawTowards(target.position.x - mob.position.x, target.position.z - mob.position.z);
  // Vanilla Mob.getMeleeAttackRangeSqr: (2 × width)² + the target's width, against feet distance.
  const reachSq = (2 * width) ** 2 + PLAYER_WIDTH;
  if (st.facts.attackDamage !== undefined && tick >= st.attackReadyTick && mob.position.distanceSquared(target.position) <= reachSq) {
    if (mobHitsPlayer(mw, mob, target)) st.attackReadyTick = tick + (st.facts.attackTicks ?? MOB_ATTACK_COOLDOWN);
  }
  return chase;
}
