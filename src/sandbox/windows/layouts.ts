import type { Stack } from './stack.ts';

/** Facts about items a layout needs, supplied from the knowledge base. */
export interface ItemFacts<S extends Stack> {
  /** Where a shift-click sends it in the player window: 5 helmet … 8 boots, 45 the off hand (a shield). */
  armorSlot(item: S): 5 | 6 | 7 | 8 | 45 | undefined;
  isFuel(item: S): boolean;
  /** Whether this furnace kind can cook the item. */
  isSmeltable(item: S): boolean;
}

/** The slot rules of one window type; the storage lives elsewhere. */
export interface Layout<S extends Stack> {
  readonly size: number;
  readonly resultSlot: number;
  /** First slot of the 36 player-inventory slots (27 main then 9 hotbar) in this window. */
  readonly inventoryStart: number;
  accepts(slot: number, item: S): boolean;
  maxStack(slot: number, item: S): number;
  shiftTargets(slot: number, item: S): [number, number, boolean][];
  hotbarSlot(button: number): number | undefined;
}

function hotbarFrom(invStart: number, offhand?: number) {
  return (button: number) => (button >= 0 && button <= 8 ? invStart + 27 + button : button === 40 ? offhand : undefined);
}

/** Window 0: 0 result, 1–4 grid, 5–8 armour, 9–35 main, 36–44 hotbar, 45 off-hand. */
export function playerLayout<S extends Stack>(facts: ItemFacts<S>): Layout<S> {
  return {
    size: 46, resultSlot: 0, inventoryStart: 9,
    accepts: (slot, item) => slot !== 0 && (slot < 5 || slot > 8 || facts.armorSlot(item) === slot),
    maxStack: (slot, item) => (slot >= 5 && slot <= 8 ? 1 : item.stackSize),
    shiftTargets(slot, item) {
      if (slot === 0) return [[9, 45, true]];
      if (slot <= 8 || slot === 45) return [[9, 45, false]];
      const armor = facts.armorSlot(item);
      const out: [number, number, boolean][] = [];
      if (armor !== undefined) out.push([armor, armor + 1, false]);
      out.push(slot < 36 ? [36, 45, false] : [9, 36, false]);
      return out;
    },
    hotbarSlot: hotbarFrom(9, 45),
  };
}

/** A crafting table: 0 result, 1–9 grid, 10–36 main, 37–45 hotbar. */
export function craftingTableLayout<S extends Stack>(): Layout<S> {
  return {
    size: 46, resultSlot: 0, inventoryStart: 10,
    accepts: (slot) => slot !== 0,
    maxStack: (_slot, item) => item.stackSize,
    shiftTargets(slot) {
      if (slot === 0) return [[10, 46, true]];
      if (slot < 10) return [[10, 46, false]];
      // 1.20: from the inventory into the grid first, then across inventory halves.
      return [[1, 10, false], slot < 37 ? [37, 46, false] : [10, 37, false]];
    },
    hotbarSlot: hotbarFrom(10),
  };
}

/** Furnace, smoker, blast furnace: 0 input, 1 fuel, 2 output, 3–29 main, 30–38 hotbar. */
export function furnaceLayout<S extends Stack>(facts: ItemFacts<S>): Layout<S> {
  return {
    size: 39, resultSlot: -1, inventoryStart: 3,
    accepts: (slot, item) => slot !== 2 && (slot !== 1 || facts.isFuel(item)),
    maxStack: (_slot, item) => item.stackSize,
    shiftTargets(slot, item) {
      if (slot === 2) return [[3, 39, true]];
      if (slot < 3) return [[3, 39, false]];
      if (facts.isSmeltable(item)) return [[0, 1, false]];
      if (facts.isFuel(item)) return [[1, 2, false]];
      return [slot < 30 ? [30, 39, false] : [3, 30, false]];
    },
    hotbarSlot: hotbarFrom(3),
  };
}

/** Chest and barrel: `rows`×9 container slots, then main and hotbar. */
export function containerLayout<S extends Stack>(rows: number): Layout<S> {
  const n = rows * 9;
  return {
    size: n + 36, resultSlot: -1, inventoryStart: n,
    accepts: () => true,
    maxStack: (_slot, item) => item.stackSize,
    shiftTargets: (slot) => (slot < n ? [[n, n + 36, true]] : [[0, n, false]]),
    hotbarSlot: hotbarFrom(n),
  };
}
