// The chunk writer builds prismarine-chunk sections from its internals; these tests pin that the
// result reads, serialises and edits exactly like a column filled block by block.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Vec3 } from 'vec3';
import type { Registry } from 'prismarine-registry';
import { ChunkGenerator } from '../../src/sandbox/worldgen/generator.ts';
import { ChunkBuffer, MIN_Y, WORLD_HEIGHT } from '../../src/sandbox/worldgen/chunk/buffer.ts';
import { createChunkWriter, type GeneratedChunk } from '../../src/sandbox/worldgen/chunk/writer.ts';

const require = createRequire(import.meta.url);
const registry = (require('prismarine-registry') as (v: string) => Registry)('1.20.1');
const Chunk = (require('prismarine-chunk') as (r: Registry) => new (o: null) => GeneratedChunk)(registry);

function forEachBlock(fn: (p: Vec3, index: number) => void): void {
  const p = new Vec3(0, 0, 0);
  for (let y = MIN_Y; y < MIN_Y + WORLD_HEIGHT; y++) {
    for (let z = 0; z < 16; z++) {
      for (let x = 0; x < 16; x++) {
        p.set(x, y, z);
        fn(p, ((y - MIN_Y) << 8) | (z << 4) | x);
      }
    }
  }
}

describe('chunk writer', () => {
  const gen = new ChunkGenerator(11, 'extreme_hills', registry);
  const cases = [[0, 0], [3, -2], [-6, 5]] as const;

  it('holds exactly the generated blocks', () => {
    for (const [cx, cz] of cases) {
      const expected = gen.fill(cx, cz).data.slice();
      const chunk = gen.generate(cx, cz);
      let mismatches = 0;
      let solid = 0;
      forEachBlock((p, i) => {
        if (chunk.getBlockStateId(p) !== expected[i]) mismatches++;
        if (expected[i] !== 0) solid++;
      });
      expect(mismatches).toBe(0);
      expect(solid).toBeGreaterThan(16 * 16 * 120);
    }
  });

  it('serialises like a column filled block by block', () => {
    for (const [cx, cz] of cases) {
      const expected = gen.fill(cx, cz).data.slice();
      const slow = new Chunk(null);
      forEachBlock((p, i) => { if (expected[i] !== 0) slow.setBlockStateId(p, expected[i]!); });
      const fast = gen.generate(cx, cz);
      const reloaded = new Chunk(null);
      reloaded.load(fast.dump());
      let mismatches = 0;
      forEachBlock((p) => { if (reloaded.getBlockStateId(p) !== slow.getBlockStateId(p)) mismatches++; });
      expect(mismatches).toBe(0);
    }
  });

  it('packs palettes of every width, and falls back beyond 256 states in a section', () => {
    const states = [...new Set(Object.values(registry.blocksByName).map((b) => b.defaultState))].filter((s) => s !== 0);
    const buf = new ChunkBuffer();
    // Section k of the world gets 2..300 distinct states: 1 to 9 bits per block.
    const sizes = [1, 2, 16, 17, 32, 33, 64, 65, 128, 129, 256, 257, 300];
    sizes.forEach((n, k) => {
      for (let i = 0; i < 4096; i++) buf.data[k * 4096 + i] = states[(i * 7 + k) % n]!;
    });
    buf.topY = MIN_Y + sizes.length * 16 - 1;
    const groundTop = new Int16Array(256).fill(0);
    const chunk = createChunkWriter(registry)(buf, groundTop, new Uint16Array(16).fill(registry.biomesByName.plains!.id));
    const reloaded = new Chunk(null);
    reloaded.load(chunk.dump());
    let mismatches = 0;
    forEachBlock((p, i) => {
      if (chunk.getBlockStateId(p) !== buf.data[i] || reloaded.getBlockStateId(p) !== buf.data[i]) mismatches++;
    });
    expect(mismatches).toBe(0);
  });

  it('stays editable: palettes grow and neighbours keep their blocks', () => {
    const chunk = gen.generate(1, 1);
    const before = gen.fill(1, 1).data.slice();
    const states = Object.values(registry.blocksByName).slice(1, 41).map((b) => b.defaultState);
    states.forEach((s, k) => chunk.setBlockStateId(new Vec3(k % 16, 5, Math.floor(k / 16)), s));
    states.forEach((s, k) => expect(chunk.getBlockStateId(new Vec3(k % 16, 5, Math.floor(k / 16)))).toBe(s));
    let changed = 0;
    forEachBlock((p, i) => { if (p.y !== 5 && chunk.getBlockStateId(p) !== before[i]) changed++; });
    expect(changed).toBe(0);
  });

  it('lights the sky above the ground and sets a biome in every cell', () => {
    const chunk = gen.generate(2, -1);
    const allowed = new Set([registry.biomesByName.windswept_hills!.id, registry.biomesByName.river!.id, registry.biomesByName.beach!.id]);
    for (let z = 0; z < 16; z++) {
      for (let x = 0; x < 16; x++) {
        const g = gen.terrain.groundY(2 * 16 + x, -16 + z);
        expect(chunk.getSkyLight(new Vec3(x, 319, z))).toBe(15);
        expect(chunk.getSkyLight(new Vec3(x, g + 1, z))).toBe(15);
        expect(chunk.getSkyLight(new Vec3(x, g - 1, z))).toBe(0);
        for (const y of [MIN_Y, -30, 0, 63, 130, 250, 319]) expect(allowed.has(chunk.getBiome(new Vec3(x, y, z)))).toBe(true);
      }
    }
  });
});
