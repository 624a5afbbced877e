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
