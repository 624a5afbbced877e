// Crafting recipes as the agent reasons about them: minecraft-data lists one recipe per wood variant
// (a crafting table from oak planks, another from birch planks, ...), which `bot.recipesFor` matches
// only exactly. Here variants that differ only in items of one vanilla tag fold back into one shape
// whose cells accept the whole set, so a recipe can be chosen from whatever variant the inventory
// holds, and conditions can name the group (`#planks`, see groups.ts).
//
// Which variant conditions use: the shapes keep minecraft-data's order, which lists vanilla's
// primary recipe first (oak_log before oak_wood, cobblestone before blackstone); the first shape
// not made from its own product (iron_ingot ← iron_block ← iron_ingot) is the one the planner sees.
// A cell set that is a whole tag is named `#tag`; a partial set (oak_planks ← any oak log) is named
// by its first member, while crafting still accepts every member.
import { fishableItems } from '../../knowledge/fishing.ts';
import { MOBS } from '../../knowledge/mobs.ts';
import type { Recipe, RecipeItem } from 'prismarine-recipe';
import { GENERATED_CRAFTABLE, PRIMARY_RECIPES } from '../../knowledge/patches.ts';
import { HARVESTED_ITEMS } from '../../knowledge/honey.ts';
import type { Knowledge } from '../../knowledge/kb.ts';
import { missingItems, SkillError } from '../../base/errors.ts';
import { cellId, foldRecipes, type RawRecipe } from '../../knowledge/recipeFold.ts';
import { tagOf } from '../../knowledge/tags.ts';
import { GROUP_PREFIX, groupMembers, isGroup } from '../../knowledge/groups.ts';

export interface Ingredient {
  /** An item name, or `#tag` when any member of the tag fits. */
  name: string;
  /** Accepted item ids, canonical first. */
  ids: number[];
  /** Items of it one craft uses. */
  perCraft: number;
}

export interface CraftShape {
  item: string;
  resultId: number;
  /** Items one craft makes. */
  outCount: number;
  /** Shaped grid rows, each cell an index into `ingredients` (null: empty); null when shapeless. */
  rows: (number | null)[][] | null;
  /** Shapeless: the ingredient index of each item put in the grid. */
  parts: number[] | null;
  ingredients: Ingredient[];
  requiresTable: boolean;
  /** Made from an item that is crafted from this one (iron_ingot ← iron_block). */
  cyclic: boolean;
}


const cache = new WeakMap<object, Map<string, CraftShape[]>>();

function rawRecipes(kb: Knowledge, id: number): RawRecipe[] {
  return (kb.registry.recipes as unknown as Record<number, RawRecipe[] | undefined>)[id] ?? [];
}

/** Every way to craft `item` (a plain item name), primary recipe first. */
export function craftShapes(kb: Knowledge, item: string): CraftShape[] {
  let byItem = cache.get(kb.registry);
  if (!byItem) cache.set(kb.registry, (byItem = new Map<string, CraftShape[]>()));
  const hit = byItem.get(item);
  if (hit) return hit;
  const id = kb.itemId(item);
  const shapes = id === undefined ? [] : buildShapes(kb, item, id);
  byItem.set(item, shapes);
  return shapes;
}

/** Whether `item` (or, for a group, any member) has a crafting recipe. */
export function isCraftable(kb: Knowledge, item: string): boolean {
  return candidateShapes(kb, item).length > 0;
}

/** Shapes that make `item`; for a group, those of every member, members in order. */
export function candidateShapes(kb: Knowledge, item: string): CraftShape[] {
  return isGroup(item) ? groupMembers(item, kb).flatMap((m) => craftShapes(kb, m)) : craftShapes(kb, item);
}

/** The shape the planner should assume: the one patched in as usual, else the first not made from its own product. */
export function primaryShape(kb: Knowledge, item: string): CraftShape | undefined {
  const shapes = candidateShapes(kb, item);
  const preferred = PRIMARY_RECIPES[item];
  return (preferred !== undefined ? shapes.find((s) => s.ingredients.some((g) => g.name === preferred)) : undefined)
    ?? shapes.find((s) => !s.cyclic) ?? shapes[0];
}

/** The shape that uses the ingredient `via` (an item name or `#tag`), else the primary one. */
export function shapeVia(kb: Knowledge, item: string, via?: string): CraftShape | undefined {
  if (via === undefined) return primaryShape(kb, item);
  return candidateShapes(kb, item).find((s) => !s.cyclic && s.ingredients.some((g) => g.name === via)) ?? primaryShape(kb, item);
}

/**
 * The other recipes of an item, each named by an ingredient the primary one lacks (white dye: bone
 * meal first, then lily_of_the_valley): the planner weighs them when the primary's ingredients are
 * dear or not to be had here.
 */
export function alternativeVias(kb: Knowledge, item: string): string[] {
  if (isGroup(item)) return [];
  const primary = primaryShape(kb, item);
  if (!primary) return [];
  const own = new Set(primary.ingredients.map((g) => g.name));
  const out: string[] = [];
  for (const s of candidateShapes(kb, item)) {
    if (s === primary || s.cyclic) continue;
    const via = s.ingredients.find((g) => !own.has(g.name))?.name;
    if (via !== undefined && !out.includes(via)) out.push(via);
  }
  return out;
}

/**
 * What crafting `count` of `item` consumes with the primary shape (or the one using `via`), by
 * condition name. For a group target (`#planks`) ingredients widen to their tag (`#logs`): any
 * member's recipe will do.
 */
export function craftConsumption(kb: Knowledge, item: string, count: number, via?: string): { crafts: number; made: number; consume: Record<string, number>; requiresTable: boolean } | undefined {
  const shape = shapeVia(kb, item, via);
  if (!shape) return undefined;
  const crafts = Math.ceil(count / shape.outCount);
  const consume: Record<string, number> = {};
  for (const ing of shape.ingredients) {
    const tags = new Set(ing.ids.map((i) => tagOf(kb.itemName(i) ?? '')));
    const [tag] = tags;
    const name = isGroup(item) && tags.size === 1 && tag !== undefined ? `${GROUP_PREFIX}${tag}` : ing.name;
    consume[name] = (consume[name] ?? 0) + ing.perCraft * crafts;
  }
  return { crafts, made: crafts * shape.outCount, consume, requiresTable: shape.requiresTable };
}

/** How many of an ingredient the inventory holds (every accepted id counts). */
export function haveOf(kb: Knowledge, ing: Ingredient, counts: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const id of ing.ids) n += counts.get(kb.itemName(id) ?? '') ?? 0;
  return n;
}

/**
 * The shape the inventory covers for `crafts` crafts (the count may differ per shape, so it is
 * recomputed from `count` items wanted). Throws MISSING_ITEMS naming the first short ingredient of
 * the shape that lacks the least, e.g. "need 3 #planks, have 1".
 */
export function chooseShape(kb: Knowledge, item: string, count: number, counts: ReadonlyMap<string, number>): { shape: CraftShape; crafts: number } {
  const shapes = candidateShapes(kb, item);
  if (shapes.length === 0) throw new SkillError('BAD_ARGS', `${item} has no crafting recipe`);
  let best: { shortfall: number; err: SkillError } | undefined;
  for (const shape of shapes) {
    const crafts = Math.ceil(count / shape.outCount);
    let shortfall = 0;
    let first: SkillError | undefined;
    for (const ing of shape.ingredients) {
      const need = ing.perCraft * crafts;
      const have = haveOf(kb, ing, counts);
      if (have >= need) continue;
      shortfall += need - have;
      first ??= missingItems(ing.name, need, have);
    }
    if (!first) return { shape, crafts };
    if (!best || shortfall < best.shortfall) best = { shortfall, err: first };
  }
  throw best!.err;
}

/**
 * A concrete recipe for mineflayer's `bot.craft` and how many times it can run: one item kind per
 * ingredient when the inventory has enough of one kind for all `crafts`, else (mixed kinds, e.g.
 * 2 oak and 2 birch planks) one craft with the kinds allotted cell by cell.
 */
export function concreteRecipe(kb: Knowledge, shape: CraftShape, crafts: number, counts: ReadonlyMap<string, number>): { recipe: Recipe; times: number } {
  const left = new Map(counts);
  const take = (id: number, n: number): boolean => {
    const name = kb.itemName(id) ?? '';
    const have = left.get(name) ?? 0;
    if (have < n) return false;
    left.set(name, have - n);
    return true;
  };
  // One kind per ingredient, the most plentiful, for every craft at once.
  const single = shape.ingredients.map((ing) => {
    const byHave = [...ing.ids].sort((a, b) => (counts.get(kb.itemName(b) ?? '') ?? 0) - (counts.get(kb.itemName(a) ?? '') ?? 0));
    return byHave.find((id) => take(id, ing.perCraft * crafts));
  });
  if (single.every((id) => id !== undefined)) {
    return { recipe: toRecipe(shape, (ingIndex) => single[ingIndex]!), times: crafts };
  }
  const mixed = new Map(counts);
  return {
    recipe: toRecipe(shape, (ingIndex) => {
      const ing = shape.ingredients[ingIndex]!;
      const id = ing.ids.find((i) => (mixed.get(kb.itemName(i) ?? '') ?? 0) > 0) ?? ing.ids[0]!;
      const name = kb.itemName(id) ?? '';
      mixed.set(name, (mixed.get(name) ?? 0) - 1);
      return id;
    }),
    times: 1,
  };
}

function recipeItem(id: number, count = 1): RecipeItem {
  return { id, metadata: null, count };
}

/** Builds the object mineflayer's craft reads; `pick` gives the item id for each placed ingredient. */
function toRecipe(shape: CraftShape, pick: (ingIndex: number) => number): Recipe {
  const inShape = shape.rows ? shape.rows.map((row) => row.map((c) => (c === null ? recipeItem(-1) : recipeItem(pick(c))))) : null;
  const ingredients = shape.parts ? shape.parts.map((p) => recipeItem(pick(p))) : null;
  const delta = new Map<number, number>();
  for (const it of [...(inShape?.flat() ?? []), ...(ingredients ?? [])]) if (it.id >= 0) delta.set(it.id, (delta.get(it.id) ?? 0) - 1);
  delta.set(shape.resultId, (delta.get(shape.resultId) ?? 0) + shape.outCount);
  return {
    result: recipeItem(shape.resultId, shape.outCount),
    inShape: inShape as RecipeItem[][],
    outShape: null as unknown as RecipeItem[][],
    ingredients: ingredients as RecipeItem[],
    delta: [...delta].map(([id, count]) => recipeItem(id, count)),
    requiresTable: shape.requiresTable,
  };
}

function buildShapes(kb: Knowledge, item: string, id: number): CraftShape[] {
  return foldRecipes(rawRecipes(kb, id), (cid) => kb.itemName(cid) ?? '').map((f) => {
    const ingredients: Ingredient[] = [];
    const indexOf = new Map<string, number>();
    const cellIng = f.cells.map((ids) => {
      if (ids === null) return null;
      const key = ids.join(',');
      let k = indexOf.get(key);
      if (k === undefined) {
        k = ingredients.length;
        indexOf.set(key, k);
        ingredients.push({ name: ingredientName(kb, ids), ids, perCraft: 0 });
      }
      ingredients[k]!.perCraft++;
      return k;
    });
    const rows = f.shaped ? Array.from({ length: f.h }, (_, y) => cellIng.slice(y * f.w, (y + 1) * f.w)) : null;
    const requiresTable = f.shaped ? f.h > 2 || f.w > 2 : cellIng.length > 4;
    return {
      item, resultId: id, outCount: f.result.count, rows, parts: rows ? null : cellIng.map((c) => c!),
      ingredients, requiresTable, cyclic: ingredients.some((ing) => ing.ids.some((i) => madeFrom(kb, i, id) && !naturalSource(kb, kb.itemName(i) ?? ''))),
    };
  });
}

function ingredientName(kb: Knowledge, ids: number[]): string {
  const names = ids.map((i) => kb.itemName(i) ?? String(i));
  if (names.length > 1) {
    const tag = tagOf(names[0]!);
    if (tag !== undefined && names.every((n) => tagOf(n) === tag)) {
      const all = groupMembers(`${GROUP_PREFIX}${tag}`, kb);
      if (all.length === names.length) return `${GROUP_PREFIX}${tag}`;
    }
  }
  return names[0]!;
}

/** Whether any recipe for `item` uses `ingredient`. */
/**
 * Whether an item comes from somewhere other than a crafting grid: smelted, or dropped by a block other
 * than its own placed copy (unless the world generates that block: hay, granite). A recipe from an
 * ingredient made from the product is a loop only when the ingredient has no such source: iron ingots
 * from an iron block are (the block is made of ingots), iron nuggets from an ingot are not (ingots smelt).
 */
function naturalSource(kb: Knowledge, item: string): boolean {
  if (GENERATED_CRAFTABLE.has(item) || HARVESTED_ITEMS.has(item) || kb.smeltRecipesMaking(item).length > 0) return true;
  // Mob loot and catches: slime balls from slimes make slime blocks, not the other way round.
  if (Object.values(MOBS).some((m) => m.loot.some((e) => e.item === item)) || fishableItems().includes(item)) return true;
  return kb.blocksDropping(item).some((b) => b !== item);
}

/** True when every recipe of `item` needs `ingredient` (a slab made of sandstone or of chiseled sandstone is not). */
function madeFrom(kb: Knowledge, item: number, ingredient: number): boolean {
  const recipes = rawRecipes(kb, item);
  return recipes.length > 0 && recipes.every((r) => [...(r.inShape?.flat() ?? []), ...(r.ingredients ?? [])].some((c) => cellId(c) === ingredient));
}
