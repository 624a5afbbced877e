// Doors as vanilla places them (DoorBlock.getStateForPlacement, getHinge): both halves facing the
// player's look, the hinge on the side with more full blocks, towards a neighbouring door, else on the
// side of the block's centre the player clicked. Pure rules over Cells.
import { CLOCKWISE, COUNTER, OFFSET, isFullCube, type Cell, type Horizontal } from './geometry.ts';

export type Hinge = 'left' | 'right';

export interface DoorContext {
  doorName: string;
  facing: Horizontal;
  /** The click point relative to the placed block's corner (x and z, 0..1 inside it). */
  clickX: number;
  clickZ: number;
  /** The block beside the placed one on side `d`, at its level (dy 0) or the level above (dy 1). */
  at(d: Horizontal, dy: 0 | 1): Cell;
}

export function doorHinge(ctx: DoorContext): Hinge {
  const left = COUNTER[ctx.facing];
  const right = CLOCKWISE[ctx.facing];
  const full = (d: Horizontal, dy: 0 | 1) => (isFullCube(ctx.at(d, dy).shapes) ? 1 : 0);
  const balance = -full(left, 0) - full(left, 1) + full(right, 0) + full(right, 1);
  const lowerDoor = (d: Horizontal) => ctx.at(d, 0).name === ctx.doorName && ctx.at(d, 0).props.half === 'lower';
  const leftDoor = lowerDoor(left);
  const rightDoor = lowerDoor(right);
  if ((leftDoor && !rightDoor) || balance > 0) return 'right';
  if ((rightDoor && !leftDoor) || balance < 0) return 'left';
  const [stepX, , stepZ] = OFFSET[ctx.facing];
  const cx = ctx.clickX, cz = ctx.clickZ;
  const leftSide = (stepX >= 0 || cz >= 0.5) && (stepX <= 0 || cz <= 0.5) && (stepZ >= 0 || cx <= 0.5) && (stepZ <= 0 || cx >= 0.5);
  return leftSide ? 'left' : 'right';
}
