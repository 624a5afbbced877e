import { describe, expect, it } from 'vitest';
import { blockUse, blockUses, concreteOf, concretePowders, itemsFor, powderOf, setsIntoConcrete, usesGiving, useOf, useReach, type WetCell } from '../../src/knowledge/interactions.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { castRay, isSource, lookVector, type RayCell } from '../../src/knowledge/useRay.ts';

const registry = (v: string) => createKnowledge(v).registry;
const stripped = (v: string) => blockUses(registry(v)).filter((u) => u.use === 'axe').map((u) => u.block);

describe('block uses, from the registry of each version', () => {
  it('strips every log, wood, stem and hyphae the version has (and the bamboo block from 1.20)', () => {
    expect(stripped('1.18.2')).toEqual(expect.arrayContaining(['oak_log', 'oak_wood', 'dark_oak_log', 'crimson_stem', 'warped_hyphae']));
    expect(stripped('1.18.2')).not.toContain('cherry_log');
    expect(stripped('1.18.2')).not.toContain('bamboo_block');
    expect(stripped('1.20.1')).toEqual(expect.arrayContaining(['cherry_log', 'cherry_wood', 'mangrove_log', 'bamboo_block']));
    expect(stripped('1.20.1')).not.toContain('pale_oak_log');
    expect(stripped('1.21.4')).toEqual(expect.arrayContaining(['pale_oak_log', 'pale_oak_wood']));
    expect(stripped('1.20.1')).toHaveLength(21);
    expect(blockUse(registry('1.20.1'), 'axe', 'oak_log')).toEqual({ use: 'axe', block: 'oak_log', becomes: 'stripped_oak_log', gives: 'stripped_oak_log', sound: 'item.axe.strip' });
    expect(blockUse(registry('1.20.1'), 'axe', 'stripped_oak_log')).toBeUndefined();
  });

  it('has shears on a pumpkin, buckets on fluids and powder snow, a bottle on water, on every version', () => {
    for (const v of ['1.18.2', '1.20.1', '1.21.4']) {
      const r = registry(v);
      expect(blockUse(r, 'shears', 'pumpkin')).toMatchObject({ becomes: 'carved_pumpkin', gives: 'carved_pumpkin', drops: { pumpkin_seeds: 4 } });
      expect(['water', 'lava', 'powder_snow'].map((b) => blockUse(r, 'bucket', b)?.gives)).toEqual(['water_bucket', 'lava_bucket', 'powder_snow_bucket']);
      expect(blockUse(r, 'bucket', 'water')?.becomes).toBe('air');
      expect(blockUse(r, 'glass_bottle', 'water')).toMatchObject({ becomes: null, gives: 'potion', potion: 'water' });
      // Every name in the table is one of this version's.
      for (const u of blockUses(r)) {
        expect(r.blocksByName[u.block], u.block).toBeDefined();
        expect(r.itemsByName[u.gives], u.gives).toBeDefined();
        if (u.becomes) expect(r.blocksByName[u.becomes], u.becomes).toBeDefined();
      }
    }
  });

  it('finds the uses that give an item, and names the items each use is', () => {
    const r = registry('1.20.1');
    expect(usesGiving(r, 'stripped_bamboo_block').map((u) => `${u.use} ${u.block}`)).toEqual(['axe bamboo_block']);
    expect(usesGiving(r, 'potion').map((u) => `${u.use} ${u.block}`)).toEqual(['glass_bottle water']);
    expect(usesGiving(r, 'oak_log')).toEqual([]);
    expect(itemsFor(r, 'axe')).toEqual(['wooden_axe', 'stone_axe', 'iron_axe', 'golden_axe', 'diamond_axe', 'netherite_axe']);
    expect(itemsFor(r, 'bucket')).toEqual(['bucket']);
    expect([useOf('iron_axe'), useOf('shears'), useOf('glass_bottle'), useOf('pickaxe'), useOf(undefined)]).toEqual(['axe', 'shears', 'glass_bottle', undefined, undefined]);
  });

  it("reaches as far as the version's server lets it", () => {
    expect(useReach(registry('1.20.1'))).toEqual({ ray: 5, block: 6, fromEyes: false });
    expect(useReach(registry('1.21.4'))).toEqual({ ray: 4.5, block: 5.5, fromEyes: true });
  });
});

describe('concrete powder', () => {
  const cell = (name: string, properties: Record<string, unknown> = {}): WetCell => ({ name, properties });

  it('sets into the concrete of its colour', () => {
    const r = registry('1.20.1');
    expect(concretePowders(r)).toHaveLength(16);
    expect(concreteOf(r, 'light_blue_concrete_powder')).toBe('light_blue_concrete');
    expect(powderOf(r, 'black_concrete')).toBe('black_concrete_powder');
    expect([concreteOf(r, 'sand'), powderOf(r, 'concrete')]).toEqual([undefined, undefined]);
  });

  it('sets when placed into water or with water beside or above it, not with water only below', () => {
    const around = (water: readonly [number, number, number]) => (dx: number, dy: number, dz: number) =>
      (dx === water[0] && dy === water[1] && dz === water[2] ? cell('water', { level: 0 }) : cell('air'));
    expect(setsIntoConcrete(cell('air'), around([1, 0, 0]))).toBe(true);
    expect(setsIntoConcrete(cell('air'), around([0, 1, 0]))).toBe(true);
    expect(setsIntoConcrete(cell('air'), around([0, -1, 0]))).toBe(false);
    expect(setsIntoConcrete(cell('water', { level: 0 }), () => cell('stone'))).toBe(true);
    expect(setsIntoConcrete(cell('air'), (dx) => (dx === -1 ? cell('oak_slab', { waterlogged: true }) : cell('stone')))).toBe(true);
    expect(setsIntoConcrete(cell('air'), () => cell('stone'))).toBe(false);
  });
});

describe("a container's ray", () => {
  const full = [[0, 0, 0, 1, 1, 1]];
  /** A pond: water sources at y 0 (one flowing at x 2), stone under them, grass on the bank at x -1. */
  const pond = (x: number, y: number): RayCell => {
    if (y < 0) return { name: 'stone', shapes: full, properties: {} };
    if (y === 0 && x >= 0) return { name: 'water', shapes: [], properties: { level: x === 2 ? 3 : 0 } };
    if (y === 1 && x === -1) return { name: 'short_grass', shapes: [], properties: {} };
    return { name: 'air', shapes: [], properties: {} };
  };
  const cellAt = (x: number, y: number) => pond(x, y);

  it('looks the way vanilla turns yaw and pitch into a direction', () => {
    const round = (v: { x: number; y: number; z: number }) => [v.x, v.y, v.z].map((n) => Math.round(n * 1000) / 1000 + 0);
    expect(round(lookVector(0, 0))).toEqual([0, 0, 1]);
    expect(round(lookVector(90, 0))).toEqual([-1, 0, 0]);
    expect(round(lookVector(0, 90))).toEqual([0, -1, 0]);
  });

  it('stops at the first source (flowing water lets it through) and at plants, within reach', () => {
    expect(isSource({ name: 'water', properties: { level: 0 } })).toBe(true);
    expect(isSource({ name: 'water', properties: { level: 3 } })).toBe(false);
    const down = { x: 0, y: -1, z: 0 };
    expect(castRay({ x: 0.5, y: 2.6, z: 0.5 }, down, 5, cellAt)).toMatchObject({ x: 0, y: 0, z: 0, name: 'water' });
    // Onto the source's surface: 8/9 of a block high.
    expect(castRay({ x: 0.5, y: 2.6, z: 0.5 }, down, 5, cellAt)!.distance).toBeCloseTo(2.6 - 8 / 9);
    expect(castRay({ x: 2.5, y: 2.6, z: 0.5 }, down, 5, cellAt)).toMatchObject({ x: 2, y: -1, name: 'stone' });
    expect(castRay({ x: -0.5, y: 2.6, z: 0.5 }, down, 5, cellAt)).toMatchObject({ x: -1, y: 1, name: 'short_grass' });
    expect(castRay({ x: 0.5, y: 9, z: 0.5 }, down, 5, cellAt)).toBeNull();
    // Slanting over the bank's grass into the pond; lower, the grass is in the way.
    const towards = (from: { x: number; y: number; z: number }, to: { x: number; y: number }) => {
      const len = Math.hypot(to.x - from.x, to.y - from.y);
      return { x: (to.x - from.x) / len, y: (to.y - from.y) / len, z: 0 };
    };
    const high = { x: -1.5, y: 3.62, z: 0.5 };
    expect(castRay(high, towards(high, { x: 1.5, y: 0.8 }), 5, cellAt)).toMatchObject({ x: 1, y: 0, name: 'water' });
    const low = { x: -1.5, y: 2.62, z: 0.5 };
    expect(castRay(low, towards(low, { x: 1.5, y: 0.8 }), 5, cellAt)).toMatchObject({ x: -1, y: 1, name: 'short_grass' });
  });
});
