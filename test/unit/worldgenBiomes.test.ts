import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Registry } from 'prismarine-registry';
import { CLASSIC_PRESETS, type Preset } from '../../src/config/sandbox.ts';
import { MIN_Y } from '../../src/sandbox/worldgen/chunk/buffer.ts';
import { ChunkGenerator } from '../../src/sandbox/worldgen/generator.ts';
import { createWorldGenerator } from '../../src/sandbox/worldgen/index.ts';
import { SEA_LEVEL } from '../../src/sandbox/worldgen/presets.ts';

const require = createRequire(import.meta.url);
const registry = (require('prismarine-registry') as (v: string) => Registry)('1.20.1');
const nameOf = (state: number) => registry.blocksByStateId[state]!.name;

/** Counts of block names over a square of chunks around the origin, and the generator that made them. */
function census(preset: Preset, seed: number, half = 4) {
  const gen = new ChunkGenerator(seed, preset, registry);
  const counts = new Map<string, number>();
  let underAir = 0;
  let openings = 0;
  let tallGaps = 0;
  let wetCaves = 0;
  for (let cz = -half; cz < half; cz++) {
    for (let cx = -half; cx < half; cx++) {
      const d = gen.fill(cx, cz).data;
      for (const v of d) if (v !== 0) counts.set(nameOf(v), (counts.get(nameOf(v)) ?? 0) + 1);
      for (let col = 0; col < 256; col++) {
        const g = gen.terrain.groundY(cx * 16 + (col & 15), cz * 16 + (col >> 4));
        let gap = 0;
        for (let y = MIN_Y + 1; y <= g; y++) {
          const v = d[((y - MIN_Y) << 8) | col]!;
          if (v !== 0) { gap = 0; continue; }
          underAir++;
          if (y === g) openings++;
          if (++gap === 10) tallGaps++;
          if (nameOf(d[((y + 1 - MIN_Y) << 8) | col]!) === 'water') wetCaves++;
        }
      }
    }
  }
  const has = (name: string) => counts.get(name) ?? 0;
  return { gen, counts, has, underAir, openings, tallGaps, wetCaves, chunks: 4 * half * half };
}

describe('the biome presets', () => {
  const taiga = census('taiga', 7);
  const snowy = census('snowy', 7);
  const desert = census('desert', 7);
  const savanna = census('savanna', 7);
  const jungle = census('jungle', 7);

  it('grow their own woods, and no oak or birch where vanilla has none', () => {
    expect(taiga.has('spruce_log')).toBeGreaterThan(500);
    expect(taiga.has('oak_log') + taiga.has('birch_log')).toBe(0);
    expect(snowy.has('spruce_log')).toBeGreaterThan(100);
    expect(savanna.has('acacia_log')).toBeGreaterThan(100);
    expect(jungle.has('jungle_log')).toBeGreaterThan(1000);
    expect(desert.has('acacia_log')).toBeGreaterThan(0);
    expect(desert.has('birch_log')).toBe(0);
  });

  it('have the ground and plants of their biomes', () => {
    expect(snowy.has('snow')).toBeGreaterThan(snowy.chunks * 100);
    expect(taiga.has('fern')).toBeGreaterThan(100);
    expect(desert.has('sandstone')).toBeGreaterThan(desert.chunks * 50);
    expect(desert.has('cactus')).toBeGreaterThan(10);
    expect(desert.has('dead_bush')).toBeGreaterThan(10);
    expect(jungle.has('melon')).toBeGreaterThan(0);
    for (const c of [taiga, snowy, desert, savanna, jungle]) expect(c.has('grass_block')).toBeGreaterThan(0);
  });

  it('set vanilla biome names, two styles mixed in one world', () => {
    const names = (c: { gen: ChunkGenerator }) => {
      const seen = new Set<string>();
      for (let z = -300; z < 300; z += 8) for (let x = -300; x < 300; x += 8) seen.add(c.gen.biomeNameAt(x, z));
      return seen;
    };
    expect([...names(taiga)]).toEqual(expect.arrayContaining(['taiga', 'snowy_taiga']));
    expect([...names(desert)]).toEqual(expect.arrayContaining(['desert', 'savanna']));
    expect([...names(snowy)]).toEqual(expect.arrayContaining(['snowy_plains', 'snowy_taiga']));
    expect(names(jungle).has('jungle')).toBe(true);
  });

  it('have jungle trees taller than any oak', () => {
    const { gen } = jungle;
    let tallest = 0;
    for (let z = -32; z < 32; z++) {
      for (let x = -32; x < 32; x++) {
        const g = gen.terrain.groundY(x, z);
        const d = gen.fill(Math.floor(x / 16), Math.floor(z / 16));
        let h = 0;
        while (nameOf(d.get(x & 15, g + 1 + h, z & 15)) === 'jungle_log') h++;
        tallest = Math.max(tallest, h);
      }
    }
    expect(tallest).toBeGreaterThanOrEqual(10);
  });

  it('carve caves and ravines, open to the surface in places, never under water, lava at the bottom', () => {
    for (const c of [taiga, desert, jungle]) {
      expect(c.underAir / c.chunks).toBeGreaterThan(300);
      expect(c.wetCaves).toBe(0);
    }
    // Carved cells at or below CARVER_LAVA_Y hold lava: far more of it than the forest's closed pools.
    const forest = census('forest', 7);
    expect(taiga.has('lava')).toBeGreaterThan(forest.has('lava') + 300);
    expect(taiga.openings + desert.openings + jungle.openings).toBeGreaterThan(20);
    expect(taiga.tallGaps + desert.tallGaps + jungle.tallGaps + savanna.tallGaps + snowy.tallGaps).toBeGreaterThan(0);
  });

  it('spawn the player away from lava and cave mouths', () => {
    for (const preset of ['taiga', 'desert', 'jungle'] as const) {
      for (const seed of [1, 2, 3]) {
        const s = createWorldGenerator({ seed, preset, registry }).spawnPoint();
        const gen = new ChunkGenerator(seed, preset, registry);
        for (let dz = -2; dz <= 2; dz++) {
          for (let dx = -2; dx <= 2; dx++) {
            const x = s.x + dx;
            const z = s.z + dz;
            const g = gen.terrain.groundY(x, z);
            const d = gen.fill(Math.floor(x / 16), Math.floor(z / 16));
            expect(nameOf(d.get(x & 15, g, z & 15)), `${preset} ${seed} ${x},${z}`).not.toMatch(/^(air|lava)$/);
          }
        }
        expect(s.y).toBeGreaterThan(SEA_LEVEL);
      }
    }
  });
});

describe('the first four presets', () => {
  // The README's figures were measured on these worlds: the biome presets must not change a block of them.
  const DIGESTS: Record<string, string> = {
    forest: '2cd9c7c329650272', plains: '074dfe9d489e9887', extreme_hills: '4194820604519c23', forest_hills: '01c013063b007250',
  };
  it('are block for block what they were before caves and biomes came', () => {
    for (const preset of CLASSIC_PRESETS) {
      const h = createHash('sha1');
      const world = createWorldGenerator({ seed: 12345, preset, registry });
      for (let cx = -4; cx < 4; cx++) for (let cz = -4; cz < 4; cz++) h.update(world.generateChunk(cx, cz).dump());
      expect(h.digest('hex').slice(0, 16), preset).toBe(DIGESTS[preset]);
    }
  });
});
