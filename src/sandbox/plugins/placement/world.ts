// Reading and writing block states for the placement rules: a block as a Cell, a state id from
// properties, and what a player sent with the block_place packet being handled.
import { createRequire } from 'node:module';
import type { Block } from 'prismarine-block';
import type { Registry } from 'prismarine-registry';
import { Vec3 } from 'vec3';
import type { SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';
import { copyStack } from '../digging/break.ts';
import { lookOf } from '../interactions/look.ts';
import { FACE_BY_NUMBER, OFFSET, type Cell, type Direction } from './geometry.ts';

const require = createRequire(import.meta.url);

interface BlockClass {
  fromStateId(stateId: number, biome: number): Block;
  fromProperties(name: string, props: Record<string, unknown>, biome: number): Block;
}
const classes = new WeakMap<Registry, BlockClass>();

function blockClass(registry: Registry): BlockClass {
  let cls = classes.get(registry);
  if (!cls) classes.set(registry, (cls = (require('prismarine-block') as (r: Registry) => BlockClass)(registry)));
  return cls;
}

export const step = (pos: Vec3, dir: Direction, n = 1): Vec3 => pos.offset(OFFSET[dir][0] * n, OFFSET[dir][1] * n, OFFSET[dir][2] * n);

/** The block at `pos` as the rules read it (an unloaded column reads as air). */
export function cellAt(registry: Registry, world: SquidWorld, pos: Vec3): Cell {
  const b = blockClass(registry).fromStateId(world.sync.getBlockStateId(pos), 0);
  return { name: b.name, props: b.getProperties(), shapes: b.shapes };
}

/** The state id of `name` with `props`, the others at the block's default state. */
export function stateOf(registry: Registry, name: string, props: Record<string, unknown>): number {
  const cls = blockClass(registry);
  const def = registry.blocksByName[name];
  // fromProperties alone fills a missing property with its first value: `true` for every boolean.
  const defaults = def ? cls.fromStateId(def.defaultState, 0).getProperties() : {};
  return cls.fromProperties(name, { ...defaults, ...props }, 0).stateId;
}

/** The Cell a state id would be, for rules that look at a block before it is set. */
export function cellOf(registry: Registry, stateId: number): Cell {
  const b = blockClass(registry).fromStateId(stateId, 0);
  return { name: b.name, props: b.getProperties(), shapes: b.shapes };
}

/** Blocks a placement may replace (BlockBehaviour.canBeReplaced, for blocks a sandbox world has). */
const REPLACEABLE = new Set(['air', 'cave_air', 'void_air', 'water', 'lava', 'short_grass', 'grass', 'fern', 'tall_grass', 'large_fern', 'snow', 'dead_bush', 'vine', 'seagrass', 'fire', 'soul_fire']);
export const isReplaceable = (name: string): boolean => REPLACEABLE.has(name);

/** What one block_place packet said, beyond what flying-squid passes to an item handler. */
export interface Click {
  face: Direction;
  /** Where on the clicked block the ray hit, 0..1 on each axis. */
  cursor: Vec3;
  reference: Vec3;
  yaw: number;
  pitch: number;
}

interface PlacePacket { location: { x: number; y: number; z: number }; direction: number; cursorX?: number; cursorY?: number; cursorZ?: number }
const clicks = new WeakMap<SquidPlayer, Click>();

/**
 * Records every block_place. flying-squid's own listener reads the block before it calls an item
 * handler, so by then this (synchronous) listener has run whichever was added first.
 */
export function trackClicks(serv: SquidServer, player: SquidPlayer): void {
  const intCursor = serv.supportFeature('blockPlaceHasIntCursor');
  player._client.on('block_place', (p: PlacePacket) => {
    const face = FACE_BY_NUMBER[p.direction];
    if (!face) return;
    const scale = intCursor ? 1 / 16 : 1;
    const cursor = new Vec3((p.cursorX ?? 0.5) * scale, (p.cursorY ?? 0.5) * scale, (p.cursorZ ?? 0.5) * scale);
    const { yaw, pitch } = lookOf(player);
    clicks.set(player, { face, cursor, reference: new Vec3(p.location.x, p.location.y, p.location.z), yaw, pitch });
  });
}

export function clickOf(player: SquidPlayer): Click {
  const c = clicks.get(player);
  if (!c) throw new Error(`no block_place recorded for ${player.username}`);
  return c;
}

/** Takes one of the held item, as flying-squid does after a placement it made itself. */
export function useHeldItem(serv: SquidServer, player: SquidPlayer): void {
  if (player.gameMode !== 0) return;
  const slot = 36 + player.heldItemSlot;
  const held = player.inventory.slots[slot];
  if (!held) return;
  const left = Number(held.count) - 1;
  player.inventory.updateSlot(slot, left > 0 ? copyStack(serv, held, left) : null);
}
