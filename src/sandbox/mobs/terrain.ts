// The world as mobs see it: block kinds read synchronously from loaded columns (cheap enough to
// call many times per AI step), plus the light and sky tests natural spawning needs.
import type { Registry } from 'prismarine-registry';
import { Vec3 } from 'vec3';
import type { SquidWorld } from '../squid/types.ts';
import type { BlockKind, KindAt } from './footing.ts';

interface StateInfo {
  kind: BlockKind;
  name: string;
  /** Lets no sky light through (stone, dirt, planks; not leaves, glass or plants). */
  opaque: boolean;
  emitLight: number;
}

const stateTables = new WeakMap<Registry, Map<number, StateInfo>>();

function stateInfo(registry: Registry, stateId: number): StateInfo {
  let table = stateTables.get(registry);
  if (!table) {
    table = new Map();
    stateTables.set(registry, table);
  }
  let info = table.get(stateId);
  if (!info) {
    const block = registry.blocksByStateId[stateId];
    const name = block?.name ?? 'air';
    let kind: BlockKind = 'air';
    if (name === 'water' || name === 'lava' || name === 'bubble_column') kind = 'liquid';
    else if (name.endsWith('_leaves')) kind = 'leaves';
    else if (block?.boundingBox === 'block') kind = 'solid';
    info = { kind, name, opaque: kind === 'solid' && block?.transparent === false, emitLight: block?.emitLight ?? 0 };
    table.set(stateId, info);
  }
  return info;
}

export class Terrain {
  private readonly pos = new Vec3(0, 0, 0);

  constructor(readonly registry: Registry, readonly world: SquidWorld, readonly minY: number, readonly maxY: number) {}

  private info(x: number, y: number, z: number): StateInfo | undefined {
    this.pos.set(x, y, z);
    if (!this.world.sync.getColumnAt(this.pos)) return undefined;
    if (y < this.minY || y >= this.maxY) return stateInfo(this.registry, 0);
    return stateInfo(this.registry, this.world.sync.getBlockStateId(this.pos));
  }

  readonly kindAt: KindAt = (x, y, z) => {
    const info = this.info(x, y, z);
    if (!info) return 'unknown';
    if (y < this.minY) return 'solid'; // bedrock floor and below: never fall out of the world
    return info.kind;
  };

  nameAt(x: number, y: number, z: number): string | undefined {
    return this.info(x, y, z)?.name;
  }

  /** No opaque block anywhere above the position. */
  seesSky(x: number, y: number, z: number): boolean {
    for (let by = Math.floor(y); by < this.maxY; by++) if (this.info(x, by, z)?.opaque) return false;
    return true;
  }

  /**
   * Block light reaches the position: some light source within `radius` blocks whose level is
   * still above 0 after losing one per block of (Manhattan) distance. Walls are ignored, so a torch
   * behind a wall still counts: an approximation that errs towards fewer monsters.
   */
  lit(x: number, y: number, z: number, radius = 8): boolean {
    const bx = Math.floor(x);
    const by = Math.floor(y);
    const bz = Math.floor(z);
    for (let dx = -radius; dx <= radius; dx++) {
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dz = -radius; dz <= radius; dz++) {
          const emit = this.info(bx + dx, by + dy, bz + dz)?.emitLight ?? 0;
          if (emit > Math.abs(dx) + Math.abs(dy) + Math.abs(dz)) return true;
        }
      }
    }
    return false;
  }

  /**
   * The highest floor in column (x, z) between `top` and `bottom` (feet heights) with `headroom`
   * blocks of air above a solid block: where a mob could stand. Undefined when there is none.
   */
  floorIn(x: number, z: number, top: number, bottom: number, headroom: number): number | undefined {
    let air = 0;
    for (let y = Math.floor(top) + headroom; y >= bottom - 1; y--) {
      const k = this.kindAt(x, y, z);
      if (k === 'unknown') return undefined;
      if (k === 'air') {
        air++;
        continue;
      }
      if (k === 'solid' && air >= headroom && y + 1 <= top) return y + 1;
      air = 0;
    }
    return undefined;
  }
}

const terrains = new WeakMap<SquidWorld, Terrain>();

export function terrainOf(registry: Registry, world: SquidWorld, tallWorld: boolean): Terrain {
  let t = terrains.get(world);
  if (!t) {
    t = tallWorld ? new Terrain(registry, world, -64, 320) : new Terrain(registry, world, 0, 256);
    terrains.set(world, t);
  }
  return t;
}
