import type { Stack } from '../windows/stack.ts';
import { CRAFT_REMAINDERS, type RecipeIndex } from './recipeIndex.ts';

export interface GridStorage<S extends Stack> {
  get(slot: number): S | null;
  set(slot: number, item: S | null): void;
}

export interface GridDeps<S extends Stack> {
  recipes: RecipeIndex;
  make(id: number, count: number): S;
  idOf(name: string): number | undefined;
  nameOf(id: number): string;
  withCount(from: S, count: number): S;
  /** Remainders that have nowhere to go in the grid go to the player (or the ground). */
  giveBack(items: S[]): void;
}

/** A crafting grid of `size`×`size` at slots 1…size², with its result in slot 0. */
export function craftingGrid<S extends Stack>(store: GridStorage<S>, size: number, deps: GridDeps<S>) {
  const gridSlots = Array.from({ length: size * size }, (_, i) => i + 1);

  function updateResult(): void {
    const ids = gridSlots.map((s) => store.get(s)?.type ?? null);
    const m = deps.recipes.match(ids, size);
    store.set(0, m ? deps.make(m.result.id, m.result.count) : null);
  }

  function craftOnce(): S | null {
    updateResult();
    const result = store.get(0);
    if (!result) return null;
    const extra: S[] = [];
    for (const s of gridSlots) {
      const item = store.get(s);
      if (!item) continue;
      const remainder = CRAFT_REMAINDERS[deps.nameOf(item.type)];
      const left = item.count - 1;
      store.set(s, left > 0 ? deps.withCount(item, left) : null);
      const rid = remainder ? deps.idOf(remainder) : undefined;
      if (rid === undefined) continue;
      if (left === 0) store.set(s, deps.make(rid, 1));
      else extra.push(deps.make(rid, 1));
    }
    if (extra.length) deps.giveBack(extra);
    updateResult();
    return result;
  }

  /** Empties the grid (on close) and returns what was in it. */
  function takeAll(): S[] {
    const out: S[] = [];
    for (const s of gridSlots) {
      const item = store.get(s);
      if (item) out.push(item);
      store.set(s, null);
    }
    store.set(0, null);
    return out;
  }

  return { updateResult, craftOnce, takeAll };
}
