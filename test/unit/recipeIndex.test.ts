import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { RecipeIndex, type RawRecipe } from '../../src/sandbox/crafting/recipeIndex.ts';

const require = createRequire(import.meta.url);
const loadRegistry = require('prismarine-registry') as (v: string) => unknown;
const registry = loadRegistry('1.20.1') as {
  recipes: Record<string, RawRecipe[]>; itemsByName: Record<string, { id: number }>; items: Record<number, { name: string }>;
};
const id = (n: string) => registry.itemsByName[n]!.id;
const name = (i: number) => registry.items[i]!.name;
const index = new RecipeIndex(registry.recipes, name);
const grid = (size: number, cells: (string | null)[]) => cells.map((c) => (c ? id(c) : null)).concat(new Array<null>(size * size - cells.length).fill(null));
const made = (size: number, cells: (string | null)[]) => {
  const m = index.match(grid(size, cells), size);
  return m ? `${m.result.count} ${name(m.result.id)}` : null;
};

describe('recipe index', () => {
  it('matches planks from a log and sticks anywhere in the 2x2 grid', () => {
    expect(made(2, ['oak_log'])).toBe('4 oak_planks');
    expect(made(2, [null, 'birch_planks', null, 'birch_planks'])).toBe('4 stick');
  });
  it('accepts mixed wood planks where vanilla uses a tag', () => {
    expect(made(2, ['oak_planks', 'birch_planks', 'birch_planks', 'oak_planks'])).toBe('1 crafting_table');
    expect(made(3, ['oak_planks', 'birch_planks', 'oak_planks', null, 'stick', null, null, 'stick', null])).toBe('1 wooden_pickaxe');
  });
  it('matches mirrored shapes, not flipped ones', () => {
    expect(made(3, ['oak_planks', 'oak_planks', null, 'oak_planks', 'stick', null, null, 'stick', null])).toBe('1 wooden_axe');
    expect(made(3, [null, 'oak_planks', 'oak_planks', null, 'stick', 'oak_planks', null, 'stick', null])).toBe('1 wooden_axe');
    expect(made(2, ['stick', null, 'coal', null])).toBeNull();
    expect(made(2, ['coal', null, 'stick', null])).toBe('4 torch');
    expect(made(2, ['charcoal', null, 'stick', null])).toBe('4 torch');
  });
  it('matches shapeless recipes in any order and rejects extras', () => {
    expect(made(2, ['flint', 'iron_ingot'])).toBe('1 flint_and_steel');
    expect(made(3, [null, null, 'iron_ingot', null, 'flint'])).toBe('1 flint_and_steel');
    expect(made(2, ['flint', 'iron_ingot', 'stick'])).toBeNull();
  });
  it('knows 3x3-only recipes need the table', () => {
    expect(made(3, ['cobblestone', 'cobblestone', 'cobblestone', null, 'stick', null, null, 'stick', null])).toBe('1 stone_pickaxe');
    expect(made(3, ['cobbled_deepslate', 'cobblestone', 'cobblestone', null, 'stick', null, null, 'stick', null])).toBe('1 stone_pickaxe');
  });
  it('does not mix unrelated items', () => {
    expect(made(2, ['oak_planks', 'dirt', 'oak_planks', 'oak_planks'])).toBeNull();
  });
});

describe('recipe index tag folding per tag', () => {
  it('accepts sticks from mixed planks although sticks also have a bamboo recipe', () => {
    expect(made(2, ['oak_planks', null, 'birch_planks', null])).toBe('4 stick');
    expect(made(2, ['bamboo', null, 'bamboo', null])).toBe('1 stick');
    expect(made(2, ['bamboo', null, 'oak_planks', null])).toBeNull();
  });
});
