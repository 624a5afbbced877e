// Where minecraft-data disagrees with vanilla, corrected as data, once per version's registry. The block
// objects and the recipe table are minecraft-data's own, shared with every registry of the version
// (mineflayer's and the sandbox's), so the agent, the sandbox and mineflayer's client dig times and
// recipes agree after the patch. The recipes themselves are in recipePatches.ts.
import { patchRecipes, type RecipeRegistry } from './recipePatches.ts';

export interface MaterialPatch {
  /** Materials (minecraft-data's dig classes) that are wrong. */
  match: RegExp;
  /** What vanilla uses instead. */
  material: string;
  /** Which versions' data, and what it broke. */
  why: string;
}

export const MATERIAL_PATCHES: readonly MaterialPatch[] = [
  {
    match: /^incorrect_for_\w+_tool$/,
    material: 'mineable/pickaxe',
    why: '1.20.5+ data names the tier tag (incorrect_for_wooden_tool) instead of the pickaxe: iron ore took 4.55 s to dig with a stone pickaxe instead of 1.15 s',
  },
];

/** Block names whose material is patched anyway (1.20.3+ copper blocks and the crafter have "default"). */
export const PICKAXE_BLOCKS: RegExp = /(^|_)copper_(grate|bulb|trapdoor)$|^(waxed_)?((exposed|weathered|oxidized)_)?chiseled_copper$|^crafter$/;

interface PatchableRegistry extends Partial<RecipeRegistry> { blocksArray: { name: string; material?: string }[] }

const patched = new WeakSet<object>();

/** Applies the patches to a version's blocks and recipes (idempotent); returns how many blocks and recipes changed. */
export function patchRegistry(registry: PatchableRegistry): number {
  let n = registry.recipes !== undefined && registry.itemsByName !== undefined ? patchRecipes(registry as RecipeRegistry) : 0;
  if (patched.has(registry.blocksArray)) return n;
  patched.add(registry.blocksArray);
  for (const block of registry.blocksArray) {
    const fix = MATERIAL_PATCHES.find((p) => block.material !== undefined && p.match.test(block.material));
    const material = fix?.material ?? (PICKAXE_BLOCKS.test(block.name) && block.material === 'default' ? 'mineable/pickaxe' : undefined);
    if (material !== undefined) {
      block.material = material;
      n++;
    }
  }
  return n;
}

/**
 * The recipe the planner assumes for an item with several, where minecraft-data's order differs by
 * version (the first non-cyclic one is taken otherwise): item → an ingredient that recipe uses.
 */
export const PRIMARY_RECIPES: Readonly<Record<string, string>> = {
  // 1.21.1 lists 2 bamboo → 1 stick first: the planner then wanted bamboo on every wooden pickaxe.
  stick: '#planks',
};

/**
 * Blocks with a recipe that vanilla's world generation places as well (in rock, deserts, villages,
 * jungles, fossils): mined as found, not only crafted, and a recipe back from them (wheat from a hay
 * bale) is a way to get the ingredient, not a loop.
 */
export const GENERATED_CRAFTABLE: ReadonlySet<string> = new Set([
  'granite', 'diorite', 'andesite', 'sandstone', 'red_sandstone', 'hay_block', 'snow_block', 'melon', 'mossy_cobblestone', 'bone_block',
]);
