// What the team still needs of each part, who works on which, and the second pair of hands: a member
// with nothing left to do takes on a copy of a part another member still works on. Whichever finishes
// first counts; once the team has enough of an item, the runs still making it are called off. A slow
// member (trees far off, iron deep down) then no longer holds the whole team up.
import type { SubGoal } from './types.ts';

export class PartsLedger {
  private readonly need = new Map<string, number>();
  private readonly made = new Map<string, number>();
  /** Who works on what right now. */
  private readonly running = new Map<string, SubGoal>();
  /** Parts that have a copy already (the original's id and the copy's): one spare member each. */
  private readonly copied = new Set<number>();
  private nextId: number;

  constructor(shares: ReadonlyMap<string, readonly SubGoal[]>) {
    let maxId = 0;
    for (const sg of [...shares.values()].flat()) {
      this.need.set(sg.item, (this.need.get(sg.item) ?? 0) + sg.count);
      maxId = Math.max(maxId, sg.id);
    }
    this.nextId = maxId + 1;
  }

  /** How many of `item` the team still has to make. */
  missing(item: string): number {
    return Math.max(0, (this.need.get(item) ?? 0) - (this.made.get(item) ?? 0));
  }

  /** Whether a part is still wanted (not when the team made enough of its item meanwhile). */
  wanted(sg: SubGoal): boolean {
    return this.missing(sg.item) > 0;
  }

  start(who: string, sg: SubGoal): void {
    this.running.set(who, sg);
  }

  /** `who` stopped without making its part (failed, lost or called off). */
  stop(who: string): void {
    this.running.delete(who);
  }

  /** `who` made its part; returns the members whose runs make an item the team now has enough of. */
  finish(who: string, sg: SubGoal): string[] {
    this.running.delete(who);
    this.made.set(sg.item, (this.made.get(sg.item) ?? 0) + sg.count);
    if (this.missing(sg.item) > 0) return [];
    return [...this.running].filter(([, r]) => r.item === sg.item).map(([w]) => w);
  }

  /**
   * A copy of a part another member still works on, for `who`, who has nothing left: the oldest such part
   * without a copy yet, no more of it than the team still misses. Undefined when there is none.
   */
  copyFor(who: string): { subGoal: SubGoal; of: string } | undefined {
    for (const [other, r] of this.running) {
      if (other === who || this.copied.has(r.id)) continue;
      const count = Math.min(r.count, this.missing(r.item));
      if (count <= 0) continue;
      const subGoal: SubGoal = { id: this.nextId++, item: r.item, count, estimate: r.estimate };
      this.copied.add(r.id);
      this.copied.add(subGoal.id);
      return { subGoal, of: other };
    }
    return undefined;
  }
}
