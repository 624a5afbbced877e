// A structure against the world, block by block: which of its blocks are there with the right state,
// which hold another block, which are still empty. The same survey resumes a build (only what is not
// right is placed again) and checks a finished one from any bot's view of the world.
import type { Structure, StructureBlock } from './types.ts';

/** What a world cell holds, as a bot sees it (prismarine-block's name and getProperties()). */
export interface CellView {
  name: string;
  props: Readonly<Record<string, string | number | boolean>>;
}

export interface Cell {
  block: StructureBlock;
  /** World position. */
  x: number;
  y: number;
  z: number;
}

export interface Survey {
  total: number;
  correct: Cell[];
  /** Another block (or the right block in another state) is there. */
  wrong: (Cell & { found: string })[];
  /** Nothing there yet (air, water, a plant a block may replace). */
  missing: Cell[];
  /** Not loaded in the bot's world: not checked. */
  unknown: Cell[];
}

/** Cells a placement may fill without digging first, as vanilla replaces them. */
export const REPLACEABLE: ReadonlySet<string> = new Set(['air', 'cave_air', 'void_air', 'water', 'lava', 'grass', 'short_grass', 'tall_grass', 'fern', 'large_fern', 'snow', 'dead_bush', 'vine', 'seagrass', 'tall_seagrass']);

/** Properties a survey leaves out: the server sets them from neighbours or time, not the builder. */
const TRANSIENT: ReadonlySet<string> = new Set(['powered', 'distance', 'persistent', 'occupied', 'triggered', 'lit']);

/** Properties the server sets from the neighbours (a fence's sides, a stair's corner): right only once they are all there. */
const FROM_NEIGHBOURS = /(^|_)(fence|wall|pane|bars)$|_stairs$|^redstone_wire$|^tripwire$|^(chest|trapped_chest)$/;
const NEIGHBOUR_PROPS: ReadonlySet<string> = new Set(['north', 'east', 'south', 'west', 'up', 'shape', 'type', 'attached', 'disarmed']);

/**
 * Whether a cell's state matches the structure's: the same name and every property the structure names.
 * `placing`: while neighbours may still be missing, the properties they decide are not compared.
 */
export function matches(block: StructureBlock, cell: CellView, placing = false): boolean {
  if (cell.name !== block.name) return false;
  const neighbours = placing && FROM_NEIGHBOURS.test(block.name);
  return Object.entries(block.props).every(([k, v]) => TRANSIENT.has(k) || (neighbours && NEIGHBOUR_PROPS.has(k) && !(k === 'type' && block.name.endsWith('_slab')))
    || cell.props[k] === undefined || String(cell.props[k]) === v);
}

export function describeCell(cell: CellView): string {
  const props = Object.entries(cell.props).map(([k, v]) => `${k}=${String(v)}`).join(',');
  return props ? `${cell.name}[${props}]` : cell.name;
}

/** The world positions of a structure placed with its lowest north-west corner at `origin`. */
export function cellsAt(structure: Structure, origin: { x: number; y: number; z: number }): Cell[] {
  return structure.blocks.map((block) => ({ block, x: origin.x + block.x, y: origin.y + block.y, z: origin.z + block.z }));
}

/**
 * Surveys every block of `structure` at `origin`; `view` reads a world cell (undefined: not loaded).
 * `placing`: mid-build, neighbour-decided properties are not compared (see matches).
 */
export function survey(structure: Structure, origin: { x: number; y: number; z: number }, view: (x: number, y: number, z: number) => CellView | undefined, placing = false): Survey {
  const out: Survey = { total: structure.blocks.length, correct: [], wrong: [], missing: [], unknown: [] };
  for (const cell of cellsAt(structure, origin)) {
    const seen = view(cell.x, cell.y, cell.z);
    if (!seen) out.unknown.push(cell);
    else if (matches(cell.block, seen, placing)) out.correct.push(cell);
    else if (REPLACEABLE.has(seen.name)) out.missing.push(cell);
    else out.wrong.push({ ...cell, found: describeCell(seen) });
  }
  return out;
}

/** "placed / total, wrong: n", the line the terminal and the dashboard show. */
export function progressLine(s: Survey): string {
  return countsLine(s.correct.length, s.total, s.wrong.length, s.unknown.length);
}

export function countsLine(placed: number, total: number, wrong: number, unknown = 0): string {
  return `${placed} / ${total} placed, wrong: ${wrong}${unknown ? `, not loaded: ${unknown}` : ''}`;
}

/**
 * The items the blocks still missing or wrong take (one each; a door's upper half or a bed's head comes with
 * the other), and the first such block no item places. `placedWithAnother` says which blocks come with another.
 */
export function itemsToPlace(s: Survey, itemFor: (cell: Cell) => string | undefined, placedWithAnother: (cell: Cell) => boolean): { counts: Record<string, number>; unplaceable?: Cell } {
  const counts: Record<string, number> = {};
  let unplaceable: Cell | undefined;
  for (const c of [...s.missing, ...s.wrong]) {
    if (placedWithAnother(c)) continue;
    const item = itemFor(c);
    if (item) counts[item] = (counts[item] ?? 0) + 1;
    else unplaceable ??= c;
  }
  return { counts, ...(unplaceable ? { unplaceable } : {}) };
}

export type CellState = 'right' | 'missing' | 'wrong' | 'unknown';

/** A build as the dashboard draws it: the structure's cells in the world, each with its state now. */
export interface BuildView {
  name: string;
  /** The lowest north-west corner, and the structure's size, in blocks. */
  origin: [number, number, number];
  size: [number, number, number];
  placed: number;
  total: number;
  wrong: number;
  /** Every cell of the structure (world positions): the ghost shows the ones not right yet. */
  cells: { x: number; y: number; z: number; block: string; state: CellState }[];
}

export function buildView(structure: Structure, origin: { x: number; y: number; z: number }, s: Survey): BuildView {
  const cell = (state: CellState) => (c: Cell) => ({ x: c.x, y: c.y, z: c.z, block: c.block.name, state });
  return {
    name: structure.name, origin: [origin.x, origin.y, origin.z], size: [structure.size.x, structure.size.y, structure.size.z],
    placed: s.correct.length, total: s.total, wrong: s.wrong.length,
    cells: [...s.correct.map(cell('right')), ...s.missing.map(cell('missing')), ...s.wrong.map(cell('wrong')), ...s.unknown.map(cell('unknown'))],
  };
}
