import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Registry } from 'prismarine-registry';
import { blockDrops, blocksDropping, createRng, dropsFor, expectedDrops, rollDrops, type ItemStack } from '../../src/knowledge/index.ts';

const require = createRequire(import.meta.url);
const loadRegistry = require('prismarine-registry') as (v: string) => Registry;
const r = loadRegistry('1.20.1');

const roll = (block: string, tool: string | null, seed = 1, state?: Record<string, string | number | boolean>) =>
  rollDrops(r, block, tool, createRng(seed), state);

/** Item → [times dropped, total count, min count, max count] over n rolls with one seeded RNG. */
function tally(block: string, tool: string | null, n: number, state?: Record<string, string | number | boolean>) {
  const rng = createRng(42);
  const out: Record<string, [number, number, number, number]> = {};
  for (let i = 0; i < n; i++) {
    for (const { item, count } of rollDrops(r, block, tool, rng, state)) {
      const t = (out[item] ??= [0, 0, Infinity, 0]);
      t[0]++; t[1] += count; t[2] = Math.min(t[2], count); t[3] = Math.max(t[3], count);
    }
  }
  return out;
}

describe('drop tables', () => {
  it('drops the vanilla item for the common blocks', () => {
    const one = (item: string): ItemStack[] => [{ item, count: 1 }];
    expect(roll('stone', 'wooden_pickaxe')).toEqual(one('cobblestone'));
    expect(roll('deepslate', 'wooden_pickaxe')).toEqual(one('cobbled_deepslate'));
    // A double slab is two slabs (vanilla's loot table: set_count 2 for type=double).
    expect(roll('oak_slab', null, 1, { type: 'double' })).toEqual([{ item: 'oak_slab', count: 2 }]);
    expect(roll('oak_slab', null, 1, { type: 'bottom' })).toEqual(one('oak_slab'));
    expect(roll('grass_block', null)).toEqual(one('dirt'));
    expect(roll('oak_log', null)).toEqual(one('oak_log'));
    expect(roll('oak_planks', null)).toEqual(one('oak_planks'));
    expect(roll('iron_ore', 'stone_pickaxe')).toEqual(one('raw_iron'));
    expect(roll('deepslate_gold_ore', 'iron_pickaxe')).toEqual(one('raw_gold'));
    expect(roll('coal_ore', 'wooden_pickaxe')).toEqual(one('coal'));
    expect(roll('diamond_ore', 'iron_pickaxe')).toEqual(one('diamond'));
    expect(roll('emerald_ore', 'iron_pickaxe')).toEqual(one('emerald'));
    expect(roll('clay', null)).toEqual([{ item: 'clay_ball', count: 4 }]);
    expect(roll('glass', null)).toEqual([]);
    expect(roll('crafting_table', null)).toEqual(one('crafting_table'));
  });

  it('drops nothing without the harvest tool', () => {
    expect(roll('stone', null)).toEqual([]);
    expect(roll('iron_ore', 'wooden_pickaxe')).toEqual([]);
    expect(roll('diamond_ore', 'stone_pickaxe')).toEqual([]);
    expect(roll('obsidian', 'iron_pickaxe')).toEqual([]);
    expect(dropsFor(r, 'obsidian', 'diamond_pickaxe').map((e) => e.item)).toEqual(['obsidian']);
  });

  it('rolls ore counts within the vanilla ranges and sees every count', () => {
    expect(tally('copper_ore', 'stone_pickaxe', 400).raw_copper).toEqual([400, expect.any(Number), 2, 5]);
    expect(tally('redstone_ore', 'iron_pickaxe', 200).redstone?.slice(2)).toEqual([4, 5]);
    expect(tally('lapis_ore', 'stone_pickaxe', 600).lapis_lazuli?.slice(2)).toEqual([4, 9]);
    expect(tally('deepslate_lapis_ore', 'stone_pickaxe', 50).lapis_lazuli?.[0]).toBe(50);
  });

  it('gives gravel or flint at 10 %, never both', () => {
    const t = tally('gravel', null, 10_000);
    expect(t.flint![0] + t.gravel![0]).toBe(10_000);
    expect(t.flint![0] / 10_000).toBeGreaterThan(0.09);
    expect(t.flint![0] / 10_000).toBeLessThan(0.11);
    expect(expectedDrops(r, 'gravel', null)).toEqual({ flint: 0.1, gravel: 0.9 });
  });

  it('gives leaves their sapling, sticks and (oak, dark oak) apple chances', () => {
    const n = 40_000;
    const oak = tally('oak_leaves', null, n);
    expect(oak.oak_sapling![0] / n).toBeCloseTo(0.05, 2);
    expect(oak.stick![0] / n).toBeCloseTo(0.02, 2);
    expect(oak.stick!.slice(2)).toEqual([1, 2]);
    expect(oak.apple![0] / n).toBeGreaterThan(0.003);
    expect(oak.apple![0] / n).toBeLessThan(0.007);
    expect(oak.oak_leaves).toBeUndefined();
    expect(tally('dark_oak_leaves', null, 4000).apple).toBeDefined();
    expect(tally('birch_leaves', null, 4000).apple).toBeUndefined();
    expect(tally('jungle_leaves', null, n).jungle_sapling![0] / n).toBeCloseTo(0.025, 2);
    expect(expectedDrops(r, 'oak_leaves', null)).toEqual({ oak_sapling: 0.05, stick: 0.03, apple: 0.005 });
  });

  it('gives short grass wheat seeds one time in eight, on both its names', () => {
    expect(expectedDrops(r, 'grass', null)).toEqual({ wheat_seeds: 0.125 });
    const r204 = loadRegistry('1.20.4');
    expect(expectedDrops(r204, 'short_grass', null)).toEqual({ wheat_seeds: 0.125 });
    const t = tally('grass', null, 8000);
    expect(Math.abs(t.wheat_seeds![0] / 8000 - 0.125)).toBeLessThan(0.012);
  });

  it('drops crops by age', () => {
    expect(roll('wheat', null, 1, { age: 3 })).toEqual([{ item: 'wheat_seeds', count: 1 }]);
    const ripe = tally('wheat', null, 300, { age: 7 });
    expect(ripe.wheat).toEqual([300, 300, 1, 1]);
    expect(ripe.wheat_seeds?.slice(2)).toEqual([1, 4]);
    expect(roll('carrots', null, 1, { age: 0 })).toEqual([{ item: 'carrot', count: 1 }]);
    expect(roll('wheat', null, 1)).toEqual([]); // no state: no age-gated entry applies
  });

  it('is reproducible for a seed', () => {
    const a = Array.from({ length: 50 }, (_, i) => roll('copper_ore', 'stone_pickaxe', i));
    const b = Array.from({ length: 50 }, (_, i) => roll('copper_ore', 'stone_pickaxe', i));
    expect(a).toEqual(b);
  });

  it('finds the blocks that drop an item', () => {
    expect(blocksDropping(r, 'raw_iron')).toEqual(['deepslate_iron_ore', 'iron_ore']);
    expect(blocksDropping(r, 'cobblestone')).toEqual(expect.arrayContaining(['cobblestone', 'stone']));
    expect(blocksDropping(r, 'flint')).toEqual(['gravel']);
  });

  it('falls back to blockLoot item names on 1.18.2, whose blocks list no drops', () => {
    const r118 = loadRegistry('1.18.2');
    const items = (b: string, tool: string | null) => dropsFor(r118, b, tool).map((e) => e.item);
    expect(items('iron_ore', 'stone_pickaxe')).toEqual(['raw_iron']);
    expect(items('stone', null)).toEqual([]);
    expect(items('oak_log', null)).toEqual(['oak_log']);
    expect(items('wall_torch', null)).toEqual(['torch']);
    expect(items('oak_wall_sign', null)).toEqual(['oak_sign']);
    expect(items('vine', null)).toEqual([]);
    expect(items('copper_ore', 'stone_pickaxe')).toEqual(['raw_copper']);
    expect(expectedDrops(r118, 'copper_ore', 'stone_pickaxe')).toEqual({ raw_copper: 3.5 });
  });

  for (const version of ['1.18.2', '1.19.4', '1.20.1', '1.20.4']) {
    it(`has a drop list for every block on ${version} and only real items in it`, () => {
      const reg = loadRegistry(version);
      for (const b of reg.blocksArray) {
        const { entries } = blockDrops(reg, b.name);
        for (const e of entries) {
          expect(reg.itemsByName[e.item], `${b.name} → ${e.item}`).toBeDefined();
          expect(e.min).toBeLessThanOrEqual(e.max);
          expect(e.chance).toBeGreaterThan(0);
          expect(e.chance).toBeLessThanOrEqual(1);
        }
      }
      expect(blockDrops(reg, 'stone').entries.map((e) => e.item)).toEqual(['cobblestone']);
      expect(blockDrops(reg, 'glass').entries).toEqual([]);
    });
  }
});
