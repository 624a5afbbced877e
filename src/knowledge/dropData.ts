// Vanilla (1.20) block loot that differs from "one of what minecraft-data's `drops` lists".
// minecraft-data's blockLoot `dropChance` values are not probabilities, and its drops know no held
// item, so counts, chances and what shears change are ours. Fortune and Silk Touch are not modelled.

export type StateValue = string | number | boolean;

export interface DropEntry {
  item: string;
  /** Count range, uniform, both inclusive (min may be 0). */
  min: number;
  max: number;
  /** Probability that this entry drops at all. */
  chance: number;
  /** Dropped instead when the chance roll fails (gravel: flint 10 %, otherwise gravel). */
  otherwise?: DropEntry;
  /** Only for block states whose property has one of these values (crops: `age: [7]`). */
  when?: Readonly<Record<string, readonly StateValue[]>>;
  /** true: only when broken with shears; false: only when not (the shears' drop replaces it). */
  shears?: boolean;
}

const drop = (item: string, min = 1, max = min, chance = 1): DropEntry => ({ item, min, max, chance });
const when = (entry: DropEntry, prop: string, values: readonly StateValue[]): DropEntry => ({ ...entry, when: { [prop]: values } });
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const table: Record<string, DropEntry[]> = {
  gravel: [{ ...drop('flint', 1, 1, 0.1), otherwise: drop('gravel') }],
  gilded_blackstone: [{ ...drop('gold_nugget', 2, 5, 0.1), otherwise: drop('gilded_blackstone') }],
  dead_bush: [drop('stick', 0, 2)],
  clay: [drop('clay_ball', 4)],
  glowstone: [drop('glowstone_dust', 2, 4)],
  snow_block: [drop('snowball', 4)],
  snow: [drop('snowball')],
  melon: [drop('melon_slice', 3, 7)],
  sea_lantern: [drop('prismarine_crystals', 2, 3)],
  bookshelf: [drop('book', 3)],
  campfire: [drop('charcoal', 2)],
  amethyst_cluster: [drop('amethyst_shard', 4)],
  brown_mushroom_block: [drop('brown_mushroom', 1, 2, 2 / 9)],
  red_mushroom_block: [drop('red_mushroom', 1, 2, 2 / 9)],
  // A hanging propagule is a block of its own that minecraft-data lists no drop for; it drops itself.
  mangrove_propagule: [drop('mangrove_propagule')],
  // 1.21.4: a creaking heart gives 1–3 resin clumps (itself only with Silk Touch).
  creaking_heart: [drop('resin_clump', 1, 3)],
  nether_gold_ore: [drop('gold_nugget', 2, 6)],
  wheat: [when(drop('wheat'), 'age', [7]), when(drop('wheat_seeds', 1, 4), 'age', [7]), when(drop('wheat_seeds'), 'age', range(0, 6))],
  carrots: [when(drop('carrot', 2, 5), 'age', [7]), when(drop('carrot'), 'age', range(0, 6))],
  potatoes: [
    when(drop('potato', 2, 5), 'age', [7]), when(drop('poisonous_potato', 1, 1, 0.02), 'age', [7]),
    when(drop('potato'), 'age', range(0, 6)),
  ],
  beetroots: [
    when(drop('beetroot'), 'age', [3]), when(drop('beetroot_seeds', 1, 4), 'age', [3]),
    when(drop('beetroot_seeds'), 'age', range(0, 2)),
  ],
  cocoa: [when(drop('cocoa_beans', 2, 3), 'age', [2]), when(drop('cocoa_beans'), 'age', [0, 1])],
  nether_wart: [when(drop('nether_wart', 2, 4), 'age', [3]), when(drop('nether_wart'), 'age', [0, 1, 2])],
  sweet_berry_bush: [when(drop('sweet_berries', 2, 3), 'age', [3]), when(drop('sweet_berries', 1, 2), 'age', [2])],
  cave_vines: [when(drop('glow_berries'), 'berries', [true])],
  cave_vines_plant: [when(drop('glow_berries'), 'berries', [true])],
  // A sword's drop; shears give the cobweb (SHEARED).
  cobweb: [drop('string')],
  composter: [drop('composter')],
  // Nothing without shears or Silk Touch; some minecraft-data loot lists give them as plain drops.
  ...Object.fromEntries(['vine', 'glow_lichen', 'seagrass', 'tall_seagrass', 'nether_sprouts', 'small_dripleaf',
    'hanging_roots', 'pale_hanging_moss', 'sculk_sensor', 'pumpkin_stem', 'melon_stem'].map((b) => [b, []])),
};

for (const [block, item] of [
  ['copper_ore', 'raw_copper'], ['deepslate_copper_ore', 'raw_copper'],
] as const) table[block] = [drop(item, 2, 5)];
for (const block of ['redstone_ore', 'deepslate_redstone_ore']) table[block] = [drop('redstone', 4, 5)];
for (const block of ['lapis_ore', 'deepslate_lapis_ore']) table[block] = [drop('lapis_lazuli', 4, 9)];

// Grass drops seeds 1 time in 8; it is `grass` up to 1.20.2 and `short_grass` from 1.20.3.
for (const block of ['grass', 'short_grass', 'fern', 'tall_grass', 'large_fern']) table[block] = [drop('wheat_seeds', 1, 1, 0.125)];

// Cave vines give a glow berry only where one hangs (`berries`), and nothing otherwise.
for (const block of ['cave_vines', 'cave_vines_plant']) table[block] = [when(drop('glow_berries'), 'berries', [true])];

for (const vine of ['twisting_vines', 'weeping_vines']) {
  table[vine] = [drop(vine, 1, 1, 1 / 3)];
  table[`${vine}_plant`] = [drop(vine, 1, 1, 1 / 3)];
}

// Leaves: sapling 1/20 (jungle 1/40), 1–2 sticks 1/50, and an apple 1/200 from oak and dark oak only.
const LEAVES: readonly [leaves: string, sapling: string | null, saplingChance: number, apple: boolean][] = [
  ['oak_leaves', 'oak_sapling', 0.05, true],
  ['dark_oak_leaves', 'dark_oak_sapling', 0.05, true],
  ['spruce_leaves', 'spruce_sapling', 0.05, false],
  ['birch_leaves', 'birch_sapling', 0.05, false],
  ['acacia_leaves', 'acacia_sapling', 0.05, false],
  ['cherry_leaves', 'cherry_sapling', 0.05, false],
  ['pale_oak_leaves', 'pale_oak_sapling', 0.05, false],
  ['jungle_leaves', 'jungle_sapling', 0.025, false],
  ['mangrove_leaves', null, 0, false],
  ['azalea_leaves', 'azalea', 0.05, false],
  ['flowering_azalea_leaves', 'flowering_azalea', 0.05, false],
];
for (const [leaves, sapling, saplingChance, apple] of LEAVES) {
  table[leaves] = [
    ...(sapling ? [drop(sapling, 1, 1, saplingChance)] : []),
    drop('stick', 1, 2, 0.02),
    ...(apple ? [drop('apple', 1, 1, 0.005)] : []),
  ];
}

// A bed is two blocks and minecraft-data lists no drop for it; either half gives the bed.
for (const colour of ['white', 'orange', 'magenta', 'light_blue', 'yellow', 'lime', 'pink', 'gray', 'light_gray',
  'cyan', 'purple', 'blue', 'brown', 'green', 'red', 'black']) table[`${colour}_bed`] = [drop(`${colour}_bed`)];

// What shears make a block drop instead of its other loot (vanilla's shears dispatch tables): the block
// itself, or two of the short plant from a tall one. Glow lichen gives one per face
// it covers; one is assumed, as a natural patch mostly covers one.
const SHEARED: Record<string, DropEntry[]> = {
  tall_grass: [drop('grass', 2), drop('short_grass', 2)],
  large_fern: [drop('fern', 2)],
  tall_seagrass: [drop('seagrass', 2)],
};
for (const block of [...LEAVES.map(([leaves]) => leaves), 'grass', 'short_grass', 'fern', 'dead_bush', 'vine',
  'glow_lichen', 'seagrass', 'cobweb', 'hanging_roots', 'small_dripleaf', 'nether_sprouts', 'pale_hanging_moss',
  'twisting_vines', 'weeping_vines']) SHEARED[block] = [drop(block)];
for (const vine of ['twisting_vines', 'weeping_vines']) SHEARED[`${vine}_plant`] = [drop(vine)];
for (const [block, sheared] of Object.entries(SHEARED)) {
  table[block] = [...sheared.map((e) => ({ ...e, shears: true })), ...(table[block] ?? []).map((e) => ({ ...e, shears: false }))];
}

/** Block name → its drops where vanilla differs from minecraft-data's `drops` list. */
export const DROP_TABLE: Readonly<Record<string, readonly DropEntry[]>> = table;
