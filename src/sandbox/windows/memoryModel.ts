import type { Layout } from './layouts.ts';
import type { WindowModel } from './model.ts';
import type { Stack } from './stack.ts';

/**
 * A window model over plain slot storage: `own` holds the window's own slots (grid, container…), the
 * 36 inventory slots are read and written through `inv` (indices 9–44 of the player's inventory window).
 */
export function windowModel<S extends Stack>(
  layout: Layout<S>,
  own: { get(i: number): S | null; set(i: number, item: S | null): void },
  inv: { get(i: number): S | null; set(i: number, item: S | null): void },
  craftOnce?: () => S | null,
): WindowModel<S> {
  const toInv = (slot: number) => slot - layout.inventoryStart + 9;
  const isInv = (slot: number) => slot >= layout.inventoryStart && slot < layout.inventoryStart + 36;
  return {
    size: layout.size,
    resultSlot: layout.resultSlot,
    inventoryStart: layout.inventoryStart,
    get: (slot) => (isInv(slot) ? inv.get(toInv(slot)) : own.get(slot)),
    set: (slot, item) => (isInv(slot) ? inv.set(toInv(slot), item) : own.set(slot, item)),
    accepts: (slot, item) => layout.accepts(slot, item),
    maxStack: (slot, item) => layout.maxStack(slot, item),
    shiftTargets: (slot, item) => layout.shiftTargets(slot, item),
    hotbarSlot: (b) => layout.hotbarSlot(b),
    craftOnce,
  };
}
