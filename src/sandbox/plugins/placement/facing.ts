// Blocks that only turn on placement (each one's getStateForPlacement): by the horizontal look, the
// nearest look direction in 3D, or the clicked face. flying-squid turns them all by the angle from the
// player's position to the block, which is wrong for most. Pure rules.
import { CLOCKWISE, OPPOSITE, faceCovers, lookDirection, nearestLookingDirections, orderedByNearest, type Cell, type Direction } from './geometry.ts';

export interface FacingClick { face: Direction; yaw: number; pitch: number }
export type FacingRule = (click: FacingClick, at: (d: Direction) => Cell) => Record<string, unknown> | undefined;

const facingPlayer: FacingRule = (c) => ({ facing: OPPOSITE[lookDirection(c.yaw)] });
const nearest = (c: FacingClick) => orderedByNearest(c.yaw, c.pitch)[0]!;

/** The rule for a block name, or undefined when the block is not one of these. */
export function facingRuleOf(name: string): FacingRule | undefined {
  if (/_glazed_terracotta$/.test(name) || ['carved_pumpkin', 'jack_o_lantern', 'loom', 'stonecutter', 'lectern', 'beehive', 'bee_nest', 'ender_chest', 'chiseled_bookshelf'].includes(name)) {
    return facingPlayer;
  }
  if (/anvil$/.test(name)) return (c) => ({ facing: CLOCKWISE[lookDirection(c.yaw)] });
  if (name === 'campfire' || name === 'soul_campfire') return (c) => ({ facing: lookDirection(c.yaw) });
  // DirectionalBlock turned to face the player in 3D (PistonBaseBlock, DispenserBlock, BarrelBlock).
  if (['dispenser', 'dropper', 'piston', 'sticky_piston', 'barrel'].includes(name)) return (c) => ({ facing: OPPOSITE[nearest(c)] });
  // ObserverBlock: its face looks where the player looks, its output back at them.
  if (name === 'observer') return (c) => ({ facing: nearest(c) });
  if (name === 'hopper') return (c) => ({ facing: c.face === 'up' || c.face === 'down' ? 'down' : OPPOSITE[c.face] });
  if (name === 'end_rod' || name === 'lightning_rod') {
    // RodBlock: along the clicked face; an end rod placed on one pointing the same way points back.
    return (c, at) => {
      const behind = at(OPPOSITE[c.face]);
      return { facing: name === 'end_rod' && behind.name === name && behind.props.facing === c.face ? OPPOSITE[c.face] : c.face };
    };
  }
  if (name === 'lantern' || name === 'soul_lantern') {
    // LanternBlock: hung under a block when the first vertical looking direction is up and something holds it.
    return (c, at) => {
      for (const d of nearestLookingDirections(c.yaw, c.pitch, c.face, false)) {
        if (d !== 'up' && d !== 'down') continue;
        if (faceCovers(at(d).shapes, OPPOSITE[d], 7 / 16, 7 / 16, 9 / 16, 9 / 16)) return { hanging: d === 'up' };
      }
      return undefined;
    };
  }
  return undefined;
}
