// Stairs and slabs as vanilla places them (StairBlock, SlabBlock): pure rules over Cells.
import { COUNTER, axisOf, type Cell, type Direction, type Horizontal } from './geometry.ts';

export type Half = 'top' | 'bottom';
export type StairShape = 'straight' | 'inner_left' | 'inner_right' | 'outer_left' | 'outer_right';
export interface StairState { facing: Horizontal; half: Half }

export const isStairs = (c: Cell): boolean => c.name.endsWith('_stairs');

/** The half a click puts a stair, slab or trapdoor in: the underside or a side's upper half is top. */
export function clickedHalf(face: Direction, cursorY: number): Half {
  if (face === 'down') return 'top';
  if (face === 'up') return 'bottom';
  return cursorY > 0.5 ? 'top' : 'bottom';
}

function stairOf(c: Cell): StairState | undefined {
  if (!isStairs(c)) return undefined;
  return { facing: c.props.facing as Horizontal, half: c.props.half as Half };
}

/**
 * StairBlock.getStairsShape: a stair turns into an outer corner with a crossing stair in front (its
 * facing side), an inner corner with one behind, unless a stair like itself on that side keeps it straight.
 */
export function stairShape(self: StairState, at: (d: Horizontal) => Cell): StairShape {
  const opposite = (d: Horizontal): Horizontal => COUNTER[COUNTER[d]];
  const canTakeShape = (d: Horizontal): boolean => {
    const o = stairOf(at(d));
    return !o || o.facing !== self.facing || o.half !== self.half;
  };
  const front = stairOf(at(self.facing));
  if (front && front.half === self.half && axisOf(front.facing) !== axisOf(self.facing) && canTakeShape(opposite(front.facing))) {
    return front.facing === COUNTER[self.facing] ? 'outer_left' : 'outer_right';
  }
  const back = stairOf(at(opposite(self.facing)));
  if (back && back.half === self.half && axisOf(back.facing) !== axisOf(self.facing) && canTakeShape(back.facing)) {
    return back.facing === COUNTER[self.facing] ? 'inner_left' : 'inner_right';
  }
  return 'straight';
}

export type SlabType = 'bottom' | 'top' | 'double';

/**
 * SlabBlock.canBeReplaced when the clicked block is a slab of the held kind: clicking its open half's
 * face (the top of a bottom slab, a side above its middle) fills it.
 */
export function slabTakesClick(type: SlabType, face: Direction, cursorY: number): boolean {
  if (type === 'double') return false;
  const upper = cursorY > 0.5;
  const side = face !== 'up' && face !== 'down';
  return type === 'bottom' ? face === 'up' || (upper && side) : face === 'down' || (!upper && side);
}

/** SlabBlock.getStateForPlacement: double into a slab of its kind, else the clicked half. */
export function slabType(existing: Cell, slabName: string, face: Direction, cursorY: number): SlabType {
  if (existing.name === slabName && existing.props.type !== 'double') return 'double';
  return clickedHalf(face, cursorY);
}
