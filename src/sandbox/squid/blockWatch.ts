// Following a few kinds of block through the overworld's loaded chunks (bee nests that fill, copper that
// weathers): the cells are found when a column loads (generated or read from a save), kept by block
// updates and dropped when the column unloads, so that nothing scans the sections on every tick.
import { createRequire } from 'node:module';
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import type { SquidServer, SquidWorld } from './types.ts';

const require = createRequire(import.meta.url);

export interface BlockClass {
  fromStateId(stateId: number, biome: number): Block;
  fromProperties(name: string, props: Record<string, unknown>, biome: number): { stateId: number };
}

/** prismarine-block's class for the server's version. */
export function blockClass(serv: SquidServer): BlockClass {
  return (require('prismarine-block') as (r: unknown) => BlockClass)(serv.registry);
}

/** The parts of a prismarine-chunk (1.18+) column the scan reads (as src/bot/findBlocks.ts does). */
interface Section {
  palette?: number[];
  data?: { value?: unknown };
  get(pos: { x: number; y: number; z: number }): number;
}
interface Column {
  minY?: number;
  sections?: (Section | null | undefined)[];
}
export type ColumnWorld = SquidWorld & { columns: Record<string, Column | undefined> } & NodeJS.EventEmitter;

export interface BlockWatcher {
  /** The states followed. */
  wanted(state: number): boolean;
  /** A followed cell found in a column just loaded. */
  found(pos: Vec3, state: number): void;
  /** A column unloaded: its cells are no longer followed. */
  forget(cx: number, cz: number): void;
  blockUpdate(old: Block | null, now: Block | null): void;
}

/** Every wanted cell of a column: sections with one state, or a palette without a wanted one, are skipped whole. */
function scan(cx: number, cz: number, column: Column | undefined, watcher: BlockWatcher): void {
  if (!column?.sections) return;
  const minY = column.minY ?? -64;
  const local = { x: 0, y: 0, z: 0 };
  column.sections.forEach((section, si) => {
    if (!section) return;
    const single = section.palette === undefined && typeof section.data?.value === 'number' ? section.data.value : undefined;
    if (single !== undefined && !watcher.wanted(single)) return;
    if (section.palette && !section.palette.some((s) => watcher.wanted(s))) return;
    for (local.y = 0; local.y < 16; local.y++) {
      for (local.z = 0; local.z < 16; local.z++) {
        for (local.x = 0; local.x < 16; local.x++) {
          const state = single ?? section.get(local);
          if (watcher.wanted(state)) watcher.found(new Vec3(cx * 16 + local.x, minY + si * 16 + local.y, cz * 16 + local.z), state);
        }
      }
    }
  });
}

/** Starts following `watcher`'s blocks in the overworld, once it exists (a save's world is made after a read). */
export function watchBlocks(serv: SquidServer, watcher: BlockWatcher): ColumnWorld | undefined {
  const world = serv.overworld as ColumnWorld | undefined;
  if (!world) return undefined;
  world.on('chunkColumnLoad', (corner: Vec3) => scan(corner.x >> 4, corner.z >> 4, world.columns[`${corner.x >> 4},${corner.z >> 4}`], watcher));
  world.on('chunkColumnUnload', (corner: Vec3) => watcher.forget(corner.x >> 4, corner.z >> 4));
  world.on('blockUpdate', (old: Block | null, now: Block | null) => watcher.blockUpdate(old, now));
  for (const [k, column] of Object.entries(world.columns)) {
    const [cx, cz] = k.split(',').map(Number) as [number, number];
    scan(cx, cz, column, watcher);
  }
  return world;
}
