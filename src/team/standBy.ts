// A member with nothing left to do stands by a team mate that still works, so that when the last part is
// made the hand-overs are a throw, not a walk across the map (the assembler is chosen by the givers' walk:
// assemble.ts). It keeps out of pick-up reach of the worker's drops, and goes back to work as soon as a part
// comes free (a failed part, or one it may copy: ledger.ts).
import { sleep } from '../base/wait.ts';
import { closeIn, type HandoverEnv } from './handover.ts';
import type { TeamMember } from './types.ts';

/** Beyond this the member walks up again; within it, it waits (hysteresis, so it does not dance about). */
const FOLLOW_FAR = 12;
/** Where it stops: out of reach of the worker's drops (vanilla picks up within about a block). */
const FOLLOW_NEAR = 6;
/** One walk, before looking again whether the worker moved or a part came free. */
const STEP_MS = 8000;
/** Between two looks while standing. */
const LOOK_MS = 1000;

/** Who works on a part right now; `changes` fires on every start and stop. */
export class BusyMembers {
  private readonly members = new Set<TeamMember>();
  readonly changes = new EventTarget();

  set(member: TeamMember, busy: boolean): void {
    if (busy) this.members.add(member);
    else this.members.delete(member);
    this.changes.dispatchEvent(new Event('change'));
  }

  list(): TeamMember[] {
    return [...this.members];
  }
}

/**
 * Stands `member` by the nearest team mate still working until nobody works ('done') or a part came free
 * for it ('work'). Best effort: a walk that fails is tried again after a look.
 */
export async function standBy(env: Pick<HandoverEnv, 'knowledge' | 'log' | 'signal'>, member: TeamMember, busy: BusyMembers, hasWork: () => boolean): Promise<'work' | 'done'> {
  for (;;) {
    if (env.signal.aborted) return 'done';
    if (hasWork()) return 'work';
    const others = busy.list().filter((m) => m !== member && m.bot.entity);
    if (others.length === 0) return 'done';
    const me = member.bot.entity.position;
    const dist = (m: TeamMember) => m.bot.entity.position.distanceTo(me);
    const target = others.reduce((a, b) => (dist(b) < dist(a) ? b : a));
    const step = new AbortController();
    const cut = () => step.abort(new Error('the team\'s work changed'));
    busy.changes.addEventListener('change', cut);
    const signal = AbortSignal.any([env.signal, step.signal]);
    try {
      // Could not get there (no path yet): it looks again a little later rather than at once.
      const near = dist(target) <= FOLLOW_FAR || await closeIn({ ...env, signal }, member, target, FOLLOW_NEAR, STEP_MS);
      if (!near || dist(target) <= FOLLOW_FAR) await sleep(LOOK_MS, signal);
    } catch (err) {
      if (env.signal.aborted || !step.signal.aborted) throw err;
    } finally {
      busy.changes.removeEventListener('change', cut);
    }
  }
}
