import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Registry } from 'prismarine-registry';
import { emptyOrder, findItem, mergeOrder, planInsert, type StackLike } from '../../src/sandbox/plugins/items/stacks.ts';

const require = createRequire(import.meta.url);
const registry = (require('prismarine-registry') as (v: string) => Registry)('1.20.1');

const st = (type: number, count: number, stackSize = 64): StackLike => ({ type, count, metadata: 0, nbt: null, stackSize });
const make = (kind: StackLike, count: number): StackLike => ({ ...kind, count });
const slots46 = () => new Array<StackLike | null>(46).fill(null);
const apply = (slots: (StackLike | null)[], changes: { slot: number; item: StackLike }[]) => {
  for (const { slot, item } of changes) slots[slot] = item;
  return slots.map((s, i) => (s ? `${i}:${s.type}x${s.count}` : '')).filter(Boolean);
};

describe('inventory insertion (vanilla Inventory.add order)', () => {
  it('splits a large count into full stacks, hotbar first', () => {
    const slots = slots46();
    const plan = planInsert(slots, st(1, 100), 0, make);
    expect(plan.remainder).toBe(0);
    expect(apply(slots, plan.changes)).toEqual(['36:1x64', '37:1x36']);
  });

  it('puts unstackable items one per slot', () => {
    const slots = slots46();
    expect(apply(slots, planInsert(slots, st(7, 3, 1), 0, make).changes)).toEqual(['36:7x1', '37:7x1', '38:7x1']);
  });

  it('tops up the held slot, the off-hand, then hotbar and main stacks before any empty slot', () => {
    const slots = slots46();
    slots[9] = st(1, 60);
    slots[40] = st(1, 62);
    slots[45] = st(1, 63);
    const plan = planInsert(slots, st(1, 10), 4, make);
    expect(plan.changes.map((c) => c.slot)).toEqual([40, 45, 9, 36]);
    expect(apply(slots, plan.changes)).toEqual(['9:1x64', '36:1x3', '40:1x64', '45:1x64']);
  });

  it('never uses the result, crafting grid or armour slots and reports what does not fit', () => {
    const slots = slots46();
    for (let i = 9; i <= 44; i++) slots[i] = st(2, 64);
    slots[20] = st(1, 61);
    const plan = planInsert(slots, st(1, 10), 0, make);
    expect(plan.remainder).toBe(7);
    expect(plan.changes.map((c) => c.slot)).toEqual([20]);
    expect(emptyOrder().concat(mergeOrder(0)).every((s) => s >= 9)).toBe(true);
  });

  it('does not merge different metadata or NBT', () => {
    const slots = slots46();
    slots[36] = { ...st(1, 1), nbt: { name: 'x' } };
    const plan = planInsert(slots, st(1, 1), 0, make);
    expect(plan.changes.map((c) => c.slot)).toEqual([37]);
  });

  it('finds items by name with or without the minecraft: namespace', () => {
    expect(findItem(registry, 'minecraft:oak_planks')?.stackSize).toBe(64);
    expect(findItem(registry, 'Wooden_Pickaxe')?.stackSize).toBe(1);
    expect(findItem(registry, 'unobtainium')).toBeUndefined();
    expect(findItem(registry, 'oak_planks{x:1}')).toBeUndefined();
  });
});
