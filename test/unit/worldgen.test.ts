import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vec3 } from 'vec3';
import type { Registry } from 'prismarine-registry';
import { BIOME_PRESETS, PRESETS, type Preset } from '../../src/config/sandbox.ts';
import { createWorldGenerator, SEA_LEVEL } from '../../src/sandbox/worldgen/index.ts';
import { ChunkGenerator } from '../../src/sandbox/worldgen/generator.ts';
import { MIN_Y } from '../../src/sandbox/worldgen/chunk/buffer.ts';

const require = createRequire(import.meta.url);
const registry = (require('prismarine-registry') as (v: string) => Registry)('1.20.1');
const nameOf = (state: number) => registry.blocksByStateId[state]!.name;

/** Block names of a whole chunk, read from the generator's buffer (fast). */
function chunkNames(gen: ChunkGenerator, cx: number, cz: number): (x: number, y: number, z: number) => string {
  const data = gen.fill(cx, cz).data.slice();
  return (x, y, z) => nameOf(data[((y - MIN_Y) << 8) | (z << 4) | x]!);
}

describe('world generator determinism', () => {
  it('rebuilds identical chunks from the same seed, different ones from another seed', () => {
    const a = createWorldGenerator({ seed: 99, preset: 'forest', registry });
    const b = createWorldGenerator({ seed: 99, preset: 'forest', registry });
    const c = createWorldGenerator({ seed: 100, preset: 'forest', registry });
    for (const [x, z] of [[0, 0], [5, -3], [-7, 2]] as const) {
      // Generated in a different order on b, so nothing depends on what was generated before.
      b.generateChunk(x + 1, z);
      expect(a.generateChunk(x, z).dump().equals(b.generateChunk(x, z).dump())).toBe(true);
      expect(a.generateChunk(x, z).dump().equals(c.generateChunk(x, z).dump())).toBe(false);
    }
    expect(a.spawnPoint()).toEqual(b.spawnPoint());
  });
});

describe('spawn point', () => {
  for (const preset of PRESETS) {
    it(`stands on dry solid ground with free head space (${preset})`, () => {
      for (const seed of [1, 2, 3, 42, 1234, -77]) {
        const gen = new ChunkGenerator(seed, preset, registry);
        const world = createWorldGenerator({ seed, preset, registry });
        const s = world.spawnPoint();
        const at = chunkNames(gen, Math.floor(s.x / 16), Math.floor(s.z / 16));
        const [lx, lz] = [s.x & 15, s.z & 15];
        expect(['grass_block', 'dirt', 'sand'], `seed ${seed} ground`).toContain(at(lx, s.y - 1, lz));
        // A layer of snow is no obstacle (its collision box is empty).
        expect(['air', 'snow'], `seed ${seed} feet`).toContain(at(lx, s.y, lz));
        expect(at(lx, s.y + 1, lz), `seed ${seed} head`).toBe('air');
        expect(s.y - 1).toBe(world.surfaceY(s.x, s.z));
        expect(s.y).toBeGreaterThan(SEA_LEVEL);
        expect(Math.hypot(s.x, s.z), `seed ${seed} distance from origin`).toBeLessThan(300);
      }
    });
  }

  it('has logs, leaves, stone, water and sand within 48 blocks in the forest, for many seeds', () => {
    const wanted = ['oak_log|birch_log', 'oak_leaves|birch_leaves', 'stone', 'water', 'sand'];
    for (let seed = 1; seed <= 24; seed++) {
      const s = createWorldGenerator({ seed: seed * 7919 - 50_000, preset: 'forest', registry }).spawnPoint();
      const gen = new ChunkGenerator(seed * 7919 - 50_000, 'forest', registry);
      const feet = new Vec3(s.x + 0.5, s.y, s.z + 0.5);
      const found = new Set<string>();
      for (let cz = Math.floor((s.z - 48) / 16); cz <= Math.floor((s.z + 48) / 16); cz++) {
        for (let cx = Math.floor((s.x - 48) / 16); cx <= Math.floor((s.x + 48) / 16); cx++) {
          const at = chunkNames(gen, cx, cz);
          for (let y = s.y - 48; y <= s.y + 48; y++) {
            for (let z = 0; z < 16; z++) {
              for (let x = 0; x < 16; x++) {
                const n = at(x, y, z);
                if (n === 'air' || found.has(n)) continue;
                if (feet.distanceTo(new Vec3(cx * 16 + x, y, cz * 16 + z)) <= 48) found.add(n);
              }
            }
          }
        }
      }
      for (const w of wanted) expect(w.split('|').some((n) => found.has(n)), `seed ${seed}: ${w}`).toBe(true);
    }
  });
});

interface Census { trunks: number; stoneTop: number; grassTop: number; columns: number; maxY: number; bigSteps: number }

function census(preset: Preset, seed: number): Census {
  const gen = new ChunkGenerator(seed, preset, registry);
  const world = createWorldGenerator({ seed, preset, registry });
  const c: Census = { trunks: 0, stoneTop: 0, grassTop: 0, columns: 0, maxY: -Infinity, bigSteps: 0 };
  for (let cz = -4; cz < 4; cz++) {
    for (let cx = -4; cx < 4; cx++) {
      const at = chunkNames(gen, cx, cz);
      for (let z = 0; z < 16; z++) {
        for (let x = 0; x < 16; x++) {
          const wx = cx * 16 + x;
          const wz = cz * 16 + z;
          const g = world.surfaceY(wx, wz);
          c.columns++;
          c.maxY = Math.max(c.maxY, g);
          if (Math.abs(g - world.surfaceY(wx + 1, wz)) > 1) c.bigSteps++;
          const top = at(x, g, z);
          if (top === 'stone') c.stoneTop++;
          if (top === 'grass_block') c.grassTop++;
          if (/_log$/.test(at(x, g + 1, z))) c.trunks++;
        }
      }
    }
  }
  return c;
}

describe('presets', () => {
  const seed = 5;
  let forest: Census, plains: Census, hills: Census, forestHills: Census;
  beforeAll(() => {
    forest = census('forest', seed);
    plains = census('plains', seed);
    hills = census('extreme_hills', seed);
    forestHills = census('forest_hills', seed);
  });

  it('plants dense trees in the forests, sparse ones on the plains', () => {
    expect(forest.trunks).toBeGreaterThan(plains.trunks * 5);
    expect(forestHills.trunks).toBeGreaterThan(hills.trunks * 2);
    expect(plains.trunks).toBeGreaterThan(0);
  });

  it('exposes stone on the hills and keeps the forest and plains green', () => {
    expect(hills.stoneTop / hills.columns).toBeGreaterThan(0.1);
    expect(forestHills.stoneTop / forestHills.columns).toBeGreaterThan(forest.stoneTop / forest.columns);
    expect(forest.grassTop / forest.columns).toBeGreaterThan(0.6);
    expect(plains.grassTop / plains.columns).toBeGreaterThan(0.7);
  });

  it('has higher relief on the hills and walkable 1-block steps in the forest and plains', () => {
    expect(hills.maxY).toBeGreaterThan(forest.maxY + 20);
    expect(forestHills.maxY).toBeGreaterThan(forest.maxY + 10);
    expect(forest.bigSteps / forest.columns).toBeLessThan(0.02);
    expect(plains.bigSteps / plains.columns).toBeLessThan(0.02);
  });

  it('sets the preset biome, and river or beach by the water', () => {
    const names = (preset: Preset) => {
      const world = createWorldGenerator({ seed, preset, registry });
      const seen = new Set<string>();
      for (let z = -200; z < 200; z += 4) for (let x = -200; x < 200; x += 4) seen.add(world.biomeAt(x, z));
      return seen;
    };
    expect([...names('forest')].sort()).toEqual(['beach', 'forest', 'river']);
    expect(names('plains').has('plains')).toBe(true);
    expect(names('extreme_hills').has('windswept_hills')).toBe(true);
    const chunk = createWorldGenerator({ seed, preset: 'extreme_hills', registry }).generateChunk(0, 0);
    const biomes = new Set([MIN_Y, 0, 64, 200].map((y) => chunk.getBiome(new Vec3(1, y, 1))));
    expect([...biomes].every((b) => ['windswept_hills', 'river', 'beach'].includes(registry.biomes[b]!.name))).toBe(true);
  });

  it('uses only the blocks of the design', () => {
    const allowed = new Set(['air', 'bedrock', 'deepslate', 'tuff', 'stone', 'granite', 'diorite', 'andesite', 'dirt', 'gravel',
      'grass_block', 'sand', 'clay', 'water', 'lava', 'oak_log', 'birch_log', 'oak_leaves', 'birch_leaves', 'grass', 'sugar_cane',
      ...['coal', 'copper', 'iron', 'gold', 'redstone', 'lapis', 'diamond'].flatMap((o) => [`${o}_ore`, `deepslate_${o}_ore`])]);
    const biomeBlocks = ['spruce_log', 'spruce_leaves', 'acacia_log', 'acacia_leaves', 'jungle_log', 'jungle_leaves', 'fern', 'snow',
      'sandstone', 'cactus', 'dead_bush', 'melon'];
    for (const preset of PRESETS) {
      const gen = new ChunkGenerator(seed, preset, registry);
      const allowedHere = (BIOME_PRESETS as readonly string[]).includes(preset) ? new Set([...allowed, ...biomeBlocks]) : allowed;
      const seen = new Set<string>();
      for (const [cx, cz] of [[0, 0], [3, -2], [-5, 4]] as const) {
        for (const state of gen.fill(cx, cz).data) seen.add(nameOf(state));
      }
      expect([...seen].filter((n) => !allowedHere.has(n)), preset).toEqual([]);
    }
  });
});
