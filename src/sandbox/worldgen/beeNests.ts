// Bee nests on oak and birch trees, where vanilla's tree features carry a BeehiveDecorator: 5 % of the
// trees of plains, 2 % of flower forests', 0.2 % of other forests', every tree of a meadow. The nest
// hangs on the trunk's east, south or west side one block under the lowest leaves (at least the second
// log), facing south, empty (honey_level 0). Which trees have one and on which side comes from a hash
// of the trunk's position, so every chunk decides alike; the nest goes in only where its cell is air.
import type { TreeKind } from './biomes.ts';
import type { WorldRegistry } from './blocks.ts';
import { stateWith } from './blocks.ts';
import { MIN_Y, type ChunkBuffer } from './chunk/buffer.ts';
import { hash4, unit4 } from './random.ts';

export type NestSide = 'east' | 'south' | 'west';

/** BeehiveDecorator probabilities of the biomes' oak and birch trees. */
const NEST_CHANCE: Readonly<Record<string, number>> = {
  plains: 0.05, sunflower_plains: 0.05, flower_forest: 0.02, forest: 0.002, birch_forest: 0.002, old_growth_birch_forest: 0.002, meadow: 1,
};
const SIDES: readonly NestSide[] = ['east', 'south', 'west'];
const STEP: Readonly<Record<NestSide, readonly [number, number]>> = { east: [1, 0], south: [0, 1], west: [-1, 0] };
/** A hash salt of its own, apart from the tree's others (placement, kind, leaves). */
const SALT = 7;

/** Where a nest goes on a tree: the side, or undefined when this tree has none. */
export function nestSide(seed: number, biome: string, kind: TreeKind, x: number, z: number): NestSide | undefined {
  if (kind !== 'oak' && kind !== 'birch') return undefined;
  const chance = NEST_CHANCE[biome] ?? 0;
  if (chance === 0 || unit4(seed, x, z, SALT) >= chance) return undefined;
  return SIDES[hash4(seed, x, z, SALT + 1) % SIDES.length];
}

export interface NestTree {
  x: number;
  z: number;
  g: number;
  trunk: number;
  nest?: NestSide | undefined;
}

/**
 * The nest's cell: oak and birch leaves start two below the trunk's top, and vanilla hangs the nest one
 * lower, but never lower than the second log.
 */
export function nestCell(t: NestTree & { nest: NestSide }): { x: number; y: number; z: number } {
  const [dx, dz] = STEP[t.nest];
  const lowestLeaf = t.g + t.trunk - 2;
  return { x: t.x + dx, y: Math.max(lowestLeaf - 1, t.g + 2), z: t.z + dz };
}

/**
 * Puts the nests of `trees` that fall inside the chunk at (x0, z0), after the leaves and logs: only
 * into air with air in front of it (south) when that cell is in this chunk too.
 */
export function placeBeeNests(buf: ChunkBuffer, trees: readonly NestTree[], x0: number, z0: number, nestState: number): void {
  const d = buf.data;
  const at = (lx: number, y: number, lz: number) => ((y - MIN_Y) << 8) | (lz << 4) | lx;
  for (const t of trees) {
    if (!t.nest) continue;
    const c = nestCell({ ...t, nest: t.nest });
    const lx = c.x - x0;
    const lz = c.z - z0;
    if (lx < 0 || lx > 15 || lz < 0 || lz > 15) continue;
    if (d[at(lx, c.y, lz)] !== 0) continue;
    if (lz + 1 <= 15 && d[at(lx, c.y, lz + 1)] !== 0) continue;
    d[at(lx, c.y, lz)] = nestState;
    if (c.y > buf.topY) buf.topY = c.y;
  }
}

/** The state a generated nest has: facing south, no honey yet. */
export function beeNestState(registry: WorldRegistry): number | undefined {
  const b = registry.blocksByName.bee_nest;
  return b ? stateWith(b, { facing: 'south', honey_level: '0' }) : undefined;
}
