// The ray vanilla casts from the eyes when a container is used (Item.getPlayerPOVHitResult: block
// outlines, fluid sources only): the sandbox finds what a bucket or bottle takes from with it, and the
// agent checks with the same ray that its look will hit the water it aims at.

export interface XYZ {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** What a block is to the ray. */
export interface RayCell {
  name: string;
  /** Collision boxes, block-relative, as prismarine-block gives them. */
  shapes: readonly (readonly number[])[];
  properties: Readonly<Record<string, unknown>>;
}

export interface RayHit {
  x: number;
  y: number;
  z: number;
  name: string;
  /** From the ray's start to where it enters the cell's boxes. */
  distance: number;
}

const EMPTY = new Set(['air', 'cave_air', 'void_air']);
const FLUIDS = new Set(['water', 'lava']);
/** A fluid source's surface: 8/9 of a block, full when the same fluid lies on top. */
const SOURCE_HEIGHT = 8 / 9;

/** Whether the block is a fluid source (what a bucket takes up; flowing fluid is not). */
export function isSource(cell: Pick<RayCell, 'name' | 'properties'>): boolean {
  return FLUIDS.has(cell.name) && Number(cell.properties.level ?? 0) === 0;
}

/**
 * The boxes the ray stops at in a cell: a fluid source (flowing fluid lets it through), or a block's
 * outline. Outlines are taken as the collision boxes, and as the whole cell for a block without any
 * (plants, powder snow), whose outlines vanilla still hits.
 */
export function rayShapes(cell: RayCell, sameFluidAbove: boolean): number[][] {
  if (EMPTY.has(cell.name)) return [];
  if (FLUIDS.has(cell.name)) return isSource(cell) ? [[0, 0, 0, 1, sameFluidAbove ? 1 : SOURCE_HEIGHT, 1]] : [];
  return cell.shapes.length > 0 ? cell.shapes.map((s) => [...s]) : [[0, 0, 0, 1, 1, 1]];
}

/** The direction of a look (vanilla degrees: yaw 0 faces south, pitch 90 down), as getPlayerPOVHitResult computes it. */
export function lookVector(yawDeg: number, pitchDeg: number): XYZ {
  const yaw = (-yawDeg * Math.PI) / 180 - Math.PI;
  const pitch = (-pitchDeg * Math.PI) / 180;
  const horizontal = -Math.cos(pitch);
  return { x: Math.sin(yaw) * horizontal, y: Math.sin(pitch), z: Math.cos(yaw) * horizontal };
}

/** Where along the ray it enters any of the boxes of the cell at (cx, cy, cz), or null (slab test; 0 when it starts inside). */
function entry(from: XYZ, dir: XYZ, boxes: readonly number[][], cx: number, cy: number, cz: number): number | null {
  let best: number | null = null;
  for (const b of boxes) {
    let lo = -Infinity;
    let hi = Infinity;
    const axes: [number, number, number, number][] = [[from.x - cx, dir.x, b[0]!, b[3]!], [from.y - cy, dir.y, b[1]!, b[4]!], [from.z - cz, dir.z, b[2]!, b[5]!]];
    let miss = false;
    for (const [p, d, min, max] of axes) {
      if (d === 0) {
        if (p < min || p > max) miss = true;
        continue;
      }
      const t1 = (min - p) / d;
      const t2 = (max - p) / d;
      lo = Math.max(lo, Math.min(t1, t2));
      hi = Math.min(hi, Math.max(t1, t2));
    }
    if (miss || hi < lo || hi < 0) continue;
    const t = Math.max(lo, 0);
    if (best === null || t < best) best = t;
  }
  return best;
}

/**
 * The first cell the ray from `from` along the unit vector `dir` hits within `range`, walking the cells
 * it crosses in order (Amanatides–Woo). `cellAt` gives a cell's block, or null when it is not known
 * (unloaded), which the ray passes through.
 */
export function castRay(from: XYZ, dir: XYZ, range: number, cellAt: (x: number, y: number, z: number) => RayCell | null): RayHit | null {
  const cell = [Math.floor(from.x), Math.floor(from.y), Math.floor(from.z)];
  const d = [dir.x, dir.y, dir.z];
  const f = [from.x, from.y, from.z];
  const step = d.map(Math.sign);
  const delta = d.map((v) => (v === 0 ? Infinity : Math.abs(1 / v)));
  const next = d.map((v, i) => (v > 0 ? (cell[i]! + 1 - f[i]!) / v : v < 0 ? (f[i]! - cell[i]!) / -v : Infinity));
  for (;;) {
    const [x, y, z] = cell as [number, number, number];
    const block = cellAt(x, y, z);
    if (block) {
      const above = FLUIDS.has(block.name) ? cellAt(x, y + 1, z) : null;
      const t = entry(from, dir, rayShapes(block, above?.name === block.name), x, y, z);
      if (t !== null && t <= range) return { x, y, z, name: block.name, distance: t };
    }
    const axis = next[0]! <= next[1]! && next[0]! <= next[2]! ? 0 : next[1]! <= next[2]! ? 1 : 2;
    if (next[axis]! > range) return null;
    cell[axis]! += step[axis]!;
    next[axis]! += delta[axis]!;
  }
}
