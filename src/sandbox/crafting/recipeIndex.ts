// Server-side recipe matching for a crafting grid, built from minecraft-data's recipe list.
// minecraft-data expands item tags into one recipe per variant (crafting_table × each plank kind), so a
// grid of mixed oak and birch planks matches none of them. We fold variants back into per-slot sets of
// accepted items where the varying items belong to one vanilla tag, which restores tag semantics.

export interface RawRecipe {
  inShape?: (number | null)[][];
  ingredients?: number[];
  result: { id: number; count: number };
}

export interface RecipeMatch {
  result: { id: number; count: number };
}

interface Shaped { w: number; h: number; cells: (Set<number> | null)[]; result: RecipeMatch['result'] }
interface Shapeless { parts: Set<number>[]; result: RecipeMatch['result'] }

/** Vanilla item tags that recipes use, recognised by item name. */
export function tagOf(name: string): string | undefined {
  if (name.endsWith('_planks')) return 'planks';
  if (name.endsWith('_wool')) return 'wool';
  if (name === 'coal' || name === 'charcoal') return 'coals';
  if (name === 'cobblestone' || name === 'cobbled_deepslate' || name === 'blackstone') return 'stone_tool_materials';
  if (/_(log|wood|stem|hyphae)$/.test(name)) return 'logs';
  if (name.endsWith('_wooden_slab') || (name.endsWith('_slab') && /^(oak|birch|spruce|jungle|acacia|dark_oak|mangrove|cherry|bamboo|crimson|warped)_/.test(name))) return 'wooden_slabs';
  return undefined;
}

function foldable(ids: Set<number>, nameOf: (id: number) => string): boolean {
  if (ids.size <= 1) return true;
  const tags = new Set([...ids].map((id) => tagOf(nameOf(id))));
  return tags.size === 1 && !tags.has(undefined);
}

export class RecipeIndex {
  private shaped = new Map<string, Shaped[]>();
  private shapeless = new Map<number, Shapeless[]>();

  constructor(recipes: Record<string, RawRecipe[]>, nameOf: (id: number) => string) {
    for (const list of Object.values(recipes)) {
      const shapedGroups = new Map<string, RawRecipe[]>();
      const shapelessGroups = new Map<string, RawRecipe[]>();
      for (const r of list) {
        if (r.inShape) {
          const key = `${r.result.id}:${r.result.count}:${r.inShape.map((row) => row.map((c) => (c == null || c < 0 ? '.' : 'x')).join('')).join('/')}`;
          shapedGroups.set(key, [...(shapedGroups.get(key) ?? []), r]);
        } else if (r.ingredients) {
          const key = `${r.result.id}:${r.result.count}:${r.ingredients.length}`;
          shapelessGroups.set(key, [...(shapelessGroups.get(key) ?? []), r]);
        }
      }
      for (const group of shapedGroups.values()) this.addShaped(group, nameOf);
      for (const group of shapelessGroups.values()) this.addShapeless(group, nameOf);
    }
  }

  private addShaped(group: RawRecipe[], nameOf: (id: number) => string): void {
    // Variants fold together only when their cells belong to the same tags (sticks from any planks
    // fold; sticks from bamboo stay a recipe of their own).
    for (const part of bySignature(group, (r) => r.inShape!.flat().map((c) => (c == null || c < 0 ? '.' : tagKey(c, nameOf))).join(','))) {
      this.addShapedPart(part, nameOf);
    }
  }

  private addShapedPart(group: RawRecipe[], nameOf: (id: number) => string): void {
    const first = group[0]!.inShape!;
    const h = first.length;
    const w = Math.max(...first.map((r) => r.length));
    const cellsOf = (r: RawRecipe) => Array.from({ length: w * h }, (_, i) => {
      const c = r.inShape![Math.floor(i / w)]?.[i % w];
      return c == null || c < 0 ? null : c;
    });
    const unions = cellsOf(group[0]!).map((c) => (c === null ? null : new Set<number>()));
    for (const r of group) cellsOf(r).forEach((c, i) => { if (c !== null) unions[i]?.add(c); });
    const canFold = unions.every((u) => u === null || foldable(u, nameOf));
    const variants = canFold ? [unions] : group.map((r) => cellsOf(r).map((c) => (c === null ? null : new Set([c]))));
    const key = `${w}x${h}`;
    for (const cells of variants) this.shaped.set(key, [...(this.shaped.get(key) ?? []), { w, h, cells, result: group[0]!.result }]);
  }

  private addShapeless(all: RawRecipe[], nameOf: (id: number) => string): void {
    for (const part of bySignature(all, (r) => r.ingredients!.map((id) => tagKey(id, nameOf)).sort().join(','))) this.addShapelessPart(part, nameOf);
  }

  private addShapelessPart(group: RawRecipe[], nameOf: (id: number) => string): void {
    // Fold position-wise after sorting each variant, which lines up the varying ingredient.
    const sorted = group.map((r) => [...r.ingredients!].sort((a, b) => tagKey(a, nameOf).localeCompare(tagKey(b, nameOf)) || a - b));
    const unions = sorted[0]!.map(() => new Set<number>());
    for (const s of sorted) s.forEach((id, i) => unions[i]?.add(id));
    const canFold = unions.every((u) => foldable(u, nameOf));
    const variants = canFold ? [unions] : sorted.map((s) => s.map((id) => new Set([id])));
    const n = group[0]!.ingredients!.length;
    for (const parts of variants) this.shapeless.set(n, [...(this.shapeless.get(n) ?? []), { parts, result: group[0]!.result }]);
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

function bySignature(list: RawRecipe[], signature: (r: RawRecipe) => string): RawRecipe[][] {
  const parts = new Map<string, RawRecipe[]>();
  for (const r of list) {
    const k = signature(r);
    parts.set(k, [...(parts.get(k) ?? []), r]);
  }
  return [...parts.values()];
}

function tagKey(id: number, nameOf: (id: number) => string): string {
  const name = nameOf(id);
  return tagOf(name) ?? name;
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
