// Underground features of one chunk: stone-variant, dirt and gravel blobs, ore veins by depth after
// vanilla 1.18+'s placed features, and deep lava pools. All stay inside the chunk, drawn from a PRNG
// seeded by the chunk's coordinates.
import type { BlockStates, OreName } from './blocks.ts';
import { MAX_Y, MIN_Y, type ChunkBuffer } from './chunk/buffer.ts';
import { SEA_LEVEL } from './presets.ts';
import { hash4, Prng } from './random.ts';

type Rock = 'dirt' | 'gravel' | 'granite' | 'diorite' | 'andesite' | 'tuff';

export interface VeinSpec<B extends string = OreName> {
  /** An ore, or a rock that replaces stone (dirt, gravel, granite...). */
  block: B;
  /** Attempts per chunk; the fraction is a chance of one more. */
  count: number;
  /** Roughly the number of blocks in one vein. */
  size: number;
  min: number;
  max: number;
  /** uniform over [min, max], or triangle peaking half-way (ranges may reach outside the world, as in vanilla). */
  shape: 'uniform' | 'triangle';
}

/** Vanilla 1.18+ ore placement (attempts per chunk, vein sizes, height ranges); no caves, so no air-exposure discards. */
export const ORE_VEINS: readonly VeinSpec[] = [
  { block: 'coal', count: 30, size: 17, min: 136, max: 320, shape: 'uniform' },
  { block: 'coal', count: 20, size: 17, min: 0, max: 192, shape: 'triangle' },
  { block: 'iron', count: 90, size: 9, min: 80, max: 384, shape: 'triangle' },
  { block: 'iron', count: 10, size: 9, min: -24, max: 56, shape: 'triangle' },
  { block: 'iron', count: 10, size: 4, min: -64, max: 72, shape: 'uniform' },
  { block: 'copper', count: 16, size: 10, min: -16, max: 112, shape: 'triangle' },
  { block: 'gold', count: 4, size: 9, min: -64, max: 32, shape: 'triangle' },
  { block: 'gold', count: 0.5, size: 9, min: -64, max: -48, shape: 'uniform' },
  { block: 'redstone', count: 4, size: 8, min: -64, max: 15, shape: 'uniform' },
  { block: 'redstone', count: 8, size: 8, min: -96, max: -32, shape: 'triangle' },
  { block: 'lapis', count: 2, size: 7, min: -32, max: 32, shape: 'triangle' },
  { block: 'lapis', count: 4, size: 7, min: -64, max: 64, shape: 'uniform' },
  // Diamonds a little rarer than vanilla's 7 + 4 buried veins, which (with no caves to discard
  // exposed ones) would give about 20 per chunk: about 3.5 veins and 10 ores per chunk here.
  { block: 'diamond', count: 6, size: 3, min: -144, max: 16, shape: 'triangle' },
  { block: 'diamond', count: 1, size: 5, min: -144, max: 16, shape: 'triangle' },
  { block: 'diamond', count: 1 / 9, size: 12, min: -144, max: 16, shape: 'triangle' },
];

const ROCK_VEINS: readonly VeinSpec<Rock>[] = [
  { block: 'dirt', count: 7, size: 33, min: 0, max: 160, shape: 'uniform' },
  { block: 'gravel', count: 14, size: 33, min: -64, max: 320, shape: 'uniform' },
  { block: 'granite', count: 2, size: 64, min: 0, max: 60, shape: 'uniform' },
  { block: 'diorite', count: 2, size: 64, min: 0, max: 60, shape: 'uniform' },
  { block: 'andesite', count: 2, size: 64, min: 0, max: 60, shape: 'uniform' },
  { block: 'tuff', count: 2, size: 64, min: -64, max: 0, shape: 'uniform' },
];

/** Lava pools: chance per chunk and the band of their surface (well below a staircase's first 60 blocks). */
export const LAVA_POOL = { chance: 0.2, minY: -57, maxY: -52 } as const;

export function placeUnderground(buf: ChunkBuffer, chunkX: number, chunkZ: number, seed: number, states: BlockStates): void {
  const rng = new Prng(hash4(seed, chunkX, chunkZ, 0x0e5));
  const stoneLike = (v: number) => v === states.stone || v === states.granite || v === states.diorite || v === states.andesite;
  const deepLike = (v: number) => v === states.deepslate || v === states.tuff;

  for (const spec of ROCK_VEINS) {
    const to = states[spec.block];
    const pick = spec.block === 'tuff'
      ? (v: number) => (v === states.deepslate ? to : 0)
      : spec.block === 'gravel'
        ? (v: number) => (stoneLike(v) || deepLike(v) ? to : 0)
        : (v: number) => (v === states.stone ? to : 0);
    veins(buf, rng, spec, pick);
  }
  for (const spec of ORE_VEINS) {
    const ore = states.ores[spec.block];
    veins(buf, rng, spec, (v) => (stoneLike(v) ? ore.stone : deepLike(v) ? ore.deepslate : 0));
  }
  if (rng.next() < LAVA_POOL.chance) lavaPool(buf, rng, states);
}

function veins(buf: ChunkBuffer, rng: Prng, spec: VeinSpec<string>, pick: (v: number) => number): void {
  const n = Math.floor(spec.count) + (rng.next() < spec.count % 1 ? 1 : 0);
  for (let k = 0; k < n; k++) {
    const x = rng.int(16);
    const z = rng.int(16);
    const span = spec.max - spec.min;
    const y = Math.floor(spec.shape === 'uniform' ? spec.min + rng.next() * (span + 1) : spec.min + ((rng.next() + rng.next()) / 2) * span);
    if (y < MIN_Y || y > buf.topY) continue;
    blob(buf, rng, x, y, z, spec.size, pick);
  }
}

/** `size` blocks scattered around a centre with a triangular spread that grows with the size. */
function blob(buf: ChunkBuffer, rng: Prng, cx: number, cy: number, cz: number, size: number, pick: (v: number) => number): void {
  const spread = 0.5 + 0.45 * Math.cbrt(size);
  const d = buf.data;
  for (let k = 0; k < size; k++) {
    const x = cx + Math.round((rng.next() + rng.next() - 1) * spread);
    const y = cy + Math.round((rng.next() + rng.next() - 1) * spread);
    const z = cz + Math.round((rng.next() + rng.next() - 1) * spread);
    if (x < 0 || x > 15 || z < 0 || z > 15 || y < MIN_Y || y > MAX_Y) continue;
    const idx = ((y - MIN_Y) << 8) | (z << 4) | x;
    const to = pick(d[idx]!);
    if (to !== 0) d[idx] = to;
  }
}

/** A closed pocket: lava in the lower half, air above, kept a block inside the chunk and above bedrock. */
function lavaPool(buf: ChunkBuffer, rng: Prng, states: BlockStates): void {
  const rx = rng.range(2, 4);
  const rz = rng.range(2, 4);
  const cx = rng.range(rx + 1, 14 - rx);
  const cz = rng.range(rz + 1, 14 - rz);
  const cy = rng.range(LAVA_POOL.minY, LAVA_POOL.maxY);
  const d = buf.data;
  for (let dy = -2; dy <= 2; dy++) {
    for (let dz = -rz; dz <= rz; dz++) {
      for (let dx = -rx; dx <= rx; dx++) {
        const e = (dx * dx) / (rx * rx) + (dz * dz) / (rz * rz) + (dy * dy) / 6.25;
        if (e > 1) continue;
        const idx = ((cy + dy - MIN_Y) << 8) | ((cz + dz) << 4) | (cx + dx);
        d[idx] = dy <= 0 ? states.lava : states.air;
      }
    }
  }
}

/**
 * A lava pool on the surface (vanilla's lava lakes), with the given chance per chunk: on flat dry
 * land away from trees, two blocks deep, kept a block inside the chunk.
 */
export function surfaceLavaPool(buf: ChunkBuffer, chunkX: number, chunkZ: number, seed: number, states: BlockStates, groundTop: Int16Array, chance: number): void {
  const rng = new Prng(hash4(seed, chunkX, chunkZ, 0x1a7a));
  if (rng.next() >= chance) return;
  const r = rng.range(2, 3);
  const cx = rng.range(r + 1, 14 - r);
  const cz = rng.range(r + 1, 14 - r);
  const top = groundTop[(cz << 4) | cx]!;
  if (top <= SEA_LEVEL + 1) return;
  const d = buf.data;
  const cells: number[] = [];
  for (let dz = -r; dz <= r; dz++) {
    for (let dx = -r; dx <= r; dx++) {
      if (dx * dx + dz * dz > r * r) continue;
      const col = ((cz + dz) << 4) | (cx + dx);
      if (Math.abs(groundTop[col]! - top) > 1 || d[((top - MIN_Y) << 8) | col] === states.water) return;
      cells.push(col);
    }
  }
  for (const col of cells) {
    for (let y = top - 1; y <= top; y++) d[((y - MIN_Y) << 8) | col] = states.lava;
    d[((top + 1 - MIN_Y) << 8) | col] = 0;
  }
}
