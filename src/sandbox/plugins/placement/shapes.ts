// Blocks whose state follows their neighbours (stairs' corners, fences, walls, panes, gates): the state
// a block at a position should have, used when it is placed and whenever a neighbour changes.
import type { Registry } from 'prismarine-registry';
import type { Vec3 } from 'vec3';
import type { SquidWorld } from '../../squid/types.ts';
import { connections, connectorOf, gateInWall } from './connect.ts';
import type { Cell, Direction, Horizontal } from './geometry.ts';
import { isStairs, stairShape, type Half } from './stairs.ts';
import { cellAt, step } from './world.ts';

/** Every block name whose state this module keeps up to date. */
export function shapedBlocks(registry: Registry): string[] {
  return Object.keys(registry.blocksByName).filter((n) => n.endsWith('_stairs') || connectorOf(n) !== undefined);
}

/**
 * The neighbour-dependent properties of `name` at `pos`, given the properties it has (or is being
 * placed with): stairs' shape, a gate's in_wall, the sides of fences, walls and panes.
 */
export function shapeProps(registry: Registry, world: SquidWorld, pos: Vec3, name: string, props: Record<string, unknown>): Record<string, unknown> {
  const at = (d: Direction): Cell => cellAt(registry, world, step(pos, d));
  if (isStairs({ name, props, shapes: [] })) {
    return { shape: stairShape({ facing: props.facing as Horizontal, half: props.half as Half }, at) };
  }
  const kind = connectorOf(name);
  if (kind === 'gate') return { in_wall: gateInWall(props.facing as Horizontal, at) };
  if (kind) return connections(name, at);
  return {};
}

/** Whether `want` differs from `props` in any key it sets. */
export function differs(props: Record<string, unknown>, want: Record<string, unknown>): boolean {
  return Object.entries(want).some(([k, v]) => props[k] !== v);
}
