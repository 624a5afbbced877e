import type { Registry } from 'prismarine-registry';
import { sameKind, type Stack } from '../../windows/stack.ts';

/** The stack shape inventory insertion needs; prismarine-item's Item satisfies it. */
export type StackLike = Stack;
export { sameKind };

/** Player window (id 0) slots: 0 result, 1–4 crafting grid, 5–8 armour, 9–35 main, 36–44 hotbar, 45 off-hand. */
export const HOTBAR_START = 36;
export const MAIN_START = 9;
export const OFFHAND_SLOT = 45;

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}

/**
 * Vanilla `Inventory.add` order, in window-0 numbering: stacks to top up are looked for in the
 * selected hotbar slot, the off-hand, the hotbar, then the main inventory; empty slots in the hotbar
 * then the main inventory. The crafting grid, result and armour slots are never filled.
 */
export function mergeOrder(heldItemSlot: number): number[] {
  const held = HOTBAR_START + heldItemSlot;
  return [held, OFFHAND_SLOT, ...range(HOTBAR_START, 45).filter((s) => s !== held), ...range(MAIN_START, HOTBAR_START)];
}

export function emptyOrder(): number[] {
  return [...range(HOTBAR_START, 45), ...range(MAIN_START, HOTBAR_START)];
}

export interface InsertPlan<S> {
  /** New contents of every slot that changes, in the order they were filled. */
  changes: { slot: number; item: S }[];
  /** How many of the stack's items did not fit. */
  remainder: number;
}

/**
 * Plans putting `stack` (any count, even above its stack size) into an inventory without touching it.
 * `make(kind, count)` builds a stack of `kind`'s item with `count` items.
 */
export function planInsert<S extends StackLike>(
  slots: readonly (S | null | undefined)[],
  stack: S,
  heldItemSlot: number,
  make: (kind: S, count: number) => S,
): InsertPlan<S> {
  const changes = new Map<number, S>();
  const current = (slot: number) => (changes.has(slot) ? changes.get(slot) : slots[slot]) ?? null;
  const max = Math.max(1, stack.stackSize);
  let remaining = stack.count;
  for (const slot of mergeOrder(heldItemSlot)) {
    if (remaining <= 0) break;
    const item = current(slot);
    if (!item || !sameKind(item, stack) || item.count >= max) continue;
    const moved = Math.min(max - item.count, remaining);
    changes.set(slot, make(item, item.count + moved));
    remaining -= moved;
  }
  for (const slot of emptyOrder()) {
    if (remaining <= 0) break;
    if (current(slot)) continue;
    const moved = Math.min(max, remaining);
    changes.set(slot, make(stack, moved));
    remaining -= moved;
  }
  return { changes: [...changes].map(([slot, item]) => ({ slot, item })), remainder: remaining };
}

export interface ItemInfo {
  id: number;
  name: string;
  displayName: string;
  stackSize: number;
}

/** Looks an item up by name, with or without the `minecraft:` namespace; undefined when unknown. */
export function findItem(registry: Registry, text: string): ItemInfo | undefined {
  const name = text.trim().toLowerCase().replace(/^minecraft:/, '');
  if (!/^[a-z0-9_]+$/.test(name)) return undefined;
  const item = registry.itemsByName[name];
  return item ? { id: item.id, name: item.name, displayName: item.displayName, stackSize: item.stackSize } : undefined;
}
