// Names people use for a family of items ("wood", "wool", "bed"). A group goal is met by any member,
// as Plan4MC's "wool (any colour)" and "sign (oak)" targets are.

export interface ItemGroup {
  /** Words that name the group (singular; the parser also accepts plurals). */
  words: readonly string[];
  label: string;
  member: (item: string) => boolean;
}

const WOODEN = /^(oak|spruce|birch|jungle|acacia|cherry|dark_oak|mangrove|bamboo|crimson|warped)_/;

export const ITEM_GROUPS: readonly ItemGroup[] = [
  // Stripped logs make planks too, so they count as logs.
  { words: ['log', 'wood', 'tree', 'timber'], label: 'log (any wood)', member: (n) => n.endsWith('_log') },
  { words: ['planks', 'plank', 'wooden_planks', 'wood_planks'], label: 'planks (any wood)', member: (n) => n.endsWith('_planks') },
  { words: ['wool'], label: 'wool (any colour)', member: (n) => n.endsWith('_wool') },
  // Moss carpet is not made from wool; Plan4MC's carpet is.
  { words: ['carpet'], label: 'carpet (any colour)', member: (n) => n.endsWith('_carpet') && n !== 'moss_carpet' },
  // Any colour: a bed from white wool is as much a bed as a red one (Plan4MC: "bed").
  { words: ['bed'], label: 'bed (any colour)', member: (n) => n.endsWith('_bed') },
  { words: ['sign'], label: 'sign (any wood)', member: (n) => n.endsWith('_sign') && !n.endsWith('_hanging_sign') },
  { words: ['trapdoor'], label: 'trapdoor (any wood)', member: (n) => n.endsWith('_trapdoor') && WOODEN.test(n) },
  { words: ['boat'], label: 'boat (any wood)', member: (n) => n.endsWith('_boat') && !n.endsWith('_chest_boat') },
  { words: ['sapling'], label: 'sapling (any tree)', member: (n) => n.endsWith('_sapling') },
];

/** The group a word names, if any. */
export function groupNamed(word: string): ItemGroup | undefined {
  return ITEM_GROUPS.find((g) => g.words.includes(word));
}

/** Common names for single items; `mine` and `smelt` read some words differently (see parse.ts). */
export const ALIASES: Readonly<Record<string, string>> = {
  cobble: 'cobblestone',
  table: 'crafting_table',
  workbench: 'crafting_table',
  iron: 'iron_ingot',
  gold: 'gold_ingot',
  copper: 'copper_ingot',
  netherite: 'netherite_ingot',
  diamonds: 'diamond',
  lapis: 'lapis_lazuli',
  milk: 'milk_bucket',
  water: 'water_bucket',
  lava: 'lava_bucket',
  steak: 'cooked_beef',
  pork: 'porkchop',
};

/** What mining a resource word gives ("mine iron" → raw_iron). */
export const MINED: Readonly<Record<string, string>> = {
  iron: 'raw_iron', gold: 'raw_gold', copper: 'raw_copper', coal: 'coal', diamond: 'diamond', diamonds: 'diamond',
  redstone: 'redstone', lapis: 'lapis_lazuli', emerald: 'emerald', stone: 'cobblestone', cobble: 'cobblestone',
};

/** What smelting a resource word means ("smelt iron" → raw_iron in, iron_ingot out). */
export const SMELTED: Readonly<Record<string, string>> = {
  iron: 'raw_iron', gold: 'raw_gold', copper: 'raw_copper', ore: 'raw_iron',
};
