// Where a player can stand near a save's spawn: vanilla's spawn is a column, not a block to stand on,
// and may be a tree top or water. The nearest column with solid ground (not leaves), two blocks of air
// above it and no liquid, searched in rings outward.
import { Vec3 } from 'vec3';
import type { SquidWorld } from '../squid/types.ts';

const MAX_RING = 24;
const TOP = 319;
const BOTTOM = -60;

interface BlockLike { name: string; boundingBox: string }

function standable(feet: BlockLike, head: BlockLike, ground: BlockLike): boolean {
  const open = (b: BlockLike) => b.boundingBox === 'empty' && !/water|lava/.test(b.name);
  return open(feet) && open(head) && ground.boundingBox === 'block' && !/leaves|lava|magma|cactus/.test(ground.name);
}

/** The highest place to stand in column x,z, or undefined. */
async function columnGround(world: SquidWorld, x: number, z: number): Promise<Vec3 | undefined> {
  await world.getColumn(Math.floor(x / 16), Math.floor(z / 16));
  let above: BlockLike | undefined;
  let above2: BlockLike | undefined;
  for (let y = TOP; y >= BOTTOM; y--) {
    const b = await world.getBlock(new Vec3(x, y, z)) as unknown as BlockLike;
    if (above && above2 && b.boundingBox !== 'empty') return standable(above, above2, b) ? new Vec3(x, y + 1, z) : undefined;
    above2 = above;
    above = b;
  }
  return undefined;
}

/** The nearest place to stand around x,z (block position of the feet), or undefined within MAX_RING. */
export async function groundNear(world: SquidWorld, x: number, z: number): Promise<Vec3 | undefined> {
  for (let r = 0; r <= MAX_RING; r++) {
    for (let dx = -r; dx <= r; dx++) {
      for (let dz = -r; dz <= r; dz++) {
        if (Math.max(Math.abs(dx), Math.abs(dz)) !== r) continue;
        const at = await columnGround(world, x + dx, z + dz);
        if (at) return at;
      }
    }
  }
  return undefined;
}
