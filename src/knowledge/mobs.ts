// Vanilla (1.20, normal difficulty) facts about mobs and the weapons used on them. Shared by the
// sandbox (which enforces them for the mobs it simulates) and the agent (which plans and fights with
// them on any server): neither side imports the other, both read this table.

/** `water`: fish (src/knowledge/waterMobs.ts), vanilla's WATER_AMBIENT, with a spawn cap of their own. */
export type MobKind = 'passive' | 'hostile' | 'water';

/**
 * How the embedded sandbox has a mob: it spawns it naturally; only `/summon` makes it (simplified, see
 * the mob's entry); or not at all, the facts being there for planning on a user's server.
 */
export type SandboxSupport = 'natural' | 'summon' | 'none';

/** How far a player usually goes to meet one, beyond the mobs every night brings (FIND_SECONDS's scale). */
export type MobRarity = 'common' | 'regional' | 'rare' | 'structure';

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
  sandbox: SandboxSupport;
  /** Absent for the mobs of every spawn: farm animals, and the monsters of any dark place or night. */
  rarity?: MobRarity;
  /** Hit points (half hearts). */
  health: number;
  /** Blocks per second while wandering (vanilla walk speeds). */
  speed: number;
  /** Melee damage per hit on normal difficulty, before armour (hostiles only). */
  attackDamage?: number;
  /** Ticks between its attacks when not the melee default of 20 (a skeleton draws its bow every 40 on normal). */
  attackTicks?: number;
  /** Loot on death by a player. A sheep's wool is added separately, in the sheep's colour. */
  loot: readonly LootEntry[];
  /** Share of kills that roll the loot, when some kills never do (only small slimes drop); 1 when omitted. */
  lootShare?: number;
  /** A creeper's fuse instead of a melee hit. */
  explodes?: Fuse;
}

/**
 * Vanilla's creeper (SwellGoal): it starts to swell when its target comes within `swellWithin` blocks,
 * standing still, swells on while the target stays within `calmBeyond`, else shrinks a tick per tick,
 * and explodes with `power` once it has swollen for `ticks`. Killed by its own explosion it drops nothing.
 */
export interface Fuse {
  ticks: number;
  power: number;
  swellWithin: number;
  calmBeyond: number;
}

export const CREEPER_FUSE: Fuse = { ticks: 30, power: 3, swellWithin: 3, calmBeyond: 7 };

/**
 * Vanilla's explosion damage to an entity `distance` blocks from the centre (normal difficulty,
 * before armour), with `exposure` the share of rays from the centre that reach it: 0 from 2 × power on.
 */
export function explosionDamage(power: number, distance: number, exposure = 1): number {
  const reach = 2 * power;
  if (distance >= reach) return 0;
  const impact = (1 - distance / reach) * exposure;
  return Math.floor(((impact * impact + impact) / 2) * 7 * reach + 1);
}

// A natural slime is of size 1, 2 or 4 alike; a slime of size > 1 splits into 2-4 of half its size when
// killed, and only the smallest drop slime balls. Killing a whole family takes 13, 4 or 1 kills for 9, 3
// or 1 small slimes: 13 of every 18 kills roll the loot. killMob counts every kill.
const SLIME_LOOT_SHARE = 13 / 18;

/** Witches roll 1-3 times among 7 items (sticks twice as likely), 0-2 of the one rolled: 1/4 of each a kill, on average. */
const WITCH_LOOT: readonly LootEntry[] = ['glowstone_dust', 'sugar', 'redstone', 'spider_eye', 'glass_bottle', 'gunpowder', 'stick']
  .map((item) => ({ item, min: 0, max: 2, chance: item === 'stick' ? 0.5 : 0.25 }));

const ZOMBIE_LOOT: readonly LootEntry[] = [{ item: 'rotten_flesh', min: 0, max: 2 }];
// A stray also drops a tipped arrow of slowness, left out: the sandbox makes no potion NBT.
const SKELETON_LOOT: readonly LootEntry[] = [{ item: 'bone', min: 0, max: 2 }, { item: 'arrow', min: 0, max: 2 }];
// Skeletons shoot (about 3 a hit every 2 s on normal); the sandbox's summoned ones walk up and hit as
// often, for as much, instead.
const SKELETON = { kind: 'hostile', sandbox: 'summon', health: 20, speed: 2.5, attackDamage: 3, attackTicks: 40, loot: SKELETON_LOOT } as const;

export const MOBS: Readonly<Record<string, MobFacts>> = {
  cow: { name: 'cow', kind: 'passive', sandbox: 'natural', health: 10, speed: 2.0, loot: [{ item: 'beef', min: 1, max: 3 }, { item: 'leather', min: 0, max: 2 }] },
  sheep: { name: 'sheep', kind: 'passive', sandbox: 'natural', health: 8, speed: 2.3, loot: [{ item: 'mutton', min: 1, max: 2 }] },
  pig: { name: 'pig', kind: 'passive', sandbox: 'natural', health: 10, speed: 2.5, loot: [{ item: 'porkchop', min: 1, max: 3 }] },
  chicken: { name: 'chicken', kind: 'passive', sandbox: 'natural', health: 4, speed: 2.5, loot: [{ item: 'chicken', min: 1, max: 1 }, { item: 'feather', min: 0, max: 2 }] },
  zombie: { name: 'zombie', kind: 'hostile', sandbox: 'natural', health: 20, speed: 2.3, attackDamage: 3, loot: ZOMBIE_LOOT },
  spider: {
    name: 'spider', kind: 'hostile', sandbox: 'natural', health: 16, speed: 3.0, attackDamage: 2,
    loot: [{ item: 'string', min: 0, max: 2 }, { item: 'spider_eye', min: 1, max: 1, chance: 1 / 3 }],
  },
  // Summoned in the sandbox: it walks where vanilla's hops, and a cave spider's bite does not poison.
  rabbit: {
    name: 'rabbit', kind: 'passive', sandbox: 'summon', rarity: 'regional', health: 3, speed: 3.0,
    loot: [{ item: 'rabbit_hide', min: 0, max: 1 }, { item: 'rabbit', min: 0, max: 1 }, { item: 'rabbit_foot', min: 1, max: 1, chance: 0.1 }],
  },
  skeleton: { name: 'skeleton', ...SKELETON },
  stray: { name: 'stray', ...SKELETON, rarity: 'rare' },
  husk: { name: 'husk', kind: 'hostile', sandbox: 'summon', rarity: 'rare', health: 20, speed: 2.3, attackDamage: 3, loot: ZOMBIE_LOOT },
  // Drowned swim in rivers and oceans; a summoned one in the sandbox is a zombie that stays on land.
  drowned: {
    name: 'drowned', kind: 'hostile', sandbox: 'summon', rarity: 'regional', health: 20, speed: 2.3, attackDamage: 3,
    loot: [...ZOMBIE_LOOT, { item: 'copper_ingot', min: 1, max: 1, chance: 0.11 }],
  },
  cave_spider: {
    name: 'cave_spider', kind: 'hostile', sandbox: 'summon', rarity: 'rare', health: 12, speed: 3.0, attackDamage: 2,
    loot: [{ item: 'string', min: 0, max: 2 }, { item: 'spider_eye', min: 1, max: 1, chance: 1 / 3 }],
  },
  // The sandbox's creeper swells and explodes as vanilla's does (src/sandbox/mobs/creeper.ts), breaking no blocks.
  creeper: { name: 'creeper', kind: 'hostile', sandbox: 'summon', health: 20, speed: 2.5, loot: [{ item: 'gunpowder', min: 0, max: 2 }], explodes: CREEPER_FUSE },
  // Facts for planning on a user's server only: the sandbox does not simulate how these move or fight.
  enderman: { name: 'enderman', kind: 'hostile', sandbox: 'none', health: 40, speed: 3.0, attackDamage: 7, loot: [{ item: 'ender_pearl', min: 0, max: 1 }] },
  witch: { name: 'witch', kind: 'hostile', sandbox: 'none', rarity: 'rare', health: 26, speed: 2.5, loot: WITCH_LOOT },
  slime: {
    name: 'slime', kind: 'hostile', sandbox: 'none', rarity: 'rare', health: 16, speed: 2.0, attackDamage: 4,
    loot: [{ item: 'slime_ball', min: 0, max: 2 }], lootShare: SLIME_LOOT_SHARE,
  },
  // Phantoms come only to a player who has not slept for three nights.
  phantom: { name: 'phantom', kind: 'hostile', sandbox: 'none', rarity: 'rare', health: 20, speed: 5.0, attackDamage: 2, loot: [{ item: 'phantom_membrane', min: 0, max: 1 }] },
  guardian: {
    name: 'guardian', kind: 'hostile', sandbox: 'none', rarity: 'structure', health: 30, speed: 5.0, attackDamage: 6,
    loot: [{ item: 'prismarine_shard', min: 0, max: 2 }, { item: 'prismarine_crystals', min: 0, max: 1, chance: 1 / 3 }, { item: 'cod', min: 1, max: 1, chance: 0.5 }],
  },
  squid: { name: 'squid', kind: 'passive', sandbox: 'none', rarity: 'regional', health: 10, speed: 0.7, loot: [{ item: 'ink_sac', min: 1, max: 3 }] },
  glow_squid: { name: 'glow_squid', kind: 'passive', sandbox: 'none', rarity: 'rare', health: 10, speed: 0.7, loot: [{ item: 'glow_ink_sac', min: 1, max: 3 }] },
  // Turtles drop seagrass (and a bowl when lightning kills them); their scutes come from growing up, not loot.
  turtle: { name: 'turtle', kind: 'passive', sandbox: 'none', rarity: 'regional', health: 30, speed: 2.5, loot: [{ item: 'seagrass', min: 0, max: 2 }] },
};

export const PASSIVE_MOBS = Object.values(MOBS).filter((m) => m.kind === 'passive').map((m) => m.name);
export const HOSTILE_MOBS = Object.values(MOBS).filter((m) => m.kind === 'hostile').map((m) => m.name);
/** The mobs the sandbox spawns by itself (the sandbox's world model has these). */
export const SANDBOX_NATURAL_MOBS = Object.values(MOBS).filter((m) => m.sandbox === 'natural').map((m) => m.name);
/** The mobs the sandbox's `/summon` makes: its natural ones and the simplified ones. */
export const SANDBOX_SUMMONABLE_MOBS = Object.values(MOBS).filter((m) => m.sandbox !== 'none').map((m) => m.name);

/** Mean items per kill, for planning (a sheep's one wool included, as white wool). */
export function meanLoot(mob: string): Record<string, number> {
  const facts = MOBS[mob];
  if (!facts) return {};
  const out: Record<string, number> = {};
  for (const e of facts.loot) out[e.item] = (out[e.item] ?? 0) + ((e.min + e.max) / 2) * (e.chance ?? 1) * (facts.lootShare ?? 1);
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
    const chance = (e.chance ?? 1) * (facts.lootShare ?? 1);
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
