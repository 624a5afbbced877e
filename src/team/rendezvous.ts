// Where members meet for the hand-overs. A member with nothing left to do walks back to the team's meeting
// spot in the open instead of staying where its own part ended, so that once the last part is made the
// throws are a few steps away on open ground; the assembler is then the holder the givers reach soonest.
import pathfinderPkg from 'mineflayer-pathfinder';
import type { Vec3 } from 'vec3';
import { moveTo, SkillError } from '../actions/index.ts';
import { withTimeout } from '../base/wait.ts';
import { standAside, type HandoverEnv } from './handover.ts';
import { PAUSE_SECONDS } from './split.ts';
import type { TeamMember } from './types.ts';

const { GoalNear } = pathfinderPkg.goals;
const distance = (a: TeamMember, b: TeamMember) => a.bot.entity.position.distanceTo(b.bot.entity.position);

/** How near the meeting spot a member stops: mates there are a short throw apart. */
const MEET_RANGE = 3;
/** One member's walk back to the meeting spot (from its ore, underground, it climbs the way it came). */
const MEET_MS = 45_000;
const MEET_ATTEMPTS = 3;

/**
 * Walks `me` back to the team's meeting spot (the first member's spot at the start, in the open) once it
 * has nothing left to make. Members that finish their parts underground, each at its own ore, would
 * otherwise meet in tunnels, where a throw hits the wall and comes back and a walk to a mate often finds no
 * way. False when it could not get there in time (best effort: the hand-over walks to the receiver then).
 */
export async function goToMeeting(env: Pick<HandoverEnv, 'knowledge' | 'log' | 'signal'>, me: TeamMember, spot: Vec3, timeoutMs = MEET_MS): Promise<boolean> {
  return withTimeout(env.signal, timeoutMs, async (signal) => {
    const ctx = { bot: me.bot, log: env.log.child({ who: me.name }), signal, knowledge: env.knowledge };
    // A long way up out of the rock often stalls once (a path recomputed mid-climb) and goes on when asked again.
    for (let attempt = 1; ; attempt++) {
      try {
        await moveTo(ctx, new GoalNear(spot.x, spot.y, spot.z, MEET_RANGE), { what: "the team's meeting spot", canDig: true, stuckMs: 8000 });
        return true;
      } catch (err) {
        if (env.signal.aborted || !(err instanceof SkillError || signal.aborted)) throw err;
        env.log.debug({ err: err instanceof Error ? err.message : String(err), attempt }, `${me.name} could not come back to the meeting spot`);
        if (signal.aborted || attempt >= MEET_ATTEMPTS || !(err instanceof SkillError) || !['STUCK', 'NO_PATH'].includes(err.code)) return false;
      }
    }
  });
}

/** A giver this close to the receiver walks over directly (the same tunnels): farther, both meet at the spot. */
export const DIRECT = 12;

/**
 * Once every part is made: when a giver is far from the receiver (the last to finish is still at its ore),
 * the receiver and the givers all meet at the spot (those there already stay); close ones hand over directly.
 */
export async function meetIfApart(env: Pick<HandoverEnv, 'knowledge' | 'log' | 'signal'>, receiver: TeamMember, givers: readonly TeamMember[], spot: Vec3): Promise<void> {
  if (givers.every((g) => distance(g, receiver) <= DIRECT)) return;
  await Promise.all([receiver, ...givers].map((m) => goToMeeting(env, m, spot)));
}

/** Blocks a member walks per game second on open ground, for choosing who receives (sprinting is faster). */
const WALK_BLOCKS_PER_S = 4;
/**
 * Game seconds per block a member climbs: out of a shaft it dug down to its ore it pillars up or digs a
 * stair. Measured in the team bench: 20 blocks up out of a shaft to the meeting spot took about 60 s.
 */
const CLIMB_S_PER_BLOCK = 3;
/** Game seconds per block down (a drop, or digging down with a stone pickaxe). */
const DESCEND_S_PER_BLOCK = 0.5;

/** Estimated game seconds to walk from `from` to `to`: open-ground speed, climbing dearer. */
export function walkSeconds(from: Vec3, to: Vec3): number {
  const flat = Math.hypot(to.x - from.x, to.z - from.z);
  const dy = to.y - from.y;
  return Math.max(0, flat - MEET_RANGE) / WALK_BLOCKS_PER_S + Math.max(0, dy) * CLIMB_S_PER_BLOCK + Math.max(0, -dy) * DESCEND_S_PER_BLOCK;
}

/**
 * Seconds until every giver has thrown to `receiver`, as `meetIfApart` brings them together: close givers
 * walk over; else everyone meets at `spot`. Then the throws one by one.
 */
export function gatherSeconds(receiver: TeamMember, givers: readonly TeamMember[], spot: Vec3): number {
  if (givers.length === 0) return 0;
  const at = (m: TeamMember) => m.bot.entity.position;
  const direct = givers.every((g) => distance(g, receiver) <= DIRECT);
  const walk = direct
    ? Math.max(...givers.map((g) => walkSeconds(at(g), at(receiver))))
    : Math.max(...[receiver, ...givers].map((m) => walkSeconds(at(m), spot)));
  return walk + givers.length * PAUSE_SECONDS;
}

/**
 * Every member but `giver` and `receiver` that stands within a throw's reach of the receiver steps aside
 * first: vanilla gives a thrown stack to whoever is in reach when its pickup delay ends.
 */
export async function clearAround(env: Pick<HandoverEnv, 'knowledge' | 'log' | 'signal'>, receiver: TeamMember, giver: TeamMember, idle: readonly TeamMember[]): Promise<void> {
  await Promise.all(idle.filter((m) => m !== receiver && m !== giver).map((m) => standAside(env, m, receiver)));
}
