// Oak and birch trees. Whether a tree stands in a cell, where and how tall, comes from a hash of
// the cell's world coordinates, so every chunk a canopy reaches into places the same tree parts.
import type { BlockStates } from './blocks.ts';
import { MIN_Y, type ChunkBuffer } from './chunk/buffer.ts';
import type { PresetParams } from './presets.ts';
import { hash4, unit4 } from './random.ts';
import { SURFACE, type SurfaceKind } from './terrain.ts';

export interface Tree {
  x: number;
  z: number;
  /** Ground y under the trunk. */
  g: number;
  trunk: number;
  birch: boolean;
}

/** Leaves reach this far from the trunk horizontally. */
export const CANOPY_RADIUS = 2;

export type GroundLookup = (x: number, z: number) => { g: number; surface: SurfaceKind; slope: number };

/** The tree of cell (ci, cj), if any: trees grow on grass that is not too steep. */
export function treeInCell(seed: number, params: PresetParams, ci: number, cj: number, ground: GroundLookup): Tree | null {
  if (unit4(seed, ci, cj, 0) >= params.treeChance) return null;
  const cell = params.treeCell;
  const h = hash4(seed, ci, cj, 1);
  const x = ci * cell + (h % cell);
  const z = cj * cell + ((h >>> 8) % cell);
  const col = ground(x, z);
  if (col.surface !== SURFACE.grass || col.slope > params.treeMaxSlope) return null;
  const birch = unit4(seed, ci, cj, 2) < params.birchShare;
  const trunk = (birch ? 5 : 4) + ((h >>> 16) % 3);
  return { x, z, g: col.g, trunk, birch };
}

/** Calls `fn` with every tree whose trunk lies within [x0, x1] x [z0, z1], in a fixed world order. */
export function forEachTree(seed: number, params: PresetParams, x0: number, z0: number, x1: number, z1: number, ground: GroundLookup, fn: (t: Tree) => void): void {
  const cell = params.treeCell;
  for (let cj = Math.floor(z0 / cell); cj <= Math.floor(z1 / cell); cj++) {
    for (let ci = Math.floor(x0 / cell); ci <= Math.floor(x1 / cell); ci++) {
      const t = treeInCell(seed, params, ci, cj, ground);
      if (t && t.x >= x0 && t.x <= x1 && t.z >= z0 && t.z <= z1) fn(t);
    }
  }
}

/**
 * Visits the leaf blocks of a tree: two wide layers (radius 2) below the trunk top, a narrow one
 * (radius 1) at it and a cross above it; some corners are left out. `distance` is the leaf's
 * step count to the nearest log, as in the `distance` block state.
 */
export function forEachLeaf(seed: number, t: Tree, fn: (x: number, y: number, z: number, distance: number) => void): void {
  const top = t.g + t.trunk;
  for (let dy = -2; dy <= 1; dy++) {
    const r = dy < 0 ? 2 : 1;
    for (let dz = -r; dz <= r; dz++) {
      for (let dx = -r; dx <= r; dx++) {
        const corner = Math.abs(dx) === r && Math.abs(dz) === r;
        if (dy <= 0 && dx === 0 && dz === 0) continue;
        if (corner && (dy === 1 || (hash4(seed, t.x + dx, top + dy, t.z + dz) & 1) === 0)) continue;
        const distance = Math.abs(dx) + Math.abs(dz) + (dy === 1 ? 1 : 0);
        fn(t.x + dx, top + dy, t.z + dz, Math.min(7, Math.max(1, distance)));
      }
    }
  }
}

/** Places the parts of `trees` inside the chunk at (x0, z0): all leaves (only into air) first, then logs. */
export function placeTrees(buf: ChunkBuffer, trees: Tree[], x0: number, z0: number, states: BlockStates, seed: number): void {
  const d = buf.data;
  for (const t of trees) {
    const leaves = t.birch ? states.birchLeaves : states.oakLeaves;
    forEachLeaf(seed, t, (x, y, z, distance) => {
      const lx = x - x0;
      const lz = z - z0;
      if (lx < 0 || lx > 15 || lz < 0 || lz > 15) return;
      const idx = ((y - MIN_Y) << 8) | (lz << 4) | lx;
      if (d[idx] !== 0) return;
      d[idx] = leaves[distance]!;
      if (y > buf.topY) buf.topY = y;
    });
  }
  for (const t of trees) {
    const lx = t.x - x0;
    const lz = t.z - z0;
    if (lx < 0 || lx > 15 || lz < 0 || lz > 15) continue;
    const log = t.birch ? states.birchLog : states.oakLog;
    for (let y = t.g + 1; y <= t.g + t.trunk; y++) d[((y - MIN_Y) << 8) | (lz << 4) | lx] = log;
    if (t.g + t.trunk > buf.topY) buf.topY = t.g + t.trunk;
  }
}
