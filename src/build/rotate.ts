// Turning a structure about the vertical axis, as vanilla's structure blocks and /place do: every position turns
// clockwise seen from above (north → east → south → west), and so does every block state that names a
// horizontal direction, so a door still opens outwards and a fence still joins its neighbours.
import type { Structure, StructureBlock } from './types.ts';

export type Rotation = 0 | 90 | 180 | 270;

const HORIZONTAL = ['north', 'east', 'south', 'west'] as const;
type Horizontal = (typeof HORIZONTAL)[number];

function isHorizontal(value: string): value is Horizontal {
  return (HORIZONTAL as readonly string[]).includes(value);
}

/** The direction `steps` quarter turns clockwise from `dir`; up and down stay. */
function turn(dir: string, steps: number): string {
  return isHorizontal(dir) ? HORIZONTAL[(HORIZONTAL.indexOf(dir) + steps) % 4]! : dir;
}

/**
 * Rail shapes name the two ends they join; vanilla spells straights north_south/east_west and curves with the
 * north/south end first (south_east, north_west).
 */
function turnRailShape(shape: string, steps: number): string {
  if (shape.startsWith('ascending_')) return `ascending_${turn(shape.slice('ascending_'.length), steps)}`;
  const ends = shape.split('_');
  if (ends.length !== 2 || !ends.every(isHorizontal)) return shape;
  const [a, b] = ends.map((e) => turn(e, steps)) as [Horizontal, Horizontal];
  if ((a === 'north' || a === 'south') && (b === 'north' || b === 'south')) return 'north_south';
  if ((a === 'east' || a === 'west') && (b === 'east' || b === 'west')) return 'east_west';
  return a === 'north' || a === 'south' ? `${a}_${b}` : `${b}_${a}`;
}

/** One block state turned by `steps` quarter turns clockwise. */
export function rotateProps(props: Readonly<Record<string, string>>, steps: number): Record<string, string> {
  const q = ((steps % 4) + 4) % 4;
  if (q === 0) return { ...props };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(props)) {
    if (isHorizontal(key)) {
      // Fences, walls, panes, redstone wire, vines, mushroom blocks: each side's value moves with the side.
      out[turn(key, q)] = value;
    } else if (key === 'facing') {
      out[key] = turn(value, q);
    } else if (key === 'axis' && q % 2 === 1 && (value === 'x' || value === 'z')) {
      out[key] = value === 'x' ? 'z' : 'x';
    } else if (key === 'rotation' && /^\d+$/.test(value)) {
      // Standing signs, banners and heads: sixteen steps, four to a quarter turn.
      out[key] = String((Number(value) + 4 * q) % 16);
    } else if (key === 'shape' && /(north|south|east|west)/.test(value)) {
      // Rails; a stair's shape (inner_left …) is relative to its facing and stays as it is.
      out[key] = turnRailShape(value, q);
    } else if (key === 'orientation') {
      // Jigsaws and crafters: "north_up", "up_east".
      out[key] = value.split('_').map((part) => turn(part, q)).join('_');
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The structure turned `degrees` clockwise seen from above, its blocks again at 0…size-1 from the lowest
 * north-west corner, sorted bottom-up (y, then z, then x) as the readers give them.
 */
export function rotateStructure(s: Structure, degrees: Rotation): Structure {
  if (![0, 90, 180, 270].includes(degrees)) throw new RangeError(`rotation must be 0, 90, 180 or 270, not ${String(degrees)}`);
  const q = degrees / 90;
  const { x: sx, z: sz } = s.size;
  const size = q % 2 === 1 ? { x: sz, y: s.size.y, z: sx } : { ...s.size };
  const place = (b: StructureBlock): { x: number; z: number } => {
    switch (q) {
      case 1: return { x: sz - 1 - b.z, z: b.x };
      case 2: return { x: sx - 1 - b.x, z: sz - 1 - b.z };
      case 3: return { x: b.z, z: sx - 1 - b.x };
      default: return { x: b.x, z: b.z };
    }
  };
  const blocks = s.blocks
    .map((b) => ({ ...place(b), y: b.y, name: b.name, props: rotateProps(b.props, q) }))
    .sort((a, b) => a.y - b.y || a.z - b.z || a.x - b.x)
    .map(({ x, y, z, name, props }) => ({ x, y, z, name, props }));
  return { ...s, size, blocks };
}
