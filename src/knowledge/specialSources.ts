// Items vanilla gives only through a mechanic no skill performs yet: how a survival player gets each.
// The planner names it when it refuses one, so that a refusal says what is missing, not that the world
// lacks a block that no world generates.

const EXACT: Readonly<Record<string, string>> = {
  ...Object.fromEntries(['skeleton_skull', 'zombie_head', 'creeper_head', 'piglin_head'].map((n) => [n, 'the mob it belongs to, killed by a charged creeper'])),
  creeper_banner_pattern: 'crafting with a creeper head (from a charged creeper)',
  dragon_head: 'the item frames of end ships',
  ...Object.fromEntries(['ochre_froglight', 'verdant_froglight', 'pearlescent_froglight'].map((n) => [n, 'a frog eating a small magma cube'])),
  ...Object.fromEntries(['torchflower', 'torchflower_seeds', 'torchflower_crop', 'pitcher_plant', 'pitcher_pod', 'pitcher_crop'].map((n) => [n, 'seeds that a sniffer digs up'])),
  sniffer_egg: 'brushing suspicious sand in warm ocean ruins',
  wither_rose: 'a mob killed by the wither',
  chipped_anvil: 'wearing an anvil down by use', damaged_anvil: 'wearing an anvil down by use',
  scute: 'baby turtles growing up',
  turtle_egg: 'Silk Touch on a beach nest', enchanted_golden_apple: 'loot chests in structures',
  heart_of_the_sea: 'buried treasure chests', goat_horn: 'a goat ramming a tree or ore',
  ...Object.fromEntries(['grass_block', 'podzol', 'mycelium', 'ice', 'packed_ice', 'blue_ice', 'brown_mushroom_block',
    'red_mushroom_block', 'mushroom_stem', 'bee_nest', 'sculk', 'sculk_vein', 'sculk_catalyst', 'sculk_sensor',
    'sculk_shrieker', 'small_amethyst_bud', 'medium_amethyst_bud', 'large_amethyst_bud', 'amethyst_cluster']
    .map((n) => [n, 'a tool enchanted with Silk Touch'])),
  ...Object.fromEntries(['potion', 'splash_potion', 'lingering_potion', 'tipped_arrow'].map((n) => [n, 'brewing (with nether wart from the nether)'])),
  experience_bottle: 'trading with a cleric villager', globe_banner_pattern: 'trading with a cartographer villager',
  totem_of_undying: 'evokers, in woodland mansions and raids', trident: 'drowned that spawn holding one',
  echo_shard: 'loot chests in ancient cities', disc_fragment_5: 'loot chests in ancient cities',
  enchanted_book: 'enchanting a book, fishing or trading',
  turtle_scute: 'baby turtles growing up', armadillo_scute: 'an armadillo shedding it, or brushing one',
  netherite_upgrade_smithing_template: 'loot chests in bastions (nether)', piglin_banner_pattern: 'loot chests in bastions (nether)',
  // Trial chambers (1.21): their spawners, vaults and breezes.
  heavy_core: 'ominous vaults in trial chambers', trial_key: 'trial spawners in trial chambers',
  ominous_trial_key: 'ominous trial spawners in trial chambers', ominous_bottle: 'raid captains and ominous vaults',
  breeze_rod: 'breezes, which spawn only in trial chambers', wind_charge: 'breezes, which spawn only in trial chambers',
  flow_banner_pattern: 'vaults in trial chambers', guster_banner_pattern: 'vaults in trial chambers',
};

const PATTERNS: readonly (readonly [RegExp, string])[] = [
  // weatherCopper sets doors and trapdoors out from 1.21; 1.20.3-1.20.4 list them, as an experiment only.
  [/^(waxed_)?(exposed|weathered|oxidized)_copper_(door|trapdoor)$/, 'a copper door or trapdoor left to weather (in 1.21 and later; an experimental item before)'],
  [/_pottery_sherd$/, 'brushing suspicious sand or gravel in trail ruins and desert ruins'],
  [/_armor_trim_smithing_template$/, 'loot chests in structures'],
  [/^music_disc_/, 'a creeper killed by a skeleton, or loot chests in structures'],
  [/_horse_armor$/, 'loot chests in structures'],
  [/^chainmail_/, 'trading with an armourer villager'],
  [/^netherite_(sword|shovel|pickaxe|axe|hoe|helmet|chestplate|leggings|boots)$/, 'diamond gear upgraded at a smithing table with netherite (nether)'],
  [/_ore$/, 'a tool enchanted with Silk Touch'],
  [/^(dead_)?(tube|brain|bubble|fire|horn)_coral(_fan)?$/, 'a tool enchanted with Silk Touch'],
  [/^(tube|brain|bubble|fire|horn)_coral_block$/, 'a tool enchanted with Silk Touch'],
  // bucketFish scoops up fish in sight; axolotls and tadpoles are where no skill finds them (explain.ts says where).
  [/^(tadpole|axolotl)_bucket$/, 'a water bucket used on the animal'],
];

/** How vanilla gives `item` when it takes a mechanic no skill performs (undefined: it does not). */
export function specialSource(item: string): string | undefined {
  return EXACT[item] ?? PATTERNS.find(([re]) => re.test(item))?.[1];
}
