// Litematica's .litematic: named regions, each a palette and its indexes packed into 64-bit longs at
// max(2, bits for the palette) bits apiece, an index free to run on from one long into the next. A region's
// Size may be negative on any axis: it then extends from Position towards lower coordinates.
import type { Structure, StructureBlock } from './types.ts';

type Compound = Record<string, unknown>;
/** A palette entry read into a block name and state. */
export type EntryReader = (entry: unknown, index: number) => { name: string; props: Record<string, string> };

function isCompound(value: unknown): value is Compound {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function vec(value: unknown, what: string): { x: number; y: number; z: number } {
  if (!isCompound(value) || ![value.x, value.y, value.z].every((n) => Number.isInteger(n))) throw new Error(`a region without ${what} {x, y, z}`);
  return { x: value.x as number, y: value.y as number, z: value.z as number };
}

/** prismarine-nbt gives a long as [high, low] 32-bit halves (or a bigint); the bits are what matters here. */
function toUnsigned(long: unknown): bigint {
  if (typeof long === 'bigint') return BigInt.asUintN(64, long);
  if (Array.isArray(long) && long.length === 2 && long.every((n) => Number.isInteger(n))) {
    const [hi, lo] = long as [number, number];
    return BigInt.asUintN(64, (BigInt(hi) << 32n) | BigInt(lo >>> 0));
  }
  throw new Error('BlockStates holds something that is not a long');
}

/** The palette indexes of `count` cells packed at `bits` bits each. */
export function unpackIndexes(longs: readonly unknown[], bits: number, count: number): number[] {
  const words = longs.map(toUnsigned);
  if (words.length * 64 < count * bits) throw new Error(`BlockStates holds ${words.length} longs, ${count} blocks at ${bits} bits need ${Math.ceil((count * bits) / 64)}`);
  const mask = (1n << BigInt(bits)) - 1n;
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const start = i * bits;
    const word = Math.floor(start / 64);
    const offset = start % 64;
    let value = words[word]! >> BigInt(offset);
    if (offset + bits > 64) value |= words[word + 1]! << BigInt(64 - offset);
    out[i] = Number(value & mask);
  }
  return out;
}

/** Every region's blocks relative to the lowest corner of all regions; where regions overlap, a later region's block wins, its air does not. */
export function readLitematica(root: Compound, entry: EntryReader, skip: (name: string) => boolean): Pick<Structure, 'size' | 'blocks'> {
  if (!isCompound(root.Regions)) throw new Error('not a Litematica schematic (no Regions)');
  const regions = Object.entries(root.Regions).map(([name, region]) => {
    if (!isCompound(region)) throw new Error(`region ${name} is not a compound`);
    const pos = vec(region.Position, 'Position');
    const size = vec(region.Size, 'Size');
    // The lowest corner of the region and its extent along each axis.
    const min = { x: pos.x + Math.min(0, size.x + 1), y: pos.y + Math.min(0, size.y + 1), z: pos.z + Math.min(0, size.z + 1) };
    return { name, region, min, abs: { x: Math.abs(size.x), y: Math.abs(size.y), z: Math.abs(size.z) } };
  });
  if (regions.length === 0) throw new Error('a Litematica schematic with no region');
  const low = { x: Math.min(...regions.map((r) => r.min.x)), y: Math.min(...regions.map((r) => r.min.y)), z: Math.min(...regions.map((r) => r.min.z)) };
  const high = {
    x: Math.max(...regions.map((r) => r.min.x + r.abs.x)), y: Math.max(...regions.map((r) => r.min.y + r.abs.y)), z: Math.max(...regions.map((r) => r.min.z + r.abs.z)),
  };
  const size = { x: high.x - low.x, y: high.y - low.y, z: high.z - low.z };
  if (size.x * size.y * size.z > 16_000_000) throw new Error(`${size.x}x${size.y}x${size.z} is too large`);
  const cells = new Map<string, StructureBlock>();
  for (const { name, region, min, abs } of regions) {
    if (!Array.isArray(region.BlockStatePalette) || !Array.isArray(region.BlockStates)) throw new Error(`region ${name} without BlockStatePalette and BlockStates`);
    const palette = region.BlockStatePalette.map((e, i) => entry(e, i));
    const volume = abs.x * abs.y * abs.z;
    const bits = Math.max(2, 32 - Math.clz32(palette.length - 1));
    const indexes = unpackIndexes(region.BlockStates as unknown[], bits, volume);
    const layer = abs.x * abs.z;
    for (let i = 0; i < volume; i++) {
      const state = palette[indexes[i]!];
      if (!state) throw new Error(`region ${name} refers to palette index ${indexes[i]} which its palette lacks`);
      const x = min.x - low.x + (i % abs.x);
      const y = min.y - low.y + Math.floor(i / layer);
      const z = min.z - low.z + Math.floor((i % layer) / abs.x);
      if (!skip(state.name)) cells.set(`${x},${y},${z}`, { x, y, z, name: state.name, props: state.props });
    }
  }
  const blocks = [...cells.values()].sort((a, b) => a.y - b.y || a.z - b.z || a.x - b.x);
  return { size, blocks };
}
