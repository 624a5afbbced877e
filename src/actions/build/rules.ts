// How a player places a block so that vanilla gives it a wanted state: which neighbour to click (the
// face decides an axis, a wall torch's wall, a slab's or a stair's half), which way to look (a stair, a
// door or a gate faces the way the player looks; a furnace or chest faces the player) and where on the
// face (the upper half of a side makes a top slab). Options come best first; the caller takes the first
// whose neighbour is there to click.
import { Vec3 } from 'vec3';

export type Horizontal = 'north' | 'south' | 'west' | 'east';
export type Half = 'top' | 'bottom';

export interface PlaceOption {
  /** The neighbour to click, as an offset from the target cell. */
  ref: Vec3;
  /** The direction the player must look (horizontally) when it clicks. */
  look?: Horizontal;
  /** Where on a side face: its upper or lower half. */
  half?: Half;
}

export const DIRECTION: Readonly<Record<Horizontal | 'up' | 'down', Vec3>> = {
  north: new Vec3(0, 0, -1), south: new Vec3(0, 0, 1), west: new Vec3(-1, 0, 0), east: new Vec3(1, 0, 0), up: new Vec3(0, 1, 0), down: new Vec3(0, -1, 0),
};
const HORIZONTALS: readonly Horizontal[] = ['north', 'east', 'south', 'west'];
const OPPOSITE: Readonly<Record<Horizontal, Horizontal>> = { north: 'south', south: 'north', west: 'east', east: 'west' };
const SIDES = HORIZONTALS.map((h) => DIRECTION[h]);

/** mineflayer's yaw for looking `h` (0 is north, counter-clockwise: west is π/2). */
export function yawOf(h: Horizontal): number {
  return { north: 0, west: Math.PI / 2, south: Math.PI, east: -Math.PI / 2 }[h];
}

const isHorizontal = (v: string | undefined): v is Horizontal => v !== undefined && (HORIZONTALS as readonly string[]).includes(v);

/** Blocks that hang on the block behind them and face away from it. */
const WALL_MOUNTED = /(^|_)wall_(torch|sign|banner|head|skull)$|^ladder$|_wall_hanging_sign$/;
/** Blocks that face the way the player looks. */
const FACE_LOOK = /_stairs$|_door$|_fence_gate$|_bed$/;

/** Whether a structure cell is placed by the block below it (a door's upper half, a bed's head, a tall plant's top). */
export function placedWithAnother(name: string, props: Readonly<Record<string, string>>): boolean {
  return props.half === 'upper' || (name.endsWith('_bed') && props.part === 'head');
}

/** The ways to place `name` with `props`, best first. */
export function placeOptions(name: string, props: Readonly<Record<string, string>>): PlaceOption[] {
  const facing = props.facing;
  if (WALL_MOUNTED.test(name) && isHorizontal(facing)) return [{ ref: DIRECTION[OPPOSITE[facing]] }];
  if (props.axis === 'y') return [{ ref: DIRECTION.down }, { ref: DIRECTION.up }];
  if (props.axis === 'x') return [{ ref: DIRECTION.west }, { ref: DIRECTION.east }];
  if (props.axis === 'z') return [{ ref: DIRECTION.north }, { ref: DIRECTION.south }];
  const half = halfOf(name, props);
  const look = isHorizontal(facing) ? (FACE_LOOK.test(name) ? facing : OPPOSITE[facing]) : undefined;
  const withLook = (o: PlaceOption): PlaceOption => (look ? { ...o, look } : o);
  if (name.endsWith('_door') || name.endsWith('_bed') || name === 'torch' || name === 'soul_torch' || name === 'redstone_torch') return [withLook({ ref: DIRECTION.down })];
  if (half === 'top') return [withLook({ ref: DIRECTION.up }), ...SIDES.map((ref) => withLook({ ref, half: 'top' }))];
  if (half === 'bottom') return [withLook({ ref: DIRECTION.down }), ...SIDES.map((ref) => withLook({ ref, half: 'bottom' }))];
  return [DIRECTION.down, ...SIDES, DIRECTION.up].map((ref) => withLook({ ref }));
}

/** The half a stair, trapdoor or slab must go in, if its state names one. */
function halfOf(name: string, props: Readonly<Record<string, string>>): Half | undefined {
  if (name.endsWith('_slab')) return props.type === 'top' ? 'top' : props.type === 'bottom' ? 'bottom' : undefined;
  if (name.endsWith('_stairs') || name.endsWith('_trapdoor')) return props.half === 'top' ? 'top' : props.half === 'bottom' ? 'bottom' : undefined;
  return undefined;
}
