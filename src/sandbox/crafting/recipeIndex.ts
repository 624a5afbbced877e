// Server-side recipe matching for a crafting grid, built from minecraft-data's recipe list, folded
// (src/knowledge/recipeFold.ts) so that a grid of mixed oak and birch planks matches as in vanilla.
import { foldRecipes, type RawRecipe } from '../../knowledge/recipeFold.ts';

export type { RawRecipe };

export interface RecipeMatch {
  result: { id: number; count: number };
}

interface Shaped { w: number; h: number; cells: (Set<number> | null)[]; result: RecipeMatch['result'] }
interface Shapeless { parts: Set<number>[]; result: RecipeMatch['result'] }

export class RecipeIndex {
  private shaped = new Map<string, Shaped[]>();
  private shapeless = new Map<number, Shapeless[]>();

  constructor(recipes: Record<string, RawRecipe[]>, nameOf: (id: number) => string) {
    for (const list of Object.values(recipes)) {
      for (const f of foldRecipes(list, nameOf)) {
        if (f.shaped) {
          const key = `${f.w}x${f.h}`;
          this.shaped.set(key, [...(this.shaped.get(key) ?? []), { w: f.w, h: f.h, cells: f.cells.map((c) => (c === null ? null : new Set(c))), result: f.result }]);
        } else {
          const n = f.cells.length;
          this.shapeless.set(n, [...(this.shapeless.get(n) ?? []), { parts: f.cells.map((c) => new Set(c ?? [])), result: f.result }]);
        }
      }
    }
  }

  /** The recipe a `size`×`size` grid (row-major item ids, null for empty) makes, if any. */
  match(grid: (number | null)[], size: number): RecipeMatch | null {
    let minX = size, minY = size, maxX = -1, maxY = -1;
    const present: number[] = [];
    grid.forEach((id, i) => {
      if (id === null) return;
      present.push(id);
      const x = i % size, y = Math.floor(i / size);
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    });
    if (present.length === 0) return null;
    const w = maxX - minX + 1, h = maxY - minY + 1;
    const at = (x: number, y: number) => grid[(y + minY) * size + x + minX] ?? null;
    for (const r of this.shaped.get(`${w}x${h}`) ?? []) {
      for (const mirror of [false, true]) {
        let ok = true;
        for (let y = 0; y < h && ok; y++) for (let x = 0; x < w && ok; x++) {
          const want = r.cells[y * w + (mirror ? w - 1 - x : x)] ?? null;
          const got = at(x, y);
          ok = want === null ? got === null : got !== null && want.has(got);
        }
        if (ok) return { result: r.result };
      }
    }
    for (const r of this.shapeless.get(present.length) ?? []) {
      if (assign(r.parts, present)) return { result: r.result };
    }
    return null;
  }
}

/** Whether every item fills a distinct part (a tiny bipartite matching; at most 9 items). */
function assign(parts: Set<number>[], items: number[]): boolean {
  const used = new Array<boolean>(parts.length).fill(false);
  const place = (k: number): boolean => {
    if (k === items.length) return true;
    for (let p = 0; p < parts.length; p++) {
      if (used[p] || !parts[p]!.has(items[k]!)) continue;
      used[p] = true;
      if (place(k + 1)) return true;
      used[p] = false;
    }
    return false;
  };
  return place(0);
}

/** Items vanilla gives back in the grid after a craft (the bucket from a cake's milk). */
export const CRAFT_REMAINDERS: Record<string, string> = {
  milk_bucket: 'bucket', water_bucket: 'bucket', lava_bucket: 'bucket', powder_snow_bucket: 'bucket',
  honey_bottle: 'glass_bottle', dragon_breath: 'glass_bottle',
};
