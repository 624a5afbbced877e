// A step a reflex cuts short says nothing about the skill, once: the reflex runs and the loop re-plans.
// But the same call cut again and again by the same reflex (mining an ore the bot can only reach
// through deep water, where the leave-water reflex pulls it out each time) is a loop that never ends:
// a benchmark run made 241 such steps. The second such cut in a row, with nothing gained in between,
// counts as a failure of the call, so the planner's history penalises it and then rules it out.
import type { Observation } from '../bot/observation.ts';
import type { Decision } from '../planner/types.ts';
import { callKey } from './noEffect.ts';

/** The cut that counts as a failure: the second in a row. */
const FAIL_AT = 2;

export class ReflexRepeats {
  private last: { key: string; reflex: string; inventory: string; n: number } | undefined;

  /**
   * Called for every step: `reflex` is the kind of reflex that cut it short (undefined when none did).
   * Returns how many times in a row this call was cut by that reflex with the inventory unchanged;
   * FAIL_AT or more means the step is to count as failed.
   */
  judge(decision: Decision, reflex: string | undefined, after: Observation): number {
    const inventory = JSON.stringify(Object.entries(after.inventory).sort(([a], [b]) => a.localeCompare(b)));
    if (reflex === undefined) {
      this.last = undefined;
      return 0;
    }
    const key = callKey(decision);
    const same = this.last?.key === key && this.last.reflex === reflex && this.last.inventory === inventory;
    this.last = { key, reflex, inventory, n: same ? this.last!.n + 1 : 1 };
    return this.last.n;
  }

  static fails(n: number): boolean {
    return n >= FAIL_AT;
  }
}
