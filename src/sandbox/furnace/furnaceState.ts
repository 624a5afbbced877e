import type { Stack } from '../windows/stack.ts';

/** What the furnace logic needs to know about items. */
export interface FurnaceRules<S extends Stack> {
  /** The stack one item of `input` cooks into, or undefined when this furnace kind cannot cook it. */
  resultOf(input: S): S | undefined;
  fuelTicks(fuel: S): number;
  /** What stays in the fuel slot after burning one (the bucket of a lava bucket). */
  fuelRemainder(fuel: S): S | null;
  withCount(from: S, count: number): S;
  sameKind(a: S, b: S): boolean;
  cookTicks: number;
}

/** A furnace, smoker or blast furnace block's contents and progress (vanilla AbstractFurnaceBlockEntity). */
export class FurnaceState<S extends Stack> {
  /** 0 input, 1 fuel, 2 output. */
  readonly slots: (S | null)[] = [null, null, null];
  litTime = 0;
  litDuration = 0;
  cookProgress = 0;

  constructor(private readonly rules: FurnaceRules<S>) {}

  get lit(): boolean { return this.litTime > 0; }
  get cookTotal(): number { return this.rules.cookTicks; }

  private canCook(): S | undefined {
    const input = this.slots[0];
    if (!input) return undefined;
    const result = this.rules.resultOf(input);
    if (!result) return undefined;
    const out = this.slots[2];
    if (!out) return result;
    if (!this.rules.sameKind(out, result)) return undefined;
    return out.count + result.count <= out.stackSize ? result : undefined;
  }

  /** Advances one game tick. Returns true when anything visible changed. */
  tick(): boolean {
    const wasLit = this.lit;
    let changed = false;
    if (this.lit) this.litTime--;
    const result = this.canCook();
    const fuel = this.slots[1];
    if (this.lit || (fuel && this.slots[0])) {
      if (!this.lit && result && fuel) {
        const ticks = this.rules.fuelTicks(fuel);
        if (ticks > 0) {
          this.litTime = this.litDuration = ticks;
          this.slots[1] = fuel.count > 1 ? this.rules.withCount(fuel, fuel.count - 1) : this.rules.fuelRemainder(fuel);
          changed = true;
        }
      }
      if (this.lit && result) {
        this.cookProgress++;
        if (this.cookProgress >= this.cookTotal) {
          this.cookProgress = 0;
          const input = this.slots[0]!;
          this.slots[0] = input.count > 1 ? this.rules.withCount(input, input.count - 1) : null;
          const out = this.slots[2];
          this.slots[2] = out ? this.rules.withCount(out, out.count + result.count) : result;
          changed = true;
        }
      } else {
        this.cookProgress = 0;
      }
    } else if (this.cookProgress > 0) {
      this.cookProgress = Math.max(0, this.cookProgress - 2);
    }
    return changed || wasLit !== this.lit;
  }

  /** Whether ticking can change anything (so idle furnaces cost nothing). */
  get active(): boolean {
    return this.lit || this.cookProgress > 0 || (!!this.slots[0] && !!this.slots[1]);
  }

  /** The four window properties mineflayer reads: fuel left, fuel total, progress, progress total. */
  properties(): [number, number, number, number] {
    return [this.litTime, this.litDuration, this.cookProgress, this.cookTotal];
  }
}
