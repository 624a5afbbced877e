// The height field and surface materials: pure functions of the world column, so that every chunk
// (and the spawn search) sees the same ground at its borders.
import { classicStyle, type BiomeStyle } from './biomes.ts';
import { fbm, simplex2, smoothstep, type Noise2 } from './noise.ts';
import { hash4, subSeed } from './random.ts';
import { SEA_LEVEL, type PresetParams } from './presets.ts';

/** Surface material of a column's top terrain block. */
export const SURFACE = { grass: 0, sand: 1, stone: 2, gravel: 3, clay: 4, dirt: 5 } as const;
export type SurfaceKind = (typeof SURFACE)[keyof typeof SURFACE];

export interface Terrain {
  readonly params: PresetParams;
  readonly seed: number;
  /** y of the highest terrain block of the column (water, plants and trees come above it). */
  groundY(x: number, z: number): number;
  /** How much of a river this column is, 0..1 (valid after groundY of the same column). */
  lastRiver(): number;
  /** Surface material from the column's height, its neighbours' heights and patch noise. */
  surface(x: number, z: number, g: number, maxStep: number): SurfaceKind;
  /** Thickness of dirt/sand below the surface block. */
  soilDepth(x: number, z: number): number;
  /** The preset's land styles: the first, and the mixed-in second when there is one. */
  readonly styles: readonly BiomeStyle[];
  /** Index into `styles` of the column's land. */
  styleAt(x: number, z: number): number;
}

export function createTerrain(seed: number, params: PresetParams): Terrain {
  const nHill = simplex2(subSeed(seed, 1));
  const nRidge = simplex2(subSeed(seed, 2));
  const nMask = simplex2(subSeed(seed, 3));
  const nLake = simplex2(subSeed(seed, 4));
  const nRiver = simplex2(subSeed(seed, 5));
  const nPatch = simplex2(subSeed(seed, 6));
  const nRock = simplex2(subSeed(seed, 7));
  const soilSeed = subSeed(seed, 8);
  const nStyle = params.mix ? simplex2(subSeed(seed, 9)) : undefined;
  const styles = [params.style ?? classicStyle(params), ...(params.mix ? [params.mix.second] : [])];
  const styleAt = (x: number, z: number): number =>
    (nStyle && params.mix && fbm(nStyle, x, z, params.mix.scale, 2) > params.mix.threshold ? 1 : 0);
  let river = 0;

  function rawHeight(x: number, z: number, noiseRidge: Noise2): number {
    let h = params.baseY + params.hillAmp * (fbm(nHill, x, z, params.hillScale, 4) * 0.5 + 0.5);
    if (params.ridgeAmp > 0) {
      const mask = smoothstep(-0.2, 0.45, fbm(nMask, x, z, params.ridgeScale * 2, 2));
      if (mask > 0) {
        const r = 1 - Math.abs(fbm(noiseRidge, x, z, params.ridgeScale, 3));
        h += params.ridgeAmp * mask * r * r;
      }
    }
    return h;
  }

  /**
   * Land slopes down to a shore line at SEA_LEVEL + 2 over a wide band around lakes and rivers
   * (so shores are walkable, not cliffs), then the bed drops below the water.
   */
  function groundY(x: number, z: number): number {
    let h = rawHeight(x, z, nRidge);
    const shoreY = SEA_LEVEL + 2;
    const t = params.lakeThreshold;
    const l = fbm(nLake, x, z, params.lakeScale, 2);
    if (l > t - 0.3) {
      if (h > shoreY) h -= (h - shoreY) * smoothstep(t - 0.3, t, l);
      if (l > t) {
        const bottom = SEA_LEVEL - 1.5 - 4.5 * smoothstep(t, t + 0.3, l);
        h += (Math.min(bottom, h) - h) * smoothstep(t, t + 0.15, l);
      }
    }
    river = 0;
    const w = params.riverWidth;
    if (w > 0) {
      const rv = Math.abs(fbm(nRiver, x, z, 480, 3));
      if (rv < w * 4) {
        if (h > shoreY) h -= (h - shoreY) * (1 - smoothstep(w * 1.2, w * 4, rv));
        river = 1 - smoothstep(w * 0.45, w * 1.2, rv);
        const bottom = SEA_LEVEL - 3.2 + 2.5 * smoothstep(0, w, rv);
        h += (Math.min(bottom, h) - h) * river;
      }
    }
    return Math.floor(h);
  }

  function surface(x: number, z: number, g: number, maxStep: number): SurfaceKind {
    const patch = nPatch(x / 14, z / 14);
    if (g < SEA_LEVEL) {
      if (patch > 0.45) return SURFACE.clay;
      if (patch < -0.5) return SURFACE.gravel;
      return SEA_LEVEL - g <= 3 || patch > 0 ? SURFACE.sand : SURFACE.dirt;
    }
    if (g <= SEA_LEVEL + 1) return SURFACE.sand;
    if (maxStep >= params.stoneSlope || g >= params.stoneAbove + (hash4(soilSeed, x, z, 1) & 3)) {
      return params.gravelSlopes && patch > 0.5 ? SURFACE.gravel : SURFACE.stone;
    }
    if (params.rockThreshold < 1 && nRock(x / 9, z / 9) > params.rockThreshold) return SURFACE.stone;
    return styles[styleAt(x, z)]!.ground === 'sand' ? SURFACE.sand : SURFACE.grass;
  }

  return {
    params,
    seed,
    groundY,
    lastRiver: () => river,
    surface,
    soilDepth: (x, z) => 3 + (hash4(soilSeed, x, z, 0) & 1),
    styles,
    styleAt,
  };
}

/** Ground heights, river factors and surfaces of a chunk plus a margin, sampled once per chunk. */
export class Region {
  static readonly MARGIN = 3;
  static readonly SIZE = 16 + 2 * Region.MARGIN;
  readonly height = new Int16Array(Region.SIZE * Region.SIZE);
  readonly river = new Float32Array(Region.SIZE * Region.SIZE);
  readonly surface = new Uint8Array(Region.SIZE * Region.SIZE);
  readonly slope = new Uint8Array(Region.SIZE * Region.SIZE);
  /** Index into the terrain's styles. */
  readonly style = new Uint8Array(Region.SIZE * Region.SIZE);
  x0 = 0;
  z0 = 0;

  /** Index of world column (x, z); it must lie inside the region. */
  idx(x: number, z: number): number {
    return (z - this.z0) * Region.SIZE + (x - this.x0);
  }

  contains(x: number, z: number): boolean {
    return x >= this.x0 && z >= this.z0 && x < this.x0 + Region.SIZE && z < this.z0 + Region.SIZE;
  }

  fill(terrain: Terrain, chunkX: number, chunkZ: number): void {
    const S = Region.SIZE;
    this.x0 = chunkX * 16 - Region.MARGIN;
    this.z0 = chunkZ * 16 - Region.MARGIN;
    for (let dz = 0; dz < S; dz++) {
      for (let dx = 0; dx < S; dx++) {
        const i = dz * S + dx;
        this.height[i] = terrain.groundY(this.x0 + dx, this.z0 + dz);
        this.river[i] = terrain.lastRiver();
        this.style[i] = terrain.styles.length > 1 ? terrain.styleAt(this.x0 + dx, this.z0 + dz) : 0;
      }
    }
    // Surfaces need the neighbours' heights, so the outermost ring has none (nothing reads it).
    for (let dz = 1; dz < S - 1; dz++) {
      for (let dx = 1; dx < S - 1; dx++) {
        const i = dz * S + dx;
        const g = this.height[i]!;
        const step = Math.max(
          Math.abs(g - this.height[i - 1]!), Math.abs(g - this.height[i + 1]!),
          Math.abs(g - this.height[i - S]!), Math.abs(g - this.height[i + S]!),
        );
        this.slope[i] = step;
        this.surface[i] = terrain.surface(this.x0 + dx, this.z0 + dz, g, step);
      }
    }
  }
}

/** Surface of a single column computed from scratch (spawn search, tests). */
export function surfaceAt(terrain: Terrain, x: number, z: number): { g: number; surface: SurfaceKind; slope: number; style: number } {
  const g = terrain.groundY(x, z);
  const slope = Math.max(
    Math.abs(g - terrain.groundY(x - 1, z)), Math.abs(g - terrain.groundY(x + 1, z)),
    Math.abs(g - terrain.groundY(x, z - 1)), Math.abs(g - terrain.groundY(x, z + 1)),
  );
  return { g, surface: terrain.surface(x, z, g, slope), slope, style: terrain.styleAt(x, z) };
}
