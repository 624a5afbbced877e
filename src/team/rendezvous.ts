// Where members meet for the hand-overs. A member with nothing left to do waits near a team mate still at
// work instead of where its own part ended, so that once the last part is made the throws are a few steps
// away, not a walk across the map; the assembler is then the holder the givers reach soonest.
import { sleep } from '../base/wait.ts';
import { closeIn, standAside, type HandoverEnv } from './handover.ts';
import { PAUSE_SECONDS } from './split.ts';
import type { TeamMember } from './types.ts';

/** A follower re-approaches a working mate only beyond this distance… */
const FOLLOW_FAR = 16;
/** …and stops this close: out of reach of the drops of the blocks the mate digs. */
const FOLLOW_NEAR = 8;
/** One approach's bound; the next look at who still works comes after it. */
const FOLLOW_MS = 15_000;
const LOOK_MS = 1000;

const distance = (a: TeamMember, b: TeamMember) => a.bot.entity.position.distanceTo(b.bot.entity.position);

/**
 * Keeps `me` near `prefer` (the member likeliest to assemble) while it works, else near the nearest member in
 * `working()`, until none is left or `signal` ends the wait (every part is made). Best effort: a mate out of
 * reach is simply not followed.
 */
export async function waitNearWorkers(env: Pick<HandoverEnv, 'knowledge' | 'log' | 'signal'>, me: TeamMember, working: () => readonly TeamMember[], prefer: TeamMember): Promise<void> {
  try {
    for (;;) {
      const others = working().filter((m) => m !== me);
      if (others.length === 0 || env.signal.aborted) return;
      const target = others.includes(prefer) ? prefer : others.reduce((best, m) => (distance(me, m) < distance(me, best) ? m : best));
      if (distance(me, target) > FOLLOW_FAR) await closeIn(env, me, target, FOLLOW_NEAR, FOLLOW_MS);
      await sleep(LOOK_MS, env.signal);
    }
  } catch (err) {
    if (!env.signal.aborted) throw err;
  }
}

/** Blocks a giver walks to the receiver per game second, for choosing who receives (sprinting is faster). */
const WALK_BLOCKS_PER_S = 4;

/** Seconds until every giver has thrown to `receiver`: the longest walk, then the throws one by one. */
export function gatherSeconds(receiver: TeamMember, givers: readonly TeamMember[]): number {
  const walk = Math.max(0, ...givers.map((g) => Math.max(0, distance(g, receiver) - 3) / WALK_BLOCKS_PER_S));
  return walk + givers.length * PAUSE_SECONDS;
}

/**
 * Every member but `giver` and `receiver` that stands within a throw's reach of the receiver steps aside
 * first: vanilla gives a thrown stack to whoever is in reach when its pickup delay ends.
 */
export async function clearAround(env: Pick<HandoverEnv, 'knowledge' | 'log' | 'signal'>, receiver: TeamMember, giver: TeamMember, idle: readonly TeamMember[]): Promise<void> {
  await Promise.all(idle.filter((m) => m !== receiver && m !== giver).map((m) => standAside(env, m, receiver)));
}
