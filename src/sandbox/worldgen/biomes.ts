// What grows on a preset's land, biome by biome: the ground, snow, the woods and the plants. A preset
// has one style, or two mixed by a large-scale noise (a desert with savanna around it, so that a
// desert spawn has wood within a walk, as vanilla's biome borders give).
import type { PresetParams } from './presets.ts';

export const TREE_KINDS = ['oak', 'birch', 'spruce', 'acacia', 'jungle'] as const;
export type TreeKind = (typeof TREE_KINDS)[number];

export interface BiomeStyle {
  /** Vanilla biome name set on the style's land columns. */
  biome: string;
  /** Top of dry land away from the shore: grass, or sand with sandstone under it. */
  ground: 'grass' | 'sand';
  /** Snow layers on the ground and snowy grass blocks. */
  snow: boolean;
  /** Tree kinds by weight; a tree candidate grows with treeChance. */
  trees: readonly (readonly [TreeKind, number])[];
  treeChance: number;
  /** Chance of a plant on a free grass block, and the share of those that are ferns. */
  grassChance: number;
  fernShare: number;
  /** Chances per free sand column (desert) and per free grass block (melons in the jungle). */
  cactusChance: number;
  deadBushChance: number;
  melonChance: number;
}

export interface StyleMix {
  /** The style where the mix noise is above `threshold`. */
  second: BiomeStyle;
  threshold: number;
  /** Wavelength of the mix noise, in blocks. */
  scale: number;
}

const PLAIN: Omit<BiomeStyle, 'biome' | 'trees' | 'treeChance' | 'grassChance'> = {
  ground: 'grass', snow: false, fernShare: 0, cactusChance: 0, deadBushChance: 0, melonChance: 0,
};

/** The style of the four original presets, from their own parameters (oak, with birchShare birch). */
export function classicStyle(p: PresetParams): BiomeStyle {
  return { ...PLAIN, biome: p.biome, trees: [['birch', p.birchShare], ['oak', 1 - p.birchShare]], treeChance: p.treeChance, grassChance: p.grassChance };
}

export const STYLES = {
  taiga: { ...PLAIN, biome: 'taiga', trees: [['spruce', 1]], treeChance: 0.75, grassChance: 0.25, fernShare: 0.5 },
  snowyTaiga: { ...PLAIN, biome: 'snowy_taiga', snow: true, trees: [['spruce', 1]], treeChance: 0.6, grassChance: 0.1, fernShare: 0.6 },
  snowyPlains: { ...PLAIN, biome: 'snowy_plains', snow: true, trees: [['spruce', 1]], treeChance: 0.12, grassChance: 0.05, fernShare: 0 },
  desert: { ...PLAIN, biome: 'desert', ground: 'sand', trees: [], treeChance: 0, grassChance: 0, cactusChance: 0.02, deadBushChance: 0.012 },
  savanna: { ...PLAIN, biome: 'savanna', trees: [['acacia', 0.85], ['oak', 0.15]], treeChance: 0.4, grassChance: 0.5 },
  jungle: { ...PLAIN, biome: 'jungle', trees: [['jungle', 0.7], ['oak', 0.3]], treeChance: 0.85, grassChance: 0.4, fernShare: 0.3, melonChance: 0.006 },
} as const satisfies Record<string, BiomeStyle>;

/** The tree kind a candidate with the hash value `u` (0..1) takes, by the style's weights. */
export function pickTree(style: BiomeStyle, u: number): TreeKind {
  let acc = 0;
  for (const [kind, weight] of style.trees) {
    acc += weight;
    if (u < acc) return kind;
  }
  return style.trees[style.trees.length - 1]?.[0] ?? 'oak';
}
