// Blocks that join their neighbours (FenceBlock, WallBlock, IronBarsBlock, FenceGateBlock): which sides
// connect, computed from the four neighbours (and the block above, for walls). Pure rules over Cells.
import { CLOCKWISE, HORIZONTALS, OPPOSITE, axisOf, faceCovers, isFaceSturdy, type Cell, type Direction, type Horizontal } from './geometry.ts';

export type Connector = 'fence' | 'wall' | 'pane' | 'gate';

export function connectorOf(name: string): Connector | undefined {
  if (name.endsWith('_fence_gate')) return 'gate';
  if (name.endsWith('_fence')) return 'fence';
  if (name.endsWith('_wall') && !name.includes('wall_')) return 'wall';
  if (name === 'iron_bars' || name.endsWith('glass_pane')) return 'pane';
  return undefined;
}

/** Block.isExceptionForConnection: full blocks nothing joins. */
function isException(name: string): boolean {
  return name.endsWith('leaves') || name.endsWith('shulker_box') || ['barrier', 'carved_pumpkin', 'jack_o_lantern', 'melon', 'pumpkin'].includes(name);
}

const isWoodenFence = (name: string): boolean => name.endsWith('_fence') && name !== 'nether_brick_fence';

/** FenceGateBlock.connectsToDirection: a gate joins what is on either side of its hinge posts. */
function gateJoins(c: Cell, d: Horizontal): boolean {
  return connectorOf(c.name) === 'gate' && axisOf(c.props.facing as Horizontal) === axisOf(CLOCKWISE[d]);
}

/** Whether `self` joins `other`, the block on its side `d`. */
export function joins(self: string, other: Cell, d: Horizontal): boolean {
  const kind = connectorOf(self);
  const sturdy = !isException(other.name) && isFaceSturdy(other.shapes, OPPOSITE[d]);
  const otherKind = connectorOf(other.name);
  switch (kind) {
    case 'fence':
      return sturdy || (otherKind === 'fence' && isWoodenFence(other.name) === isWoodenFence(self)) || gateJoins(other, d);
    case 'pane':
      return sturdy || otherKind === 'pane' || otherKind === 'wall';
    case 'wall':
      return sturdy || otherKind === 'wall' || otherKind === 'pane' || gateJoins(other, d);
    default:
      return false;
  }
}

/** The connection properties of a fence or pane (booleans) or a wall (none/low/tall and up). */
export function connections(self: string, at: (d: Direction) => Cell): Record<string, boolean | string> {
  if (connectorOf(self) !== 'wall') {
    const props: Record<string, boolean> = {};
    for (const d of HORIZONTALS) props[d] = joins(self, at(d), d);
    return props;
  }
  return wallState(self, at);
}

/** WallBlock.SIDE test rectangles on the bottom face of the block above, as (x0, z0, x1, z1). */
const SIDE_TEST: Record<Horizontal, readonly [number, number, number, number]> = {
  north: [7 / 16, 0, 9 / 16, 9 / 16], south: [7 / 16, 7 / 16, 9 / 16, 1], west: [0, 7 / 16, 9 / 16, 9 / 16], east: [7 / 16, 7 / 16, 1, 9 / 16],
};
const POST_TEST = [7 / 16, 7 / 16, 9 / 16, 9 / 16] as const;
/** BlockTags.WALL_POST_OVERRIDE: blocks on a wall that keep its post raised. */
const POST_OVERRIDE = /torch$|_sign$|_banner$|_pressure_plate$|^(cobweb|redstone_wire|tripwire|lantern|soul_lantern)$/;

function wallState(self: string, at: (d: Direction) => Cell): Record<string, boolean | string> {
  const above = at('up');
  const covered = (r: readonly [number, number, number, number]) => faceCovers(above.shapes, 'down', r[0], r[1], r[2], r[3]);
  const props: Record<string, boolean | string> = {};
  for (const d of HORIZONTALS) props[d] = joins(self, at(d), d) ? (covered(SIDE_TEST[d]) ? 'tall' : 'low') : 'none';
  props.up = wallPostRaised(props as Record<Horizontal, string>, above, covered(POST_TEST));
  return props;
}

/** WallBlock.shouldRaisePost. */
function wallPostRaised(side: Record<Horizontal, string>, above: Cell, postCovered: boolean): boolean {
  if (connectorOf(above.name) === 'wall' && above.props.up === true) return true;
  const none = (d: Horizontal) => side[d] === 'none';
  if ((none('north') && none('south') && none('west') && none('east')) || none('north') !== none('south') || none('west') !== none('east')) return true;
  if ((side.north === 'tall' && side.south === 'tall') || (side.east === 'tall' && side.west === 'tall')) return false;
  return POST_OVERRIDE.test(above.name) || postCovered;
}

/** FenceGateBlock's in_wall: lowered when a wall stands at either post. */
export function gateInWall(facing: Horizontal, at: (d: Direction) => Cell): boolean {
  const sides: Horizontal[] = axisOf(facing) === 'z' ? ['west', 'east'] : ['north', 'south'];
  return sides.some((d) => connectorOf(at(d).name) === 'wall');
}
