import type { Stack } from './stack.ts';

/** What a window's slot accepts and how a shift-click moves out of it (vanilla `quickMoveStack`). */
export interface WindowModel<S extends Stack> {
  readonly size: number;
  get(slot: number): S | null;
  set(slot: number, item: S | null): void;
  /** Whether a player may put `item` into `slot` (false for output and result slots). */
  accepts(slot: number, item: S): boolean;
  /** Most items of this kind the slot holds (1 for armour, the stack size otherwise). */
  maxStack(slot: number, item: S): number;
  /** First of the 36 player-inventory slots (27 main, then 9 hotbar) in this window. */
  readonly inventoryStart: number;
  /** The crafting result slot, whose take consumes the grid; -1 when the window has none. */
  readonly resultSlot: number;
  /** Takes one craft: consumes the ingredients and returns the crafted stack, or null when nothing matches. */
  craftOnce?(): S | null;
  /** Vanilla's quick-move: ordered [start, end, reverse] ranges to try for an item in `slot`. */
  shiftTargets(slot: number, item: S): [number, number, boolean][];
  /** Window slot of hotbar button 0–8, and of the off-hand (button 40) when the window shows it. */
  hotbarSlot(button: number): number | undefined;
}
