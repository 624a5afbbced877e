import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from 'prismarine-registry';
import { ChunkGenerator } from '../../src/sandbox/worldgen/generator.ts';
import { MIN_Y } from '../../src/sandbox/worldgen/chunk/buffer.ts';
import { createWorldGenerator } from '../../src/sandbox/worldgen/index.ts';

const require = createRequire(import.meta.url);
const registry = (require('prismarine-registry') as (v: string) => Registry)('1.20.1');
const nameOf = (state: number) => registry.blocksByStateId[state]!.name;

const CHUNKS = 8;
/** Per block name, how many blocks at each y (index y - MIN_Y) over CHUNKS x CHUNKS chunks. */
let byY: Map<string, Int32Array>;

function count(name: string, from: number, to: number): number {
  const ys = byY.get(name);
  if (!ys) return 0;
  let n = 0;
  for (let y = from; y <= to; y++) n += ys[y - MIN_Y]!;
  return n;
}
/** Both the stone and the deepslate variant, per chunk. */
const perChunk = (ore: string, from = MIN_Y, to = 319) =>
  (count(`${ore}_ore`, from, to) + count(`deepslate_${ore}_ore`, from, to)) / (CHUNKS * CHUNKS);

beforeAll(() => {
  byY = new Map();
  const gen = new ChunkGenerator(3, 'forest', registry);
  for (let cz = 0; cz < CHUNKS; cz++) {
    for (let cx = 0; cx < CHUNKS; cx++) {
      const data = gen.fill(cx, cz).data;
      for (let i = 0; i < data.length; i++) {
        const name = nameOf(data[i]!);
        let ys = byY.get(name);
        if (!ys) byY.set(name, (ys = new Int32Array(384)));
        ys[i >> 8]!++;
      }
    }
  }
});

describe('ores by depth', () => {
  // Veins spread up to 2 blocks around their centre, which keeps to the range.
  it('places each ore in its vanilla height range', () => {
    expect(perChunk('coal', MIN_Y, -3)).toBe(0);
    expect(perChunk('coal', 0, 319)).toBeGreaterThan(20);
    expect(perChunk('copper', MIN_Y, -19)).toBe(0);
    expect(perChunk('copper', 32, 63)).toBeGreaterThan(perChunk('copper', -16, 15));
    expect(perChunk('redstone', 18, 319)).toBe(0);
    expect(perChunk('redstone', MIN_Y, -32)).toBeGreaterThan(perChunk('redstone', -31, 15));
    expect(perChunk('gold', 35, 319)).toBe(0);
    expect(perChunk('lapis', 67, 319)).toBe(0);
    expect(perChunk('diamond', 19, 319)).toBe(0);
    expect(perChunk('diamond', MIN_Y, -32)).toBeGreaterThan(perChunk('diamond', -31, 16));
  });

  it('peaks iron around y 16 and keeps it common where a bot mines for it', () => {
    expect(perChunk('iron', 0, 31)).toBeGreaterThan(perChunk('iron', 40, 71));
    expect(perChunk('iron', 0, 31)).toBeGreaterThan(25);
  });

  it('gives vanilla-like totals per chunk', () => {
    expect(perChunk('diamond')).toBeGreaterThan(4);
    expect(perChunk('diamond')).toBeLessThan(16);
    expect(perChunk('iron')).toBeGreaterThan(perChunk('gold'));
    expect(perChunk('gold')).toBeGreaterThan(perChunk('diamond'));
    expect(perChunk('copper')).toBeGreaterThan(perChunk('lapis'));
  });

  it('uses deepslate and deepslate ores below y 0 and bedrock at the bottom', () => {
    for (const ore of ['coal', 'copper', 'iron', 'gold', 'redstone', 'lapis', 'diamond']) {
      expect(count(`${ore}_ore`, MIN_Y, -1), ore).toBe(0);
      expect(count(`deepslate_${ore}_ore`, 8, 319), ore).toBe(0);
    }
    expect(count('stone', MIN_Y, -1)).toBe(0);
    expect(count('deepslate', 8, 319)).toBe(0);
    expect(count('deepslate', 0, 7)).toBeGreaterThan(0);
    expect(count('bedrock', MIN_Y, MIN_Y)).toBe(16 * 16 * CHUNKS * CHUNKS);
    expect(count('bedrock', -59, 319)).toBe(0);
  });

  it('keeps lava pools deep, far below the first 60 blocks of a staircase', () => {
    expect(count('lava', MIN_Y, -60)).toBe(0);
    expect(count('lava', -47, 319)).toBe(0);
    expect(count('lava', -59, -48)).toBeGreaterThan(0);
  });
});

describe('ores a bot can reach from spawn', () => {
  it('finds iron within 30 blocks of y 12 and diamonds within 30 blocks of y -58 below spawn', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const spawn = createWorldGenerator({ seed, preset: 'forest', registry }).spawnPoint();
      const gen = new ChunkGenerator(seed, 'forest', registry);
      const near = (names: string[], y0: number) => {
        let n = 0;
        for (let cz = Math.floor((spawn.z - 30) / 16); cz <= Math.floor((spawn.z + 30) / 16); cz++) {
          for (let cx = Math.floor((spawn.x - 30) / 16); cx <= Math.floor((spawn.x + 30) / 16); cx++) {
            const data = gen.fill(cx, cz).data;
            for (let i = 0; i < data.length; i++) {
              if (!names.includes(nameOf(data[i]!))) continue;
              const dx = cx * 16 + (i & 15) - spawn.x;
              const dz = cz * 16 + ((i >> 4) & 15) - spawn.z;
              const dy = (i >> 8) + MIN_Y - y0;
              if (dx * dx + dy * dy + dz * dz <= 900) n++;
            }
          }
        }
        return n;
      };
      expect(near(['iron_ore', 'deepslate_iron_ore'], 12), `seed ${seed} iron`).toBeGreaterThan(10);
      expect(near(['deepslate_diamond_ore'], -58), `seed ${seed} diamonds`).toBeGreaterThan(2);
    }
  });
});
