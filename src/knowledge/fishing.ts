// Vanilla's fishing (gameplay/fishing loot table with no luck, FishingHook's timings), one home for the
// sandbox, which rolls its catches from it, and for the planner, which counts what a cast is worth.
import type { Rng } from './rng.ts';

export type CatchGroup = 'fish' | 'junk' | 'treasure';

export interface CatchEntry {
  item: string;
  weight: number;
  /** Items in the stack (ink sacs come ten at a time); 1 when omitted. */
  count?: number;
  /**
   * Left out of the sandbox's rolls (the rest keep their weights): a water bottle needs potion NBT, and
   * the sandbox does not enchant. Plans still count these, as a user's server gives them.
   */
  notInSandbox?: true;
  /** Only in jungle biomes (bamboo): a plan never counts on it. */
  jungleOnly?: true;
}

/** Group weights with no luck: treasure only in open water, as vanilla's condition has it. */
export const CATCH_GROUPS: Readonly<Record<CatchGroup, number>> = { fish: 85, junk: 10, treasure: 5 };

/** The entries of each group, in vanilla's order. Damaged junk (boots, rod) comes undamaged in the sandbox. */
export const CATCHES: Readonly<Record<CatchGroup, readonly CatchEntry[]>> = {
  fish: [{ item: 'cod', weight: 60 }, { item: 'salmon', weight: 25 }, { item: 'tropical_fish', weight: 2 }, { item: 'pufferfish', weight: 13 }],
  junk: [
    { item: 'lily_pad', weight: 17 }, { item: 'leather_boots', weight: 10 }, { item: 'leather', weight: 10 }, { item: 'bone', weight: 10 },
    { item: 'potion', weight: 10, notInSandbox: true }, { item: 'string', weight: 5 }, { item: 'fishing_rod', weight: 2 },
    { item: 'bowl', weight: 10 }, { item: 'stick', weight: 5 }, { item: 'ink_sac', weight: 1, count: 10 },
    { item: 'tripwire_hook', weight: 10 }, { item: 'rotten_flesh', weight: 10 }, { item: 'bamboo', weight: 10, jungleOnly: true, notInSandbox: true },
  ],
  treasure: [
    { item: 'bow', weight: 1, notInSandbox: true }, { item: 'enchanted_book', weight: 1, notInSandbox: true },
    { item: 'fishing_rod', weight: 1, notInSandbox: true }, { item: 'name_tag', weight: 1 }, { item: 'nautilus_shell', weight: 1 },
    { item: 'saddle', weight: 1 },
  ],
};

/** FishingHook: a fish is lured after 100–600 ticks, swims up for 20–80 and bites for 20–40 (ticks, inclusive). */
export const LURE_TICKS = [100, 600] as const;
export const APPROACH_TICKS = [20, 80] as const;
export const BITE_TICKS = [20, 40] as const;
/** Casting, the bobber's flight and the catch's flight back to the player, about. */
const CAST_OVERHEAD_SECONDS = 2;
/** Mean seconds from one cast to the next: the wait for a bite plus the throw and the catch. */
export const SECONDS_PER_CAST = ((LURE_TICKS[0] + LURE_TICKS[1]) / 2 + (APPROACH_TICKS[0] + APPROACH_TICKS[1]) / 2) / 20 + CAST_OVERHEAD_SECONDS;

function groupsFor(openWater: boolean): CatchGroup[] {
  return openWater ? ['fish', 'junk', 'treasure'] : ['fish', 'junk'];
}

/** Items fished per cast, on average, on a user's server outside a jungle. `openWater` lets treasure in. */
export function catchPerCast(item: string, openWater: boolean): number {
  const groups = groupsFor(openWater);
  const total = groups.reduce((n, g) => n + CATCH_GROUPS[g], 0);
  let per = 0;
  for (const g of groups) {
    const entries = CATCHES[g].filter((e) => !e.jungleOnly);
    const weights = entries.reduce((n, e) => n + e.weight, 0);
    for (const e of entries) if (e.item === item) per += (CATCH_GROUPS[g] / total) * (e.weight / weights) * (e.count ?? 1);
  }
  return per;
}

/** Whether only open water gives it (treasure). */
export function needsOpenWater(item: string): boolean {
  return catchPerCast(item, false) === 0 && catchPerCast(item, true) > 0;
}

/** Every item fishing can give outside a jungle. */
export function fishableItems(): string[] {
  return [...new Set(Object.values(CATCHES).flat().filter((e) => !e.jungleOnly).map((e) => e.item))];
}

/** Mean casts for `count` of an item (in open water when treasure), Infinity for what fishing never gives. */
export function meanCasts(item: string, count: number): number {
  const per = catchPerCast(item, needsOpenWater(item)) || catchPerCast(item, false);
  return per > 0 ? count / per : Infinity;
}

/** Mean seconds of fishing for `count` of an item: the planner's cost of the fish skill. */
export function fishingSeconds(item: string, count: number): number {
  return meanCasts(item, count) * SECONDS_PER_CAST;
}

function pickWeighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((n, e) => n + e[1], 0);
  let roll = rng.next() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** One catch as the sandbox makes it: a group, then an entry of it, from the entries it can make. */
export function rollCatch(rng: Rng, openWater: boolean): { name: string; count: number } {
  const group = pickWeighted(rng, groupsFor(openWater).map((g) => [g, CATCH_GROUPS[g]] as const));
  const entry = pickWeighted(rng, CATCHES[group].filter((e) => !e.notInSandbox).map((e) => [e, e.weight] as const));
  return { name: entry.item, count: entry.count ?? 1 };
}

/** What a block is for the open-water test. */
export type WaterKind = 'water' | 'air' | 'other';

export function waterKind(blockName: string | undefined): WaterKind {
  if (blockName === 'water' || blockName === 'bubble_column') return 'water';
  return blockName === 'air' || blockName === 'cave_air' || blockName === 'void_air' ? 'air' : 'other';
}

/**
 * Vanilla's open-water test for treasure (FishingHook.calculateOpenWater), around the bobber's block:
 * each of the 4 layers of the 5×5 from one below to two above is all water or all air, the lowest is
 * water, and no water layer lies above an air layer. `kindAt` answers for a block position.
 */
export function isOpenWater(x: number, y: number, z: number, kindAt: (x: number, y: number, z: number) => WaterKind): boolean {
  let below: WaterKind = 'other';
  for (let dy = -1; dy <= 2; dy++) {
    let layer: WaterKind | undefined;
    for (let dx = -2; dx <= 2; dx++) {
      for (let dz = -2; dz <= 2; dz++) {
        const k = kindAt(x + dx, y + dy, z + dz);
        if (k === 'other' || (layer !== undefined && k !== layer)) return false;
        layer = k;
      }
    }
    if ((layer === 'air' && below === 'other') || (layer === 'water' && below === 'air')) return false;
    below = layer ?? 'other';
  }
  return true;
}
