import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { billOfMaterials } from '../../src/build/bom.ts';
import { EXAMPLE_NAMES, exampleStructures, spongeNbt } from '../../src/build/examples.ts';
import { readStructure } from '../../src/build/read.ts';
import type { Structure } from '../../src/build/types.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';

const require = createRequire(import.meta.url);
const nbt = require('prismarine-nbt') as { writeUncompressed(value: unknown, format: 'big'): Buffer };
const { Schematic } = require('prismarine-schematic') as {
  Schematic: { read(b: Buffer): Promise<{ version: string; getBlock(p: unknown): { name: string; getProperties(): Record<string, unknown> } }> };
};
const { Vec3 } = require('vec3') as { Vec3: new (x: number, y: number, z: number) => unknown };

const DIR = path.join(import.meta.dirname, '..', '..', 'examples', 'schematics');
const examples = exampleStructures();
const fileOf = (s: Structure) => path.join(DIR, `${s.name}.schem`);

describe('the example schematics', () => {
  it('are the five the script makes, and nothing else is in the folder', () => {
    expect(examples.map((s) => s.name)).toEqual([...EXAMPLE_NAMES]);
    expect(readdirSync(DIR).sort()).toEqual(EXAMPLE_NAMES.map((n) => `${n}.schem`).sort());
  });

  it.each(examples.map((s) => [s.name, s] as const))('%s: the committed file is what the script writes now, and reads back to its structure', async (_, s) => {
    // Compared unzipped: the NBT is the content; the gzip bytes depend on the zlib build as well.
    expect(gunzipSync(readFileSync(fileOf(s))).equals(nbt.writeUncompressed(spongeNbt(s), 'big'))).toBe(true);
    expect(await readStructure(fileOf(s))).toEqual(s);
  });

  it.each(examples.map((s) => [s.name, s] as const))('%s: prismarine-schematic reads the same blocks and states from the file', async (_, s) => {
    const schematic = await Schematic.read(readFileSync(fileOf(s)));
    expect(schematic.version).toBe('1.20.1');
    for (const b of s.blocks) {
      const read = schematic.getBlock(new Vec3(b.x, b.y, b.z));
      const props = Object.fromEntries(Object.entries(read.getProperties()).map(([k, v]) => [k, String(v)]));
      expect({ name: read.name, props }).toEqual({ name: b.name, props: b.props });
    }
  });

  it.each(examples.map((s) => [s.name, s] as const))('%s: small, every block in its full state on 1.20.1 and 1.21.4, joined to the ground layer', (_, s) => {
    expect(s.blocks.length).toBeLessThan(250);
    for (const version of ['1.20.1', '1.21.4']) {
      const { registry } = createKnowledge(version);
      for (const b of s.blocks) {
        const states = registry.blocksByName[b.name]?.states ?? [];
        expect(Object.keys(b.props).sort(), `${b.name} on ${version}`).toEqual(states.map((st) => st.name).sort());
        for (const st of states) {
          const allowed = st.type === 'bool' ? ['true', 'false'] : (st.values ?? []).map(String);
          expect(allowed, `${b.name}.${st.name}`).toContain(b.props[st.name]);
        }
      }
    }
    // Every block touches, face to face, a block that leads down to y = 0, so a build bottom-up always has support.
    const key = (x: number, y: number, z: number) => `${x},${y},${z}`;
    const cells = new Set(s.blocks.map((b) => key(b.x, b.y, b.z)));
    const reached = new Set(s.blocks.filter((b) => b.y === 0).map((b) => key(b.x, b.y, b.z)));
    const queue = [...reached];
    for (let k = queue.shift(); k !== undefined; k = queue.shift()) {
      const [x, y, z] = k.split(',').map(Number) as [number, number, number];
      for (const [dx, dy, dz] of [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]] as const) {
        const n = key(x + dx, y + dy, z + dz);
        if (cells.has(n) && !reached.has(n)) { reached.add(n); queue.push(n); }
      }
    }
    expect(reached.size).toBe(cells.size);
  });

  it('have bills of materials with no refusal on 1.20.1 and 1.21.4', () => {
    const bills = Object.fromEntries(examples.map((s) => [s.name, billOfMaterials(s, createKnowledge('1.20.1'))]));
    expect(bills).toEqual({
      hut: { items: { oak_door: 1, oak_log: 12, oak_planks: 84 }, refused: [], tools: [], notes: [] },
      house: { items: { cobblestone: 136, cobblestone_stairs: 42, glass: 6, oak_door: 1 }, refused: [], tools: [], notes: [] },
      tower: { items: { cobblestone: 95, ladder: 11 }, refused: [], tools: [], notes: [] },
      bridge: { items: { oak_fence: 18, oak_planks: 27 }, refused: [], tools: [], notes: [] },
      farm: { items: { dirt: 81, oak_fence: 31, oak_fence_gate: 1 }, refused: [], tools: [], notes: [] },
    });
    for (const s of examples) expect(billOfMaterials(s, createKnowledge('1.21.4'))).toEqual(bills[s.name]);
  });

  it('the hut\'s door has both halves facing the same way, in the middle of the south wall', () => {
    const hut = examples.find((s) => s.name === 'hut')!;
    expect(hut.blocks.filter((b) => b.name === 'oak_door')).toEqual([
      { x: 2, y: 1, z: 4, name: 'oak_door', props: { facing: 'north', half: 'lower', hinge: 'left', open: 'false', powered: 'false' } },
      { x: 2, y: 2, z: 4, name: 'oak_door', props: { facing: 'north', half: 'upper', hinge: 'left', open: 'false', powered: 'false' } },
    ]);
  });
});
