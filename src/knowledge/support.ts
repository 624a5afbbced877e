// Blocks that cannot stay without the block under them (plants, torches, carpets...): breaking
// the block below makes them pop off and drop their loot as if broken by hand.

const NAMES = new Set([
  'grass', 'short_grass', 'fern', 'dead_bush', 'tall_grass', 'large_fern',
  'dandelion', 'poppy', 'blue_orchid', 'allium', 'azure_bluet', 'red_tulip', 'orange_tulip', 'white_tulip',
  'pink_tulip', 'oxeye_daisy', 'cornflower', 'wither_rose', 'lily_of_the_valley', 'torchflower',
  'sunflower', 'lilac', 'rose_bush', 'peony', 'pitcher_plant', 'pink_petals',
  'brown_mushroom', 'red_mushroom', 'crimson_fungus', 'warped_fungus', 'crimson_roots', 'warped_roots', 'nether_sprouts',
  'wheat', 'carrots', 'potatoes', 'beetroots', 'nether_wart', 'torchflower_crop', 'pitcher_crop', 'sweet_berry_bush',
  'pumpkin_stem', 'melon_stem', 'attached_pumpkin_stem', 'attached_melon_stem',
  'sugar_cane', 'cactus', 'bamboo', 'bamboo_sapling', 'azalea', 'flowering_azalea', 'mangrove_propagule',
  'big_dripleaf', 'big_dripleaf_stem', 'small_dripleaf', 'twisting_vines', 'twisting_vines_plant',
  'torch', 'soul_torch', 'redstone_torch', 'redstone_wire', 'repeater', 'comparator', 'snow',
  'rail', 'powered_rail', 'detector_rail', 'activator_rail', 'lever',
]);

const PATTERNS: readonly RegExp[] = [/_sapling$/, /_carpet$/, /_pressure_plate$/, /_door$/, /^(?!.*_wall_).*_sign$/, /^(?!.*_wall_).*_banner$/];

/** True when the block breaks as soon as the block under it is removed. */
export function needsSupportBelow(blockName: string): boolean {
  if (blockName.includes('hanging')) return false;
  return NAMES.has(blockName) || PATTERNS.some((p) => p.test(blockName));
}

/**
 * For two-block-tall blocks (doors, tall flowers, tall grass): the offset in y of the other half
 * given the value of the `half` property, or 0 when the block is not one.
 */
export function otherHalfOffset(half: unknown): -1 | 0 | 1 {
  if (half === 'lower') return 1;
  if (half === 'upper') return -1;
  return 0;
}
