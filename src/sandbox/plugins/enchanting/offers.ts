// The enchanting table's arithmetic as vanilla's EnchantmentMenu and EnchantmentHelper do it, over
// minecraft-data's enchantment table (costs, weights, categories, exclusions).

/** java.util.Random (vanilla's LegacyRandomSource): the offers depend on the player's seed only. */
export class JavaRandom {
  private seed: bigint;
  constructor(seed: number) {
    this.seed = (BigInt(seed) ^ 0x5deece66dn) & ((1n << 48n) - 1n);
  }

  private next(bits: number): number {
    this.seed = (this.seed * 0x5deece66dn + 0xbn) & ((1n << 48n) - 1n);
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  nextInt(bound: number): number {
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    let bits: number;
    let val: number;
    do {
      bits = this.next(31);
      val = bits % bound;
    } while (bits - val + (bound - 1) < 0 || bits - val + (bound - 1) > 0x7fffffff);
    return val;
  }

  nextFloat(): number {
    return this.next(24) / (1 << 24);
  }
}

export interface EnchantmentData {
  id: number;
  name: string;
  maxLevel: number;
  minCost: { a: number; b: number };
  maxCost: { a: number; b: number };
  treasureOnly: boolean;
  exclude: string[];
  category: string;
  weight: number;
  discoverable: boolean;
}

export interface Chosen { ench: EnchantmentData; level: number }

// Item.getEnchantmentValue: by tier for tools and armour, 1 for books, bows, crossbows, tridents, rods.
const TOOL_TIERS: Record<string, number> = { wooden: 15, stone: 5, iron: 14, golden: 22, diamond: 10, netherite: 15 };
const ARMOR_TIERS: Record<string, number> = { leather: 15, chainmail: 12, iron: 9, golden: 25, diamond: 10, netherite: 15 };
const ONE = new Set(['book', 'bow', 'crossbow', 'trident', 'fishing_rod']);

export function enchantability(name: string): number {
  if (ONE.has(name)) return 1;
  if (name === 'turtle_helmet') return 9;
  if (name === 'mace') return 15;
  const m = /^([a-z]+)_(sword|pickaxe|axe|shovel|hoe|helmet|chestplate|leggings|boots)$/.exec(name);
  if (!m) return 0;
  const tiers = ['helmet', 'chestplate', 'leggings', 'boots'].includes(m[2]!) ? ARMOR_TIERS : TOOL_TIERS;
  return tiers[m[1]!] ?? 0;
}

/** EnchantmentMenu's cost of button `slot` (0–2) for `power` bookshelves. */
export function enchantmentCost(random: JavaRandom, slot: number, power: number, value: number): number {
  if (value <= 0) return 0;
  const p = Math.min(power, 15);
  const j = random.nextInt(8) + 1 + (p >> 1) + random.nextInt(p + 1);
  if (slot === 0) return Math.max(Math.trunc(j / 3), 1);
  return slot === 1 ? Math.trunc((j * 2) / 3) + 1 : Math.max(j, p * 2);
}

const cost = (c: { a: number; b: number }, level: number) => c.a * level + c.b;

function compatible(a: EnchantmentData, b: EnchantmentData): boolean {
  return a.name !== b.name && !a.exclude.includes(b.name) && !b.exclude.includes(a.name);
}

function weighted(random: JavaRandom, list: Chosen[]): Chosen | undefined {
  const total = list.reduce((s, c) => s + c.ench.weight, 0);
  if (total <= 0) return undefined;
  let n = random.nextInt(total);
  for (const c of list) {
    n -= c.ench.weight;
    if (n < 0) return c;
  }
  return undefined;
}

/** EnchantmentHelper.selectEnchantment (no treasure) for an item of these categories (a book takes any). */
export function selectEnchantments(random: JavaRandom, all: EnchantmentData[], item: { categories: string[] | null; value: number }, base: number): Chosen[] {
  if (item.value <= 0) return [];
  let level = base + 1 + random.nextInt(Math.trunc(item.value / 4) + 1) + random.nextInt(Math.trunc(item.value / 4) + 1);
  const f = (random.nextFloat() + random.nextFloat() - 1) * 0.15;
  level = Math.max(1, Math.round(level + level * f));
  let available: Chosen[] = [];
  for (const ench of all) {
    if (ench.treasureOnly || !ench.discoverable) continue;
    if (item.categories && !item.categories.includes(ench.category)) continue;
    for (let l = ench.maxLevel; l >= 1; l--) {
      if (level >= cost(ench.minCost, l) && level <= cost(ench.maxCost, l)) {
        available.push({ ench, level: l });
        break;
      }
    }
  }
  const out: Chosen[] = [];
  const first = weighted(random, available);
  if (!first) return out;
  out.push(first);
  while (random.nextInt(50) <= level) {
    available = available.filter((c) => out.every((o) => compatible(o.ench, c.ench)));
    const next = weighted(random, available);
    if (!next) break;
    out.push(next);
    level = Math.trunc(level / 2);
  }
  return out;
}

/** EnchantmentMenu.getEnchantmentList: a book keeps one fewer when more than one came out. */
export function enchantmentList(seed: number, slot: number, cost: number, all: EnchantmentData[], item: { categories: string[] | null; value: number; book: boolean }): Chosen[] {
  const list = selectEnchantments(new JavaRandom(seed + slot), all, item, cost);
  if (item.book && list.length > 1) list.splice(new JavaRandom(seed + slot).nextInt(list.length), 1);
  return list;
}

export interface Offers { costs: number[]; clues: number[]; levels: number[] }

/** EnchantmentMenu.slotsChanged: the three costs and, for each, one enchantment shown as a clue. */
export function computeOffers(seed: number, power: number, all: EnchantmentData[], item: { categories: string[] | null; value: number; book: boolean }): Offers {
  const random = new JavaRandom(seed);
  const costs = [0, 1, 2].map((slot) => enchantmentCost(random, slot, power, item.value));
  const clues = [-1, -1, -1];
  const levels = [-1, -1, -1];
  costs.forEach((c, slot) => {
    if (c < slot + 1) costs[slot] = 0;
  });
  costs.forEach((c, slot) => {
    if (c <= 0) return;
    const list = enchantmentList(seed, slot, c, all, item);
    if (!list.length) return;
    const clue = list[random.nextInt(list.length)]!;
    clues[slot] = clue.ench.id;
    levels[slot] = clue.level;
  });
  return { costs, clues, levels };
}
