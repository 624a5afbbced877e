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
  return a.type === b.type && a.metadata === b.metadata && nbtKey(a.nbt) === nbtKey(b.nbt);
}

/**
 * NBT compared by content: a tag the client sends back lacks the root name the server's has, and key
 * order may differ, yet it is the same item (a sword's {Damage:0} was "changed" on every click).
 */
function nbtKey(tag: unknown): string {
  return JSON.stringify(canonical(tag ?? null));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (!v || typeof v !== 'object') return typeof v === 'bigint' ? String(v) : v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(Object.keys(o).filter((k) => k !== 'name' || typeof o.type !== 'string').sort().map((k) => [k, canonical(o[k])]));
}

export function stackEquals(a: Stack | null, b: Stack | null): boolean {
  if (!a || !b) return !a && !b;
  return sameKind(a, b) && a.count === b.count;
}
