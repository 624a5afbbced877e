// Fish spawning near players in the water of the biomes vanilla gives them (WATER_SPAWNS): salmon in
// the generator's rivers, and in a world save's oceans what each ocean has. Schools of one kind, with a
// cap of their own (vanilla's WATER_AMBIENT category), where vanilla's surface water rule allows.
import { Vec3 } from 'vec3';
import { isWaterMob, WATER_SPAWNS, type WaterSpawn } from '../../knowledge/waterMobs.ts';
import type { SquidPlayer, SquidServer, SquidWorld, SquidWorldSync } from '../squid/types.ts';
import { createMob } from './spawn.ts';
import { submerged } from './swim.ts';
import { terrainOf, type Terrain } from './terrain.ts';
import type { MobWorld } from './types.ts';

/** Fish within CAP_RADIUS of a player before no more spawn there. */
export const FISH_CAP = 10;
const CAP_RADIUS = 64;
const MIN_DISTANCE = 24;
const MAX_DISTANCE = 48;
const ATTEMPTS = 4;
const SCHOOL_SPREAD = 2;
/**
 * Vanilla WaterAnimal.checkSurfaceWaterAnimalSpawnRules: from 13 blocks under the sea level up to it,
 * with water below and above. Sea level is 63 (the top water block at 62) in the generator and vanilla.
 */
const SEA_LEVEL = 63;
const DEPTH = 13;
/** The biggest fish's height: every spot of a school leaves it room under water. */
const FISH_HEIGHT = 0.7;

function biomeAt(serv: SquidServer, world: SquidWorld, x: number, y: number, z: number): string | undefined {
  const sync = world.sync as SquidWorldSync & { getBiome?(pos: Vec3): number };
  const id = sync.getBiome?.(new Vec3(x, y, z));
  return id === undefined ? undefined : serv.registry.biomes[id]?.name;
}

function water(terrain: Terrain, x: number, y: number, z: number): boolean {
  return terrain.nameAt(x, y, z) === 'water';
}

/** A block where a fish may appear: vanilla's rule (water here, below and above, near the sea level). */
function fits(terrain: Terrain, x: number, y: number, z: number): boolean {
  return y >= SEA_LEVEL - DEPTH && y <= SEA_LEVEL && water(terrain, x, y - 1, z) && water(terrain, x, y, z) && water(terrain, x, y + 1, z);
}

/** The spots of column (x, z) a fish fits, top down. */
function spotsIn(terrain: Terrain, x: number, z: number): number[] {
  const out: number[] = [];
  for (let y = SEA_LEVEL; y >= SEA_LEVEL - DEPTH; y--) if (fits(terrain, x, y, z)) out.push(y);
  return out;
}

function pick(mw: MobWorld, list: readonly WaterSpawn[]): WaterSpawn {
  const total = list.reduce((s, e) => s + e.weight, 0);
  let roll = mw.fishRng.next() * total;
  for (const e of list) {
    if (roll < e.weight) return e;
    roll -= e.weight;
  }
  return list[list.length - 1]!;
}

function fishNear(mw: MobWorld, player: SquidPlayer): number {
  let n = 0;
  for (const mob of mw.mobs) {
    if (isWaterMob(mob.skillcraftMob.facts.name) && !mob.skillcraftMob.dead && mob.world === player.world && mob.position.distanceTo(player.position) <= CAP_RADIUS) n++;
  }
  return n;
}

/** One try at a school of fish around `player`, 24 to 48 blocks off and away from every player. */
export function spawnFish(mw: MobWorld, player: SquidPlayer, players: readonly SquidPlayer[]): void {
  const room = FISH_CAP - fishNear(mw, player);
  if (room <= 0) return;
  const terrain = terrainOf(mw.serv.registry, player.world, mw.serv.supportFeature('tallWorld'));
  const farFromAll = (at: Vec3) => !players.some((p) => p.world === player.world && p.position.distanceTo(at) < MIN_DISTANCE);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const angle = mw.fishRng.next() * 2 * Math.PI;
    const dist = MIN_DISTANCE + mw.fishRng.next() * (MAX_DISTANCE - MIN_DISTANCE);
    const x = Math.floor(player.position.x + Math.cos(angle) * dist);
    const z = Math.floor(player.position.z + Math.sin(angle) * dist);
    const ys = spotsIn(terrain, x, z);
    if (ys.length === 0) continue;
    const y = ys[mw.fishRng.int(0, ys.length - 1)]!;
    const spawns = WATER_SPAWNS[biomeAt(mw.serv, player.world, x, y, z) ?? ''];
    if (!spawns || !farFromAll(new Vec3(x + 0.5, y, z + 0.5))) continue;
    const kind = pick(mw, spawns);
    const size = Math.min(room, mw.fishRng.int(kind.min, kind.max));
    for (let i = 0; i < size; i++) {
      const at = i === 0 ? new Vec3(x + 0.5, y, z + 0.5)
        : new Vec3(x + mw.fishRng.int(-SCHOOL_SPREAD, SCHOOL_SPREAD) + 0.5, y + mw.fishRng.int(-1, 1), z + mw.fishRng.int(-SCHOOL_SPREAD, SCHOOL_SPREAD) + 0.5);
      if (i > 0 && (!fits(terrain, Math.floor(at.x), at.y, Math.floor(at.z)) || !submerged(terrain, at, FISH_HEIGHT) || !farFromAll(at))) continue;
      createMob(mw, kind.mob, player.world, at, { yaw: mw.fishRng.next() * 360 - 180 });
    }
    return;
  }
}
