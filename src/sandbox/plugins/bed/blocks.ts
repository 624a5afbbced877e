// Bed blocks and the world around them as vanilla's BedBlock sees them: the two halves, the occupied
// flag, where a player stands up, and whether it is day (Level.isDay, from the sky darkness).
import { Vec3 } from 'vec3';
import type { Registry } from 'prismarine-registry';
import type { SquidServer, SquidWorld } from '../../squid/types.ts';
import { weatherOf } from '../survival/weather.ts';

export type Facing = 'north' | 'south' | 'west' | 'east';

export interface BedState {
  name: string;
  part: 'head' | 'foot';
  facing: Facing;
  occupied: boolean;
}

interface StateDef { name: string; type: string; num_values: number; values?: string[] }
interface BlockDef { name: string; minStateId: number; maxStateId: number; states?: StateDef[]; boundingBox?: string }

const FACING_STEP: Record<Facing, [number, number]> = { north: [0, -1], south: [0, 1], west: [-1, 0], east: [1, 0] };

/** The block one step towards `facing`. */
export function towards(pos: Vec3, facing: Facing, steps = 1): Vec3 {
  const [dx, dz] = FACING_STEP[facing];
  return pos.offset(dx * steps, 0, dz * steps);
}

function blockOf(registry: Registry, stateId: number): BlockDef | undefined {
  return (registry as unknown as { blocksByStateId: Record<number, BlockDef> }).blocksByStateId[stateId];
}

/** Each property's value index, decoded from the state id (the last property varies fastest). */
function decode(def: BlockDef, stateId: number): Map<string, number> {
  const out = new Map<string, number>();
  let data = stateId - def.minStateId;
  const states = def.states ?? [];
  for (let i = states.length - 1; i >= 0; i--) {
    const s = states[i]!;
    out.set(s.name, data % s.num_values);
    data = Math.floor(data / s.num_values);
  }
  return out;
}

function encode(def: BlockDef, indices: Map<string, number>): number {
  let data = 0;
  for (const s of def.states ?? []) data = data * s.num_values + (indices.get(s.name) ?? 0);
  return def.minStateId + data;
}

function valueOf(s: StateDef, index: number): string | boolean {
  // minecraft-data lists booleans as true then false.
  if (s.type === 'bool') return index === 0;
  return s.values?.[index] ?? String(index);
}

/** The bed a state id stands for, if it is one. */
export function bedState(registry: Registry, stateId: number): BedState | undefined {
  const def = blockOf(registry, stateId);
  if (!def || !def.name.endsWith('_bed')) return undefined;
  const idx = decode(def, stateId);
  const prop = (n: string) => {
    const s = def.states?.find((x) => x.name === n);
    return s ? valueOf(s, idx.get(n) ?? 0) : undefined;
  };
  return { name: def.name, part: prop('part') as BedState['part'], facing: prop('facing') as Facing, occupied: prop('occupied') === true };
}

/** The same bed state with the occupied flag set or cleared. */
export function withOccupied(registry: Registry, stateId: number, occupied: boolean): number {
  const def = blockOf(registry, stateId);
  if (!def) return stateId;
  const idx = decode(def, stateId);
  idx.set('occupied', occupied ? 0 : 1);
  return encode(def, idx);
}

/** Blocks a player can stand in (no collision box). */
function passable(registry: Registry, stateId: number): boolean {
  return blockOf(registry, stateId)?.boundingBox !== 'block';
}

/** Whether a player's head fits above this bed half (vanilla: the block is not suffocating). */
export function freeAbove(registry: Registry, world: SquidWorld, pos: Vec3): boolean {
  return passable(registry, world.sync.getBlockStateId(pos.offset(0, 1, 0)));
}

/**
 * Where a player gets up from a bed (a compact BedBlock.findStandUpPosition): a free two-block space
 * with a floor beside the head or foot half, the sides first, then the ends; undefined if none.
 */
export function standUpPosition(registry: Registry, world: SquidWorld, head: Vec3, facing: Facing): Vec3 | undefined {
  const foot = towards(head, facing, -1);
  const sides: Facing[] = facing === 'north' || facing === 'south' ? ['west', 'east'] : ['north', 'south'];
  const candidates: Vec3[] = [];
  for (const half of [head, foot]) for (const side of sides) candidates.push(towards(half, side));
  candidates.push(towards(foot, facing, -1), towards(head, facing));
  for (const c of candidates) {
    for (const dy of [0, 1, -1]) {
      const at = c.offset(0, dy, 0);
      const get = (p: Vec3) => world.sync.getBlockStateId(p);
      if (passable(registry, get(at)) && passable(registry, get(at.offset(0, 1, 0))) && !passable(registry, get(at.offset(0, -1, 0)))) {
        return at.offset(0.5, 0, 0.5);
      }
    }
  }
  return undefined;
}

/** Level.getTimeOfDay: the sun's angle as a fraction of the day (0 at noon). */
function celestialAngle(dayTime: number): number {
  const d0 = (((dayTime / 24000 - 0.25) % 1) + 1) % 1;
  const d1 = 0.5 - Math.cos(d0 * Math.PI) / 2;
  return (d0 * 2 + d1) / 3;
}

/** Level.isDay: the overworld's sky darkness (time of day, dimmed by rain and thunder) below 4. */
export function isDay(serv: SquidServer): boolean {
  const w = weatherOf(serv);
  const rain = 1 - (w.rainLevel * 5) / 16;
  const thunder = 1 - (w.thunderLevel * w.rainLevel * 5) / 16;
  const sun = 0.5 + 2 * Math.max(-0.25, Math.min(0.25, Math.cos(celestialAngle(serv.time) * Math.PI * 2)));
  const skyDarken = Math.trunc((1 - sun * rain * thunder) * 11);
  return skyDarken < 4;
}

/** The head half's position, given either half. */
export function headOf(pos: Vec3, bed: BedState): Vec3 {
  return bed.part === 'head' ? pos.clone() : towards(pos, bed.facing);
}
