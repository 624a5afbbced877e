// minecraft-data lists one crafting recipe per tag variant (a crafting table from oak planks, another from
// birch planks, ...). Folding them back into one recipe whose cells accept every variant restores tag
// semantics: a grid of mixed planks matches, and a planner can name the group. Variants fold only when
// they differ in items of the same tag (sticks from planks fold; sticks from bamboo stay apart).
// Read by the agent's recipes (src/actions/crafting/recipes.ts) and the sandbox's crafting grid.
import { tagOrName } from './tags.ts';

export type RawCell = number | { id: number } | null | undefined;
export interface RawRecipe { inShape?: RawCell[][]; ingredients?: RawCell[]; result: { id: number; count: number } }

export interface FoldedRecipe {
  result: { id: number; count: number };
  /** Shaped: cells row-major in a `w`×`h` grid. Shapeless: w = h = 0, the cells in a fixed order. */
  shaped: boolean;
  w: number;
  h: number;
  /** The item ids each cell accepts (first: the first variant's), null for an empty cell. */
  cells: (number[] | null)[];
}

/** An item id, or null for an empty cell (minecraft-data writes them as null, -1 or { id }). */
export function cellId(c: RawCell): number | null {
  if (c === null || c === undefined) return null;
  const id = typeof c === 'number' ? c : c.id;
  return id < 0 ? null : id;
}

/** Folds one item's recipes, in minecraft-data's order (vanilla's primary recipe first). */
export function foldRecipes(raw: readonly RawRecipe[], nameOf: (id: number) => string): FoldedRecipe[] {
  const key = (id: number) => tagOrName(nameOf(id));
  const groups = new Map<string, { recipe: Omit<FoldedRecipe, 'cells'>; variants: (number | null)[][] }>();
  for (const r of raw) {
    let cells: (number | null)[];
    let w = 0;
    let h = 0;
    if (r.inShape) {
      w = Math.max(...r.inShape.map((row) => row.length));
      h = r.inShape.length;
      cells = r.inShape.flatMap((row) => Array.from({ length: w }, (_, x) => cellId(row[x])));
    } else {
      // Shapeless: sorted, so that the varying ingredient lines up across variants.
      cells = (r.ingredients ?? []).map(cellId).filter((c): c is number => c !== null).sort((a, b) => key(a).localeCompare(key(b)) || a - b);
    }
    const sig = `${r.inShape ? `${w}x${h}` : 's'}|${r.result.count}|${cells.map((c) => (c === null ? '.' : key(c))).join(',')}`;
    const g = groups.get(sig);
    if (g) g.variants.push(cells);
    else groups.set(sig, { recipe: { result: r.result, shaped: Boolean(r.inShape), w, h }, variants: [cells] });
  }
  return [...groups.values()].map(({ recipe, variants }) => ({
    ...recipe,
    cells: variants[0]!.map((c, i) => (c === null ? null : [...new Set(variants.map((v) => v[i]!))])),
  }));
}
