// The five example structures this project ships (examples/schematics/*.schem), made here as code so that
// `npm run examples` writes the same bytes every time. Every block carries its full vanilla state, as WorldEdit
// writes it, and the states are the ones vanilla gives when a player places the block (fences joined to their
// neighbours, doors with both halves), so a build can be checked block by block against the file.
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Structure, StructureBlock } from './types.ts';

const require = createRequire(import.meta.url);
const nbt = require('prismarine-nbt') as { writeUncompressed(value: unknown, format: 'big'): Buffer };

type Props = Record<string, string>;
type Side = 'north' | 'east' | 'south' | 'west';

/** 1.20.1's data version: the oldest version the examples are built on. */
export const EXAMPLE_DATA_VERSION = 3465;
export const EXAMPLE_NAMES = ['hut', 'house', 'tower', 'bridge', 'farm'] as const;

const door = (facing: Side, half: 'lower' | 'upper'): Props => ({ facing, half, hinge: 'left', open: 'false', powered: 'false' });
const stairs = (facing: Side): Props => ({ facing, half: 'bottom', shape: 'straight', waterlogged: 'false' });
const log = (): Props => ({ axis: 'y' });

/** Blocks keyed by position while a structure is laid out; the last one set at a position wins. */
class Layout {
  private readonly cells = new Map<string, StructureBlock>();
  constructor(readonly size: Structure['size']) {}

  set(x: number, y: number, z: number, name: string, props: Props = {}): void {
    if (x < 0 || y < 0 || z < 0 || x >= this.size.x || y >= this.size.y || z >= this.size.z) throw new RangeError(`${x},${y},${z} outside the layout`);
    this.cells.set(`${x},${y},${z}`, { x, y, z, name, props });
  }

  clear(x: number, y: number, z: number): void {
    this.cells.delete(`${x},${y},${z}`);
  }

  get(x: number, y: number, z: number): StructureBlock | undefined {
    return this.cells.get(`${x},${y},${z}`);
  }

  /** Every cell of a box (inclusive corners). */
  fill(from: [number, number, number], to: [number, number, number], name: string, props: Props = {}): void {
    for (let y = from[1]; y <= to[1]; y++) for (let z = from[2]; z <= to[2]; z++) for (let x = from[0]; x <= to[0]; x++) this.set(x, y, z, name, props);
  }

  /** The outer ring of a layer: x0..x1 by z0..z1 at height y. */
  ring(y: number, x0: number, z0: number, x1: number, z1: number, name: string, props: Props = {}): void {
    for (let x = x0; x <= x1; x++) for (let z = z0; z <= z1; z++) if (x === x0 || x === x1 || z === z0 || z === z1) this.set(x, y, z, name, props);
  }

  /** Sets each fence's four sides as vanilla joins them: to fences, and to gates turned across the side. */
  joinFences(): void {
    const steps: Record<Side, [number, number]> = { north: [0, -1], east: [1, 0], south: [0, 1], west: [-1, 0] };
    for (const b of this.cells.values()) {
      if (!b.name.endsWith('_fence')) continue;
      const props: Props = { ...b.props, waterlogged: b.props.waterlogged ?? 'false' };
      for (const [side, [dx, dz]] of Object.entries(steps) as [Side, [number, number]][]) {
        const n = this.get(b.x + dx, b.y, b.z + dz);
        const gateAcross = n?.name.endsWith('_fence_gate') === true && (dx !== 0) === (n.props.facing === 'north' || n.props.facing === 'south');
        props[side] = String(n?.name.endsWith('_fence') === true || gateAcross);
      }
      b.props = props;
    }
  }

  structure(name: string): Structure {
    const blocks = [...this.cells.values()].sort((a, b) => a.y - b.y || a.z - b.z || a.x - b.x);
    return { name, size: { ...this.size }, blocks, format: 'sponge' };
  }
}

/** 5x5 oak hut: plank floor and flat roof, log corners, 3-high plank walls, a door in the south wall. */
function hut(): Structure {
  const l = new Layout({ x: 5, y: 5, z: 5 });
  l.fill([0, 0, 0], [4, 0, 4], 'oak_planks');
  for (let y = 1; y <= 3; y++) {
    l.ring(y, 0, 0, 4, 4, 'oak_planks');
    for (const [x, z] of [[0, 0], [4, 0], [0, 4], [4, 4]] as const) l.set(x, y, z, 'oak_log', log());
  }
  l.set(2, 1, 4, 'oak_door', door('north', 'lower'));
  l.set(2, 2, 4, 'oak_door', door('north', 'upper'));
  l.fill([0, 4, 0], [4, 4, 4], 'oak_planks');
  return l.structure('hut');
}

/** 7x7 cobblestone house: glass windows on three sides, a door on the fourth, a gable roof of stairs. */
function house(): Structure {
  const l = new Layout({ x: 7, y: 7, z: 7 });
  l.fill([0, 0, 0], [6, 0, 6], 'cobblestone');
  for (let y = 1; y <= 3; y++) l.ring(y, 0, 0, 6, 6, 'cobblestone');
  for (const i of [2, 4]) {
    l.set(i, 2, 0, 'glass');
    l.set(0, 2, i, 'glass');
    l.set(6, 2, i, 'glass');
  }
  l.set(3, 1, 6, 'oak_door', door('north', 'lower'));
  l.set(3, 2, 6, 'oak_door', door('north', 'upper'));
  // The roof rises from the north and south walls to a ridge along x; the gables close its ends.
  for (let step = 0; step < 3; step++) {
    const y = 4 + step;
    for (let x = 0; x <= 6; x++) {
      l.set(x, y, step, 'cobblestone_stairs', stairs('south'));
      l.set(x, y, 6 - step, 'cobblestone_stairs', stairs('north'));
    }
    for (let z = step + 1; z <= 5 - step; z++) for (const x of [0, 6]) l.set(x, y, z, 'cobblestone');
  }
  for (let x = 0; x <= 6; x++) l.set(x, 6, 3, 'cobblestone');
  return l.structure('house');
}

/** 3x3 cobblestone tower 12 high, hollow, a ladder up the inside of its north wall, a 2-high way in. */
function tower(): Structure {
  const l = new Layout({ x: 3, y: 12, z: 3 });
  l.fill([0, 0, 0], [2, 0, 2], 'cobblestone');
  for (let y = 1; y <= 11; y++) {
    l.ring(y, 0, 0, 2, 2, 'cobblestone');
    l.set(1, y, 1, 'ladder', { facing: 'south', waterlogged: 'false' });
  }
  for (const y of [1, 2]) l.clear(1, y, 2);
  return l.structure('tower');
}

/** 9x3 oak bridge: a plank deck with a fence rail along each long side. */
function bridge(): Structure {
  const l = new Layout({ x: 9, y: 2, z: 3 });
  l.fill([0, 0, 0], [8, 0, 2], 'oak_planks');
  for (let x = 0; x <= 8; x++) for (const z of [0, 2]) l.set(x, 1, z, 'oak_fence');
  l.joinFences();
  return l.structure('bridge');
}

/**
 * A 7x7 plot inside a 9x9 oak fence with a gate in the south side, on a bed of dirt. Dirt, not farmland:
 * tilled farmland's moisture changes at random, so a build could not be checked block by block; and no water
 * source, which the sandbox cannot pour from a bucket yet.
 */
function farm(): Structure {
  const l = new Layout({ x: 9, y: 2, z: 9 });
  l.fill([0, 0, 0], [8, 0, 8], 'dirt');
  l.ring(1, 0, 0, 8, 8, 'oak_fence');
  l.set(4, 1, 8, 'oak_fence_gate', { facing: 'north', in_wall: 'false', open: 'false', powered: 'false' });
  l.joinFences();
  return l.structure('farm');
}

/** The five examples, in EXAMPLE_NAMES' order. */
export function exampleStructures(): Structure[] {
  return [hut(), house(), tower(), bridge(), farm()];
}

/** "minecraft:oak_door[facing=north,half=lower,…]" with the properties in name order, as WorldEdit writes them. */
export function blockStateKey(b: Pick<StructureBlock, 'name' | 'props'>): string {
  const props = Object.keys(b.props).sort().map((k) => `${k}=${b.props[k]}`);
  return `minecraft:${b.name}${props.length ? `[${props.join(',')}]` : ''}`;
}

/** A Sponge schematic v2 NBT tree, not yet gzipped; palette ids in order of first use, air first. */
export function spongeNbt(s: Structure, dataVersion = EXAMPLE_DATA_VERSION): unknown {
  const { x: w, y: h, z: len } = s.size;
  const palette = new Map<string, number>([['minecraft:air', 0]]);
  const cells = new Array<number>(w * h * len).fill(0);
  for (const b of s.blocks) {
    const key = blockStateKey(b);
    if (!palette.has(key)) palette.set(key, palette.size);
    cells[b.x + b.z * w + b.y * w * len] = palette.get(key)!;
  }
  const data: number[] = [];
  for (let v of cells) {
    while (v >= 0x80) {
      data.push(((v & 0x7f) | 0x80) << 24 >> 24);
      v >>>= 7;
    }
    data.push(v);
  }
  const int = (value: number) => ({ type: 'int', value });
  const short = (value: number) => ({ type: 'short', value });
  return {
    type: 'compound',
    name: 'Schematic',
    value: {
      Version: int(2),
      DataVersion: int(dataVersion),
      Metadata: { type: 'compound', value: { Name: { type: 'string', value: s.name }, Author: { type: 'string', value: 'Skillcraft' } } },
      Width: short(w),
      Height: short(h),
      Length: short(len),
      Offset: { type: 'intArray', value: [0, 0, 0] },
      PaletteMax: int(palette.size),
      Palette: { type: 'compound', value: Object.fromEntries([...palette].map(([k, id]) => [k, int(id)])) },
      BlockData: { type: 'byteArray', value: data },
      BlockEntities: { type: 'list', value: { type: 'compound', value: [] } },
    },
  };
}

/** The gzipped .schem bytes; gzip's header time is zero, so the same structure gives the same bytes. */
export function spongeBytes(s: Structure, dataVersion = EXAMPLE_DATA_VERSION): Buffer {
  return gzipSync(nbt.writeUncompressed(spongeNbt(s, dataVersion), 'big'), { level: 9 });
}

/** Writes examples/schematics/<name>.schem for each example; returns the paths written. */
export async function writeExamples(dir = path.join('examples', 'schematics')): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const s of exampleStructures()) {
    const file = path.join(dir, `${s.name}.schem`);
    await writeFile(file, spongeBytes(s));
    written.push(file);
  }
  return written;
}

// `npm run examples` runs this file directly.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const file of await writeExamples()) console.log(`wrote ${file}`);
}
