import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBlockState, readStructure, StructureFileError } from '../../src/build/read.ts';
import { spongeBytes } from '../../src/build/examples.ts';
import { unpackIndexes } from '../../src/build/litematic.ts';
import type { Structure } from '../../src/build/types.ts';

const require = createRequire(import.meta.url);
const nbt = require('prismarine-nbt') as { writeUncompressed(value: unknown, format?: 'big'): Buffer };

type Tag = { type: string; value: unknown };
const int = (value: number): Tag => ({ type: 'int', value });
const short = (value: number): Tag => ({ type: 'short', value });
const str = (value: string): Tag => ({ type: 'string', value });
const bytes = (value: number[]): Tag => ({ type: 'byteArray', value });
const comp = (value: Record<string, Tag>): Tag => ({ type: 'compound', value });
const intList = (value: number[]): Tag => ({ type: 'list', value: { type: 'int', value } });
const compList = (value: Record<string, Tag>[]): Tag => ({ type: 'list', value: { type: 'compound', value } });
const xyz = (x: number, y: number, z: number): Tag => comp({ x: int(x), y: int(y), z: int(z) });

/** Palette indexes packed as Litematica does: `bits` each, running on from one long into the next. */
function packLongs(indexes: number[], bits: number): Tag {
  const words = new Array<bigint>(Math.ceil((indexes.length * bits) / 64)).fill(0n);
  indexes.forEach((v, i) => {
    const start = i * bits;
    const w = Math.floor(start / 64);
    words[w] = BigInt.asUintN(64, words[w]! | (BigInt(v) << BigInt(start % 64)));
    if ((start % 64) + bits > 64) words[w + 1] = words[w + 1]! | (BigInt(v) >> BigInt(64 - (start % 64)));
  });
  return { type: 'longArray', value: words.map((w) => [Number(BigInt.asIntN(32, w >> 32n)), Number(BigInt.asIntN(32, w & 0xffffffffn))]) };
}
const gz = (name: string, value: Record<string, Tag>): Buffer => gzipSync(nbt.writeUncompressed({ type: 'compound', name, value }, 'big'));

let dir: string;
const file = (name: string, content: Buffer | string): string => {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
};

beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'build-read-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

/** A 2x2x2 structure: a log on its side, stairs, a door's two halves, and a block no version knows. */
const sample: Structure = {
  name: 'sample',
  size: { x: 2, y: 2, z: 2 },
  format: 'sponge',
  blocks: [
    { x: 0, y: 0, z: 0, name: 'oak_log', props: { axis: 'x' } },
    { x: 1, y: 0, z: 0, name: 'oak_door', props: { facing: 'east', half: 'lower', hinge: 'left', open: 'false', powered: 'false' } },
    { x: 0, y: 0, z: 1, name: 'mymod:gizmo', props: {} },
    { x: 1, y: 0, z: 1, name: 'cobblestone_stairs', props: { facing: 'south', half: 'top', shape: 'inner_left', waterlogged: 'false' } },
    { x: 1, y: 1, z: 0, name: 'oak_door', props: { facing: 'east', half: 'upper', hinge: 'left', open: 'false', powered: 'false' } },
  ],
};

describe('readStructure: Sponge .schem', () => {
  it('reads v2 (as written by the examples script) back to the same structure, air left out', async () => {
    expect(await readStructure(file('sample.schem', spongeBytes(sample)))).toEqual(sample);
  });

  it('reads v1: no DataVersion, Palette and BlockData at the top, air and cave_air left out', async () => {
    const f = file('v1.schem', gz('Schematic', {
      Version: int(1), Width: short(3), Height: short(1), Length: short(1),
      PaletteMax: int(3), Palette: comp({ 'minecraft:air': int(0), 'minecraft:stone': int(1), 'minecraft:cave_air': int(2) }),
      BlockData: bytes([1, 0, 2]),
    }));
    expect(await readStructure(f)).toEqual({ name: 'v1', format: 'sponge', size: { x: 3, y: 1, z: 1 }, blocks: [{ x: 0, y: 0, z: 0, name: 'stone', props: {} }] });
  });

  it('reads v3: everything in a Schematic compound, blocks in Blocks.Palette and Blocks.Data', async () => {
    const f = file('v3.schem', gz('', {
      Schematic: comp({
        Version: int(3), DataVersion: int(3953), Width: short(1), Height: short(2), Length: short(2),
        Blocks: comp({
          Palette: comp({ 'minecraft:glass': int(0), 'minecraft:air': int(1), 'minecraft:oak_fence[east=false,north=true,south=false,waterlogged=false,west=false]': int(2) }),
          Data: bytes([0, 1, 2, 0]),
          BlockEntities: compList([]),
        }),
      }),
    }));
    const s = await readStructure(f);
    expect(s.size).toEqual({ x: 1, y: 2, z: 2 });
    expect(s.blocks).toEqual([
      { x: 0, y: 0, z: 0, name: 'glass', props: {} },
      { x: 0, y: 1, z: 0, name: 'oak_fence', props: { east: 'false', north: 'true', south: 'false', waterlogged: 'false', west: 'false' } },
      { x: 0, y: 1, z: 1, name: 'glass', props: {} },
    ]);
  });

  it('decodes palette indexes above 127 (two-byte varints) and keeps names of other namespaces', async () => {
    const blocks = Array.from({ length: 200 }, (_, i) => ({ x: i, y: 0, z: 0, name: `mymod:block_${i}`, props: {} }));
    const s: Structure = { name: 'wide', size: { x: 200, y: 1, z: 1 }, format: 'sponge', blocks };
    expect(await readStructure(file('wide.schem', spongeBytes(s)))).toEqual(s);
  });
});

describe('readStructure: MCEdit .schematic and vanilla .nbt', () => {
  it('reads MCEdit ids through the legacy table, with the states 1.12 did not store put right', async () => {
    // y=0: stone, oak stairs (53:2, facing south), a door's lower half (64:3); y=1: air, air, its upper half (64:9, right hinge).
    const f = file('old.schematic', gz('Schematic', {
      Width: short(3), Height: short(2), Length: short(1), Materials: str('Alpha'),
      Blocks: bytes([1, 53, 64, 0, 0, 64]), Data: bytes([0, 2, 3, 0, 0, 9]),
    }));
    const s = await readStructure(f);
    expect(s.format).toBe('mcedit');
    expect(s.blocks).toEqual([
      { x: 0, y: 0, z: 0, name: 'stone', props: {} },
      { x: 1, y: 0, z: 0, name: 'oak_stairs', props: { facing: 'south', half: 'bottom', shape: 'straight', waterlogged: 'false' } },
      { x: 2, y: 0, z: 0, name: 'oak_door', props: { facing: 'north', half: 'lower', hinge: 'right', open: 'false', powered: 'false' } },
      { x: 2, y: 1, z: 0, name: 'oak_door', props: { facing: 'north', half: 'upper', hinge: 'right', open: 'false', powered: 'false' } },
    ]);
  });

  it('refuses an MCEdit id the legacy table lacks, naming it, instead of putting stone there', async () => {
    const f = file('odd.schematic', gz('Schematic', { Width: short(1), Height: short(1), Length: short(1), Blocks: bytes([-3]), Data: bytes([2]) }));
    await expect(readStructure(f)).rejects.toThrow(/odd\.schematic: unknown legacy block id 253:2/);
  });

  it('reads a vanilla structure file: palette and blocks list, air and structure_void left out, sorted bottom-up', async () => {
    const f = file('well.nbt', gz('', {
      DataVersion: int(3465),
      size: intList([2, 2, 1]),
      palette: compList([{ Name: str('minecraft:air') }, { Name: str('minecraft:oak_log'), Properties: comp({ axis: str('z') }) }, { Name: str('minecraft:structure_void') }]),
      blocks: compList([
        { pos: intList([1, 1, 0]), state: int(1) },
        { pos: intList([0, 0, 0]), state: int(0) },
        { pos: intList([1, 0, 0]), state: int(1) },
        { pos: intList([0, 1, 0]), state: int(2) },
      ]),
      entities: compList([]),
    }));
    expect(await readStructure(f)).toEqual({
      name: 'well', format: 'nbt', size: { x: 2, y: 2, z: 1 },
      blocks: [{ x: 1, y: 0, z: 0, name: 'oak_log', props: { axis: 'z' } }, { x: 1, y: 1, z: 0, name: 'oak_log', props: { axis: 'z' } }],
    });
  });
});

describe('readStructure: Litematica .litematic', () => {
  it('unpacks indexes that run on from one long into the next', () => {
    expect(unpackIndexes([[0, 57]], 2, 3)).toEqual([1, 2, 3]);
    // 22 entries of 3 bits: the last starts at bit 63, one bit in the first long and two in the second.
    expect(unpackIndexes([[-2147483648, 0], [0, 3]], 3, 22)).toEqual([...new Array<number>(21).fill(0), 7]);
    expect(() => unpackIndexes([[0, 0]], 3, 22)).toThrow(/1 longs, 22 blocks at 3 bits need 2/);
  });

  it('reads every region, one with a negative size, relative to their lowest corner', async () => {
    const first = new Array<number>(32).fill(0);
    first[0] = 1; first[21] = 4; first[31] = 2; first[5] = 3;
    const f = file('plot.litematic', gz('', {
      Version: int(6), MinecraftDataVersion: int(3465),
      Regions: comp({
        main: comp({
          Position: xyz(0, 0, 0), Size: xyz(4, 2, 4),
          BlockStatePalette: compList([{ Name: str('minecraft:air') }, { Name: str('minecraft:stone') }, { Name: str('minecraft:oak_log'), Properties: comp({ axis: str('x') }) }, { Name: str('minecraft:cave_air') }, { Name: str('minecraft:glass') }]),
          BlockStates: packLongs(first, 3),
        }),
        porch: comp({
          Position: xyz(5, 0, 0), Size: xyz(-2, 1, 1),
          BlockStatePalette: compList([{ Name: str('minecraft:air') }, { Name: str('minecraft:dirt') }]),
          BlockStates: packLongs([1, 0], 2),
        }),
      }),
    }));
    expect(await readStructure(f)).toEqual({
      name: 'plot', format: 'litematica', size: { x: 6, y: 2, z: 4 },
      blocks: [
        { x: 0, y: 0, z: 0, name: 'stone', props: {} },
        { x: 4, y: 0, z: 0, name: 'dirt', props: {} },
        { x: 1, y: 1, z: 1, name: 'glass', props: {} },
        { x: 3, y: 1, z: 3, name: 'oak_log', props: { axis: 'x' } },
      ],
    });
  });

  it('refuses a file without regions, naming it', async () => {
    await expect(readStructure(file('empty.litematic', gz('', { Version: int(6) })))).rejects.toThrow(/empty\.litematic: not a Litematica schematic/);
  });
});

describe('readStructure: bad input is one line naming the file', () => {
  const rejects = async (f: string, message: RegExp): Promise<void> => {
    const err = await readStructure(f).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(StructureFileError);
    const e = err as StructureFileError;
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain(f);
    expect(e.message).not.toContain('\n');
    expect(e.message).toMatch(message);
  };

  it('a missing file', async () => { await rejects(path.join(dir, 'nope.schem'), /no such file/); });
  it('a directory', async () => {
    const d = path.join(dir, 'folder.schem');
    mkdirSync(d, { recursive: true });
    await rejects(d, /a directory/);
  });
  it('an extension that is no structure format', async () => { await rejects(file('house.txt', 'hello'), /unknown format '\.txt'/); });
  it('text that is not NBT', async () => { await rejects(file('text.schem', 'this is not a schematic at all'), /not an NBT file/); });
  it('a truncated gzip', async () => {
    const whole = spongeBytes(sample);
    await rejects(file('cut.schem', whole.subarray(0, whole.length - 12)), /truncated or corrupt gzip/);
  });
  it('a structure .nbt named .schem', async () => {
    await rejects(file('wrong.schem', gz('', { size: intList([1, 1, 1]), palette: compList([]), blocks: compList([]) })), /not a Sponge schematic/);
  });
  it('block data shorter than the size says', async () => {
    const f = file('short.schem', gz('Schematic', { Version: int(2), Width: short(2), Height: short(1), Length: short(1), Palette: comp({ 'minecraft:stone': int(0) }), BlockData: bytes([0]) }));
    await rejects(f, /block data holds 1 blocks, the size 2x1x1 needs 2/);
  });
  it('a palette index the palette lacks', async () => {
    const f = file('hole.schem', gz('Schematic', { Version: int(2), Width: short(1), Height: short(1), Length: short(1), Palette: comp({ 'minecraft:stone': int(0) }), BlockData: bytes([5]) }));
    await rejects(f, /palette index 5/);
  });
  it('a structure block outside its size', async () => {
    const f = file('out.nbt', gz('', { size: intList([1, 1, 1]), palette: compList([{ Name: str('minecraft:stone') }]), blocks: compList([{ pos: intList([0, 3, 0]), state: int(0) }]) }));
    await rejects(f, /outside the size 1x1x1/);
  });
});

describe('parseBlockState', () => {
  it('splits a palette key into a name without namespace and string properties', () => {
    expect(parseBlockState('minecraft:oak_stairs[facing=north,half=bottom]')).toEqual({ name: 'oak_stairs', props: { facing: 'north', half: 'bottom' } });
    expect(parseBlockState('minecraft:stone')).toEqual({ name: 'stone', props: {} });
    expect(parseBlockState('create:shaft[axis=y]')).toEqual({ name: 'create:shaft', props: { axis: 'y' } });
    expect(() => parseBlockState('minecraft:stone[facing]')).toThrow(/without a value/);
  });
});
