import { describe, expect, it } from 'vitest';
import { mineBlock } from '../../skills/mineBlock.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { holdsFor, noToolError, plannedHold, toolsFor } from '../../src/actions/mining/dropTools.ts';
import { minePlan, perBlock, primaryDrop, producingBlocks } from '../../src/actions/mining/targets.ts';

const SWORDS = ['wooden_sword', 'stone_sword', 'iron_sword', 'golden_sword', 'diamond_sword', 'netherite_sword'];
const args = (block: string, count = 1, item?: string) => ({ block, count, radius: 32, ...(item ? { item } : {}) });

for (const [version, grass] of [['1.20.1', 'grass'], ['1.21.4', 'short_grass']] as const) {
  describe(`what to hold for a drop on ${version}`, () => {
    const kb = createKnowledge(version);

    it('holds shears only for what only shears give, the hand for the rest', () => {
      expect(holdsFor(kb, 'oak_leaves', ['oak_leaves'])).toEqual(['shears']);
      expect(holdsFor(kb, 'oak_leaves', ['oak_sapling'])).toEqual([null]);
      expect(holdsFor(kb, grass, ['wheat_seeds'])).toEqual([null]);
      expect(holdsFor(kb, 'cobweb', ['string'])).toEqual(SWORDS);
      expect(holdsFor(kb, 'cobweb', ['cobweb'])).toEqual(['shears']);
      expect(holdsFor(kb, 'iron_ore', ['raw_iron'])).toEqual(['stone_pickaxe', 'iron_pickaxe', 'diamond_pickaxe', 'netherite_pickaxe']);
      expect(plannedHold(kb, 'tall_grass', grass)).toBe('shears');
      expect(plannedHold(kb, 'tube_coral_block', 'dead_tube_coral_block')).toBe('wooden_pickaxe');
      expect(plannedHold(kb, 'oak_log', 'oak_log')).toBeNull();
    });

    it('keeps hand-mined leaves for saplings and mines leaves as leaves with shears', () => {
      expect(primaryDrop(kb, 'oak_leaves')).toBe('oak_sapling');
      expect(minePlan(kb, 'oak_leaves')).toEqual({ blocks: ['oak_leaves'], counted: ['oak_sapling'], label: 'oak_sapling' });
      expect(minePlan(kb, 'oak_leaves', 'oak_leaves')).toEqual({ blocks: ['oak_leaves'], counted: ['oak_leaves'], label: 'oak_leaves' });
      expect(minePlan(kb, 'vine', 'vine').counted).toEqual(['vine']);
      expect(() => minePlan(kb, 'vine')).toThrow('vine drops nothing when mined');
      expect(perBlock(kb, 'tall_grass', grass)).toBe(2);
      expect(toolsFor(kb, ['oak_leaves'], ['oak_leaves'])).toEqual(['shears']);
      expect(toolsFor(kb, ['oak_leaves'], ['oak_sapling'])).toEqual([]);
    });

    it('offers the blocks only shears or a pickaxe turn into the item', () => {
      expect(producingBlocks(kb, 'oak_leaves')).toEqual(['oak_leaves']);
      expect(producingBlocks(kb, grass)).toEqual([grass, 'tall_grass']);
      expect(producingBlocks(kb, 'seagrass')).toEqual(['seagrass', 'tall_seagrass']);
      expect(producingBlocks(kb, 'cobweb')).toEqual(['cobweb']);
      expect(producingBlocks(kb, 'string')).toEqual(['cobweb']);
      expect(producingBlocks(kb, 'dead_tube_coral_block')).toEqual(['dead_tube_coral_block', 'tube_coral_block']);
      expect(producingBlocks(kb, 'oak_sapling')).toContain('oak_leaves');
      expect(producingBlocks(kb, 'wheat_seeds')).toEqual(expect.arrayContaining([grass]));
    });

    it('mineBlock equips shears for shears drops and a sword, not shears, for string', () => {
      expect(mineBlock.producers!('oak_leaves', 3, kb)).toEqual([args('oak_leaves', 3, 'oak_leaves')]);
      expect(mineBlock.producers!('vine', 2, kb)).toEqual([args('vine', 2, 'vine')]);
      expect(mineBlock.preconditions(args('oak_leaves', 3, 'oak_leaves'), kb)).toEqual({ equip: ['shears'], facts: ['oak_leaves_nearby'] });
      expect(mineBlock.effects(args('oak_leaves', 3, 'oak_leaves'), kb)).toEqual({ obtain: { oak_leaves: 3 } });
      expect(mineBlock.preconditions(args('oak_leaves'), kb)).toEqual({ facts: ['oak_leaves_nearby'] });
      expect(mineBlock.preconditions(args('tall_grass', 2, grass), kb)).toEqual({ equip: ['shears'], facts: ['tall_grass_nearby'] });
      expect(mineBlock.preconditions(args('cobweb', 1, 'cobweb'), kb)).toEqual({ equip: ['shears'], facts: ['cobweb_nearby'] });
      expect(mineBlock.preconditions(args('cobweb'), kb)).toEqual({ equip: SWORDS, facts: ['cobweb_nearby'] });
      expect(mineBlock.preconditions(args('tube_coral_block'), kb).equip?.[0]).toBe('wooden_pickaxe');
    });

    it('names shears in the NO_TOOL error when only shears give the drop', () => {
      expect(noToolError(kb, 'oak_leaves', ['oak_leaves'], ['oak_leaves'], 'oak_leaves')).toMatchObject({
        code: 'NO_TOOL', message: 'need shears to get oak_leaves from oak_leaves', missing: { block: 'oak_leaves', tool: 'shears' },
      });
      expect(noToolError(kb, 'iron_ore', ['iron_ore'], ['raw_iron'], 'raw_iron')).toMatchObject({
        message: 'need stone_pickaxe or better to harvest iron_ore', missing: { tool: 'stone_pickaxe' },
      });
      expect(noToolError(kb, 'cobweb', ['cobweb'], ['string'], 'string').message).toBe('need wooden_sword or better to harvest cobweb');
    });
  });
}
