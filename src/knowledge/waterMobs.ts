// Vanilla's bucketable water mobs (the Bucketable interface: AbstractFish, Axolotl, Tadpole): where each
// lives, how vanilla spawns them, and what a water bucket used on one gives. Read by the planner (which
// world has which), the sandbox (which spawns and simulates the fish) and bucketFish.
import type { MobFacts } from './mobs.ts';

/** Every mob a water bucket picks up, in vanilla's order of appearance. */
export const BUCKET_MOBS = ['cod', 'salmon', 'pufferfish', 'tropical_fish', 'axolotl', 'tadpole'] as const;
export type BucketMob = (typeof BUCKET_MOBS)[number];

export function isBucketMob(name: string): name is BucketMob {
  return (BUCKET_MOBS as readonly string[]).includes(name);
}

/** The item a water bucket used on the mob becomes (`cod` → `cod_bucket`). */
export function bucketOf(mob: BucketMob): string {
  return `${mob}_bucket`;
}

/** The mob a `<mob>_bucket` holds, or undefined for any other item. */
export function mobOfBucket(item: string): BucketMob | undefined {
  const m = /^(.+)_bucket$/.exec(item);
  return m && isBucketMob(m[1]!) ? m[1] : undefined;
}

/** The sound vanilla plays at the mob when it is scooped up (Bucketable.getPickupSound). */
export function pickupSound(mob: BucketMob): string {
  if (mob === 'axolotl') return 'item.bucket.fill_axolotl';
  if (mob === 'tadpole') return 'item.bucket.fill_tadpole';
  return 'item.bucket.fill_fish';
}

/** Where each fish of the surface waters lives, said the way a refusal reads ("needs cod, which lives in oceans …"). */
export const HABITAT: Readonly<Partial<Record<BucketMob, string>>> = {
  cod: 'lives in oceans (normal, cold and lukewarm)',
  salmon: 'lives in rivers and in cold and frozen oceans',
  pufferfish: 'lives in warm and lukewarm oceans',
  tropical_fish: 'lives in warm and lukewarm oceans, mangrove swamps and lush caves',
};

/** What brings the others within reach, which no skill does: "needs axolotl, which only … gives". */
export const SPECIAL_SOURCE: Readonly<Partial<Record<BucketMob, string>>> = {
  axolotl: 'finding a lush cave underground (axolotls live in its water)',
  tadpole: 'frogspawn from frogs fed slime balls',
};

/**
 * The ones a bot walking the surface comes across: fish of the oceans and rivers. Axolotls live in lush
 * caves (no skill finds those) and tadpoles only hatch from bred frogs' spawn.
 */
export const SURFACE_WATER_MOBS: readonly BucketMob[] = ['cod', 'salmon', 'pufferfish', 'tropical_fish'];

/** Vanilla's WATER_AMBIENT spawner data of one biome: the mob, its weight and the school's size. */
export interface WaterSpawn {
  mob: BucketMob;
  weight: number;
  min: number;
  max: number;
}

const COD: WaterSpawn = { mob: 'cod', weight: 10, min: 3, max: 6 };
const COD_COLD: WaterSpawn = { ...COD, weight: 15 };
const SALMON_RIVER: WaterSpawn = { mob: 'salmon', weight: 5, min: 1, max: 5 };
const SALMON_COLD: WaterSpawn = { ...SALMON_RIVER, weight: 15 };
const TROPICAL: WaterSpawn = { mob: 'tropical_fish', weight: 25, min: 8, max: 8 };
const PUFFER_WARM: WaterSpawn = { mob: 'pufferfish', weight: 15, min: 1, max: 3 };
const PUFFER_LUKEWARM: WaterSpawn = { ...PUFFER_WARM, weight: 5 };

/** Vanilla's fish spawns by biome (OverworldBiomes, BiomeDefaultFeatures): the only biomes with any. */
export const WATER_SPAWNS: Readonly<Record<string, readonly WaterSpawn[]>> = {
  river: [SALMON_RIVER],
  frozen_river: [SALMON_RIVER],
  ocean: [COD],
  deep_ocean: [COD],
  cold_ocean: [COD_COLD, SALMON_COLD],
  deep_cold_ocean: [COD_COLD, SALMON_COLD],
  frozen_ocean: [SALMON_COLD],
  deep_frozen_ocean: [SALMON_COLD],
  lukewarm_ocean: [{ ...COD, weight: 15 }, PUFFER_LUKEWARM, TROPICAL],
  deep_lukewarm_ocean: [{ ...COD, weight: 15 }, PUFFER_LUKEWARM, TROPICAL],
  warm_ocean: [PUFFER_WARM, TROPICAL],
  mangrove_swamp: [TROPICAL],
  lush_caves: [TROPICAL],
};

// A fish killed: vanilla's loot (the fish, and bone meal 1 time in 20).
const fishLoot = (item: string) => [{ item, min: 1, max: 1 }, { item: 'bone_meal', min: 1, max: 1, chance: 0.05 }];

/**
 * The facts the sandbox simulates a water mob by (health; `speed` is its swimming pace, blocks per
 * second). Kept out of the land mobs' table: no skill hunts them for loot (fishing gives fish).
 */
export const WATER_MOB_FACTS: Readonly<Record<string, MobFacts>> = {
  cod: { name: 'cod', kind: 'water', sandbox: 'natural', rarity: 'regional', health: 3, speed: 1.2, loot: fishLoot('cod') },
  salmon: { name: 'salmon', kind: 'water', sandbox: 'natural', rarity: 'regional', health: 3, speed: 1.2, loot: fishLoot('salmon') },
  pufferfish: { name: 'pufferfish', kind: 'water', sandbox: 'natural', rarity: 'rare', health: 3, speed: 0.8, loot: fishLoot('pufferfish') },
  tropical_fish: { name: 'tropical_fish', kind: 'water', sandbox: 'natural', rarity: 'rare', health: 3, speed: 1.2, loot: fishLoot('tropical_fish') },
};

/** The water mobs the sandbox's `/summon` makes (and spawns where a biome has them). */
export const SANDBOX_WATER_MOBS: readonly string[] = Object.keys(WATER_MOB_FACTS);

export function isWaterMob(name: string): boolean {
  return WATER_MOB_FACTS[name] !== undefined;
}

/** A fish swims away from a player within this many blocks (AbstractFish's AvoidEntityGoal), faster than it idles. */
export const FLEE_RANGE = 8;
