import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Registry } from 'prismarine-registry';
import type { Block } from 'prismarine-block';
import { beeNestState, nestCell, nestSide } from '../../src/sandbox/worldgen/beeNests.ts';
import { resolveBlockStates } from '../../src/sandbox/worldgen/blocks.ts';
import { ChunkBuffer, MIN_Y } from '../../src/sandbox/worldgen/chunk/buffer.ts';
import { ChunkGenerator } from '../../src/sandbox/worldgen/generator.ts';
import { placeTrees, type Tree } from '../../src/sandbox/worldgen/trees.ts';
import { nestPace } from '../../src/sandbox/plugins/bees/hives.ts';
import { TICKS_PER_LEVEL } from '../../src/knowledge/honey.ts';

const require = createRequire(import.meta.url);
const registry = (require('prismarine-registry') as (v: string) => Registry)('1.20.1');
const BlockImpl = (require('prismarine-block') as (r: Registry) => { fromStateId(id: number, biome: number): Block })(registry);
const nestState = beeNestState(registry)!;

/** A generator whose states name the bee nest (the generator passes its states to placeTrees). */
function generator(seed: number, preset: 'plains' | 'forest' | 'extreme_hills'): ChunkGenerator {
  const gen = new ChunkGenerator(seed, preset, registry);
  Object.assign(gen.states, { beeNest: nestState });
  return gen;
}

function share(biome: string, kind: 'oak' | 'birch' | 'spruce' | 'acacia', n = 40_000): number {
  let nests = 0;
  for (let i = 0; i < n; i++) if (nestSide(5, biome, kind, i * 7, i * 13) !== undefined) nests++;
  return nests / n;
}

describe('bee nests in the generator', () => {
  it("hang on vanilla's share of oaks and birches by biome, never on other trees", () => {
    expect(share('plains', 'oak')).toBeCloseTo(0.05, 2);
    expect(share('plains', 'birch')).toBeCloseTo(0.05, 2);
    expect(share('forest', 'oak')).toBeCloseTo(0.002, 3);
    expect(share('meadow', 'oak')).toBe(1);
    expect(share('windswept_hills', 'oak')).toBe(0);
    expect(share('plains', 'spruce')).toBe(0);
    expect(share('savanna', 'acacia')).toBe(0);
  });

  it('is a nest facing south, empty', () => {
    expect(BlockImpl.fromStateId(nestState, 0).name).toBe('bee_nest');
    const props = BlockImpl.fromStateId(nestState, 0).getProperties();
    expect([props.facing, Number(props.honey_level)]).toEqual(['south', 0]);
  });

  it('goes on the trunk side one under the lowest leaves (the second log at least), only into air', () => {
    const states = { ...resolveBlockStates(registry), beeNest: nestState };
    const buf = new ChunkBuffer();
    const trees: Tree[] = [
      { x: 4, z: 4, g: 64, trunk: 6, kind: 'oak', nest: 'east' },
      { x: 10, z: 4, g: 64, trunk: 5, kind: 'birch', nest: 'west' },
      // Leaves from the third log of a 4-log trunk fill the nest's cell: none there, as in vanilla.
      { x: 10, z: 10, g: 64, trunk: 4, kind: 'oak', nest: 'east' },
      { x: 4, z: 12, g: 64, trunk: 5, kind: 'oak', nest: 'south' },
    ];
    // Something in the third tree's nest cell already.
    buf.set(4, 66, 13, states.dirt);
    placeTrees(buf, trees, 0, 0, states, 1);
    expect(nestCell({ ...trees[0]!, nest: 'east' })).toEqual({ x: 5, y: 67, z: 4 });
    expect(buf.get(5, 67, 4)).toBe(nestState);
    // Leaves above it, the trunk beside it.
    expect(registry.blocksByStateId[buf.get(5, 68, 4)]!.name).toBe('oak_leaves');
    expect(registry.blocksByStateId[buf.get(4, 67, 4)]!.name).toBe('oak_log');
    // A 5-log trunk: leaves from its third log up, the nest on the second.
    expect(buf.get(9, 66, 4)).toBe(nestState);
    expect(registry.blocksByStateId[buf.get(11, 66, 10)]!.name).toBe('oak_leaves');
    expect(buf.get(4, 66, 13)).toBe(states.dirt);
    const all = [...buf.data].filter((s) => s === nestState).length;
    expect(all).toBe(2);
    // Without a nest state (an older generator), nothing.
    const bare = new ChunkBuffer();
    placeTrees(bare, trees, 0, 0, resolveBlockStates(registry), 1);
    expect([...bare.data].includes(nestState)).toBe(false);
  });

  it('plains chunks carry them on their trees, the same whatever the order chunks are made in', () => {
    const nestsOf = (gen: ChunkGenerator, chunks: readonly (readonly [number, number])[]) => {
      const found: string[] = [];
      let trunks = 0;
      for (const [cx, cz] of chunks) {
        const d = gen.fill(cx, cz).data;
        for (let i = 0; i < d.length; i++) {
          const name = registry.blocksByStateId[d[i]!]!.name;
          if (name === 'oak_log' && registry.blocksByStateId[d[i - 256]!]!.name === 'grass_block') trunks++;
          if (name !== 'bee_nest') continue;
          const x = i & 15;
          const z = (i >> 4) & 15;
          const y = (i >> 8) + MIN_Y;
          const side = (dx: number, dz: number) => (x + dx >= 0 && x + dx <= 15 && z + dz >= 0 ? registry.blocksByStateId[d[((y - MIN_Y) << 8) | ((z + dz) << 4) | (x + dx)]!]!.name : 'outside');
          // The trunk is west, east or north of the nest (it hangs on the east, west or south side).
          expect([side(1, 0), side(-1, 0), side(0, -1)].some((n) => n === 'oak_log' || n === 'birch_log' || n === 'outside'), `nest at ${cx * 16 + x},${y},${cz * 16 + z}`).toBe(true);
          found.push(`${cx * 16 + x},${y},${cz * 16 + z}`);
        }
      }
      return { found: found.sort(), trunks };
    };
    const chunks: [number, number][] = [];
    for (let cz = -8; cz < 8; cz++) for (let cx = -8; cx < 8; cx++) chunks.push([cx, cz]);
    const forward = nestsOf(generator(1, 'plains'), chunks);
    expect(forward.trunks).toBeGreaterThan(40);
    expect(forward.found.length).toBeGreaterThan(1);
    expect(forward.found.length).toBeLessThan(forward.trunks * 0.15);
    expect(nestsOf(generator(1, 'plains'), [...chunks].reverse()).found).toEqual(forward.found);
  });
});

describe("the bees' pace", () => {
  it('gives each nest 1200 to 2400 ticks a level and a start below that, from the seed and its position', () => {
    const paces = Array.from({ length: 500 }, (_, i) => nestPace(9, { x: i, y: 70, z: -i }));
    for (const p of paces) {
      expect(p.perLevel).toBeGreaterThanOrEqual(TICKS_PER_LEVEL.min);
      expect(p.perLevel).toBeLessThan(TICKS_PER_LEVEL.max);
      expect(p.start).toBeLessThan(p.perLevel);
    }
    const mean = paces.reduce((s, p) => s + p.perLevel, 0) / paces.length;
    expect(mean).toBeGreaterThan(1650);
    expect(mean).toBeLessThan(1950);
    expect(nestPace(9, { x: 3, y: 70, z: 4 })).toEqual(nestPace(9, { x: 3, y: 70, z: 4 }));
    expect(nestPace(9, { x: 3, y: 70, z: 4 })).not.toEqual(nestPace(10, { x: 3, y: 70, z: 4 }));
  });
});
