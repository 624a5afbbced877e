import { describe, expect, it } from 'vitest';
import { craftItem } from '../../skills/craftItem.ts';
import { smeltItem } from '../../skills/smeltItem.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { groupCount, groupMembers } from '../../src/knowledge/groups.ts';
import { chooseShape, concreteRecipe, craftConsumption, primaryShape } from '../../src/actions/crafting/recipes.ts';

const kb = createKnowledge('1.20.1');
const inv = (o: Record<string, number>) => new Map(Object.entries(o));

describe('recipes with tag groups', () => {
  it('folds wood variants into #planks and names the primary recipe for the planner', () => {
    expect(craftConsumption(kb, 'wooden_pickaxe', 1)).toEqual({ crafts: 1, made: 1, consume: { '#planks': 3, stick: 2 }, requiresTable: true });
    expect(craftConsumption(kb, 'stick', 8)).toMatchObject({ crafts: 2, made: 8, consume: { '#planks': 4 }, requiresTable: false });
    // A partial set (only oak logs make oak planks) is named by its base item; a group target widens it.
    expect(craftConsumption(kb, 'oak_planks', 4)?.consume).toEqual({ oak_log: 1 });
    expect(craftConsumption(kb, '#planks', 4)?.consume).toEqual({ '#logs': 1 });
    expect(craftConsumption(kb, 'torch', 4)?.consume).toEqual({ '#coals': 1, stick: 1 });
  });

  it('marks items made only from their own product as cyclic, with no craft producer', () => {
    expect(primaryShape(kb, 'iron_ingot')?.cyclic).toBe(true);
    expect(craftItem.producers!('iron_ingot', 3, kb)).toEqual([]);
    expect(craftItem.producers!('stick', 3, kb)).toEqual([{ item: 'stick', count: 3 }, { item: 'stick', count: 3, via: 'bamboo' }]);
    expect(craftItem.preconditions({ item: 'stick', count: 4, via: 'bamboo' }, kb)).toEqual({ consume: { bamboo: 8 } });
    expect(craftItem.preconditions({ item: 'furnace', count: 1 }, kb)).toEqual({ consume: { '#stone_tool_materials': 8 }, facts: ['crafting_table_nearby'] });
  });

  it('chooses a shape the inventory covers, or names the first missing ingredient', () => {
    // Bamboo sticks are their own recipe (1 stick per craft), not part of the #planks one.
    expect(chooseShape(kb, 'stick', 1, inv({ bamboo: 2 })).shape.ingredients[0]!.name).toBe('bamboo');
    expect(() => chooseShape(kb, 'wooden_pickaxe', 1, inv({ oak_planks: 1, birch_planks: 1, stick: 2 }))).toThrow('need 3 #planks, have 2');
    expect(() => chooseShape(kb, 'iron_pickaxe', 1, inv({ iron_ingot: 1, stick: 1 }))).toThrow('need 3 iron_ingot, have 1');
  });

  it('builds one-kind recipes when one kind covers every craft, else mixes kinds for one craft', () => {
    const { shape, crafts } = chooseShape(kb, 'crafting_table', 2, inv({ oak_planks: 8 }));
    const one = concreteRecipe(kb, shape, crafts, inv({ oak_planks: 8 }));
    expect(one.times).toBe(2);
    expect(new Set(one.recipe.inShape.flat().map((c) => kb.itemName(c.id)))).toEqual(new Set(['oak_planks']));
    const mixed = concreteRecipe(kb, shape, 1, inv({ oak_planks: 2, birch_planks: 2 }));
    expect(mixed.times).toBe(1);
    expect(mixed.recipe.inShape.flat().map((c) => kb.itemName(c.id)).sort()).toEqual(['birch_planks', 'birch_planks', 'oak_planks', 'oak_planks']);
  });
});

describe('groups', () => {
  it('lists members and counts tags in items and #fuel in smelts', () => {
    expect(groupMembers('#planks', kb)).toHaveLength(11);
    expect(groupMembers('#fuel', kb).slice(0, 2)).toEqual(['coal', 'charcoal']);
    expect(groupMembers('stick', kb)).toEqual(['stick']);
    expect(groupCount('#planks', inv({ oak_planks: 2, birch_planks: 3, stick: 4 }), kb)).toBe(5);
    // smeltItem burns one kind per batch: the best kind counts, not the sum (coal's 8, not 8 + 1.5 + 0.5).
    expect(groupCount('#fuel', inv({ coal: 1, oak_planks: 1, stick: 1 }), kb)).toBe(8);
    expect(groupCount('#fuel', inv({ oak_planks: 2, stick: 4 }), kb)).toBe(3);
  });

  it('gives smelting conditions in the same convention', () => {
    expect(smeltItem.preconditions({ item: 'iron_ingot', count: 3 }, kb)).toEqual({ consume: { raw_iron: 3, '#fuel': 3 }, facts: ['furnace_nearby'] });
    expect(smeltItem.producers!('iron_ingot', 2, kb)).toEqual([{ item: 'iron_ingot', count: 2 }]);
    expect(smeltItem.producers!('raw_iron', 2, kb)).toEqual([]);
  });
});
