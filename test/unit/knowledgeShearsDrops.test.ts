import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Registry } from 'prismarine-registry';
import { blocksDropping, createRng, dropsFor, expectedDrops, rollDrops } from '../../src/knowledge/index.ts';

const require = createRequire(import.meta.url);
const loadRegistry = require('prismarine-registry') as (v: string) => Registry;

// 1.20.1 calls short grass `grass`; 1.20.3 renamed it `short_grass` and 1.21.4 added pale oak.
const VERSIONS = [
  { version: '1.20.1', grass: 'grass', leaves: ['oak_leaves', 'cherry_leaves', 'mangrove_leaves', 'azalea_leaves', 'flowering_azalea_leaves'] },
  { version: '1.21.4', grass: 'short_grass', leaves: ['oak_leaves', 'cherry_leaves', 'mangrove_leaves', 'azalea_leaves', 'flowering_azalea_leaves', 'pale_oak_leaves'] },
] as const;

const SELF_SHEARED = ['fern', 'dead_bush', 'vine', 'glow_lichen', 'seagrass', 'cobweb', 'hanging_roots', 'small_dripleaf', 'nether_sprouts', 'twisting_vines', 'weeping_vines'];

for (const { version, grass, leaves } of VERSIONS) {
  describe(`shears drops on ${version}`, () => {
    const r = loadRegistry(version);
    const roll = (block: string, tool: string | null, seed = 1) => rollDrops(r, block, tool, createRng(seed));

    it('gives every leaves, grass and shearable plant block itself, and nothing else', () => {
      for (const block of [...leaves, grass, ...SELF_SHEARED]) {
        expect(expectedDrops(r, block, 'shears'), block).toEqual({ [block]: 1 });
        for (let seed = 0; seed < 20; seed++) expect(roll(block, 'shears', seed), block).toEqual([{ item: block, count: 1 }]);
      }
    });

    it('gives two short plants for a tall one', () => {
      expect(expectedDrops(r, 'tall_grass', 'shears')).toEqual({ [grass]: 2 });
      expect(expectedDrops(r, 'large_fern', 'shears')).toEqual({ fern: 2 });
      expect(expectedDrops(r, 'tall_seagrass', 'shears')).toEqual({ seagrass: 2 });
      expect(roll('tall_grass', 'shears')).toEqual([{ item: grass, count: 2 }]);
    });

    it('keeps the drops of every other held item: saplings, seeds, sticks, and nothing from shears-only plants', () => {
      expect(expectedDrops(r, 'oak_leaves', null)).toEqual({ oak_sapling: 0.05, stick: 0.03, apple: 0.005 });
      expect(expectedDrops(r, 'oak_leaves', 'iron_sword')).toEqual({ oak_sapling: 0.05, stick: 0.03, apple: 0.005 });
      expect(expectedDrops(r, grass, null)).toEqual({ wheat_seeds: 0.125 });
      expect(expectedDrops(r, grass, 'wooden_pickaxe')).toEqual({ wheat_seeds: 0.125 });
      expect(expectedDrops(r, 'tall_grass', null)).toEqual({ wheat_seeds: 0.125 });
      expect(expectedDrops(r, 'dead_bush', null)).toEqual({ stick: 1 });
      expect(expectedDrops(r, 'mangrove_leaves', null)).toEqual({ stick: 0.03 });
      for (const block of ['vine', 'glow_lichen', 'seagrass', 'tall_seagrass', 'hanging_roots', 'small_dripleaf', 'nether_sprouts']) {
        expect(dropsFor(r, block, null), block).toEqual([]);
      }
      expect(expectedDrops(r, 'twisting_vines', null)).toEqual({ twisting_vines: 1 / 3 });
    });

    it('never rolls a sapling, stick or apple with shears', () => {
      for (let seed = 0; seed < 2000; seed++) expect(roll('oak_leaves', 'shears', seed)).toEqual([{ item: 'oak_leaves', count: 1 }]);
    });

    it('gives a cobweb to shears, string to a sword and nothing to a hand', () => {
      expect(roll('cobweb', 'shears')).toEqual([{ item: 'cobweb', count: 1 }]);
      expect(roll('cobweb', 'wooden_sword')).toEqual([{ item: 'string', count: 1 }]);
      expect(roll('cobweb', 'netherite_sword')).toEqual([{ item: 'string', count: 1 }]);
      expect(roll('cobweb', null)).toEqual([]);
      expect(roll('cobweb', 'iron_pickaxe')).toEqual([]);
    });

    it('turns a coral block into its dead form under a pickaxe; a dead one drops itself', () => {
      for (const coral of ['tube', 'brain', 'bubble', 'fire', 'horn']) {
        expect(roll(`${coral}_coral_block`, 'wooden_pickaxe')).toEqual([{ item: `dead_${coral}_coral_block`, count: 1 }]);
        expect(roll(`dead_${coral}_coral_block`, 'wooden_pickaxe')).toEqual([{ item: `dead_${coral}_coral_block`, count: 1 }]);
        expect(roll(`${coral}_coral_block`, null)).toEqual([]);
        expect(roll(`${coral}_coral_block`, 'shears')).toEqual([]);
      }
    });

    it('finds the blocks that drop a shears-only item', () => {
      expect(blocksDropping(r, 'oak_leaves')).toEqual(['oak_leaves']);
      expect(blocksDropping(r, grass)).toEqual([grass, 'tall_grass'].sort());
      expect(blocksDropping(r, 'seagrass')).toEqual(['seagrass', 'tall_seagrass']);
      expect(blocksDropping(r, 'cobweb')).toEqual(['cobweb']);
      expect(blocksDropping(r, 'dead_tube_coral_block')).toEqual(['dead_tube_coral_block', 'tube_coral_block']);
    });
  });
}

describe('shears drops on 1.18.2, whose blocks list no drops', () => {
  const r = loadRegistry('1.18.2');
  it('still gives leaves and grass to shears and saplings and seeds to a hand', () => {
    expect(expectedDrops(r, 'oak_leaves', 'shears')).toEqual({ oak_leaves: 1 });
    expect(expectedDrops(r, 'grass', 'shears')).toEqual({ grass: 1 });
    expect(expectedDrops(r, 'tall_grass', 'shears')).toEqual({ grass: 2 });
    expect(expectedDrops(r, 'grass', null)).toEqual({ wheat_seeds: 0.125 });
    expect(expectedDrops(r, 'tube_coral_block', 'stone_pickaxe')).toEqual({ dead_tube_coral_block: 1 });
  });
});
