// The overworld a user's server generates (vanilla 1.18+ terrain, the same ore heights through 1.21):
// every wood and the blocks of every biome, built from the connected version's registry so that a
// name this version lacks (pale_oak_log before 1.21.4, short_grass before 1.20.3) is never planned
// for. What only some biomes have costs more to find until this world shows one (learnedWorld).
import type { Knowledge } from './kb.ts';
import { HOSTILE_MOBS, meanLoot, MOBS, PASSIVE_MOBS } from './mobs.ts';
import { SURFACE_WATER_MOBS, WATER_MOB_FACTS } from './waterMobs.ts';
import { ORE_BANDS, ore, otherDimension, SANDBOX_OVERWORLD, type MobSource, type Resource, type WorldModel } from './world.ts';

/** Seconds of exploring assumed, on top of one explore step, for a resource only some spawns have. */
export const FIND_SECONDS = {
  /** Oak grows in most temperate biomes, birch in many. */
  common: 30,
  /** One wood, or sand: most spawns have one of the kinds nearby, not a given one. */
  regional: 60,
  /** Desert, badlands, jungle, snow, mountain and cave blocks. */
  rare: 120,
  /** Inside a structure some spawns have within a long walk: ocean monuments, ruined portals, fossils. */
  structure: 600,
} as const;

const surface = (block: string, findSeconds = 0): Resource => ({ block, minY: 40, maxY: 320, bestY: 64, surface: true, findSeconds });

const CORALS = ['tube', 'brain', 'bubble', 'fire', 'horn'];

/** Blocks of one kind of biome, found by walking around. */
const BIOME_BLOCKS: readonly (readonly [number, readonly string[]])[] = [
  [FIND_SECONDS.regional, [
    'sand', 'sandstone', 'clay', 'sugar_cane', 'dandelion', 'poppy', 'oxeye_daisy', 'azure_bluet', 'cornflower', 'allium',
    'brown_mushroom', 'red_mushroom', 'pumpkin', 'sweet_berry_bush', 'kelp', 'seagrass', 'lily_pad', 'vine', 'fern',
    'large_fern', 'tall_grass', 'podzol', 'coarse_dirt', 'moss_block', 'snow', 'dead_bush', 'lilac', 'rose_bush', 'peony', 'sunflower',
  ]],
  [FIND_SECONDS.rare, [
    'red_sand', 'red_sandstone', 'terracotta', 'orange_terracotta', 'yellow_terracotta', 'brown_terracotta', 'red_terracotta',
    'white_terracotta', 'light_gray_terracotta', 'cactus', 'melon', 'bamboo', 'cocoa', 'snow_block', 'ice', 'packed_ice',
    'blue_ice', 'powder_snow', 'mud', 'mangrove_roots', 'mycelium', 'blue_orchid', 'lily_of_the_valley', 'red_tulip',
    'orange_tulip', 'white_tulip', 'pink_tulip', 'pink_petals', 'calcite', 'pointed_dripstone', 'dripstone_block',
    'glow_lichen', 'moss_carpet', 'spore_blossom', 'azalea', 'flowering_azalea', 'mossy_cobblestone', 'cobweb',
    // Villages: their fields and hay bales.
    'hay_block', 'wheat', 'carrots', 'potatoes', 'beetroots', 'bell',
    // Warm oceans' reefs (a pickaxe turns a coral block into its dead form), dark forests' huge mushrooms.
    ...CORALS.map((c) => `${c}_coral_block`), 'sea_pickle', 'brown_mushroom_block', 'red_mushroom_block', 'mushroom_stem',
    'magma_block', 'mangrove_propagule',
    // 1.21.4's pale gardens: a creaking heart sits in some of their pale oak trunks.
    'pale_moss_block', 'pale_moss_carpet', 'pale_hanging_moss', 'open_eyeblossom', 'closed_eyeblossom', 'creaking_heart',
    // Bee nests hang on 5 % of the oaks and birches of plains, 2 % in flower forests, every tree of a meadow
    // and cherry grove, 0.2 % in other forests: rare where most spawns are (honey, honeycomb: harvestHoney).
    'bee_nest',
  ]],
  // Ocean monuments (with their guardians) and ruined portals.
  [FIND_SECONDS.structure, ['prismarine', 'prismarine_bricks', 'dark_prismarine', 'sea_lantern', 'wet_sponge', 'crying_obsidian']],
];

/** What vanilla adds to the ore heights the sandbox shares (ORE_BANDS): mountain, geode and lava blocks. */
const VANILLA_ONLY_UNDERGROUND: readonly Resource[] = [
  { ...ore('emerald_ore', -16, 320, 16), findSeconds: FIND_SECONDS.rare },
  { ...ore('deepslate_emerald_ore', -16, 8, -8), findSeconds: FIND_SECONDS.rare },
  // Lava lakes on the surface and in caves at any height; obsidian where water met it.
  ore('lava', -64, 320, -55),
  { ...ore('obsidian', -64, 0, -55), findSeconds: FIND_SECONDS.rare },
  // Geodes: amethyst in a shell of calcite and smooth basalt.
  ...['amethyst_block', 'amethyst_cluster', 'budding_amethyst', 'smooth_basalt'].map((b) => ({ ...ore(b, -58, 30, 0), findSeconds: FIND_SECONDS.rare })),
  // Lush caves, under forests and jungles.
  ...['rooted_dirt', 'hanging_roots', 'big_dripleaf', 'small_dripleaf', 'cave_vines', 'cave_vines_plant', 'moss_block', 'azalea']
    .map((b) => ({ ...ore(b, -60, 60, 20), findSeconds: FIND_SECONDS.rare })),
  // Fossils in deserts and swamps, deep under them in deepslate.
  { ...ore('bone_block', -64, 60, 30), findSeconds: FIND_SECONDS.structure },
];

/** Monsters come out by night or in the dark (a wait, or a cave); the rarer kinds take a longer search. */
export function mobFindSeconds(mob: string): number {
  const facts = MOBS[mob];
  if (facts?.rarity) return FIND_SECONDS[facts.rarity];
  return facts?.kind === 'hostile' ? FIND_SECONDS.regional : 0;
}

/** The woods of this version: every overworld log and its leaves (nether stems are the nether's). */
function woods(kb: Knowledge): Resource[] {
  const out: Resource[] = [];
  for (const block of kb.registry.blocksArray) {
    const m = /^(?!stripped_)(\w+)_(log|leaves)$/.exec(block.name);
    if (!m) continue;
    const wood = m[1]!;
    const prior = wood === 'oak' || wood === 'birch' ? FIND_SECONDS.common : FIND_SECONDS.regional;
    out.push(surface(block.name, prior));
  }
  return out;
}

/** Vanilla's overworld as the registry of the connected version names it. */
export function vanillaOverworld(kb: Knowledge): WorldModel {
  const resources: Resource[] = [
    // Every spawn has these within a short walk: grass and soil on top, stone under it, gravel, water.
    // No wood is a given (deserts, taigas): the one the bot sees first is then the cheapest.
    ...['grass_block', 'grass', 'short_grass', 'water'].map((b) => surface(b)),
    ...['stone', 'dirt', 'gravel'].map((b) => ({ ...surface(b), minY: -64 })),
    ...woods(kb),
    ...BIOME_BLOCKS.flatMap(([prior, names]) => names.map((b) => surface(b, prior))),
    ...ORE_BANDS,
    ...VANILLA_ONLY_UNDERGROUND,
  ].filter((r) => kb.isBlock(r.block));
  const mobs: MobSource[] = [...PASSIVE_MOBS, ...HOSTILE_MOBS].map((mob) => ({ mob, drops: meanLoot(mob), findSeconds: mobFindSeconds(mob) }));
  // Fish of the oceans and rivers (bucketFish): cod and salmon in most, pufferfish and tropical fish in warm seas only.
  for (const mob of SURFACE_WATER_MOBS) mobs.push({ mob, drops: {}, findSeconds: FIND_SECONDS[WATER_MOB_FACTS[mob]?.rarity ?? 'rare'] });
  return { name: `vanilla overworld ${kb.version}`, resources: new Map(resources.map((r) => [r.block, r])), mobs };
}

/** Whose terrain a world has: the sandbox's generator, or vanilla's (a server's, or a world save the sandbox serves). */
export type Terrain = 'sandbox' | 'vanilla';

/** The overworld the planner assumes: the sandbox's narrower one only on the sandbox's own terrain. */
export function overworldFor(kb: Knowledge, terrain: Terrain): WorldModel {
  return terrain === 'sandbox' ? SANDBOX_OVERWORLD : vanillaOverworld(kb);
}

const natural = new WeakMap<Knowledge, ReadonlySet<string>>();

/** True when some dimension of vanilla generates `block` (the overworld's resources, or the nether's and the end's). */
export function generatedAnywhere(kb: Knowledge, block: string): boolean {
  let set = natural.get(kb);
  if (!set) natural.set(kb, (set = new Set(vanillaOverworld(kb).resources.keys())));
  return set.has(block) || otherDimension(block) !== undefined;
}
