// Whether a block receives redstone power from a neighbour, for the blocks that react to it here (note
// blocks, command blocks). flying-squid's redstone covers wires, torches and repeaters only; this reads
// the sources a player places next to such a block: redstone blocks, levers, buttons, pressure plates,
// torches and powered wire. Power carried through solid blocks is not modelled.
import { createRequire } from 'node:module';
import { Vec3 } from 'vec3';
import type { SquidServer, SquidWorld } from '../../squid/types.ts';

const require = createRequire(import.meta.url);
interface StateBlock { name: string; stateId: number; getProperties(): Record<string, unknown> }
type BlockClass = {
  fromStateId(stateId: number, biome: number): StateBlock;
  fromProperties(name: string, props: Record<string, unknown>, biome: number): StateBlock;
};
const classes = new WeakMap<object, BlockClass>();

export function blockClass(serv: SquidServer): BlockClass {
  let cls = classes.get(serv.registry);
  if (!cls) classes.set(serv.registry, (cls = (require('prismarine-block') as (r: unknown) => BlockClass)(serv.registry)));
  return cls;
}

export const NEIGHBOURS = [new Vec3(0, -1, 0), new Vec3(0, 1, 0), new Vec3(0, 0, -1), new Vec3(0, 0, 1), new Vec3(-1, 0, 0), new Vec3(1, 0, 0)];

/** Whether the block at `source` (offset `dir` from the receiver) powers the receiver. */
function powers(b: StateBlock, dir: Vec3): boolean {
  const p = b.getProperties();
  if (b.name === 'redstone_block') return true;
  if (b.name === 'lever' || b.name.endsWith('_button') || b.name.endsWith('_pressure_plate')) return p.powered === true || Number(p.power ?? 0) > 0;
  // A standing torch on top of the receiver hangs on it and does not power it.
  if (b.name === 'redstone_torch') return p.lit === true && dir.y !== 1;
  if (b.name === 'redstone_wall_torch') return p.lit === true;
  if (b.name === 'redstone_wire') return Number(p.power ?? 0) > 0 && dir.y !== -1;
  return false;
}

export async function isPowered(serv: SquidServer, world: SquidWorld, pos: Vec3): Promise<boolean> {
  const cls = blockClass(serv);
  for (const dir of NEIGHBOURS) {
    const stateId = await world.getBlockStateId(pos.plus(dir));
    if (stateId !== 0 && powers(cls.fromStateId(stateId, 0), dir)) return true;
  }
  return false;
}
