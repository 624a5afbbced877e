import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { chooseShape, craftShapes, primaryShape } from '../../src/actions/crafting/recipes.ts';
import { createKnowledge, type Knowledge } from '../../src/knowledge/kb.ts';
import { patchRegistry } from '../../src/knowledge/patches.ts';
import { patchRecipes, RECIPE_PATCHES, type RecipeRegistry } from '../../src/knowledge/recipePatches.ts';
import type { RawRecipe } from '../../src/knowledge/recipeFold.ts';
import { overworldFor } from '../../src/knowledge/vanillaOverworld.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import { RecipeIndex } from '../../src/sandbox/crafting/recipeIndex.ts';
import { createSkillRegistry } from '../../skills/index.ts';

const require = createRequire(import.meta.url);
type Registry = RecipeRegistry & { recipes: Record<number, RawRecipe[] | undefined>; items: Record<number, { name: string }> };
const kb1201 = createKnowledge('1.20.1');
const kb1214 = createKnowledge('1.21.4');

/** A version's recipe table as minecraft-data ships it, read afresh (the loaded one is patched). */
function shippedTable(version: string): Record<number, RawRecipe[] | undefined> {
  const paths = require('minecraft-data/minecraft-data/data/dataPaths.json') as { pc: Record<string, { recipes: string }> };
  return JSON.parse(readFileSync(require.resolve(`minecraft-data/minecraft-data/data/${paths.pc[version]!.recipes}/recipes.json`), 'utf8')) as Record<number, RawRecipe[] | undefined>;
}

/** `version`'s registry, but with an unpatched copy of its shipped recipe table. */
function freshRegistry(version: string, isNewerOrEqualTo?: (v: string) => boolean): Registry {
  const reg = (require('minecraft-data') as (v: string) => Registry)(version);
  return { ...reg, recipes: shippedTable(version), ...(isNewerOrEqualTo ? { isNewerOrEqualTo } : {}) };
}

/** Each recipe of `item` as "count: ingredients" (sorted names), shaped recipes as rows. */
function recipesOf(kb: Knowledge, item: string): string[] {
  const name = (c: unknown) => (c === null || c === undefined ? '.' : kb.itemName(typeof c === 'number' ? c : (c as { id: number }).id) ?? '?');
  const table = kb.registry.recipes as unknown as Record<number, RawRecipe[] | undefined>;
  return (table[kb.itemId(item)!] ?? []).map((r) => `${r.result.count}: ${r.inShape ? r.inShape.map((row) => row.map(name).join(' ')).join(' / ') : (r.ingredients ?? []).map(name).sort().join(' + ')}`);
}

describe('recipes minecraft-data lacks, patched in as data', () => {
  it('gives 1.21.4 its own resin, creaking heart and eyeblossom recipes with vanilla counts', () => {
    expect(recipesOf(kb1214, 'resin_block')).toEqual(['1: resin_clump resin_clump resin_clump / resin_clump resin_clump resin_clump / resin_clump resin_clump resin_clump']);
    expect(recipesOf(kb1214, 'resin_clump')).toEqual(['9: resin_block']);
    expect(recipesOf(kb1214, 'resin_bricks')).toEqual(['1: resin_brick resin_brick / resin_brick resin_brick']);
    expect(recipesOf(kb1214, 'resin_brick_stairs')).toEqual(['4: resin_bricks . . / resin_bricks resin_bricks . / resin_bricks resin_bricks resin_bricks']);
    expect(recipesOf(kb1214, 'resin_brick_slab')).toEqual(['6: resin_bricks resin_bricks resin_bricks']);
    expect(recipesOf(kb1214, 'resin_brick_wall')).toEqual(['6: resin_bricks resin_bricks resin_bricks / resin_bricks resin_bricks resin_bricks']);
    expect(recipesOf(kb1214, 'chiseled_resin_bricks')).toEqual(['1: resin_brick_slab / resin_brick_slab']);
    expect(recipesOf(kb1214, 'creaking_heart')).toEqual(['1: pale_oak_log / resin_block / pale_oak_log']);
    expect(recipesOf(kb1214, 'gray_dye')).toContain('1: closed_eyeblossom');
    // resin_brick is smelted (src/knowledge/smelting.ts), never crafted.
    expect(recipesOf(kb1214, 'resin_brick')).toEqual([]);
    expect(kb1214.smeltRecipesMaking('resin_brick').map((r) => r.input)).toEqual(['resin_clump']);
  });

  it('dyes any bundle and makes firework stars on 1.21.4, where the data has the stew already', () => {
    const red = recipesOf(kb1214, 'red_bundle');
    expect(red).toHaveLength(16);
    expect(red[0]).toBe('1: bundle + red_dye');
    expect(red).toContain('1: blue_bundle + red_dye');
    expect(red).not.toContain('1: red_bundle + red_dye');
    expect(recipesOf(kb1214, 'firework_star')).toHaveLength(16);
    // minecraft-data 1.21.4 lists the 14 stews itself (no eyeblossom: that came with 1.21.5): none added.
    expect(recipesOf(kb1214, 'suspicious_stew')).toHaveLength(14);
  });

  it("gives 1.20.1 vanilla's special recipes, and nothing of later versions", () => {
    expect(recipesOf(kb1201, 'firework_star')).toContain('1: gunpowder + red_dye');
    expect(recipesOf(kb1201, 'suspicious_stew')).toHaveLength(14);
    expect(recipesOf(kb1201, 'suspicious_stew')).toContain('1: bowl + brown_mushroom + poppy + red_mushroom');
    expect(recipesOf(kb1201, 'red_shulker_box')).toHaveLength(16);
    expect(kb1201.isItem('red_bundle') || kb1201.isItem('resin_bricks')).toBe(false);
    expect(recipesOf(kb1201, 'bundle')).toEqual([]);
  });

  it('adds only what the data lacks: a minecraft-data that has them (1.21.5: resin, stews) is not given them twice', () => {
    const reg = freshRegistry('1.21.5');
    const shipped = JSON.stringify(reg.recipes);
    const added = patchRecipes(reg);
    const resin = reg.itemsByName.resin_bricks!.id;
    expect(reg.recipes[resin]).toHaveLength(1);
    expect(reg.recipes[reg.itemsByName.suspicious_stew!.id]).toHaveLength(16);
    // The special and transmute recipes it still lacks: 16 firework stars, 16x16 dyed bundles and boxes.
    expect(added).toBe(16 + 256 + 256);
    expect(JSON.stringify(reg.recipes)).not.toBe(shipped);
    expect(patchRecipes(reg)).toBe(0);
  });

  it("adds a version range's recipes only from its first version, and every patch's recipes exist there", () => {
    const before = freshRegistry('1.21.4', () => false);
    patchRecipes(before);
    expect(before.recipes[before.itemsByName.resin_bricks!.id]).toBeUndefined();
    expect(before.recipes[before.itemsByName.red_bundle!.id]).toBeUndefined();
    expect(before.recipes[before.itemsByName.firework_star!.id]).toHaveLength(16);
    // Every item a 1.21.4 patch names is a 1.21.4 item (a typo would drop the recipe silently).
    for (const patch of RECIPE_PATCHES) {
      for (const r of patch.recipes) {
        for (const n of [r.result.name, ...(r.inShape?.flat() ?? []), ...(r.ingredients ?? [])]) if (n !== null) expect(kb1214.isItem(n), n).toBe(true);
      }
    }
  });

  it("patches the version's shared table once, so mineflayer's and the sandbox's registries see the same recipes", () => {
    const reg = (require('prismarine-registry') as (v: string) => Registry)('1.21.4');
    expect(reg.recipes).toBe(kb1214.registry.recipes);
    expect(patchRegistry(reg as unknown as Parameters<typeof patchRegistry>[0])).toBe(0);
    const index = new RecipeIndex(reg.recipes as Record<string, RawRecipe[]>, (i) => reg.items[i]!.name);
    const id = (n: string) => reg.itemsByName[n]!.id;
    const made = (size: number, cells: (string | null)[]) => {
      const m = index.match([...cells.map((c) => (c ? id(c) : null)), ...new Array<null>(size * size - cells.length).fill(null)], size);
      return m ? `${m.result.count} ${reg.items[m.result.id]!.name}` : null;
    };
    expect(made(2, ['red_dye', null, null, 'bundle'])).toBe('1 red_bundle');
    expect(made(2, ['blue_bundle', 'red_dye'])).toBe('1 red_bundle');
    expect(made(2, ['resin_brick', 'resin_brick', 'resin_brick', 'resin_brick'])).toBe('1 resin_bricks');
    expect(made(3, ['resin_bricks', 'resin_bricks', 'resin_bricks'])).toBe('6 resin_brick_slab');
    expect(made(2, ['gunpowder', 'lime_dye'])).toBe('1 firework_star');
    expect(made(2, ['gunpowder', 'lime_dye', 'red_dye'])).toBeNull();
  });
});

describe('the agent crafts and plans them', () => {
  it('assumes the plain bundle, and crafts from whichever bundle the inventory holds', () => {
    expect(primaryShape(kb1214, 'red_bundle')?.ingredients.map((g) => g.name)).toEqual(['bundle', 'red_dye']);
    expect(primaryShape(kb1214, 'red_bundle')?.requiresTable).toBe(false);
    expect(chooseShape(kb1214, 'red_bundle', 1, new Map([['green_bundle', 1], ['red_dye', 1]])).shape.ingredients.map((g) => g.name)).toEqual(['green_bundle', 'red_dye']);
    expect(craftShapes(kb1214, 'resin_brick_stairs')[0]).toMatchObject({ outCount: 4, requiresTable: true });
    expect(craftShapes(kb1201, 'suspicious_stew')[0]?.requiresTable).toBe(false);
  });

  it.each([
    ['1.21.4', 'red_bundle'], ['1.21.4', 'resin_bricks'], ['1.21.4', 'chiseled_resin_bricks'], ['1.21.4', 'creaking_heart'],
    ['1.20.1', 'firework_star'], ['1.20.1', 'suspicious_stew'],
  ])('%s: plans %s from an empty inventory, ending in its craft', (version, item) => {
    const kb = createKnowledge(version);
    const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: overworldFor(kb, 'vanilla'), prime: false });
    const v = planner.plan({ kind: 'item', items: [item], count: 1 }, blankObservation({}));
    expect(v.kind, v.kind === 'unplannable' ? v.reason : '').toBe('next');
    const last = v.kind === 'next' ? (v.plan ?? [v.decision]).at(-1) : undefined;
    expect(last).toMatchObject({ skill: 'craftItem', args: { item } });
  });
});
