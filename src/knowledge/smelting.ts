// Smelting recipes and fuel values. minecraft-data has neither, so these are our tables (vanilla 1.20 and
// 1.21's resin brick): names a version lacks are filtered out by the knowledge base (kb.ts).

import { WOOL_COLOURS } from './mobs.ts';

export type FurnaceKind = 'furnace' | 'smoker' | 'blast_furnace';

export interface SmeltRecipe {
  input: string;
  output: string;
  /** Experience the output gives; kept for completeness. */
  xp: number;
  /** Which furnaces can cook it: every recipe cooks in a furnace; food also in a smoker, ores in a blast furnace. */
  kinds: readonly FurnaceKind[];
  /**
   * Melts down gear made of the output (an iron pickaxe into nuggets): a furnace does it, but no plan
   * makes an ingot by first making a tool of ingots, so the planner leaves these out.
   */
  recycles?: true;
}

const F: readonly FurnaceKind[] = ['furnace'];
const FOOD: readonly FurnaceKind[] = ['furnace', 'smoker'];
const ORE: readonly FurnaceKind[] = ['furnace', 'blast_furnace'];

const WOODS = ['oak', 'spruce', 'birch', 'jungle', 'acacia', 'dark_oak', 'mangrove', 'cherry'];

const ARMOUR = ['helmet', 'chestplate', 'leggings', 'boots'];
const GEAR = ['pickaxe', 'axe', 'shovel', 'hoe', 'sword', ...ARMOUR];

const TABLE: SmeltRecipe[] = [
  ...['raw_iron', 'iron_ore', 'deepslate_iron_ore'].map((input) => ({ input, output: 'iron_ingot', xp: 0.7, kinds: ORE })),
  ...['raw_gold', 'gold_ore', 'deepslate_gold_ore', 'nether_gold_ore'].map((input) => ({ input, output: 'gold_ingot', xp: 1, kinds: ORE })),
  ...['raw_copper', 'copper_ore', 'deepslate_copper_ore'].map((input) => ({ input, output: 'copper_ingot', xp: 0.7, kinds: ORE })),
  ...['coal_ore', 'deepslate_coal_ore'].map((input) => ({ input, output: 'coal', xp: 0.1, kinds: ORE })),
  ...['diamond_ore', 'deepslate_diamond_ore'].map((input) => ({ input, output: 'diamond', xp: 1, kinds: ORE })),
  ...['emerald_ore', 'deepslate_emerald_ore'].map((input) => ({ input, output: 'emerald', xp: 1, kinds: ORE })),
  ...['lapis_ore', 'deepslate_lapis_ore'].map((input) => ({ input, output: 'lapis_lazuli', xp: 0.2, kinds: ORE })),
  ...['redstone_ore', 'deepslate_redstone_ore'].map((input) => ({ input, output: 'redstone', xp: 0.7, kinds: ORE })),
  { input: 'nether_quartz_ore', output: 'quartz', xp: 0.2, kinds: ORE },
  { input: 'ancient_debris', output: 'netherite_scrap', xp: 2, kinds: ORE },
  { input: 'beef', output: 'cooked_beef', xp: 0.35, kinds: FOOD },
  { input: 'porkchop', output: 'cooked_porkchop', xp: 0.35, kinds: FOOD },
  { input: 'chicken', output: 'cooked_chicken', xp: 0.35, kinds: FOOD },
  { input: 'mutton', output: 'cooked_mutton', xp: 0.35, kinds: FOOD },
  { input: 'rabbit', output: 'cooked_rabbit', xp: 0.35, kinds: FOOD },
  { input: 'cod', output: 'cooked_cod', xp: 0.35, kinds: FOOD },
  { input: 'salmon', output: 'cooked_salmon', xp: 0.35, kinds: FOOD },
  { input: 'potato', output: 'baked_potato', xp: 0.35, kinds: FOOD },
  { input: 'kelp', output: 'dried_kelp', xp: 0.1, kinds: FOOD },
  { input: 'sand', output: 'glass', xp: 0.1, kinds: F },
  { input: 'red_sand', output: 'glass', xp: 0.1, kinds: F },
  { input: 'cobblestone', output: 'stone', xp: 0.1, kinds: F },
  { input: 'stone', output: 'smooth_stone', xp: 0.1, kinds: F },
  { input: 'cobbled_deepslate', output: 'deepslate', xp: 0.1, kinds: F },
  { input: 'sandstone', output: 'smooth_sandstone', xp: 0.1, kinds: F },
  { input: 'stone_bricks', output: 'cracked_stone_bricks', xp: 0.1, kinds: F },
  { input: 'clay_ball', output: 'brick', xp: 0.3, kinds: F },
  { input: 'clay', output: 'terracotta', xp: 0.35, kinds: F },
  { input: 'netherrack', output: 'nether_brick', xp: 0.1, kinds: F },
  { input: 'cactus', output: 'green_dye', xp: 1, kinds: F },
  { input: 'wet_sponge', output: 'sponge', xp: 0.15, kinds: F },
  { input: 'chorus_fruit', output: 'popped_chorus_fruit', xp: 0.1, kinds: F },
  { input: 'red_sandstone', output: 'smooth_red_sandstone', xp: 0.1, kinds: F },
  { input: 'quartz_block', output: 'smooth_quartz', xp: 0.1, kinds: F },
  { input: 'basalt', output: 'smooth_basalt', xp: 0.1, kinds: F },
  ...['deepslate_bricks', 'deepslate_tiles', 'nether_bricks', 'polished_blackstone_bricks']
    .map((input) => ({ input, output: `cracked_${input}`, xp: 0.1, kinds: F })),
  { input: 'sea_pickle', output: 'lime_dye', xp: 0.1, kinds: F },
  { input: 'resin_clump', output: 'resin_brick', xp: 0.3, kinds: F },
  ...WOOL_COLOURS.map((c) => ({ input: `${c}_terracotta`, output: `${c}_glazed_terracotta`, xp: 0.1, kinds: F })),
  // Worn-out iron and gold gear melts down to nuggets, in a blast furnace too.
  ...[...GEAR.map((g) => `iron_${g}`), ...ARMOUR.map((a) => `chainmail_${a}`), 'iron_horse_armor']
    .map((input) => ({ input, output: 'iron_nugget', xp: 0.1, kinds: ORE, recycles: true as const })),
  ...[...GEAR.map((g) => `golden_${g}`), 'golden_horse_armor']
    .map((input) => ({ input, output: 'gold_nugget', xp: 0.1, kinds: ORE, recycles: true as const })),
  ...WOODS.flatMap((w) => [`${w}_log`, `${w}_wood`, `stripped_${w}_log`, `stripped_${w}_wood`])
    .map((input) => ({ input, output: 'charcoal', xp: 0.15, kinds: F })),
];

const BY_INPUT = new Map(TABLE.map((r) => [r.input, r]));

export function smeltingRecipes(): readonly SmeltRecipe[] {
  return TABLE;
}

/** The recipe that cooks `input` in a furnace of `kind`, if any. */
export function smeltRecipeFor(input: string, kind: FurnaceKind = 'furnace'): SmeltRecipe | undefined {
  const r = BY_INPUT.get(input);
  return r && r.kinds.includes(kind) ? r : undefined;
}

/** Recipes that make `output` from what a plan can gather (e.g. iron_ingot ← raw_iron, iron_ore, …; no recycling). */
export function smeltRecipesMaking(output: string): SmeltRecipe[] {
  return TABLE.filter((r) => r.output === output && !r.recycles);
}

/** Cook time in game ticks: 200 in a furnace, half in a smoker or blast furnace. */
export function cookTicks(kind: FurnaceKind): number {
  return kind === 'furnace' ? 200 : 100;
}

const FUEL_EXACT: Record<string, number> = {
  lava_bucket: 20000, coal_block: 16000, dried_kelp_block: 4001, blaze_rod: 2400, coal: 1600, charcoal: 1600,
  crafting_table: 300, chest: 300, trapped_chest: 300, barrel: 300, bookshelf: 300, lectern: 300, ladder: 300,
  jukebox: 300, note_block: 300, composter: 300, daylight_detector: 300, cartography_table: 300, fletching_table: 300,
  smithing_table: 300, loom: 300, bow: 300, fishing_rod: 300, crossbow: 300,
  wooden_pickaxe: 200, wooden_axe: 200, wooden_shovel: 200, wooden_hoe: 200, wooden_sword: 200,
  stick: 100, bowl: 100, bamboo: 50, scaffolding: 50, dead_bush: 100, azalea: 100, flowering_azalea: 100,
};

/** Burn time in game ticks of one item used as fuel, or 0 when it does not burn. */
export function fuelTicks(item: string): number {
  const exact = FUEL_EXACT[item];
  if (exact !== undefined) return exact;
  if (/^(?!crimson|warped).*_(log|wood|planks)$/.test(item) || /^stripped_(?!crimson|warped).*_(log|wood)$/.test(item)) return 300;
  if (/_(stairs|fence|fence_gate|trapdoor|pressure_plate|sign|banner)$/.test(item) && /^(oak|spruce|birch|jungle|acacia|dark_oak|mangrove|cherry|bamboo)_/.test(item)) return item.endsWith('_sign') ? 200 : 300;
  if (/_(boat|chest_boat|raft)$/.test(item)) return 1200;
  if (/^(oak|spruce|birch|jungle|acacia|dark_oak|mangrove|cherry|bamboo)_(slab|button)$/.test(item)) return item.endsWith('_slab') ? 150 : 100;
  if (/^(oak|spruce|birch|jungle|acacia|dark_oak|mangrove|cherry|bamboo)_door$/.test(item)) return 200;
  if (item.endsWith('_sapling') || item === 'mangrove_propagule') return 100;
  if (item.endsWith('_wool')) return 100;
  if (item.endsWith('_carpet')) return 67;
  return 0;
}
