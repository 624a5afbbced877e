import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Registry } from 'prismarine-registry';
import type { Block } from 'prismarine-block';
import { ChunkGenerator } from '../../src/sandbox/worldgen/generator.ts';
import { MIN_Y } from '../../src/sandbox/worldgen/chunk/buffer.ts';
import { SEA_LEVEL } from '../../src/sandbox/worldgen/presets.ts';

const require = createRequire(import.meta.url);
const registry = (require('prismarine-registry') as (v: string) => Registry)('1.20.1');
const BlockImpl = (require('prismarine-block') as (r: Registry) => { fromStateId(id: number, biome: number): Block })(registry);
const nameOf = (state: number) => registry.blocksByStateId[state]!.name;

/** Block names of a square of chunks, each generated on its own, read by world coordinates. */
function area(gen: ChunkGenerator, cx0: number, cz0: number, size: number) {
  const chunks = new Map<string, Uint16Array>();
  for (let cz = cz0; cz < cz0 + size; cz++) {
    for (let cx = cx0; cx < cx0 + size; cx++) chunks.set(`${cx},${cz}`, gen.fill(cx, cz).data.slice());
  }
  return (x: number, y: number, z: number): string => {
    const data = chunks.get(`${Math.floor(x / 16)},${Math.floor(z / 16)}`);
    if (!data) throw new Error(`outside the area: ${x},${z}`);
    return nameOf(data[((y - MIN_Y) << 8) | ((z & 15) << 4) | (x & 15)]!);
  };
}

describe('trees', () => {
  it('are whole across chunk borders: every trunk top has leaves on all four sides and above', () => {
    const gen = new ChunkGenerator(21, 'forest', registry);
    const at = area(gen, -2, -2, 5);
    let trunks = 0;
    let nearBorder = 0;
    // Trunks inside the area, two blocks away from its edge so their whole canopy is in it.
    for (let z = -30; z < 46; z++) {
      for (let x = -30; x < 46; x++) {
        const g = gen.terrain.groundY(x, z);
        if (!/_log$/.test(at(x, g + 1, z)) || at(x, g, z) !== 'grass_block') continue;
        let top = g + 1;
        while (/_log$/.test(at(x, top + 1, z))) top++;
        trunks++;
        if ([x & 15, z & 15].some((v) => v <= 1 || v >= 14)) nearBorder++;
        for (const [dx, dz] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
          expect(at(x + dx, top - 1, z + dz), `tree ${x},${z} side`).toMatch(/_leaves$|_log$/);
        }
        expect(at(x, top + 1, z), `tree ${x},${z} crown`).toMatch(/_leaves$|_log$/);
        expect(top - g).toBeGreaterThanOrEqual(4);
        expect(top - g).toBeLessThanOrEqual(7);
      }
    }
    expect(trunks).toBeGreaterThan(80);
    expect(nearBorder).toBeGreaterThan(10);
  });

  it('do not depend on the order chunks are generated in', () => {
    const a = new ChunkGenerator(21, 'forest', registry);
    const b = new ChunkGenerator(21, 'forest', registry);
    for (let cx = 3; cx >= -3; cx--) b.fill(cx, 1);
    for (const [cx, cz] of [[0, 0], [1, 0], [0, 1], [-1, -1]] as const) {
      expect(Buffer.from(a.fill(cx, cz).data.buffer).equals(Buffer.from(b.fill(cx, cz).data.buffer))).toBe(true);
    }
  });

  it('are oak and birch with natural (non-persistent) leaves', () => {
    const gen = new ChunkGenerator(21, 'forest', registry);
    const seen = new Map<string, number>();
    for (let c = 0; c < 16; c++) {
      for (const state of gen.fill((c & 3) - 6, (c >> 2) - 6).data) {
        const name = nameOf(state);
        if (!/_leaves$|_log$/.test(name)) continue;
        seen.set(name, (seen.get(name) ?? 0) + 1);
        const props = BlockImpl.fromStateId(state, 0).getProperties() as Record<string, unknown>;
        if (name.endsWith('_leaves')) {
          expect(props.persistent).toBe(false);
          expect(props.waterlogged).toBe(false);
        } else {
          expect(props.axis).toBe('y');
        }
      }
    }
    expect([...seen.keys()].sort()).toEqual(['birch_leaves', 'birch_log', 'oak_leaves', 'oak_log']);
    expect(seen.get('oak_log')! + seen.get('birch_log')!).toBeGreaterThan(100);
  });
});

describe('plants and shores', () => {
  it('grows short grass on grass and sugar cane on sand beside water', () => {
    const gen = new ChunkGenerator(21, 'forest', registry);
    const at = area(gen, -6, -6, 12);
    let grass = 0;
    let cane = 0;
    for (let z = -95; z < 95; z++) {
      for (let x = -95; x < 95; x++) {
        const g = gen.terrain.groundY(x, z);
        const above = at(x, g + 1, z);
        if (above === 'grass') {
          expect(at(x, g, z)).toBe('grass_block');
          grass++;
        } else if (above === 'sugar_cane') {
          expect(at(x, g, z)).toBe('sand');
          const beside = [[1, 0], [-1, 0], [0, 1], [0, -1]].some(([dx, dz]) => at(x + dx!, g, z + dz!) === 'water');
          expect(beside, `cane ${x},${z}`).toBe(true);
          cane++;
        }
      }
    }
    expect(grass).toBeGreaterThan(500);
    expect(cane).toBeGreaterThan(5);
  });

  it('puts sand on the shores and clay and gravel patches under water', () => {
    const gen = new ChunkGenerator(21, 'forest', registry);
    const floors = new Map<string, number>();
    let dryShoreSand = 0;
    for (let z = -200; z < 200; z += 2) {
      for (let x = -200; x < 200; x += 2) {
        const g = gen.terrain.groundY(x, z);
        if (g >= SEA_LEVEL) {
          if (g <= SEA_LEVEL + 1) dryShoreSand++;
          continue;
        }
        const top = nameOf(gen.fill(Math.floor(x / 16), Math.floor(z / 16)).get(x & 15, g, z & 15));
        floors.set(top, (floors.get(top) ?? 0) + 1);
      }
    }
    expect(dryShoreSand).toBeGreaterThan(50);
    for (const floor of ['sand', 'clay', 'gravel']) expect(floors.get(floor) ?? 0, floor).toBeGreaterThan(10);
  });
});
