// Turns a ChunkBuffer into a prismarine-chunk column. Setting 30,000+ blocks one by one through
// setBlockStateId costs about 1 ms per chunk (a palette search per block), so complete sections
// are built directly from prismarine-chunk's own container classes. Those are internals of the
// exactly pinned prismarine-chunk 1.41.0; test/unit/worldgenChunk.test.ts compares the result
// block by block and through a network dump/load round trip, and catches any change there.
import { createRequire } from 'node:module';
import { Vec3 } from 'vec3';
import { ChunkBuffer, MIN_Y } from './buffer.ts';
import type { WorldRegistry } from '../blocks.ts';

const require = createRequire(import.meta.url);

/** The prismarine-chunk column methods the sandbox and the tests use. */
export interface GeneratedChunk {
  getBlockStateId(pos: Vec3): number;
  setBlockStateId(pos: Vec3, stateId: number): void;
  getBiome(pos: Vec3): number;
  setBiome(pos: Vec3, biome: number): void;
  getSkyLight(pos: Vec3): number;
  dump(): Buffer;
  load(data: Buffer): void;
}

interface BitArray { data: Uint32Array }
type BitArrayClass = new (o: { bitsPerValue: number; capacity: number; data?: ArrayBuffer }) => BitArray;
type ContainerClass = new (o: Record<string, unknown>) => object;
type SectionClass = new (o: Record<string, unknown>) => { noSizePrefix?: boolean; hasFluidCount?: boolean };
interface ColumnInternals extends GeneratedChunk {
  sections: (InstanceType<SectionClass> | undefined)[];
  maxBitsPerBlock: number;
  skyLightSections: (BitArray | null)[];
  biomes: BiomeSectionLike[];
  skyLightMask: { set(i: number, v: number): void };
}
interface BiomeSectionLike { set(cell: { x: number; y: number; z: number }, biome: number): void }
type ColumnClass = (new (o: null) => ColumnInternals) & { section: SectionClass };

const BitArrayImpl = require('prismarine-chunk/src/pc/common/BitArrayNoSpan.js') as BitArrayClass;
const containers = require('prismarine-chunk/src/pc/common/PaletteContainer.js') as { IndirectPaletteContainer: ContainerClass };
const BiomeSection = require('prismarine-chunk/src/pc/common/PaletteBiome.js') as new (o: Record<string, unknown>) => BiomeSectionLike;
const loadChunk = require('prismarine-chunk') as (registry: WorldRegistry) => ColumnClass;

const SECTION_VOLUME = 4096;
/** prismarine-chunk's largest local palette (8 bits); bigger palettes take the slow path. */
const MAX_PALETTE_BITS = 8;

export type ChunkWriter = (buf: ChunkBuffer, groundTop: Int16Array, biomes: Uint16Array) => GeneratedChunk;

/**
 * `groundTop[z * 16 + x]` is the highest light-blocking block of each column (sky light 15 above
 * it, 0 below); `biomes[(z >> 2) * 4 + (x >> 2)]` is the biome id of each 4x4 cell.
 */
export function createChunkWriter(registry: WorldRegistry): ChunkWriter {
  const Column = loadChunk(registry);
  const Section = Column.section;
  const stamp = new Uint32Array(65536);
  const paletteIndex = new Uint16Array(65536);
  let stampNo = 0;

  return (buf, groundTop, biomes) => {
    const chunk = new Column(null);
    const proto = chunk.sections[0];
    const fast = proto !== undefined && !proto.hasFluidCount;
    const topSection = (buf.topY - MIN_Y) >> 4;
    const data = buf.data;
    for (let s = 0; s <= topSection; s++) {
      const base = s * SECTION_VOLUME;
      const palette: number[] = [];
      let solid = 0;
      stampNo++;
      let last = -1;
      for (let i = base; i < base + SECTION_VOLUME; i++) {
        const v = data[i]!;
        if (v === last) continue;
        last = v;
        if (stamp[v] !== stampNo) {
          stamp[v] = stampNo;
          paletteIndex[v] = palette.length;
          palette.push(v);
        }
      }
      if (stamp[0] === stampNo) {
        for (let i = base; i < base + SECTION_VOLUME; i++) if (data[i] !== 0) solid++;
      } else {
        solid = SECTION_VOLUME;
      }
      if (solid === 0) continue;
      const bits = Math.max(4, 32 - Math.clz32(palette.length - 1));
      if (!fast || bits > MAX_PALETTE_BITS) {
        slowSection(chunk, data, s);
        continue;
      }
      const common = { noSizePrefix: proto.noSizePrefix, maxBitsPerBlock: chunk.maxBitsPerBlock };
      if (palette.length === 1) {
        chunk.sections[s] = new Section({ ...common, singleValue: palette[0] });
        continue;
      }
      const packed = packSection(data, base, bits, paletteIndex);
      const container = new containers.IndirectPaletteContainer({
        ...common,
        data: new BitArrayImpl({ bitsPerValue: bits, capacity: SECTION_VOLUME, data: packed.buffer as ArrayBuffer }),
        palette,
        maxBits: MAX_PALETTE_BITS,
      });
      chunk.sections[s] = new Section({ ...common, data: container, solidBlockCount: solid });
    }
    writeSkyLight(chunk, groundTop);
    writeBiomes(chunk, biomes, proto?.noSizePrefix);
    return chunk;
  };
}

/** Biomes are stored per 4x4x4 cell; every section gets all 64 cells (or one value if they agree). */
function writeBiomes(chunk: ColumnInternals, biomes: Uint16Array, noSizePrefix: boolean | undefined): void {
  let uniform = true;
  for (let c = 1; c < 16; c++) if (biomes[c] !== biomes[0]) uniform = false;
  const cell = { x: 0, y: 0, z: 0 };
  for (let s = 0; s < chunk.biomes.length; s++) {
    if (uniform) {
      chunk.biomes[s] = new BiomeSection({ noSizePrefix, singleValue: biomes[0] });
      continue;
    }
    const section = new BiomeSection({ noSizePrefix });
    for (let c = 0; c < 64; c++) {
      cell.x = c & 3;
      cell.z = (c >> 2) & 3;
      cell.y = c >> 4;
      section.set(cell, biomes[(cell.z << 2) | cell.x]!);
    }
    chunk.biomes[s] = section;
  }
}

/** Same bit layout as prismarine-chunk's BitArray: floor(64 / bits) values per 64-bit long, low word first. */
function packSection(data: Uint16Array, base: number, bits: number, paletteIndex: Uint16Array): Uint32Array {
  const perLong = Math.floor(64 / bits);
  const out = new Uint32Array(Math.ceil(SECTION_VOLUME / perLong) * 2);
  let i = 0;
  for (let long = 0; i < SECTION_VOLUME; long++) {
    let lo = 0;
    let hi = 0;
    for (let k = 0, off = 0; k < perLong && i < SECTION_VOLUME; k++, off += bits, i++) {
      const v = paletteIndex[data[base + i]!]!;
      if (off >= 32) {
        hi |= v << (off - 32);
      } else {
        lo |= v << off;
        if (off + bits > 32) hi |= v >>> (32 - off);
      }
    }
    out[2 * long] = lo;
    out[2 * long + 1] = hi;
  }
  return out;
}

function slowSection(chunk: GeneratedChunk, data: Uint16Array, s: number): void {
  const p = new Vec3(0, 0, 0);
  const base = s * SECTION_VOLUME;
  for (let i = 0; i < SECTION_VOLUME; i++) {
    const v = data[base + i]!;
    if (v === 0) continue;
    p.x = i & 15;
    p.z = (i >> 4) & 15;
    p.y = MIN_Y + s * 16 + (i >> 8);
    chunk.setBlockStateId(p, v);
  }
}

/** Light sections run one below and one above the world; nibble i sits at bits (i & 7) * 4 of word i >> 3. */
function writeSkyLight(chunk: ColumnInternals, groundTop: Int16Array): void {
  let lowest = Infinity;
  let highest = -Infinity;
  for (let c = 0; c < 256; c++) {
    lowest = Math.min(lowest, groundTop[c]!);
    highest = Math.max(highest, groundTop[c]!);
  }
  const count = chunk.skyLightSections.length;
  for (let ls = 1; ls < count; ls++) {
    const y0 = MIN_Y + (ls - 1) * 16;
    if (y0 + 15 <= lowest) continue;
    const light = new BitArrayImpl({ bitsPerValue: 4, capacity: SECTION_VOLUME });
    const words = light.data;
    if (y0 > highest) {
      words.fill(0xffffffff);
    } else {
      for (let i = 0; i < SECTION_VOLUME; i++) {
        if (y0 + (i >> 8) > groundTop[i & 255]!) words[i >> 3]! |= 15 << ((i & 7) * 4);
      }
    }
    chunk.skyLightSections[ls] = light;
    chunk.skyLightMask.set(ls, 1);
  }
}
