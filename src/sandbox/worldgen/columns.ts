// Fills the chunk's columns: bedrock, deepslate, stone, soil, surface, water; later the plants.
import type { BlockStates } from './blocks.ts';
import { MIN_Y, type ChunkBuffer } from './chunk/buffer.ts';
import { SEA_LEVEL } from './presets.ts';
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

      const style = terrain.styles[region.style[ri]!]!;
      let under = states.dirt;
      let surface = style.snow ? states.snowyGrassBlock : states.grassBlock;
      if (kind === SURFACE.sand) {
        under = states.sand;
        surface = states.sand;
        // Desert sand stands on sandstone, as vanilla's does.
        if (style.ground === 'sand' && g > SEA_LEVEL + 1) for (let y = rockTop - 2; y <= rockTop; y++) d[((y - MIN_Y) << 8) | col] = states.sandstone;
      }
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

/**
 * Short grass (and ferns) on free grass blocks, sugar cane on sand at the water's edge, the style's
 * cacti, dead bushes and melons, then snow on whatever free ground a snowy style has; only into air,
 * and only on ground a cave has not taken away.
 */
export function placePlants(buf: ChunkBuffer, region: Region, terrain: Terrain, states: BlockStates, seed: number): void {
  const d = buf.data;
  for (let z = 0; z < 16; z++) {
    for (let x = 0; x < 16; x++) {
      const ri = (z + M) * S + (x + M);
      const g = region.height[ri]!;
      const kind = region.surface[ri]!;
      const col = (z << 4) | x;
      const above = ((g + 1 - MIN_Y) << 8) | col;
      if (d[above] !== 0 || d[((g - MIN_Y) << 8) | col] === 0) continue;
      const wx = region.x0 + M + x;
      const wz = region.z0 + M + z;
      const style = terrain.styles[region.style[ri]!]!;
      if (kind === SURFACE.grass) {
        const u = unit4(seed, wx, wz, 11);
        if (u < style.grassChance) d[above] = u < style.grassChance * style.fernShare ? states.fern : states.shortGrass;
        else if (style.melonChance > 0 && unit4(seed, wx, wz, 14) < style.melonChance) d[above] = states.melon;
      } else if (kind === SURFACE.sand && style.ground === 'sand' && g > SEA_LEVEL + 1) {
        desertPlant(buf, col, g, wx, wz, style.cactusChance, style.deadBushChance, states, seed);
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

/** A cactus (1 to 3 high, on a 3-block grid so no two touch) or a dead bush on free desert sand. */
function desertPlant(buf: ChunkBuffer, col: number, g: number, wx: number, wz: number, cactusChance: number, deadBushChance: number, states: BlockStates, seed: number): void {
  const d = buf.data;
  const above = ((g + 1 - MIN_Y) << 8) | col;
  if (wx % 3 === 0 && wz % 3 === 0 && unit4(seed, wx, wz, 15) < cactusChance * 9) {
    const height = 1 + (hash4(seed, wx, wz, 16) % 3);
    for (let k = 1; k <= height; k++) d[((g + k - MIN_Y) << 8) | col] = states.cactus;
    if (g + height > buf.topY) buf.topY = g + height;
  } else if (unit4(seed, wx, wz, 17) < deadBushChance) {
    d[above] = states.deadBush;
  }
}

/** Snow layers on the free top of every column of a snowy style (ground, leaves or plants' ground). */
export function placeSnow(buf: ChunkBuffer, region: Region, terrain: Terrain, states: BlockStates): void {
  if (!terrain.styles.some((s) => s.snow)) return;
  const d = buf.data;
  for (let z = 0; z < 16; z++) {
    for (let x = 0; x < 16; x++) {
      const ri = (z + M) * S + (x + M);
      if (!terrain.styles[region.style[ri]!]!.snow) continue;
      const col = (z << 4) | x;
      let y = buf.topY;
      while (y > MIN_Y && d[((y - MIN_Y) << 8) | col] === 0) y--;
      const top = d[((y - MIN_Y) << 8) | col]!;
      if (top === states.water || top === states.shortGrass || top === states.fern || top === states.lava) continue;
      const idx = ((y + 1 - MIN_Y) << 8) | col;
      d[idx] = states.snow;
      if (y + 1 > buf.topY) buf.topY = y + 1;
    }
  }
}

function besideWater(region: Region, ri: number): boolean {
  const h = region.height;
  return h[ri - 1]! < SEA_LEVEL || h[ri + 1]! < SEA_LEVEL || h[ri - S]! < SEA_LEVEL || h[ri + S]! < SEA_LEVEL;
}
