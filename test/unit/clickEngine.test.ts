import { describe, expect, it } from 'vitest';
import { applyClick, type CursorState } from '../../src/sandbox/windows/clickEngine.ts';
import { containerLayout, craftingTableLayout, playerLayout, type ItemFacts } from '../../src/sandbox/windows/layouts.ts';
import { windowModel } from '../../src/sandbox/windows/memoryModel.ts';
import type { Stack, StackOps } from '../../src/sandbox/windows/stack.ts';

interface S extends Stack { name: string }
const SIZES: Record<string, number> = { dirt: 64, stick: 64, sword: 1, helmet: 1, planks: 64, pearl: 16 };
const IDS: Record<string, number> = { dirt: 1, stick: 2, sword: 3, helmet: 4, planks: 5, pearl: 6 };
const st = (name: string, count: number): S => ({ name, type: IDS[name]!, count, metadata: 0, nbt: null, stackSize: SIZES[name]! });
const ops: StackOps<S> = { withCount: (f, count) => ({ ...f, count }) };
const facts: ItemFacts<S> = { armorSlot: (i) => (i.name === 'helmet' ? 5 : undefined), isFuel: (i) => i.name === 'planks', isSmeltable: () => false };

function storage(n: number) {
  const slots: (S | null)[] = new Array<S | null>(n).fill(null);
  return { slots, get: (i: number) => slots[i] ?? null, set: (i: number, v: S | null) => { slots[i] = v; } };
}
const cur = (c: S | null = null): CursorState<S> => ({ cursor: c, drag: null });
const counts = (slots: (S | null)[]) => slots.map((s, i) => (s ? `${i}:${s.name}x${s.count}` : '')).filter(Boolean);

function playerWindow(craft?: () => S | null) {
  const inv = storage(46);
  return { inv, win: windowModel(playerLayout(facts), inv, inv, craft) };
}

describe('window click engine', () => {
  it('left click picks up a whole stack and puts it down; right click halves and places one', () => {
    const { inv, win } = playerWindow();
    inv.set(9, st('dirt', 5));
    const c = cur();
    applyClick(win, c, { slot: 9, mouseButton: 1, mode: 0 }, ops);
    expect(c.cursor?.count).toBe(3);
    expect(inv.get(9)?.count).toBe(2);
    applyClick(win, c, { slot: 10, mouseButton: 1, mode: 0 }, ops);
    expect(inv.get(10)?.count).toBe(1);
    applyClick(win, c, { slot: 9, mouseButton: 0, mode: 0 }, ops);
    expect(inv.get(9)?.count).toBe(4);
    expect(c.cursor).toBeNull();
  });

  it('swaps different items and merges up to the stack size', () => {
    const { inv, win } = playerWindow();
    inv.set(9, st('dirt', 60));
    const c = cur(st('dirt', 10));
    applyClick(win, c, { slot: 9, mouseButton: 0, mode: 0 }, ops);
    expect(inv.get(9)?.count).toBe(64);
    expect(c.cursor?.count).toBe(6);
    c.cursor = st('stick', 2);
    applyClick(win, c, { slot: 9, mouseButton: 0, mode: 0 }, ops);
    expect(inv.get(9)?.name).toBe('stick');
    expect(c.cursor).toMatchObject({ name: 'dirt', count: 64 });
  });

  it('keeps non-armour out of armour slots and one helmet per slot', () => {
    const { inv, win } = playerWindow();
    const c = cur(st('dirt', 3));
    applyClick(win, c, { slot: 5, mouseButton: 0, mode: 0 }, ops);
    expect(inv.get(5)).toBeNull();
    expect(c.cursor?.count).toBe(3);
    inv.set(20, st('helmet', 1));
    applyClick(win, cur(), { slot: 20, mouseButton: 0, mode: 1 }, ops);
    expect(inv.get(5)?.name).toBe('helmet');
  });

  it('shift-clicks main inventory to hotbar and back, merging first', () => {
    const { inv, win } = playerWindow();
    inv.set(9, st('dirt', 10));
    inv.set(40, st('dirt', 60));
    applyClick(win, cur(), { slot: 9, mouseButton: 0, mode: 1 }, ops);
    expect(counts(inv.slots)).toEqual(['36:dirtx6', '40:dirtx64']);
    applyClick(win, cur(), { slot: 36, mouseButton: 0, mode: 1 }, ops);
    expect(counts(inv.slots)).toEqual(['9:dirtx6', '40:dirtx64']);
  });

  it('number keys swap with the hotbar and the off-hand', () => {
    const { inv, win } = playerWindow();
    inv.set(12, st('dirt', 3));
    inv.set(38, st('stick', 1));
    applyClick(win, cur(), { slot: 12, mouseButton: 2, mode: 2 }, ops);
    expect(counts(inv.slots)).toEqual(['12:stickx1', '38:dirtx3']);
    applyClick(win, cur(), { slot: 12, mouseButton: 40, mode: 2 }, ops);
    expect(counts(inv.slots)).toEqual(['38:dirtx3', '45:stickx1']);
  });

  it('drops one or the whole stack with Q, and the cursor when clicking outside', () => {
    const { inv, win } = playerWindow();
    inv.set(9, st('dirt', 5));
    const c = cur();
    expect(applyClick(win, c, { slot: 9, mouseButton: 0, mode: 4 }, ops).drops.map((d) => d.count)).toEqual([1]);
    expect(applyClick(win, c, { slot: 9, mouseButton: 1, mode: 4 }, ops).drops.map((d) => d.count)).toEqual([4]);
    c.cursor = st('stick', 7);
    expect(applyClick(win, c, { slot: -999, mouseButton: 1, mode: 0 }, ops).drops.map((d) => d.count)).toEqual([1]);
    expect(applyClick(win, c, { slot: -999, mouseButton: 0, mode: 0 }, ops).drops.map((d) => d.count)).toEqual([6]);
    expect(c.cursor).toBeNull();
  });

  it('left drag splits evenly, right drag places one each', () => {
    const { inv, win } = playerWindow();
    const c = cur(st('dirt', 10));
    for (const [slot, b] of [[-999, 0], [9, 1], [10, 1], [11, 1], [-999, 2]] as const) applyClick(win, c, { slot, mouseButton: b, mode: 5 }, ops);
    expect(counts(inv.slots)).toEqual(['9:dirtx3', '10:dirtx3', '11:dirtx3']);
    expect(c.cursor?.count).toBe(1);
    c.cursor = st('stick', 5);
    for (const [slot, b] of [[-999, 4], [20, 5], [21, 5], [-999, 6]] as const) applyClick(win, c, { slot, mouseButton: b, mode: 5 }, ops);
    expect(c.cursor?.count).toBe(3);
    expect(inv.get(20)?.count).toBe(1);
  });

  it('double click gathers partial stacks first', () => {
    const { inv, win } = playerWindow();
    inv.set(9, st('pearl', 16));
    inv.set(10, st('pearl', 3));
    const c = cur(st('pearl', 1));
    applyClick(win, c, { slot: 11, mouseButton: 0, mode: 6 }, ops);
    expect(c.cursor?.count).toBe(16);
    expect(inv.get(10)).toBeNull();
    expect(inv.get(9)?.count).toBe(4);
  });

  /** A 2x2 grid that can make 4 sticks `crafts` times; the result slot shows them until then. */
  function stickGrid(crafts: number) {
    let grid = crafts;
    const w = playerWindow(() => {
      if (grid <= 0) return null;
      grid--;
      w.inv.set(0, grid > 0 ? st('stick', 4) : null);
      return st('stick', 4);
    });
    w.inv.set(0, st('stick', 4));
    return { ...w, left: () => grid };
  }

  it('crafting result: a click takes one craft, shift-click crafts as many as fit', () => {
    const { inv, win, left } = stickGrid(3);
    const c = cur();
    applyClick(win, c, { slot: 0, mouseButton: 0, mode: 0 }, ops);
    expect(c.cursor?.count).toBe(4);
    applyClick(win, c, { slot: 0, mouseButton: 0, mode: 1 }, ops);
    expect(left()).toBe(0);
    expect(counts(inv.slots)).toEqual(['44:stickx8']);
    // The result slot never accepts a placed item.
    applyClick(win, c, { slot: 0, mouseButton: 0, mode: 0 }, ops);
    expect(c.cursor?.count).toBe(4);
  });

  it('shift-crafting a result that only partly fits crafts it all the same and drops the rest (vanilla)', () => {
    const { inv, win, left } = stickGrid(2);
    // Room for 2 sticks only: every slot full, one stack of 62 sticks.
    for (let i = 9; i < 45; i++) inv.set(i, st('dirt', 64));
    inv.set(20, st('stick', 62));
    const { drops, valid } = applyClick(win, cur(), { slot: 0, mouseButton: 0, mode: 1 }, ops);
    expect(valid).toBe(true);
    expect(inv.get(20)?.count).toBe(64);
    expect(drops.map((d) => `${d.name}x${d.count}`)).toEqual(['stickx2']);
    // One craft, then no room at all: the second craft is not made.
    expect(left()).toBe(1);
    expect(applyClick(win, cur(), { slot: 0, mouseButton: 0, mode: 1 }, ops).drops).toEqual([]);
    expect(left()).toBe(1);
  });

  it('a drag step with no drag started changes nothing and is no error (mineflayer\'s sync click)', () => {
    const { inv, win } = playerWindow();
    inv.set(9, st('dirt', 5));
    const c = cur(st('stick', 3));
    expect(applyClick(win, c, { slot: -999, mouseButton: 2, mode: 5 }, ops)).toEqual({ drops: [], valid: true });
    expect(c.cursor?.count).toBe(3);
    expect(counts(inv.slots)).toEqual(['9:dirtx5']);
  });

  it('chest shift-click moves between container and inventory', () => {
    const chest = storage(27);
    const inv = storage(46);
    const win = windowModel(containerLayout<S>(3), chest, inv);
    chest.set(0, st('dirt', 64));
    applyClick(win, cur(), { slot: 0, mouseButton: 0, mode: 1 }, ops);
    expect(counts(inv.slots)).toEqual(['44:dirtx64']); // reverse: hotbar end first
    applyClick(win, cur(), { slot: 62, mouseButton: 0, mode: 1 }, ops);
    expect(counts(chest.slots)).toEqual(['0:dirtx64']);
  });

  it('crafting table shift-click from inventory goes into the grid first (1.20)', () => {
    const grid = storage(10);
    const inv = storage(46);
    const win = windowModel(craftingTableLayout<S>(), grid, inv);
    inv.set(9, st('planks', 2));
    applyClick(win, cur(), { slot: 10, mouseButton: 0, mode: 1 }, ops);
    expect(counts(grid.slots)).toEqual(['1:planksx2']);
  });
});
