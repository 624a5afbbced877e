// Fills the chunk's columns: bedrock, deepslate, stone, soil, surface, water; later the plants.
import type { BlockStates } from './blocks.ts';
import { MIN_Y, type ChunkBuffer } from './chunk/buffer.ts';
import { SEA_LEVEL, type PresetParams } from './presets.ts';
import { hash4, unit4 } from './random.ts';
import { Region, SURFACE, type Terrain } from './terrain.ts';

const S = Region.SIZE;
const M = Region.MARGIN;

/** Writes the terrain of every column and records each column's ground top (for sky light). */
export function fillColumns(buf: ChunkBuffer, region: Region, terrain: Terrain, states: BlockStates, seed: number, groundTop: Int16Array): void {
  const d = buf.data;
  let top = SEA_LEVEL;
  for (let z = 0; z < 16; z++) {
    for (let x = 0; x < 16; x++) {
      const ri = (z + M) * S + (x + M);
      const g = region.height[ri]!;
      const kind = region.surface[ri]!;
      const wx = region.x0 + M + x;
      const wz = region.z0 + M + z;
      const col = (z << 4) | x;
      groundTop[col] = g;
      if (g > top) top = g;

      // Bedrock floor, ragged over its top four layers as in vanilla.
      d[col] = states.bedrock;
      for (let y = MIN_Y + 1; y <= MIN_Y + 4; y++) {
        const p = (MIN_Y + 5 - y) / 5;
        d[((y - MIN_Y) << 8) | col] = unit4(seed, wx, y, wz) < p ? states.bedrock : states.deepslate;
      }

      let soil = 0;
      if (kind === SURFACE.grass || kind === SURFACE.sand || kind === SURFACE.dirt) soil = terrain.soilDepth(wx, wz);
      else if (kind === SURFACE.gravel || kind === SURFACE.clay) soil = 2;
      const rockTop = g - soil;
      for (let y = MIN_Y + 5; y <= rockTop; y++) {
        let s: number;
        if (y < 0) s = states.deepslate;
        else if (y < 8) s = (hash4(seed, wx, y, wz) & 7) >= y ? states.deepslate : states.stone;
        else s = states.stone;
        d[((y - MIN_Y) << 8) | col] = s;
      }

      let under = states.dirt;
      let surface = states.grassBlock;
      if (kind === SURFACE.sand) { under = states.sand; surface = states.sand; }
      else if (kind === SURFACE.dirt) { under = states.dirt; surface = states.dirt; }
      else if (kind === SURFACE.gravel) { under = states.gravel; surface = states.gravel; }
      else if (kind === SURFACE.clay) { under = states.clay; surface = states.clay; }
      for (let y = rockTop + 1; y < g; y++) d[((y - MIN_Y) << 8) | col] = under;
      if (soil > 0) d[((g - MIN_Y) << 8) | col] = surface;

      for (let y = g + 1; y <= SEA_LEVEL; y++) d[((y - MIN_Y) << 8) | col] = states.water;
    }
  }
  if (top > buf.topY) buf.topY = top;
}

/** Short grass on free grass blocks and sugar cane on sand at the water's edge; only into air. */
export function placePlants(buf: ChunkBuffer, region: Region, params: PresetParams, states: BlockStates, seed: number): void {
  const d = buf.data;
  for (let z = 0; z < 16; z++) {
    for (let x = 0; x < 16; x++) {
      const ri = (z + M) * S + (x + M);
      const g = region.height[ri]!;
      const kind = region.surface[ri]!;
      const col = (z << 4) | x;
      const above = ((g + 1 - MIN_Y) << 8) | col;
      if (d[above] !== 0) continue;
      const wx = region.x0 + M + x;
      const wz = region.z0 + M + z;
      if (kind === SURFACE.grass) {
        if (unit4(seed, wx, wz, 11) < params.grassChance) d[above] = states.shortGrass;
      } else if (kind === SURFACE.sand && g === SEA_LEVEL && besideWater(region, ri) && unit4(seed, wx, wz, 12) < 0.3) {
        const height = 1 + (hash4(seed, wx, wz, 13) % 3);
        for (let k = 1; k <= height; k++) {
          const idx = ((g + k - MIN_Y) << 8) | col;
          if (d[idx] !== 0) break;
          d[idx] = states.sugarCane;
          if (g + k > buf.topY) buf.topY = g + k;
        }
      }
    }
  }
}

function besideWater(region: Region, ri: number): boolean {
  const h = region.height;
  return h[ri - 1]! < SEA_LEVEL || h[ri + 1]! < SEA_LEVEL || h[ri - S]! < SEA_LEVEL || h[ri + S]! < SEA_LEVEL;
}
