/** The item-stack shape the window engine needs; prismarine-item's Item satisfies it. */
export interface Stack {
  type: number;
  count: number;
  metadata: number;
  nbt: unknown;
  stackSize: number;
}

/** How the engine makes and compares stacks, so it stays free of a registry. */
export interface StackOps<S extends Stack> {
  /** A new stack of `from`'s kind with `count` items (count ≥ 1). */
  withCount: (from: S, count: number) => S;
  /** A deep copy, so a later in-place change (tool wear) cannot alter what was recorded as sent. */
  clone?: (from: S) => S;
}

export function sameKind(a: Stack | null, b: Stack | null): boolean {
  if (!a || !b) return false;
  return a.type === b.type && a.metadata === b.metadata && JSON.stringify(a.nbt ?? null) === JSON.stringify(b.nbt ?? null);
}

export function stackEquals(a: Stack | null, b: Stack | null): boolean {
  if (!a || !b) return !a && !b;
  return sameKind(a, b) && a.count === b.count;
}
