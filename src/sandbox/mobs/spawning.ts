// Natural spawning near players: packs of animals on grass in daylight, zombies and spiders in the
// dark. "Dark" is approximated without a light engine: open sky at night (13000–23000), or a spot
// under an opaque block at any time; either way no light source (torch, lantern, lava…) may reach
// it within 8 blocks (see Terrain.lit).
import { Vec3 } from 'vec3';
import type { MobKind } from '../../knowledge/mobs.ts';
import type { SquidPlayer } from '../squid/types.ts';
import { getGameRule } from '../plugins/commands/time.ts';
import { spawnFish } from './fishSpawning.ts';
import { isAlive } from './hands.ts';
import { createMob } from './spawn.ts';
import { terrainOf, type Terrain } from './terrain.ts';
import type { MobWorld } from './types.ts';

/** Land mobs; fish (`water`) spawn by fishSpawning.ts, with a cap of their own. */
type LandKind = Exclude<MobKind, 'water'>;

/** Server ticks between spawn attempts (hostiles every time, animals every other time). */
export const SPAWN_INTERVAL = 20;
/** Mobs of a kind allowed within CAP_RADIUS of a player before no more spawn there. */
export const SPAWN_CAPS: Readonly<Record<LandKind, number>> = { passive: 8, hostile: 6 };
const CAP_RADIUS = 64;
/** Vanilla spawns no closer than 24 blocks to any player. */
const MIN_DISTANCE = 24;
const MAX_DISTANCE = 48;
const ATTEMPTS = 3;
const PACK_SPREAD = 3;

// Vanilla plains spawn weights.
const WEIGHTS: Readonly<Record<LandKind, readonly [string, number][]>> = {
  passive: [['sheep', 12], ['pig', 10], ['chicken', 10], ['cow', 8]],
  hostile: [['zombie', 95], ['spider', 100]],
};
const PACK_SIZE: Readonly<Record<LandKind, [number, number]>> = { passive: [2, 4], hostile: [1, 2] };

export function isNight(time: number): boolean {
  const t = ((time % 24000) + 24000) % 24000;
  return t >= 13000 && t < 23000;
}

function pickWeighted(mw: MobWorld, list: readonly [string, number][]): string {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let roll = mw.rng.next() * total;
  for (const [name, w] of list) {
    if (roll < w) return name;
    roll -= w;
  }
  return list[list.length - 1]![0];
}

function countNear(mw: MobWorld, player: SquidPlayer, kind: MobKind): number {
  let n = 0;
  for (const mob of mw.mobs) {
    const st = mob.skillcraftMob;
    if (st.facts.kind === kind && !st.dead && mob.world === player.world && mob.position.distanceTo(player.position) <= CAP_RADIUS) n++;
  }
  return n;
}

/** Whether a mob of `kind` may appear standing at block (x, y, z). */
function suitable(mw: MobWorld, terrain: Terrain, kind: LandKind, x: number, y: number, z: number, players: readonly SquidPlayer[]): boolean {
  const at = new Vec3(x + 0.5, y, z + 0.5);
  if (players.some((p) => p.world === terrain.world && p.position.distanceTo(at) < MIN_DISTANCE)) return false;
  if (kind === 'passive') return !isNight(mw.serv.time) && terrain.nameAt(x, y - 1, z) === 'grass_block';
  if (terrain.seesSky(x, y, z) && !isNight(mw.serv.time)) return false;
  return !terrain.lit(x, y, z);
}

function spawnPack(mw: MobWorld, player: SquidPlayer, kind: LandKind, players: readonly SquidPlayer[]): void {
  const room = SPAWN_CAPS[kind] - countNear(mw, player, kind);
  if (room <= 0) return;
  const terrain = terrainOf(mw.serv.registry, player.world, mw.serv.supportFeature('tallWorld'));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const angle = mw.rng.next() * 2 * Math.PI;
    const dist = MIN_DISTANCE + mw.rng.next() * (MAX_DISTANCE - MIN_DISTANCE);
    const x = Math.floor(player.position.x + Math.cos(angle) * dist);
    const z = Math.floor(player.position.z + Math.sin(angle) * dist);
    // Animals look down from above the player (surface); monsters from a random height (caves too).
    const from = Math.floor(player.position.y) + (kind === 'passive' ? 16 : mw.rng.int(-16, 16));
    const y = terrain.floorIn(x, z, from, from - 32, 2);
    if (y === undefined || !suitable(mw, terrain, kind, x, y, z, players)) continue;
    const name = pickWeighted(mw, WEIGHTS[kind]);
    const [min, max] = PACK_SIZE[kind];
    const size = Math.min(room, mw.rng.int(min, max));
    for (let i = 0; i < size; i++) {
      const px = i === 0 ? x : x + mw.rng.int(-PACK_SPREAD, PACK_SPREAD);
      const pz = i === 0 ? z : z + mw.rng.int(-PACK_SPREAD, PACK_SPREAD);
      const py = i === 0 ? y : terrain.floorIn(px, pz, y + 1, y - 1, 2);
      if (py === undefined || (i > 0 && !suitable(mw, terrain, kind, px, py, pz, players))) continue;
      createMob(mw, name, player.world, new Vec3(px + 0.5, py, pz + 0.5));
    }
    return;
  }
}

/** One round of natural spawning around every player (skipped when spawning is off or, for monsters, peaceful). */
export function spawnNaturally(mw: MobWorld): void {
  if (!mw.options.mobSpawning || getGameRule(mw.serv, 'doMobSpawning') === false) return;
  const players = mw.serv.players.filter((p) => isAlive(p) && p.gameMode !== 3);
  const animalsToo = Math.floor(mw.serv.tickCount / SPAWN_INTERVAL) % 2 === 0;
  for (const player of players) {
    if (animalsToo) spawnPack(mw, player, 'passive', players);
    if (animalsToo) spawnFish(mw, player, players);
    if (!mw.options.peaceful) spawnPack(mw, player, 'hostile', players);
  }
}
