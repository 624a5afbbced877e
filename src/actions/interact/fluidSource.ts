// The one definition of "a block a bucket or bottle can take from" for both sides of the planner's
// loop: the fill action picks its targets with it, and explore stops when one is near. They used to
// disagree: explore counted any water (on the vanilla save around -24,-104 all 474 water blocks
// within 32 are an aquifer sealed in stone), the fill only sources with air right on top.
// Vanilla's BucketItem casts the eye ray with ClipContext.Fluid.SOURCE_ONLY: it takes a source wherever
// the ray reaches its fluid surface, from above or through a side open to air (under an overhang, a
// river bed's edge), and flowing fluid lets the ray through.
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import { findNearestBlocks } from '../../bot/findBlocks.ts';
import { isSource, rayShapes, type RayCell } from '../../knowledge/useRay.ts';

type XYZ = { readonly x: number; readonly y: number; readonly z: number };

/** Blocks a container takes from: fluid sources, and powder snow (any of it). */
export const TAKEN_BY_CONTAINERS: ReadonlySet<string> = new Set(['water', 'lava', 'powder_snow']);

/** The faces a ray may come in by: the top and the four sides (a fluid with air below it flows down). */
const OPEN_FACES: readonly (readonly [number, number, number])[] = [[0, 1, 0], [1, 0, 0], [-1, 0, 0], [0, 0, 1], [0, 0, -1]];

export function rayCellAt(bot: Bot): (x: number, y: number, z: number) => RayCell | null {
  const probe = new Vec3(0, 0, 0);
  return (x, y, z) => {
    const b = bot.blockAt(probe.set(x, y, z));
    return b ? { name: b.name, shapes: b.shapes, properties: b.getProperties() } : null;
  };
}

/** Whether a container takes from this cell of `block`: a fluid source, or powder snow. */
export function takesFromCell(block: string, cell: RayCell | null): boolean {
  return cell !== null && cell.name === block && (cell.name === 'powder_snow' || isSource(cell));
}

/**
 * Points inside the cell at `pos` to aim at, one per face a ray can come in by: a neighbour the ray
 * passes through (air, flowing fluid) that is not more of what is taken (then that one is the target).
 * Empty when the block is shut in (an aquifer in stone, water under more water).
 */
export function aimPoints(bot: Bot, block: string, pos: XYZ, cell = rayCellAt(bot)): Vec3[] {
  const aims: Vec3[] = [];
  for (const [dx, dy, dz] of OPEN_FACES) {
    const n = cell(pos.x + dx, pos.y + dy, pos.z + dz);
    if (!n || takesFromCell(block, n) || rayShapes(n, false).length > 0) continue;
    // Into the surface from above; through the middle of a side face, below the surface (8/9 high).
    aims.push(dy === 1 ? new Vec3(pos.x + 0.5, pos.y + 0.8, pos.z + 0.5) : new Vec3(pos.x + 0.5 + 0.45 * dx, pos.y + 0.45, pos.z + 0.5 + 0.45 * dz));
  }
  return aims;
}

/** Whether a container can take from the block at `pos`: it is what it takes from, with a face the ray can reach. */
export function isTakeable(bot: Bot, block: string, pos: XYZ, cell = rayCellAt(bot)): boolean {
  return takesFromCell(block, cell(pos.x, pos.y, pos.z)) && aimPoints(bot, block, pos, cell).length > 0;
}

/**
 * Blocks of `block` within `radius` of `from` a container can take from, nearest first, at most `count`,
 * leaving out those `skip` says. Every block of the name is looked at in order, not the nearest few:
 * an aquifer can put hundreds of shut-in sources nearer than the pond.
 */
export function takeablePositions(bot: Bot, block: string, radius: number, opts: { count?: number; from?: XYZ; skip?: (p: Vec3) => boolean } = {}): Vec3[] {
  const cell = rayCellAt(bot);
  const out: Vec3[] = [];
  const count = opts.count ?? 1;
  for (const p of findNearestBlocks(bot, [block], radius, Infinity, opts.from ?? bot.entity.position)) {
    if (opts.skip?.(p) || !isTakeable(bot, block, p, cell)) continue;
    out.push(p);
    if (out.length >= count) break;
  }
  return out;
}
