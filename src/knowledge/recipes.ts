// Crafting recipes as the planner counts them: ingredients with counts, wood and colour variants merged
// into "any of" ingredients (minecraft-data expands tags into one recipe per variant), output counts,
// leftovers, and whether a crafting table is needed.
import type { IndexedData } from 'minecraft-data';
import type { Knowledge } from './kb.ts';

/** `count` items, any mix of `items` (vanilla tags allow mixed wood). */
export interface Ingredient {
  items: readonly string[];
  count: number;
}

export interface PlanRecipe {
  output: string;
  /** Items one craft makes. */
  count: number;
  ingredients: readonly Ingredient[];
  /** Items left in the grid after crafting (milk buckets give their buckets back). */
  returns: Readonly<Record<string, number>>;
  /** True when the recipe does not fit the 2x2 inventory grid. */
  needsTable: boolean;
}

type RawRecipe = IndexedData['recipes'][number][number];
type RawItem = number | null | [] | [number | null] | [number | null, number] | { id: number | null; count?: number };

interface Variant {
  slots: { key: string; items: string[]; count: number }[];
  returns: Record<string, number>;
  needsTable: boolean;
  count: number;
}

const cache = new Map<string, Map<string, PlanRecipe[]>>();

/** The recipes that make `output`, merged over variants; [] when it cannot be crafted. */
export function planningRecipes(kb: Knowledge, output: string): PlanRecipe[] {
  let byOutput = cache.get(kb.version);
  if (!byOutput) cache.set(kb.version, (byOutput = new Map<string, PlanRecipe[]>()));
  let found = byOutput.get(output);
  if (!found) byOutput.set(output, (found = build(kb, output)));
  return found;
}

/** How many crafts of `recipe` make at least `count` items. */
export function craftsFor(recipe: PlanRecipe, count: number): number {
  return Math.max(1, Math.ceil(count / recipe.count));
}

function build(kb: Knowledge, output: string): PlanRecipe[] {
  const id = kb.itemId(output);
  const raw = id === undefined ? undefined : kb.registry.recipes[id];
  if (!raw) return [];
  const variants: Variant[] = [];
  for (const r of raw) {
    const v = toVariant(kb, r);
    if (v && !v.slots.some((s) => s.items.includes(output))) variants.push(v);
  }
  return merge(variants).map((v) => ({
    output,
    count: v.count,
    ingredients: v.slots.map((s) => ({ items: s.items, count: s.count })),
    returns: v.returns,
    needsTable: v.needsTable,
  }));
}

function idOf(item: RawItem): number | null {
  if (item === null || typeof item === 'number') return item;
  if (Array.isArray(item)) return item[0] ?? null;
  return item.id;
}

function toVariant(kb: Knowledge, r: RawRecipe): Variant | null {
  const counts = new Map<string, number>();
  const add = (raw: RawItem) => {
    const id = idOf(raw);
    if (id === null) return true;
    const name = kb.itemName(id);
    if (!name) return false;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    return true;
  };
  let needsTable: boolean;
  const returns: Record<string, number> = {};
  if ('inShape' in r) {
    const rows = r.inShape as RawItem[][];
    needsTable = rows.length > 2 || rows.some((row) => row.length > 2);
    if (!rows.every((row) => row.every(add))) return null;
    for (const row of (r.outShape ?? []) as RawItem[][]) {
      for (const cell of row) {
        const outId = idOf(cell);
        const name = outId === null ? undefined : kb.itemName(outId);
        if (name) returns[name] = (returns[name] ?? 0) + 1;
      }
    }
  } else {
    const ings = r.ingredients as RawItem[];
    needsTable = ings.length > 4;
    if (!ings.every(add)) return null;
  }
  const result = r.result;
  const count = typeof result === 'object' && result !== null && !Array.isArray(result) ? result.count ?? 1 : 1;
  const slots = [...counts].map(([name, n]) => ({ key: name, items: [name], count: n }));
  return { slots: slots.sort((a, b) => a.key.localeCompare(b.key)), returns, needsTable, count };
}

/**
 * Merges variants that differ in one ingredient only (oak planks vs spruce planks at the same places),
 * until no two do; what remains is one recipe per real alternative (iron ingot: from nuggets or a block).
 */
function merge(variants: Variant[]): Variant[] {
  const out = [...variants];
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length && !merged; j++) {
        const m = mergeTwo(out[i]!, out[j]!);
        if (m) {
          out[i] = m;
          out.splice(j, 1);
          merged = true;
        }
      }
    }
  }
  return out;
}

function mergeTwo(a: Variant, b: Variant): Variant | null {
  if (a.count !== b.count || a.needsTable !== b.needsTable || a.slots.length !== b.slots.length) return null;
  if (JSON.stringify(a.returns) !== JSON.stringify(b.returns)) return null;
  const onlyA = a.slots.filter((s) => !b.slots.some((t) => t.key === s.key && t.count === s.count));
  const onlyB = b.slots.filter((s) => !a.slots.some((t) => t.key === s.key && t.count === s.count));
  if (onlyA.length !== 1 || onlyB.length !== 1) return null;
  const [sa, sb] = [onlyA[0]!, onlyB[0]!];
  if (sa.count !== sb.count) return null;
  const items = [...new Set([...sa.items, ...sb.items])];
  const slot = { key: [...items].sort().join('|'), items, count: sa.count };
  const slots = [...a.slots.filter((s) => s !== sa), slot].sort((x, y) => x.key.localeCompare(y.key));
  return { ...a, slots };
}
