// Trees of every kind the presets grow (oak, birch, spruce, acacia, jungle). Whether a tree stands in a
// cell, where, of what kind and how tall, comes from a hash of the cell's world coordinates, so every
// chunk a canopy reaches into places the same tree parts. Some oaks and birches carry a bee nest (beeNests.ts).
import { pickTree, type BiomeStyle, type TreeKind } from './biomes.ts';
import { nestSide, placeBeeNests, type NestSide } from './beeNests.ts';
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
  kind: TreeKind;
  /** The side of the trunk a bee nest hangs on, if this tree has one. */
  nest?: NestSide | undefined;
}

/** Leaves reach this far from the trunk horizontally (acacia's flat crown; oak and birch reach 2). */
export const CANOPY_RADIUS = 3;

export type GroundLookup = (x: number, z: number) => { g: number; surface: SurfaceKind; slope: number; style: number };

/** Trunk heights: the shortest, and how many more it may have. */
const TRUNK: Record<TreeKind, readonly [number, number]> = { oak: [4, 3], birch: [5, 3], spruce: [6, 4], acacia: [5, 2], jungle: [8, 6] };

/** The tree of cell (ci, cj), if any: trees grow on grass that is not too steep. */
export function treeInCell(seed: number, params: PresetParams, styles: readonly BiomeStyle[], ci: number, cj: number, ground: GroundLookup): Tree | null {
  const u = unit4(seed, ci, cj, 0);
  // The first style's chance decides before the ground is looked up, as most candidates fail it.
  if (styles.length === 1 && u >= styles[0]!.treeChance) return null;
  const cell = params.treeCell;
  const h = hash4(seed, ci, cj, 1);
  const x = ci * cell + (h % cell);
  const z = cj * cell + ((h >>> 8) % cell);
  const col = ground(x, z);
  const style = styles[col.style]!;
  if (u >= style.treeChance) return null;
  if (col.surface !== SURFACE.grass || col.slope > params.treeMaxSlope) return null;
  const kind = pickTree(style, unit4(seed, ci, cj, 2));
  const [min, extra] = TRUNK[kind];
  return { x, z, g: col.g, trunk: min + ((h >>> 16) % extra), kind, nest: nestSide(seed, style.biome, kind, x, z) };
}

/** Calls `fn` with every tree whose trunk lies within [x0, x1] x [z0, z1], in a fixed world order. */
export function forEachTree(seed: number, params: PresetParams, styles: readonly BiomeStyle[], x0: number, z0: number, x1: number, z1: number, ground: GroundLookup, fn: (t: Tree) => void): void {
  const cell = params.treeCell;
  for (let cj = Math.floor(z0 / cell); cj <= Math.floor(z1 / cell); cj++) {
    for (let ci = Math.floor(x0 / cell); ci <= Math.floor(x1 / cell); ci++) {
      const t = treeInCell(seed, params, styles, ci, cj, ground);
      if (t && t.x >= x0 && t.x <= x1 && t.z >= z0 && t.z <= z1) fn(t);
    }
  }
}

/**
 * Visits the leaf blocks of a tree. `distance` is the leaf's step count to the nearest log, as in the
 * `distance` block state. Oak, birch and jungle: two wide layers (radius 2) below the trunk top, a
 * narrow one at it and a cross above it, some corners left out. Spruce: a cone of alternating rings
 * down to two blocks above the ground. Acacia: a flat crown of radius 3 and a small cap.
 */
export function forEachLeaf(seed: number, t: Tree, fn: (x: number, y: number, z: number, distance: number) => void): void {
  const top = t.g + t.trunk;
  const emit = (dx: number, dy: number, dz: number, distance: number) => fn(t.x + dx, top + dy, t.z + dz, Math.min(7, Math.max(1, distance)));
  if (t.kind === 'spruce') {
    for (let k = 0; top + 1 - k >= t.g + 3; k++) {
      const dy = 1 - k;
      const r = k === 0 ? 0 : k % 2 === 1 ? 1 : 2;
      for (let dz = -r; dz <= r; dz++) {
        for (let dx = -r; dx <= r; dx++) {
          if (dy <= 0 && dx === 0 && dz === 0) continue;
          if (dx * dx + dz * dz > r * r + (r > 1 ? 1 : r)) continue;
          emit(dx, dy, dz, Math.abs(dx) + Math.abs(dz) + (dy === 1 ? 1 : 0));
        }
      }
    }
    return;
  }
  if (t.kind === 'acacia') {
    for (let dz = -3; dz <= 3; dz++) {
      for (let dx = -3; dx <= 3; dx++) {
        const d2 = dx * dx + dz * dz;
        if (d2 > 10 || (d2 > 8 && (hash4(seed, t.x + dx, top, t.z + dz) & 1) === 0)) continue;
        if (d2 > 0) emit(dx, 0, dz, Math.abs(dx) + Math.abs(dz));
        if (d2 <= 2) emit(dx, 1, dz, Math.abs(dx) + Math.abs(dz) + 1);
      }
    }
    return;
  }
  for (let dy = -2; dy <= 1; dy++) {
    const r = dy < 0 ? 2 : 1;
    for (let dz = -r; dz <= r; dz++) {
      for (let dx = -r; dx <= r; dx++) {
        const corner = Math.abs(dx) === r && Math.abs(dz) === r;
        if (dy <= 0 && dx === 0 && dz === 0) continue;
        if (corner && (dy === 1 || (hash4(seed, t.x + dx, top + dy, t.z + dz) & 1) === 0)) continue;
        emit(dx, dy, dz, Math.abs(dx) + Math.abs(dz) + (dy === 1 ? 1 : 0));
      }
    }
  }
}

/**
 * Places the parts of `trees` inside the chunk at (x0, z0): all leaves (only into air) first, then logs,
 * then the bee nests when the states name one.
 */
export function placeTrees(buf: ChunkBuffer, trees: Tree[], x0: number, z0: number, states: BlockStates & { beeNest?: number | undefined }, seed: number): void {
  const d = buf.data;
  for (const t of trees) {
    const leaves = states.leaves[t.kind];
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
    const log = states.logs[t.kind];
    for (let y = t.g + 1; y <= t.g + t.trunk; y++) d[((y - MIN_Y) << 8) | (lz << 4) | lx] = log;
    if (t.g + t.trunk > buf.topY) buf.topY = t.g + t.trunk;
  }
  if (states.beeNest !== undefined) placeBeeNests(buf, trees, x0, z0, states.beeNest);
}
