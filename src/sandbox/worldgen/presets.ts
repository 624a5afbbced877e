// Shape parameters of each sandbox preset. Heights are block y; scales are noise wavelengths in blocks.
import type { Preset } from '../../config/sandbox.ts';
import { STYLES, type BiomeStyle, type StyleMix } from './biomes.ts';

/** y of the topmost water block of lakes and rivers (vanilla's sea level 63 puts water up to y 62). */
export const SEA_LEVEL = 62;

export interface PresetParams {
  /** Biome of ordinary land columns (minecraft-data 1.18+ name). */
  biome: string;
  /** Lowest ground of ordinary land, hills rise from here. */
  baseY: number;
  /** Rolling hills: height in blocks and wavelength. */
  hillAmp: number;
  hillScale: number;
  /** Ridged mountains on top of the hills (0 = none), masked so that only some areas rise. */
  ridgeAmp: number;
  ridgeScale: number;
  /** Lakes where the lake noise exceeds this (higher = fewer lakes). */
  lakeThreshold: number;
  lakeScale: number;
  /** Half-width of rivers in river-noise units (0 = no rivers). */
  riverWidth: number;
  /** One tree candidate per treeCell x treeCell cell, present with treeChance. */
  treeCell: number;
  treeChance: number;
  /** Share of birch among the trees, the rest are oak. */
  birchShare: number;
  /** Highest ground slope (max height step to a neighbour) a tree grows on. */
  treeMaxSlope: number;
  /** Chance of short grass on a free grass block. */
  grassChance: number;
  /** Bare stone where the slope reaches this many blocks, or where the ground is above stoneAbove. */
  stoneSlope: number;
  stoneAbove: number;
  /** Rocky outcrops where the rock noise (at most about 0.7) exceeds this (1 = none). */
  rockThreshold: number;
  /** Gravel instead of bare stone on some steep spots. */
  gravelSlopes: boolean;
  /** The land's biome style (absent: oak and birch by birchShare, as the first four presets), and a second one mixed in. */
  style?: BiomeStyle;
  mix?: StyleMix;
  /** Caves and ravines carved out of the ground, and surface lava pools per chunk (absent: none). */
  caves?: boolean;
  surfaceLavaChance?: number;
}

/** Terrain shape shared by the biome presets: the forest's hills with some ridges. */
const BIOME_TERRAIN = {
  baseY: 66, hillAmp: 12, hillScale: 110, ridgeAmp: 18, ridgeScale: 160,
  lakeThreshold: 0.44, lakeScale: 110, riverWidth: 0.035, birchShare: 0, treeMaxSlope: 2,
  stoneSlope: 3, stoneAbove: 110, rockThreshold: 0.64, gravelSlopes: false, caves: true, surfaceLavaChance: 0.02,
} as const;

export const PRESET_PARAMS: Record<Preset, PresetParams> = {
  forest: {
    biome: 'forest', baseY: 65, hillAmp: 10, hillScale: 120, ridgeAmp: 0, ridgeScale: 1,
    lakeThreshold: 0.42, lakeScale: 110, riverWidth: 0.035,
    treeCell: 5, treeChance: 0.8, birchShare: 0.3, treeMaxSlope: 1,
    grassChance: 0.18, stoneSlope: 3, stoneAbove: 400, rockThreshold: 0.63, gravelSlopes: false,
  },
  plains: {
    biome: 'plains', baseY: 65, hillAmp: 6, hillScale: 160, ridgeAmp: 0, ridgeScale: 1,
    lakeThreshold: 0.45, lakeScale: 120, riverWidth: 0.035,
    treeCell: 18, treeChance: 0.35, birchShare: 0, treeMaxSlope: 1,
    grassChance: 0.45, stoneSlope: 3, stoneAbove: 400, rockThreshold: 0.66, gravelSlopes: false,
  },
  forest_hills: {
    biome: 'forest', baseY: 66, hillAmp: 16, hillScale: 90, ridgeAmp: 36, ridgeScale: 150,
    lakeThreshold: 0.45, lakeScale: 110, riverWidth: 0.03,
    treeCell: 6, treeChance: 0.7, birchShare: 0.35, treeMaxSlope: 2,
    grassChance: 0.15, stoneSlope: 2, stoneAbove: 92, rockThreshold: 0.6, gravelSlopes: false,
  },
  extreme_hills: {
    biome: 'windswept_hills', baseY: 68, hillAmp: 20, hillScale: 90, ridgeAmp: 60, ridgeScale: 170,
    lakeThreshold: 0.45, lakeScale: 110, riverWidth: 0.03,
    treeCell: 12, treeChance: 0.4, birchShare: 0.1, treeMaxSlope: 2,
    grassChance: 0.2, stoneSlope: 2, stoneAbove: 100, rockThreshold: 0.5, gravelSlopes: true,
  },
  // treeChance and grassChance of the biome presets live in their styles.
  taiga: {
    ...BIOME_TERRAIN, biome: 'taiga', treeCell: 5, treeChance: 0, grassChance: 0,
    style: STYLES.taiga, mix: { second: STYLES.snowyTaiga, threshold: 0.3, scale: 260 },
  },
  snowy: {
    ...BIOME_TERRAIN, biome: 'snowy_plains', hillAmp: 8, ridgeAmp: 0, treeCell: 6, treeChance: 0, grassChance: 0,
    style: STYLES.snowyPlains, mix: { second: STYLES.snowyTaiga, threshold: 0.05, scale: 220 },
  },
  desert: {
    ...BIOME_TERRAIN, biome: 'desert', hillAmp: 10, ridgeAmp: 0, lakeThreshold: 0.5, treeCell: 7, treeChance: 0, grassChance: 0,
    style: STYLES.desert, mix: { second: STYLES.savanna, threshold: 0.1, scale: 240 },
  },
  savanna: {
    ...BIOME_TERRAIN, biome: 'savanna', hillAmp: 10, treeCell: 8, treeChance: 0, grassChance: 0, style: STYLES.savanna,
  },
  jungle: {
    ...BIOME_TERRAIN, biome: 'jungle', hillAmp: 16, treeCell: 4, treeChance: 0, grassChance: 0, style: STYLES.jungle,
  },
};
