// Crafting recipes vanilla has and minecraft-data's recipe lists lack, as data: vanilla's "special"
// recipes (the server computes the result from whatever is in the grid, so minecraft-data's extractor
// never lists them), 1.21.2's transmute recipes (a new recipe type it skips), and 1.21.4's own recipes
// (its recipes.json is 1.21.3's renumbered). Written in minecraft-data's raw format with item names
// where it has ids (ids change by version), one recipe per variant as minecraft-data lists tag recipes.
// Added to a version's shared recipe table once, and only where that table lacks them, so the agent's
// knowledge, mineflayer and the sandbox's crafting grid all see the same recipes.
import { WOOL_COLOURS } from './mobs.ts';
import { cellId, type RawCell, type RawRecipe } from './recipeFold.ts';

/** A raw recipe by item names: shaped (`inShape`, null for an empty cell) or shapeless (`ingredients`). */
export interface NamedRecipe {
  inShape?: (string | null)[][];
  ingredients?: string[];
  result: { name: string; count: number };
}

export interface RecipePatch {
  /** First version whose vanilla has these recipes (undefined: every version we read). */
  since?: string;
  /** What minecraft-data lacks and why. */
  why: string;
  recipes: readonly NamedRecipe[];
}

const shapeless = (ingredients: string[], name: string, count = 1): NamedRecipe => ({ ingredients, result: { name, count } });
const shaped = (inShape: (string | null)[][], name: string, count = 1): NamedRecipe => ({ inShape, result: { name, count } });
const dyes = WOOL_COLOURS.map((c) => `${c}_dye`);

/**
 * Dyeing a container: any of the kind and a dye make that colour's. The plain one is listed first, so
 * it is the recipe the planner assumes; the same colour again is left out (it changes nothing).
 */
function dyeing(base: string): NamedRecipe[] {
  const all = [base, ...WOOL_COLOURS.map((c) => `${c}_${base}`)];
  return WOOL_COLOURS.flatMap((c) => all.filter((from) => from !== `${c}_${base}`).map((from) => shapeless([from, `${c}_dye`], `${c}_${base}`)));
}

/** The small flowers a suspicious stew takes, in the order of vanilla's #small_flowers tag. */
const STEW_FLOWERS = ['dandelion', 'poppy', 'blue_orchid', 'allium', 'azure_bluet', 'red_tulip', 'orange_tulip', 'white_tulip',
  'pink_tulip', 'oxeye_daisy', 'cornflower', 'lily_of_the_valley', 'wither_rose', 'torchflower'];

const row3 = (n: string) => [n, n, n];

export const RECIPE_PATCHES: readonly RecipePatch[] = [
  {
    why: 'a special recipe: gunpowder and one or more dyes (shape, trail and twinkle items optional) make a firework star',
    recipes: dyes.map((dye) => shapeless(['gunpowder', dye], 'firework_star')),
  },
  {
    why: 'a special recipe up to 1.21.1 (both mushrooms, a bowl and any small flower); 1.21.2+ data lists it',
    recipes: STEW_FLOWERS.map((flower) => shapeless(['bowl', 'brown_mushroom', 'red_mushroom', flower], 'suspicious_stew')),
  },
  {
    why: 'a special recipe (1.21.2+: a transmute recipe): any shulker box and a dye',
    recipes: dyeing('shulker_box'),
  },
  {
    since: '1.21.2',
    why: 'a transmute recipe: any bundle and a dye',
    recipes: dyeing('bundle'),
  },
  {
    since: '1.21.4',
    why: "1.21.4's new recipes, absent because its recipes.json is 1.21.3's (1.21.5's data has them)",
    recipes: [
      shaped([row3('resin_clump'), row3('resin_clump'), row3('resin_clump')], 'resin_block'),
      shapeless(['resin_block'], 'resin_clump', 9),
      shaped([['resin_brick', 'resin_brick'], ['resin_brick', 'resin_brick']], 'resin_bricks'),
      shaped([['resin_bricks', null, null], ['resin_bricks', 'resin_bricks', null], row3('resin_bricks')], 'resin_brick_stairs', 4),
      shaped([row3('resin_bricks')], 'resin_brick_slab', 6),
      shaped([row3('resin_bricks'), row3('resin_bricks')], 'resin_brick_wall', 6),
      shaped([['resin_brick_slab'], ['resin_brick_slab']], 'chiseled_resin_bricks'),
      shaped([['pale_oak_log'], ['resin_block'], ['pale_oak_log']], 'creaking_heart'),
      shapeless(['open_eyeblossom'], 'orange_dye'),
      shapeless(['closed_eyeblossom'], 'gray_dye'),
    ],
  },
];

/** What a version's data the patching reads and writes: minecraft-data's own recipe table and items. */
export interface RecipeRegistry {
  recipes: unknown;
  itemsByName: Record<string, { id: number } | undefined>;
  isNewerOrEqualTo?(version: string): boolean;
}

const patchedTables = new WeakSet<object>();

/**
 * Adds the patches' recipes this version has the items for and its table lacks; returns how many were
 * added (0 on a table already patched: versions that share one data file share the table).
 */
export function patchRecipes(registry: RecipeRegistry): number {
  const table = registry.recipes as Record<number, RawRecipe[] | undefined>;
  if (patchedTables.has(table)) return 0;
  patchedTables.add(table);
  let n = 0;
  for (const patch of RECIPE_PATCHES) {
    if (patch.since !== undefined && registry.isNewerOrEqualTo?.(patch.since) === false) continue;
    for (const named of patch.recipes) {
      const raw = toRaw(named, registry);
      if (!raw || (table[raw.result.id] ?? []).some((r) => sameIngredients(r, raw))) continue;
      (table[raw.result.id] ??= []).push(raw);
      n++;
    }
  }
  return n;
}

/** The recipe with this version's ids, or undefined when the version lacks one of its items. */
export function toRaw(named: NamedRecipe, registry: Pick<RecipeRegistry, 'itemsByName'>): RawRecipe | undefined {
  const id = (name: string | null): number | null | undefined => (name === null ? null : registry.itemsByName[name]?.id);
  const result = id(named.result.name);
  if (result === undefined || result === null) return undefined;
  const cells = [...(named.inShape?.flat() ?? []), ...(named.ingredients ?? [])].map(id);
  if (cells.includes(undefined)) return undefined;
  const out = { result: { id: result, count: named.result.count } };
  return named.inShape
    ? { ...out, inShape: named.inShape.map((row) => row.map((n) => id(n) ?? null)) }
    : { ...out, ingredients: (named.ingredients ?? []).map((n) => id(n)!) };
}

/**
 * Whether two recipes take the same items (shape and count aside): a later minecraft-data that lists
 * the recipe, even with another layout, is not given it twice.
 */
function sameIngredients(a: RawRecipe, b: RawRecipe): boolean {
  const items = (r: RawRecipe) => [...(r.inShape?.flat() ?? []), ...(r.ingredients ?? [])].map((c: RawCell) => cellId(c)).filter((c) => c !== null).sort((x, y) => x - y).join(',');
  return items(a) === items(b);
}
