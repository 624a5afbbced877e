// 2D simplex noise (after Stefan Gustavson's public-domain reference) with a permutation table
// shuffled from the seed, plus fractal sums. Output is roughly in [-1, 1].
import { Prng } from './random.ts';

export type Noise2 = (x: number, z: number) => number;

const F2 = 0.5 * (Math.sqrt(3) - 1);
const G2 = (3 - Math.sqrt(3)) / 6;
// 12 gradient directions spread around the circle.
const GRAD_X = new Float64Array(12);
const GRAD_Z = new Float64Array(12);
for (let i = 0; i < 12; i++) {
  GRAD_X[i] = Math.cos((i * Math.PI * 2) / 12);
  GRAD_Z[i] = Math.sin((i * Math.PI * 2) / 12);
}

export function simplex2(seed: number): Noise2 {
  const rng = new Prng(seed);
  const p = new Uint8Array(256);
  for (let i = 0; i < 256; i++) p[i] = i;
  for (let i = 255; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  const perm = new Uint8Array(512);
  const permMod12 = new Uint8Array(512);
  for (let i = 0; i < 512; i++) {
    perm[i] = p[i & 255]!;
    permMod12[i] = perm[i]! % 12;
  }

  // Simplex noise is 0 at lattice points such as the origin; a seeded shift keeps the origin from
  // being special (otherwise every world would have a river through spawn).
  const shiftX = rng.next() * 256;
  const shiftZ = rng.next() * 256;

  return (x: number, z: number): number => {
    const xin = x + shiftX;
    const zin = z + shiftZ;
    const s = (xin + zin) * F2;
    const i = Math.floor(xin + s);
    const j = Math.floor(zin + s);
    const t = (i + j) * G2;
    const x0 = xin - (i - t);
    const z0 = zin - (j - t);
    const i1 = x0 > z0 ? 1 : 0;
    const j1 = 1 - i1;
    const x1 = x0 - i1 + G2;
    const z1 = z0 - j1 + G2;
    const x2 = x0 - 1 + 2 * G2;
    const z2 = z0 - 1 + 2 * G2;
    const ii = i & 255;
    const jj = j & 255;
    let n = 0;
    let t0 = 0.5 - x0 * x0 - z0 * z0;
    if (t0 > 0) {
      const g = permMod12[ii + perm[jj]!]!;
      t0 *= t0;
      n += t0 * t0 * (GRAD_X[g]! * x0 + GRAD_Z[g]! * z0);
    }
    let t1 = 0.5 - x1 * x1 - z1 * z1;
    if (t1 > 0) {
      const g = permMod12[ii + i1 + perm[jj + j1]!]!;
      t1 *= t1;
      n += t1 * t1 * (GRAD_X[g]! * x1 + GRAD_Z[g]! * z1);
    }
    let t2 = 0.5 - x2 * x2 - z2 * z2;
    if (t2 > 0) {
      const g = permMod12[ii + 1 + perm[jj + 1]!]!;
      t2 *= t2;
      n += t2 * t2 * (GRAD_X[g]! * x2 + GRAD_Z[g]! * z2);
    }
    return 70 * n;
  };
}

/** Fractal sum of `octaves` layers, each at double frequency and half amplitude, normalised to about [-1, 1]. */
export function fbm(noise: Noise2, x: number, z: number, scale: number, octaves: number): number {
  let sum = 0;
  let amp = 1;
  let norm = 0;
  let f = 1 / scale;
  for (let o = 0; o < octaves; o++) {
    sum += amp * noise(x * f + o * 31.7, z * f - o * 17.3);
    norm += amp;
    amp *= 0.5;
    f *= 2;
  }
  return sum / norm;
}

export function smoothstep(edge0: number, edge1: number, v: number): number {
  const t = Math.min(1, Math.max(0, (v - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}
