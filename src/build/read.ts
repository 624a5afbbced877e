// Structure files into a Structure. Sponge .schem (v1–v3) and vanilla structure .nbt are read from their NBT
// here, because prismarine-schematic turns a Sponge palette into one version's state ids: a block that version
// does not know would become air, and v3 files are not read at all. MCEdit .schematic holds numeric 1.12 ids,
// which prismarine-schematic maps through minecraft-data's legacy table. Litematica's .litematic: litematic.ts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readLitematica } from './litematic.ts';
import type { Structure, StructureBlock } from './types.ts';

const require = createRequire(import.meta.url);
const nbt = require('prismarine-nbt') as {
  parse(data: Buffer, format: 'big'): Promise<{ parsed: unknown }>;
  simplify(tag: unknown): unknown;
};

/** A file that is not a structure this reads; the CLI prints the one-line message and exits 2. */
export class StructureFileError extends Error {
  readonly code = 'BAD_INPUT';
  constructor(readonly file: string, reason: string, options?: { cause?: unknown }) {
    super(`cannot read structure ${file}: ${reason}`, options);
    this.name = 'StructureFileError';
  }
}

/** Blocks that mean "nothing to place"; structure_void is how structure files mark "leave the world as it is". */
const NOTHING = new Set(['air', 'cave_air', 'void_air', 'structure_void']);
/** Above this many cells a file is taken for a mistake rather than something to build. */
const MAX_VOLUME = 16_000_000;

type Compound = Record<string, unknown>;
const FORMATS: Readonly<Record<string, Structure['format']>> = { '.schem': 'sponge', '.schematic': 'mcedit', '.nbt': 'nbt', '.litematic': 'litematica' };

export async function readStructure(file: string): Promise<Structure> {
  const ext = path.extname(file).toLowerCase();
  const format = FORMATS[ext];
  if (!format) throw new StructureFileError(file, `unknown format '${ext || 'no extension'}' (expected .schem, .schematic, .nbt or .litematic)`);
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new StructureFileError(file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : String((err as Error).message), { cause: err });
  }
  let root: Compound;
  try {
    const simple = nbt.simplify((await nbt.parse(buffer, 'big')).parsed);
    if (!isCompound(simple)) throw new Error('the root tag is not a compound');
    root = simple;
  } catch (err) {
    const why = (err as { code?: string }).code?.startsWith('Z_') ? 'truncated or corrupt gzip data' : 'not an NBT file';
    throw new StructureFileError(file, why, { cause: err });
  }
  const name = path.basename(file, path.extname(file));
  try {
    if (format === 'sponge') return { name, format, ...readSponge(root) };
    if (format === 'nbt') return { name, format, ...readVanilla(root) };
    if (format === 'litematica') return { name, format, ...readLitematica(root, paletteEntry, (n) => NOTHING.has(n)) };
    return { name, format, ...(await readMcedit(root, buffer)) };
  } catch (err) {
    if (err instanceof StructureFileError) throw err;
    throw new StructureFileError(file, (err as Error).message, { cause: err });
  }
}

type Body = Pick<Structure, 'size' | 'blocks'>;

function readSponge(outer: Compound): Body {
  // v3 wraps everything in a compound named Schematic inside an unnamed root.
  const root = isCompound(outer.Schematic) && outer.Version === undefined ? outer.Schematic : outer;
  const version = root.Version;
  if (version !== 1 && version !== 2 && version !== 3) throw new Error(`not a Sponge schematic (Version ${JSON.stringify(version)})`);
  const size = { x: short(root.Width, 'Width'), y: short(root.Height, 'Height'), z: short(root.Length, 'Length') };
  const container = version === 3 ? root.Blocks : root;
  if (!isCompound(container)) throw new Error('Sponge v3 schematic without a Blocks compound');
  const palette = container.Palette;
  const data = version === 3 ? container.Data : container.BlockData;
  if (!isCompound(palette)) throw new Error('no block Palette');
  if (!Array.isArray(data)) throw new Error('no block data');
  const byIndex = new Map<number, { name: string; props: Record<string, string> }>();
  for (const [key, id] of Object.entries(palette)) {
    if (typeof id !== 'number') throw new Error(`palette entry ${key} is not a number`);
    byIndex.set(id, parseBlockState(key));
  }
  const indexes = decodeVarints(data as number[]);
  const volume = checkVolume(size);
  if (indexes.length !== volume) throw new Error(`block data holds ${indexes.length} blocks, the size ${size.x}x${size.y}x${size.z} needs ${volume}`);
  const blocks: StructureBlock[] = [];
  for (let i = 0; i < volume; i++) {
    const state = byIndex.get(indexes[i]!);
    if (!state) throw new Error(`block data refers to palette index ${indexes[i]} which the palette lacks`);
    if (NOTHING.has(state.name)) continue;
    blocks.push({ ...positionOf(i, size), name: state.name, props: state.props });
  }
  return { size, blocks };
}

function readVanilla(root: Compound): Body {
  const sizeList = root.size;
  if (!Array.isArray(sizeList) || sizeList.length !== 3 || !sizeList.every((n) => Number.isInteger(n) && (n as number) >= 0)) {
    throw new Error('not a structure file (no size [x, y, z])');
  }
  const [x, y, z] = sizeList as [number, number, number];
  const size = { x, y, z };
  checkVolume(size);
  // Files with several palettes (shipwrecks) use one at random; the first is as good as any.
  const paletteList = Array.isArray(root.palette) ? root.palette : Array.isArray(root.palettes) ? (root.palettes as unknown[])[0] : undefined;
  if (!Array.isArray(paletteList)) throw new Error('not a structure file (no palette)');
  const palette = paletteList.map(paletteEntry);
  if (!Array.isArray(root.blocks)) throw new Error('not a structure file (no blocks list)');
  const blocks: StructureBlock[] = [];
  for (const entry of root.blocks as unknown[]) {
    if (!isCompound(entry) || !Array.isArray(entry.pos) || typeof entry.state !== 'number') throw new Error('a blocks entry without pos and state');
    const [bx, by, bz] = entry.pos as number[];
    if (![bx, by, bz].every((n) => Number.isInteger(n)) || bx! < 0 || by! < 0 || bz! < 0 || bx! >= x || by! >= y || bz! >= z) {
      throw new Error(`a block at ${JSON.stringify(entry.pos)} lies outside the size ${x}x${y}x${z}`);
    }
    const state = palette[entry.state];
    if (!state) throw new Error(`a block refers to palette index ${entry.state} which the palette lacks`);
    if (NOTHING.has(state.name)) continue;
    blocks.push({ x: bx!, y: by!, z: bz!, name: state.name, props: state.props });
  }
  blocks.sort((a, b) => a.y - b.y || a.z - b.z || a.x - b.x);
  return { size, blocks };
}

interface SchematicLike {
  palette: number[];
  blocks: number[];
  Block: { fromStateId(id: number, biome: number): { name: string; getProperties(): Record<string, unknown> } };
}
/** MCEdit files hold 1.12 ids; prismarine-schematic maps them to 1.13.2 states, the first flattened version. */
const LEGACY_VERSION = '1.13.2';

async function readMcedit(root: Compound, buffer: Buffer): Promise<Body> {
  if (root.Materials !== undefined && root.Materials !== 'Alpha') throw new Error(`MCEdit materials ${JSON.stringify(root.Materials)} (only Alpha, Java's, is read)`);
  const size = { x: short(root.Width, 'Width'), y: short(root.Height, 'Height'), z: short(root.Length, 'Length') };
  const volume = checkVolume(size);
  const ids = root.Blocks;
  const data = root.Data;
  if (!Array.isArray(ids) || !Array.isArray(data)) throw new Error('not an MCEdit schematic (no Blocks and Data)');
  if (ids.length !== volume || data.length !== volume) throw new Error(`Blocks holds ${ids.length} entries, the size ${size.x}x${size.y}x${size.z} needs ${volume}`);
  const add = Array.isArray(root.AddBlocks) ? (root.AddBlocks as number[]) : undefined;
  const legacy = (require('minecraft-data') as { legacy: { pc: { blocks: Record<string, string> } } }).legacy.pc.blocks;
  // prismarine-schematic puts stone where an id is unknown; refuse the file instead, naming the id.
  for (let i = 0; i < volume; i++) {
    const high = add ? ((add[i >> 1]! >> (i & 1 ? 0 : 4)) & 0x0f) << 8 : 0;
    const id = ((ids[i] as number) & 0xff) + high;
    if (!legacy[`${id}:${data[i] as number}`] && !legacy[`${id}:0`]) throw new Error(`unknown legacy block id ${id}:${data[i] as number} at ${JSON.stringify(positionOf(i, size))}`);
  }
  const { Schematic } = require('prismarine-schematic') as { Schematic: { read(b: Buffer, v: string): Promise<SchematicLike> } };
  const schematic = await Schematic.read(buffer, LEGACY_VERSION);
  const blocks: StructureBlock[] = [];
  for (let i = 0; i < volume; i++) {
    const block = schematic.Block.fromStateId(schematic.palette[schematic.blocks[i]!]!, 0);
    if (NOTHING.has(block.name)) continue;
    const props = Object.fromEntries(Object.entries(block.getProperties()).map(([k, v]) => [k, String(v)]));
    blocks.push({ ...positionOf(i, size), name: block.name, props });
  }
  fixLegacyStates(blocks);
  return { size, blocks };
}

/**
 * What 1.12 did not store and the legacy table fills in wrongly: prismarine-schematic gives every block that can
 * be waterlogged waterlogged=true (the first value of the property), 1.12 kept a door's facing in its lower half
 * and its hinge in its upper, and a stair's corner shape was worked out from its neighbours, never stored.
 */
function fixLegacyStates(blocks: StructureBlock[]): void {
  const at = new Map(blocks.map((b) => [`${b.x},${b.y},${b.z}`, b]));
  for (const b of blocks) {
    const props: Record<string, string> = { ...b.props };
    if (props.waterlogged !== undefined) props.waterlogged = 'false';
    if (b.name.endsWith('_stairs')) props.shape = 'straight';
    b.props = props;
  }
  for (const lower of blocks) {
    if (!lower.name.endsWith('_door') || lower.props.half !== 'lower') continue;
    const upper = at.get(`${lower.x},${lower.y + 1},${lower.z}`);
    if (upper?.name !== lower.name || upper.props.half !== 'upper') continue;
    upper.props = { ...upper.props, facing: lower.props.facing!, open: lower.props.open! };
    lower.props = { ...lower.props, hinge: upper.props.hinge!, powered: upper.props.powered! };
  }
}

/** A structure file's or Litematica's palette entry: {Name, Properties}. */
function paletteEntry(entry: unknown, i: number): { name: string; props: Record<string, string> } {
  if (!isCompound(entry) || typeof entry.Name !== 'string') throw new Error(`palette entry ${i} has no Name`);
  const props: Record<string, string> = {};
  if (isCompound(entry.Properties)) for (const [k, v] of Object.entries(entry.Properties)) props[k] = String(v);
  return { name: stripNamespace(entry.Name), props };
}

/** "minecraft:oak_stairs[facing=north,half=bottom]" → oak_stairs and its properties. */
export function parseBlockState(key: string): { name: string; props: Record<string, string> } {
  const match = /^([^[\]]+)(?:\[([^\]]*)\])?$/.exec(key.trim());
  if (!match) throw new Error(`palette entry '${key}' is not a block state`);
  const props: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`palette entry '${key}' has a property without a value`);
    props[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return { name: stripNamespace(match[1]!), props };
}

/** Vanilla's own namespace goes; another (a mod's) stays, so the bill of materials can name what it refuses. */
function stripNamespace(name: string): string {
  return name.startsWith('minecraft:') ? name.slice('minecraft:'.length) : name;
}

/** Sponge's BlockData: unsigned LEB128 varints packed into a signed byte array. */
function decodeVarints(bytes: readonly number[]): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const b of bytes) {
    value |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) {
      out.push(value >>> 0);
      value = 0;
      shift = 0;
    } else if ((shift += 7) > 28) {
      throw new Error('block data holds a varint longer than 5 bytes');
    }
  }
  if (shift !== 0) throw new Error('block data ends inside a varint');
  return out;
}

function positionOf(i: number, size: Structure['size']): { x: number; y: number; z: number } {
  const layer = size.x * size.z;
  return { x: i % size.x, y: Math.floor(i / layer), z: Math.floor((i % layer) / size.x) };
}

function checkVolume(size: Structure['size']): number {
  const volume = size.x * size.y * size.z;
  if (volume > MAX_VOLUME) throw new Error(`${size.x}x${size.y}x${size.z} is too large (more than ${MAX_VOLUME} cells)`);
  return volume;
}

/** Sponge and MCEdit sizes are shorts that mean 0–65535. */
function short(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`no ${field}`);
  return value & 0xffff;
}

function isCompound(value: unknown): value is Compound {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
