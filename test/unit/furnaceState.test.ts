import { describe, expect, it } from 'vitest';
import { FurnaceState, type FurnaceRules } from '../../src/sandbox/furnace/furnaceState.ts';
import type { Stack } from '../../src/sandbox/windows/stack.ts';

interface S extends Stack { name: string }
const st = (name: string, count: number): S => ({ name, type: name.length, count, metadata: 0, nbt: null, stackSize: name === 'lava_bucket' || name === 'bucket' ? 1 : 64 });
const rules: FurnaceRules<S> = {
  resultOf: (i) => (i.name === 'raw_iron' ? st('iron_ingot', 1) : undefined),
  fuelTicks: (f) => ({ coal: 1600, oak_planks: 300, lava_bucket: 20000 })[f.name] ?? 0,
  fuelRemainder: (f) => (f.name === 'lava_bucket' ? st('bucket', 1) : null),
  withCount: (f, count) => ({ ...f, count }),
  sameKind: (a, b) => a.name === b.name,
  cookTicks: 200,
};
const run = (f: FurnaceState<S>, ticks: number) => { for (let i = 0; i < ticks; i++) f.tick(); };

describe('furnace state', () => {
  it('cooks one item per 200 ticks while fuel burns', () => {
    const f = new FurnaceState(rules);
    f.slots[0] = st('raw_iron', 3);
    f.slots[1] = st('oak_planks', 2);
    run(f, 199);
    expect(f.slots[2]).toBeNull();
    run(f, 1);
    expect(f.slots[2]?.count).toBe(1);
    expect(f.slots[1]?.count).toBe(1);
    // One plank (300 ticks) cooks 1.5 items: the second plank is lit at tick 300.
    run(f, 200);
    expect(f.slots[2]?.count).toBe(2);
    expect(f.slots[1]).toBeNull();
    run(f, 200);
    expect(f.slots[2]?.count).toBe(3);
    expect(f.slots[0]).toBeNull();
  });

  it('does not burn fuel without something to cook, and reports properties', () => {
    const f = new FurnaceState(rules);
    f.slots[1] = st('coal', 1);
    f.slots[0] = st('dirt', 1);
    run(f, 50);
    expect(f.slots[1]?.count).toBe(1);
    expect(f.lit).toBe(false);
    f.slots[0] = st('raw_iron', 1);
    run(f, 10);
    expect(f.lit).toBe(true);
    expect(f.properties()).toEqual([1591, 1600, 10, 200]);
  });

  it('leaves the bucket of a lava bucket and stops when the output is full', () => {
    const f = new FurnaceState(rules);
    f.slots[0] = st('raw_iron', 2);
    f.slots[1] = st('lava_bucket', 1);
    f.slots[2] = st('iron_ingot', 63);
    run(f, 1);
    expect(f.slots[1]?.name).toBe('bucket');
    run(f, 400);
    expect(f.slots[2]?.count).toBe(64);
    expect(f.slots[0]?.count).toBe(1);
    expect(f.cookProgress).toBe(0);
  });
});
