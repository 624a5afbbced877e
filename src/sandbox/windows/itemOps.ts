import type { Item } from 'prismarine-item';
import type { StackOps } from './stack.ts';

type ItemCtor = typeof Item;

/** Stack operations over prismarine-item for one registry's Item class. */
export function itemOps(ItemClass: ItemCtor): StackOps<Item> & {
  make: (id: number, count: number) => Item;
  toNotch: (item: Item | null) => unknown;
  fromNotch: (notch: unknown) => Item | null;
} {
  return {
    withCount: (from, count) => new ItemClass(from.type, count, from.metadata, from.nbt ?? undefined),
    clone: (from) => new ItemClass(from.type, from.count, from.metadata, from.nbt ? structuredClone(from.nbt) : undefined),
    make: (id, count) => new ItemClass(id, count),
    toNotch: (item) => ItemClass.toNotch(item),
    fromNotch: (notch) => ItemClass.fromNotch(notch as never) ?? null,
  };
}

/**
 * Puts stacks into inventory slots 9–44 the vanilla way (merge into matching stacks, hotbar first,
 * then empty slots). Returns what did not fit.
 */
export function addToInventory(slots: (Item | null)[], item: Item, withCount: (f: Item, n: number) => Item, set: (slot: number, it: Item) => void): Item | null {
  let left = item.count;
  const order = [...range(36, 45), ...range(9, 36)];
  for (const i of order) {
    const t = slots[i];
    if (left <= 0) break;
    if (!t || t.type !== item.type || JSON.stringify(t.nbt ?? null) !== JSON.stringify(item.nbt ?? null)) continue;
    const n = Math.min(left, t.stackSize - t.count);
    if (n <= 0) continue;
    set(i, withCount(t, t.count + n));
    left -= n;
  }
  for (const i of order) {
    if (left <= 0) break;
    if (slots[i]) continue;
    const n = Math.min(left, item.stackSize);
    set(i, withCount(item, n));
    left -= n;
  }
  return left > 0 ? withCount(item, left) : null;
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, i) => a + i);
}
