// Vanilla (1.20, normal difficulty) facts about the mobs the sandbox spawns and the weapons used on
// them. Shared by the sandbox (which enforces them) and the agent (which plans and fights with them):
// neither side imports the other, both read this table.

export type MobKind = 'passive' | 'hostile';

export interface LootEntry {
  item: string;
  min: number;
  max: number;
  /** Chance the entry drops at all (after which min..max applies); 1 when omitted. */
  chance?: number;
}

export interface MobFacts {
  name: string;
  kind: MobKind;
  /** Hit points (half hearts). */
  health: number;
  /** Blocks per second while wandering (vanilla walk speeds). */
  speed: number;
  /** Melee damage per hit on normal difficulty, before armour (hostiles only). */
  attackDamage?: number;
  /** Loot on death by a player. A sheep's wool is added separately, in the sheep's colour. */
  loot: readonly LootEntry[];
}

export const MOBS: Readonly<Record<string, MobFacts>> = {
  cow: { name: 'cow', kind: 'passive', health: 10, speed: 2.0, loot: [{ item: 'beef', min: 1, max: 3 }, { item: 'leather', min: 0, max: 2 }] },
  sheep: { name: 'sheep', kind: 'passive', health: 8, speed: 2.3, loot: [{ item: 'mutton', min: 1, max: 2 }] },
  pig: { name: 'pig', kind: 'passive', health: 10, speed: 2.5, loot: [{ item: 'porkchop', min: 1, max: 3 }] },
  chicken: { name: 'chicken', kind: 'passive', health: 4, speed: 2.5, loot: [{ item: 'chicken', min: 1, max: 1 }, { item: 'feather', min: 0, max: 2 }] },
  zombie: { name: 'zombie', kind: 'hostile', health: 20, speed: 2.3, attackDamage: 3, loot: [{ item: 'rotten_flesh', min: 0, max: 2 }] },
  spider: {
    name: 'spider', kind: 'hostile', health: 16, speed: 3.0, attackDamage: 2,
    loot: [{ item: 'string', min: 0, max: 2 }, { item: 'spider_eye', min: 1, max: 1, chance: 1 / 3 }],
  },
};

export const PASSIVE_MOBS = Object.values(MOBS).filter((m) => m.kind === 'passive').map((m) => m.name);
export const HOSTILE_MOBS = Object.values(MOBS).filter((m) => m.kind === 'hostile').map((m) => m.name);

/** Mean items per kill, for planning (a sheep's one wool included, as white wool). */
export function meanLoot(mob: string): Record<string, number> {
  const facts = MOBS[mob];
  if (!facts) return {};
  const out: Record<string, number> = {};
  for (const e of facts.loot) out[e.item] = (out[e.item] ?? 0) + ((e.min + e.max) / 2) * (e.chance ?? 1);
  if (mob === 'sheep') out.white_wool = 1;
  return out;
}

/**
 * Items per kill a plan may count on: the minimum where a kill always drops some (1 beef), else the
 * mean (leather: 0-2, so 1), so that a plan does not under-produce what is certain and re-plans for
 * the rest. Wool is not included: a sheep's wool has its colour (see `killMob`).
 */
export function plannedLoot(mob: string): Record<string, number> {
  const facts = MOBS[mob];
  if (!facts) return {};
  const out: Record<string, number> = {};
  for (const e of facts.loot) {
    const chance = e.chance ?? 1;
    out[e.item] = (out[e.item] ?? 0) + (e.min > 0 && chance >= 1 ? e.min : ((e.min + e.max) / 2) * chance);
  }
  return out;
}

/** Wool a sheared sheep drops (vanilla: 1-3); plans count on the minimum. */
export const SHEAR_WOOL = { min: 1, max: 3 } as const;

// Sheep wool colours by dye index (the low 4 bits of the sheep's `wool` metadata byte; 0x10 = sheared).
export const WOOL_COLOURS = [
  'white', 'orange', 'magenta', 'light_blue', 'yellow', 'lime', 'pink', 'gray',
  'light_gray', 'cyan', 'purple', 'blue', 'brown', 'green', 'red', 'black',
] as const;
export type WoolColour = (typeof WOOL_COLOURS)[number];
export const SHEARED_BIT = 0x10;

/** Vanilla natural-spawn odds for a sheep's colour (per mille); the rest are white. */
export const SHEEP_COLOUR_ODDS: Readonly<Partial<Record<WoolColour, number>>> = { black: 50, gray: 50, light_gray: 50, brown: 30, pink: 1.64 };

export function woolColour(metadataByte: number): { colour: WoolColour; sheared: boolean } {
  return { colour: WOOL_COLOURS[metadataByte & 0x0f] ?? 'white', sheared: (metadataByte & SHEARED_BIT) !== 0 };
}

export interface WeaponFacts {
  /** Damage of a fully charged hit. */
  damage: number;
  /** Attacks per second at full charge (the cooldown is 20 / speed ticks). */
  speed: number;
}

/** An empty hand or any item that is not a weapon. */
export const FIST: WeaponFacts = { damage: 1, speed: 4 };

const TIERS = ['wooden', 'stone', 'iron', 'golden', 'diamond', 'netherite'] as const;
const SWORD = [4, 5, 6, 4, 7, 8];
const AXE = [7, 9, 9, 7, 9, 10];
const AXE_SPEED = [0.8, 0.8, 0.9, 1.0, 1.0, 1.0];
const PICKAXE = [2, 3, 4, 2, 5, 6];
const SHOVEL = [2.5, 3.5, 4.5, 2.5, 5.5, 6.5];
const HOE_SPEED = [1, 2, 3, 1, 4, 4];

const WEAPONS: ReadonlyMap<string, WeaponFacts> = new Map(TIERS.flatMap((t, i) => [
  [`${t}_sword`, { damage: SWORD[i]!, speed: 1.6 }],
  [`${t}_axe`, { damage: AXE[i]!, speed: AXE_SPEED[i]! }],
  [`${t}_pickaxe`, { damage: PICKAXE[i]!, speed: 1.2 }],
  [`${t}_shovel`, { damage: SHOVEL[i]!, speed: 1.0 }],
  [`${t}_hoe`, { damage: 1, speed: HOE_SPEED[i]! }],
] as [string, WeaponFacts][]).concat([['trident', { damage: 9, speed: 1.1 }]]));

export function weaponFacts(item: string | undefined | null): WeaponFacts {
  return (item ? WEAPONS.get(item) : undefined) ?? FIST;
}

/** Vanilla's cooldown scaling: a hit at charge c (0..1) deals damage × (0.2 + 0.8 c²). */
export function chargedDamage(weapon: WeaponFacts, ticksSinceLastSwing: number): number {
  const cooldownTicks = 20 / weapon.speed;
  const c = Math.min(1, Math.max(0, (ticksSinceLastSwing + 0.5) / cooldownTicks));
  return weapon.damage * (0.2 + 0.8 * c * c);
}

/** Expected damage per second when swinging at full charge; ranks weapons for killMob. */
export function damagePerSecond(item: string | undefined | null): number {
  const w = weaponFacts(item);
  return w.damage * w.speed;
}

// Armour points and toughness per piece.
const ARMOUR: ReadonlyMap<string, [number, number]> = new Map([
  ['leather_helmet', [1, 0]], ['leather_chestplate', [3, 0]], ['leather_leggings', [2, 0]], ['leather_boots', [1, 0]],
  ['chainmail_helmet', [2, 0]], ['chainmail_chestplate', [5, 0]], ['chainmail_leggings', [4, 0]], ['chainmail_boots', [1, 0]],
  ['iron_helmet', [2, 0]], ['iron_chestplate', [6, 0]], ['iron_leggings', [5, 0]], ['iron_boots', [2, 0]],
  ['golden_helmet', [2, 0]], ['golden_chestplate', [5, 0]], ['golden_leggings', [3, 0]], ['golden_boots', [1, 0]],
  ['diamond_helmet', [3, 2]], ['diamond_chestplate', [8, 2]], ['diamond_leggings', [6, 2]], ['diamond_boots', [3, 2]],
  ['netherite_helmet', [3, 3]], ['netherite_chestplate', [8, 3]], ['netherite_leggings', [6, 3]], ['netherite_boots', [3, 3]],
  ['turtle_helmet', [2, 0]],
]);

/** Damage after armour (vanilla: points and toughness of the worn pieces). */
export function damageAfterArmour(damage: number, worn: readonly (string | undefined | null)[]): number {
  let points = 0;
  let toughness = 0;
  for (const piece of worn) {
    const a = piece ? ARMOUR.get(piece) : undefined;
    if (a) { points += a[0]; toughness += a[1]; }
  }
  const reduction = Math.min(20, Math.max(points / 5, points - damage / (2 + toughness / 4))) / 25;
  return damage * (1 - reduction);
}
