// The spawn search. Criteria, strictest first: dry, flat grass/sand/dirt with two free blocks above,
// within SHORE_RADIUS of a dry sand column that is itself near water, and with a tree close by,
// so that logs, leaves, water, sand and (just under the soil) stone are all within 48 blocks.
import { Vec3 } from 'vec3';
import type { ChunkGenerator } from './generator.ts';
import { SEA_LEVEL } from './presets.ts';
import { SURFACE } from './terrain.ts';
import { forEachTree } from './trees.ts';

/** How far to look for the nearest water, in blocks from the origin. */
const WATER_SEARCH = 640;
const SAND_RADIUS = 12;
const SHORE_RADIUS = 24;
const TREE_RADIUS = 28;

interface Column { x: number; z: number }

export function findSpawn(gen: ChunkGenerator): Vec3 {
  const water = nearestWater(gen);
  if (water) {
    const shore = nearestColumn(water, SAND_RADIUS, (x, z) => {
      const c = gen.anyGround(x, z);
      return c.surface === SURFACE.sand && c.g >= SEA_LEVEL;
    }) ?? water;
    const strict = bestAround(gen, shore, SHORE_RADIUS, true) ?? bestAround(gen, shore, SHORE_RADIUS, false);
    if (strict) return strict;
  }
  return bestAround(gen, { x: 0, z: 0 }, 96, false) ?? new Vec3(0, gen.terrain.groundY(0, 0) + 1, 0);
}

/** The water column closest to the origin, searched on a 4-block grid in growing squares. */
function nearestWater(gen: ChunkGenerator): Column | null {
  for (let r = 0; r <= WATER_SEARCH; r += 4) {
    let best: Column | null = null;
    let bestD = Infinity;
    for (let i = -r; i <= r; i += 4) {
      for (const [x, z] of [[i, -r], [i, r], [-r, i], [r, i]] as const) {
        if (gen.terrain.groundY(x, z) >= SEA_LEVEL) continue;
        const d = x * x + z * z;
        if (d < bestD) { bestD = d; best = { x, z }; }
      }
    }
    if (best) return best;
  }
  return null;
}

function nearestColumn(center: Column, radius: number, ok: (x: number, z: number) => boolean): Column | null {
  let best: Column | null = null;
  let bestD = Infinity;
  for (let dz = -radius; dz <= radius; dz++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const d = dx * dx + dz * dz;
      if (d > radius * radius || d >= bestD) continue;
      if (ok(center.x + dx, center.z + dz)) { bestD = d; best = { x: center.x + dx, z: center.z + dz }; }
    }
  }
  return best;
}

/** The valid spawn column within `radius` of `center` closest to the origin. */
function bestAround(gen: ChunkGenerator, center: Column, radius: number, wantTree: boolean): Vec3 | null {
  const candidates: Column[] = [];
  for (let dz = -radius; dz <= radius; dz++) {
    for (let dx = -radius; dx <= radius; dx++) {
      if (dx * dx + dz * dz <= radius * radius) candidates.push({ x: center.x + dx, z: center.z + dz });
    }
  }
  const key = (c: Column) => c.x * c.x + c.z * c.z;
  candidates.sort((a, b) => key(a) - key(b) || a.x - b.x || a.z - b.z);
  for (const c of candidates) {
    const col = gen.anyGround(c.x, c.z);
    if (col.g < SEA_LEVEL || col.slope > 1) continue;
    if (col.surface !== SURFACE.grass && col.surface !== SURFACE.sand && col.surface !== SURFACE.dirt) continue;
    if (wantTree && !treeNear(gen, c, TREE_RADIUS)) continue;
    if (!freeAbove(gen, c.x, col.g, c.z)) continue;
    return new Vec3(c.x, col.g + 1, c.z);
  }
  return null;
}

/** Looks at the generated chunk: the ground block is solid ground and the two blocks above are air. */
function freeAbove(gen: ChunkGenerator, x: number, g: number, z: number): boolean {
  const buf = gen.fill(Math.floor(x / 16), Math.floor(z / 16));
  const lx = x & 15;
  const lz = z & 15;
  const ground = buf.get(lx, g, lz);
  const s = gen.states;
  if (ground !== s.grassBlock && ground !== s.snowyGrassBlock && ground !== s.sand && ground !== s.dirt) return false;
  const free = (v: number) => v === s.air || v === s.snow;
  if (!free(buf.get(lx, g + 1, lz)) || !free(buf.get(lx, g + 2, lz))) return false;
  if (!gen.params.caves && !gen.params.surfaceLavaChance) return true;
  // No lava pool or cave mouth right beside the spawn (within the spawn's chunk).
  for (let dz = -3; dz <= 3; dz++) {
    for (let dx = -3; dx <= 3; dx++) {
      const x2 = lx + dx;
      const z2 = lz + dz;
      if (x2 < 0 || x2 > 15 || z2 < 0 || z2 > 15) continue;
      const g2 = gen.terrain.groundY(x + dx, z + dz);
      if ([g2, g2 - 1].some((y) => buf.get(x2, y, z2) === s.lava || buf.get(x2, y, z2) === s.air)) return false;
    }
  }
  return true;
}

function treeNear(gen: ChunkGenerator, c: Column, radius: number): boolean {
  let found = false;
  forEachTree(gen.treeSeed, gen.params, gen.terrain.styles, c.x - radius, c.z - radius, c.x + radius, c.z + radius, gen.anyGround, () => { found = true; });
  return found;
}
