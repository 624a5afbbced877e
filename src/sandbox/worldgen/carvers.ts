// Caves and ravines, carved as vanilla's carvers do: worms that start in chunks around this one and
// wander through it, each drawn from a PRNG seeded by its start chunk, so a tunnel lines up across
// chunk borders whatever order chunks are made in. Below y -55 a carved cell fills with lava, as in
// vanilla. Cells next to water are left (no flooded tunnels: the sandbox has no aquifers).
import type { BlockStates } from './blocks.ts';
import { MIN_Y, type ChunkBuffer } from './chunk/buffer.ts';
import { SEA_LEVEL } from './presets.ts';
import { hash4, Prng } from './random.ts';
import { Region } from './terrain.ts';

/** Chunks a worm can reach from its start chunk. */
const REACH = 7;
/** Vanilla's lava level for carvers: carved cells at or below it hold lava. */
export const CARVER_LAVA_Y = -55;
/** Per start chunk: chance of a cave system, and of a ravine. */
export const CAVE_CHANCE = 0.3;
export const RAVINE_CHANCE = 0.02;

interface Worm {
  x: number; y: number; z: number;
  yaw: number; pitch: number;
  length: number;
  /** Widest horizontal radius, reached half-way. */
  width: number;
  /** Vertical radius over horizontal: below 1 for caves, about 3 for ravines. */
  stretch: number;
}

/**
 * Carves the caves and ravines that reach chunk (chunkX, chunkZ) out of `buf`, then lowers
 * `groundTop` of any column whose top was carved away (so sky light reaches into the opening).
 */
export function carveChunk(buf: ChunkBuffer, region: Region, chunkX: number, chunkZ: number, seed: number, states: BlockStates, groundTop: Int16Array): void {
  let carved = false;
  for (let sz = chunkZ - REACH; sz <= chunkZ + REACH; sz++) {
    for (let sx = chunkX - REACH; sx <= chunkX + REACH; sx++) {
      for (const w of wormsFrom(seed, sx, sz)) carved = runWorm(buf, region, chunkX, chunkZ, w, hash4(seed, sx, sz, 0xca1), states) || carved;
    }
  }
  if (!carved) return;
  const d = buf.data;
  for (let col = 0; col < 256; col++) {
    let y = groundTop[col]!;
    while (y > MIN_Y && d[((y - MIN_Y) << 8) | col] === 0) y--;
    groundTop[col] = y;
  }
}

/** The worms that start in chunk (sx, sz): a cave system of one to four tunnels, sometimes a ravine. */
function wormsFrom(seed: number, sx: number, sz: number): Worm[] {
  const rng = new Prng(hash4(seed, sx, sz, 0xca7e));
  const out: Worm[] = [];
  if (rng.next() < CAVE_CHANCE) {
    const x = sx * 16 + rng.int(16);
    const z = sz * 16 + rng.int(16);
    const y = rng.range(-58, 72);
    const n = 1 + rng.int(4);
    for (let k = 0; k < n; k++) {
      out.push({ x, y, z, yaw: rng.next() * Math.PI * 2, pitch: (rng.next() - 0.5) * 0.6, length: 50 + rng.int(60), width: 1.5 + rng.next() * 2, stretch: 0.8 });
    }
  }
  if (rng.next() < RAVINE_CHANCE) {
    out.push({ x: sx * 16 + rng.int(16), y: rng.range(10, 50), z: sz * 16 + rng.int(16), yaw: rng.next() * Math.PI * 2, pitch: (rng.next() - 0.5) * 0.15, length: 70 + rng.int(40), width: 1.6 + rng.next() * 1.4, stretch: 3.2 });
  }
  return out;
}

/** Walks one worm, carving the spheres (ellipsoids) that fall inside this chunk; true when any did. */
function runWorm(buf: ChunkBuffer, region: Region, chunkX: number, chunkZ: number, w: Worm, wormSeed: number, states: BlockStates): boolean {
  const rng = new Prng(wormSeed ^ Math.imul(w.length, 0x9e3779b1) ^ Math.floor(w.yaw * 1e6));
  const x0 = chunkX * 16;
  const z0 = chunkZ * 16;
  let { x, y, z, yaw, pitch } = w;
  let carved = false;
  for (let i = 0; i < w.length; i++) {
    const r = 1 + w.width * Math.sin((Math.PI * (i + 1)) / (w.length + 1));
    const ry = r * w.stretch;
    x += Math.cos(yaw) * Math.cos(pitch);
    y += Math.sin(pitch);
    z += Math.sin(yaw) * Math.cos(pitch);
    yaw += (rng.next() - 0.5) * 0.5;
    pitch = pitch * 0.7 + (rng.next() - 0.5) * (w.stretch > 1 ? 0.05 : 0.35);
    if (x + r < x0 || x - r > x0 + 15 || z + r < z0 || z - r > z0 + 15) continue;
    carved = carveBlob(buf, region, x0, z0, x, y, z, r, ry, states) || carved;
  }
  return carved;
}

function carveBlob(buf: ChunkBuffer, region: Region, x0: number, z0: number, cx: number, cy: number, cz: number, r: number, ry: number, states: BlockStates): boolean {
  const d = buf.data;
  let carved = false;
  const lx0 = Math.max(0, Math.floor(cx - r) - x0);
  const lx1 = Math.min(15, Math.ceil(cx + r) - x0);
  const lz0 = Math.max(0, Math.floor(cz - r) - z0);
  const lz1 = Math.min(15, Math.ceil(cz + r) - z0);
  const y0 = Math.max(MIN_Y + 5, Math.floor(cy - ry));
  const y1 = Math.ceil(cy + ry);
  for (let lz = lz0; lz <= lz1; lz++) {
    for (let lx = lx0; lx <= lx1; lx++) {
      const dx = (x0 + lx + 0.5 - cx) / r;
      const dz = (z0 + lz + 0.5 - cz) / r;
      if (dx * dx + dz * dz >= 1) continue;
      const wet = wetBelow(region, x0 + lx, z0 + lz);
      const col = (lz << 4) | lx;
      for (let y = y0; y <= y1; y++) {
        const dy = (y + 0.5 - cy) / ry;
        if (dx * dx + dy * dy + dz * dz >= 1 || y >= wet) continue;
        const idx = ((y - MIN_Y) << 8) | col;
        const v = d[idx]!;
        if (v === 0 || v === states.water || v === states.bedrock || v === states.lava) continue;
        if (y > CARVER_LAVA_Y && d[idx + 256] === states.water) continue;
        d[idx] = y <= CARVER_LAVA_Y ? states.lava : 0;
        carved = true;
      }
    }
  }
  return carved;
}

/** The lowest y a carver must stay below in a column: under a lake, river or shore it keeps 3 blocks of cover. */
function wetBelow(region: Region, x: number, z: number): number {
  let low = Infinity;
  for (let dz = -1; dz <= 1; dz++) {
    for (let dx = -1; dx <= 1; dx++) {
      const g = region.height[region.idx(x + dx, z + dz)]!;
      if (g < SEA_LEVEL + 1) low = Math.min(low, g - 3);
    }
  }
  return low;
}
