// One member's run on a part, and how the team calls it off once it has enough of the item. A run in the
// middle of its smelt is not cut: its ore is in the furnace and the ingots come out within seconds, and a
// member holding every part assembles with no hand-over at all. It is called off when that step ends.
import type { RunEvent } from '../agent/events.ts';

/** The steps a call-off waits for: cutting them would leave the work done in a furnace. */
const FINISHING = new Set(['smeltItem']);

export class PartRun {
  private readonly ctl = new AbortController();
  private step: string | undefined;
  private pending: Error | undefined;

  /** Aborted once the run is called off (at once, or when its finishing step ends). */
  get signal(): AbortSignal {
    return this.ctl.signal;
  }

  /** Whether the run was called off, or will be when its step ends. */
  get calledOff(): boolean {
    return this.ctl.signal.aborted || this.pending !== undefined;
  }

  /** Follows the member's run: which step runs now, and ends a deferred call-off with the step. */
  watch(e: RunEvent): void {
    if (e.event === 'step_start') this.step = e.decision.skill;
    if (e.event !== 'step') return;
    this.step = undefined;
    if (this.pending) this.ctl.abort(this.pending);
  }

  /** Calls the run off: now, or when the finishing step it is in ends. Says which. */
  callOff(why: Error): 'now' | 'after this step' {
    if (this.step !== undefined && FINISHING.has(this.step)) {
      this.pending = why;
      return 'after this step';
    }
    this.ctl.abort(why);
    return 'now';
  }
}
