// The natural resources of an overworld, as the planner assumes them: which blocks can be found by
// exploring (and at what depth), which animals live there, and what only another dimension has.
// Defaults follow the embedded sandbox's generator, which matches vanilla 1.18+ ore heights.
import { meanLoot, PASSIVE_MOBS, SANDBOX_NATURAL_MOBS } from './mobs.ts';
import { WATER_SPAWNS } from './waterMobs.ts';

export interface Resource {
  block: string;
  /** Heights where it generates (block y). */
  minY: number;
  maxY: number;
  /** Where to dig down to before looking for it, when it is not in sight. */
  bestY: number;
  /** Found by walking around on the surface (no digging down first); below minY, the bot goes up first. */
  surface: boolean;
  /**
   * Seconds of exploring to add before one is found: for what only some biomes have (spruce, sand,
   * pumpkins). Absent (0) for what every spawn has nearby, and set to 0 once this world showed one.
   */
  findSeconds?: number;
}

export interface MobSource {
  mob: string;
  /** Items a kill drops (mean counts), for killMob. */
  drops: Readonly<Record<string, number>>;
  /** Seconds of looking around to add before one is met (a witch, a squid, a monster by night); 0 when absent. */
  findSeconds?: number;
}

export interface WorldModel {
  name: string;
  resources: ReadonlyMap<string, Resource>;
  /** Animals and monsters that spawn; their drops come from mob skills (killMob, shearSheep, milkCow). */
  mobs: readonly MobSource[];
}

const surface = (block: string): Resource => ({ block, minY: 40, maxY: 200, bestY: 64, surface: true });
export const ore = (block: string, minY: number, maxY: number, bestY: number): Resource => ({ block, minY, maxY, bestY, surface: false });

/**
 * Vanilla's ore heights (1.18 on, unchanged through 1.21), as the sandbox's generator follows them too:
 * where each generates and where to dig to for it. Coal also sits in the hills (the upper coal band).
 */
export const ORE_BANDS: readonly Resource[] = [
  { ...ore('coal_ore', 0, 320, 48), surface: true },
  ore('iron_ore', -64, 384, 16),
  ore('copper_ore', -16, 112, 48),
  ore('gold_ore', -64, 32, -16),
  ore('redstone_ore', -64, 15, -58),
  ore('lapis_ore', -64, 64, 0),
  ore('diamond_ore', -64, 16, -58),
  ore('deepslate', -64, 8, -8),
  ore('deepslate_iron_ore', -64, 8, -8),
  ore('deepslate_copper_ore', -16, 8, -8),
  ore('deepslate_gold_ore', -64, 8, -16),
  ore('deepslate_redstone_ore', -64, 8, -58),
  ore('deepslate_lapis_ore', -64, 8, -16),
  ore('deepslate_diamond_ore', -64, 8, -58),
  ore('deepslate_coal_ore', -8, 8, 0),
  ore('granite', 0, 60, 30), ore('diorite', 0, 60, 30), ore('andesite', 0, 60, 30), ore('tuff', -64, 0, -30),
];

const SANDBOX_RESOURCES: readonly Resource[] = [
  // Short grass is `grass` up to 1.20.2 and `short_grass` from 1.20.3.
  ...['grass_block', 'sand', 'clay', 'oak_log', 'birch_log', 'oak_leaves', 'birch_leaves', 'grass', 'short_grass', 'sugar_cane', 'water'].map(surface),
  // Found on the surface and all the way down: stone under a few blocks of dirt, gravel and dirt pockets.
  ...['stone', 'dirt', 'gravel'].map((b) => ({ ...surface(b), minY: b === 'stone' ? 0 : -64 })),
  ...ORE_BANDS,
  // The sandbox's lava: pools deep down only.
  ore('lava', -57, -52, -55),
  // Bee nests on 5 % of the plains' trees and 0.2 % of the forests' (vanilla's rates): a long search
  // (vanillaOverworld's FIND_SECONDS.rare, which this module cannot import).
  { ...surface('bee_nest'), findSeconds: 120 },
];

/** Farm animals, with the mean loot of a kill (from the table the sandbox drops by); the sandbox spawns no other animal. */
const ANIMALS: readonly MobSource[] = PASSIVE_MOBS.filter((mob) => SANDBOX_NATURAL_MOBS.includes(mob)).map((mob) => ({ mob, drops: meanLoot(mob) }));

/**
 * The fish of the sandbox's water: its generator makes rivers and lakes, no ocean, and vanilla gives
 * salmon to rivers only (lakes of a land biome have none). Rivers are not at every spawn: a search.
 */
const SANDBOX_FISH: readonly MobSource[] = (WATER_SPAWNS.river ?? []).map(({ mob }) => ({ mob, drops: {}, findSeconds: 60 }));

/** The embedded sandbox's overworld (oak and birch forests, vanilla ores by depth, farm animals). */
export const SANDBOX_OVERWORLD: WorldModel = {
  name: 'sandbox overworld',
  resources: new Map(SANDBOX_RESOURCES.map((r) => [r.block, r])),
  mobs: [...ANIMALS, ...SANDBOX_FISH],
};

/** A world model with extra resources (e.g. a vanilla world's spruce forests) or without some. */
export function worldWith(base: WorldModel, add: readonly Resource[], remove: readonly string[] = []): WorldModel {
  const resources = new Map(base.resources);
  for (const r of add) resources.set(r.block, r);
  for (const b of remove) resources.delete(b);
  return { ...base, resources };
}

/**
 * The model as this world has shown itself: a resource the bot has seen this session (src/bot/seen.ts)
 * costs no more to find than a common one. Returns `base` itself when nothing changes.
 */
export function learnedWorld(base: WorldModel, seen: Iterable<string>): WorldModel {
  const add: Resource[] = [];
  for (const name of seen) {
    const r = base.resources.get(name);
    if (r?.findSeconds) add.push({ ...r, findSeconds: 0 });
  }
  return add.length === 0 ? base : { ...worldWith(base, add), name: `${base.name}, as seen` };
}

/** The names `learnedWorld` would change: the part of what was seen that matters to the costs. */
export function learnedNames(base: WorldModel, seen: Iterable<string>): string[] {
  return [...new Set(seen)].filter((n) => (base.resources.get(n)?.findSeconds ?? 0) > 0).sort();
}

const NETHER = new Set([
  'netherrack', 'nether_quartz_ore', 'quartz', 'nether_gold_ore', 'ancient_debris', 'netherite_scrap', 'glowstone',
  'glowstone_dust', 'soul_sand', 'soul_soil', 'basalt', 'blackstone', 'gilded_blackstone', 'magma_block', 'nether_wart',
  'crimson_stem', 'warped_stem', 'crimson_fungus', 'warped_fungus', 'shroomlight', 'blaze_rod', 'blaze_powder',
  'ghast_tear', 'magma_cream', 'wither_skeleton_skull', 'nether_star', 'weeping_vines', 'twisting_vines', 'nether_sprouts',
]);
const END = new Set(['end_stone', 'chorus_plant', 'chorus_fruit', 'chorus_flower', 'shulker_shell', 'elytra', 'dragon_egg', 'dragon_breath', 'purpur_block']);

/** Where an item comes from when the overworld does not have it: "nether", "the end", or undefined. */
export function otherDimension(item: string): 'nether' | 'the end' | undefined {
  if (NETHER.has(item) || item.startsWith('crimson_') || item.startsWith('warped_')) return 'nether';
  if (END.has(item) || item.endsWith('shulker_box')) return 'the end';
  return undefined;
}
