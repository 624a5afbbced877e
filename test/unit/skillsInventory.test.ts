import { describe, expect, it } from 'vitest';
import { eat } from '../../skills/eat.ts';
import { equip } from '../../skills/equip.ts';
import { mineBlock } from '../../skills/mineBlock.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { SkillError } from '../../src/base/errors.ts';
import { pickFood, type FoodInfo } from '../../src/actions/items/food.ts';
import { armourSlot, harvestTools, neededTool } from '../../src/actions/items/inventory.ts';
import { minePlan, perBlock, primaryDrop, producingBlocks, resolveBlocks } from '../../src/actions/mining/targets.ts';

const kb = createKnowledge('1.20.1');
const args = (block: string, count = 1) => ({ block, count, radius: 32 });

describe('harvest tools', () => {
  it('lists every item that harvests a block, cheapest first, and none for the hand', () => {
    expect(harvestTools(kb, 'iron_ore')).toEqual(['stone_pickaxe', 'iron_pickaxe', 'diamond_pickaxe', 'netherite_pickaxe']);
    expect(harvestTools(kb, 'stone')).toEqual(['wooden_pickaxe', 'stone_pickaxe', 'iron_pickaxe', 'golden_pickaxe', 'diamond_pickaxe', 'netherite_pickaxe']);
    expect(harvestTools(kb, 'oak_log')).toEqual([]);
  });

  it('names the cheapest tool a block needs', () => {
    expect(neededTool(kb, 'iron_ore')).toBe('stone_pickaxe');
    expect(neededTool(kb, 'diamond_ore')).toBe('iron_pickaxe');
    expect(neededTool(kb, 'obsidian')).toBe('diamond_pickaxe');
    expect(neededTool(kb, 'dirt')).toBeNull();
  });
});

describe('mine targets', () => {
  it('resolves groups, tags and deepslate ore twins; rejects unknown blocks', () => {
    expect(resolveBlocks(kb, 'log')).toContain('birch_log');
    expect(resolveBlocks(kb, 'log')).not.toContain('stripped_oak_log');
    expect(resolveBlocks(kb, '#logs')).toEqual(resolveBlocks(kb, 'log'));
    expect(resolveBlocks(kb, 'iron_ore')).toEqual(['iron_ore', 'deepslate_iron_ore']);
    expect(resolveBlocks(kb, 'deepslate_coal_ore')).toEqual(['deepslate_coal_ore', 'coal_ore']);
    expect(resolveBlocks(kb, 'stone')).toEqual(['stone']);
    expect(() => resolveBlocks(kb, 'stonee')).toThrow(SkillError);
  });

  it('counts the drop a block is mined for', () => {
    expect(primaryDrop(kb, 'stone')).toBe('cobblestone');
    expect(primaryDrop(kb, 'iron_ore')).toBe('raw_iron');
    expect(primaryDrop(kb, 'oak_log')).toBe('oak_log');
    expect(primaryDrop(kb, 'grass_block')).toBe('dirt');
    expect(primaryDrop(kb, 'gravel')).toBe('gravel');
    expect(primaryDrop(kb, 'glass')).toBeNull();
    expect(minePlan(kb, 'gravel', 'flint')).toEqual({ blocks: ['gravel'], counted: ['flint'], label: 'flint' });
    expect(minePlan(kb, 'log').label).toBe('#logs');
    expect(() => minePlan(kb, 'glass')).toThrow('glass drops nothing when mined');
    expect(() => minePlan(kb, 'stone', 'diamond')).toThrow('stone never drops diamond');
    expect(perBlock(kb, 'lapis_ore', 'lapis_lazuli')).toBe(6.5);
  });

  it('offers natural sources first, folds ore twins, skips placed blocks, and stingy sources unless nothing gives more', () => {
    expect(producingBlocks(kb, 'cobblestone')).toEqual(['stone', 'cobblestone']);
    expect(producingBlocks(kb, 'raw_iron')).toEqual(['iron_ore']);
    expect(producingBlocks(kb, 'dirt')).toEqual(['dirt', 'grass_block', 'mycelium']);
    expect(producingBlocks(kb, 'stick')).toEqual(['dead_bush']);
    expect(producingBlocks(kb, 'apple')).toEqual(['dark_oak_leaves', 'oak_leaves']);
    expect(producingBlocks(kb, 'oak_sapling')).toEqual(['oak_leaves']);
    expect(producingBlocks(kb, '#logs')).toEqual(['log']);
    expect(producingBlocks(kb, 'crafting_table_nearby')).toEqual([]);
  });
});

describe('mineBlock as planner data', () => {
  it('requires a harvesting tool held and the block nearby', () => {
    expect(mineBlock.preconditions(args('iron_ore'), kb)).toEqual({
      equip: ['stone_pickaxe', 'iron_pickaxe', 'diamond_pickaxe', 'netherite_pickaxe'],
      facts: ['iron_ore_nearby'],
    });
    expect(mineBlock.preconditions(args('oak_log'), kb)).toEqual({ facts: ['oak_log_nearby'] });
  });

  it('obtains `count` of the drop, or of the group tag', () => {
    expect(mineBlock.effects(args('stone', 3), kb)).toEqual({ obtain: { cobblestone: 3 } });
    expect(mineBlock.effects(args('iron_ore', 2), kb)).toEqual({ obtain: { raw_iron: 2 } });
    expect(mineBlock.effects({ ...args('gravel', 2), item: 'flint' }, kb)).toEqual({ obtain: { flint: 2 } });
    expect(mineBlock.effects(args('stone_like', 4), kb)).toEqual({ obtain: { '#stone_tool_materials': 4 } });
  });

  it('produces items from the blocks that drop them, counted in items', () => {
    expect(mineBlock.producers!('cobblestone', 3, kb)[0]).toEqual(args('stone', 3));
    expect(mineBlock.producers!('raw_iron', 2, kb)).toEqual([args('iron_ore', 2)]);
    expect(mineBlock.producers!('oak_log', 3, kb)).toEqual([args('oak_log', 3)]);
    expect(mineBlock.producers!('flint', 1, kb)).toEqual([{ ...args('gravel', 1), item: 'flint' }]);
    expect(mineBlock.producers!('#logs', 5, kb)).toEqual([args('log', 5)]);
    expect(mineBlock.producers!('crafting_table', 1, kb)).toEqual([]);
  });

  it('validates its arguments and scales its timeout with the count', () => {
    expect(mineBlock.params.safeParse({ block: 'stone', count: 0 }).success).toBe(false);
    expect(mineBlock.params.parse({ block: 'stone', count: 2 })).toEqual(args('stone', 2));
    const t = mineBlock.timeoutMs as (a: ReturnType<typeof args>) => number;
    expect(t(args('stone', 10))).toBeGreaterThan(t(args('stone', 1)));
  });
});

describe('food choice', () => {
  const food = (name: string) => {
    const f = kb.registry.foodsByName[name];
    if (!f) throw new Error(`no food ${name}`);
    return f as FoodInfo;
  };

  it('picks the food that fills the gap best without waste', () => {
    const carried = ['bread', 'cooked_beef', 'apple'].map(food);
    expect(pickFood(carried, 12)?.name).toBe('cooked_beef'); // gap 8: beef 8
    expect(pickFood(carried, 14)?.name).toBe('bread'); // gap 6: bread 5
    expect(pickFood(carried, 19)?.name).toBe('apple'); // every food overfills: the smallest
  });

  it('never picks harmful foods or golden apples on its own', () => {
    expect(pickFood(['rotten_flesh', 'spider_eye', 'golden_apple', 'chicken'].map(food), 5)).toBeNull();
    expect(pickFood(['rotten_flesh', 'carrot'].map(food), 5)?.name).toBe('carrot');
  });
});

describe('equip and eat as planner data', () => {
  it('knows armour slots', () => {
    expect(armourSlot('iron_helmet')).toBe('head');
    expect(armourSlot('diamond_chestplate')).toBe('torso');
    expect(armourSlot('leather_leggings')).toBe('legs');
    expect(armourSlot('golden_boots')).toBe('feet');
    expect(armourSlot('iron_pickaxe')).toBeNull();
  });

  it('equip requires the item and makes `<item>_equipped` true', () => {
    expect(equip.preconditions({ item: 'shield' }, kb)).toEqual({ require: { shield: 1 } });
    expect(equip.effects({ item: 'shield' }, kb)).toEqual({ facts: ['shield_equipped'] });
    expect(equip.producers!('iron_helmet_equipped', 1, kb)).toEqual([{ item: 'iron_helmet' }]);
    expect(equip.producers!('iron_helmet', 1, kb)).toEqual([]);
  });

  it('eat consumes the named food and makes `fed` true', () => {
    expect(eat.preconditions({ item: 'bread' }, kb)).toEqual({ consume: { bread: 1 } });
    expect(eat.preconditions({}, kb)).toEqual({});
    expect(eat.effects({}, kb)).toEqual({ facts: ['fed'] });
  });
});
