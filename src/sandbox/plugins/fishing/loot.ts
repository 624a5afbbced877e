// Vanilla's fishing loot table (gameplay/fishing, luck 0): fish 85, junk 10, treasure 5 (treasure only
// in open water). Entries that need what the sandbox cannot make are left out and the rest keep their
// weights: the water potion (potion NBT), bamboo (jungles only), and the enchanted bow, rod and book
// (no enchanting). Damaged junk (boots, rod) comes undamaged.
import type { Rng } from '../../../knowledge/index.ts';

type Entry = readonly [name: string, weight: number, count?: number];

const FISH: readonly Entry[] = [['cod', 60], ['salmon', 25], ['tropical_fish', 2], ['pufferfish', 13]];
const JUNK: readonly Entry[] = [
  ['lily_pad', 17], ['leather_boots', 10], ['leather', 10], ['bone', 10], ['string', 5], ['fishing_rod', 2],
  ['bowl', 10], ['stick', 5], ['ink_sac', 1, 10], ['tripwire_hook', 10], ['rotten_flesh', 10],
];
const TREASURE: readonly Entry[] = [['name_tag', 1], ['saddle', 1], ['nautilus_shell', 1]];

function pick(rng: Rng, entries: readonly Entry[]): Entry {
  const total = entries.reduce((n, e) => n + e[1], 0);
  let roll = rng.next() * total;
  for (const e of entries) {
    roll -= e[1];
    if (roll < 0) return e;
  }
  return entries[entries.length - 1]!;
}

/** One catch: the item's name and count. `openWater` allows treasure, as vanilla's condition does. */
export function rollFishingLoot(rng: Rng, openWater: boolean): { name: string; count: number } {
  const groups: [readonly Entry[], number][] = [[FISH, 85], [JUNK, 10], ...(openWater ? [[TREASURE, 5] as [readonly Entry[], number]] : [])];
  const total = groups.reduce((n, g) => n + g[1], 0);
  let roll = rng.next() * total;
  let group = FISH;
  for (const [entries, weight] of groups) {
    roll -= weight;
    if (roll < 0) {
      group = entries;
      break;
    }
  }
  const [name, , count = 1] = pick(rng, group);
  return { name, count };
}
