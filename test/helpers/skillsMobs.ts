// Setup for mob skill and reflex tests: summoning mobs next to a bot and finding them on its side.
import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import { Vec3 } from 'vec3';
import { removeMob } from '../../src/sandbox/mobs/spawn.ts';
import { mobWorldOf } from '../../src/sandbox/mobs/world.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { serverPlayer } from './items.ts';
import { waitFor } from './sandbox.ts';
import { setBlocks } from './skills.ts';

/** The bot's view of the mobs of a kind, nearest first. */
export function mobsSeen(bot: Bot, name: string): Entity[] {
  const me = bot.entity.position;
  return Object.values(bot.entities)
    .filter((e) => e !== bot.entity && e.name === name && e.isValid)
    .sort((a, b) => a.position.distanceTo(me) - b.position.distanceTo(me));
}

/**
 * Summons `count` mobs at block `at` (its centre) with the sandbox's `/summon`, sheep of `colour`
 * when given, and waits until the bot sees them all; returns the new entities.
 */
export async function summon(sb: Sandbox, bot: Bot, mob: string, count: number, at: Vec3, colour?: string): Promise<Entity[]> {
  const before = new Set(mobsSeen(bot, mob).map((e) => e.id));
  await sb.command(`summon ${mob} ${count} ${at.x} ${at.y} ${at.z}${colour ? ` color=${colour}` : ''}`);
  const fresh = () => mobsSeen(bot, mob).filter((e) => !before.has(e.id));
  await waitFor(() => fresh().length >= count, 5000, `${count} ${mob} to appear`);
  return fresh();
}

/** Removes every mob of these kinds from the sandbox (setup between tests), and waits until the bot sees none. */
export async function removeMobs(sb: Sandbox, bot: Bot, names: readonly string[]): Promise<void> {
  const mw = mobWorldOf(sb.server);
  for (const mob of [...mw.mobs]) if (names.includes(mob.skillcraftMob.facts.name)) removeMob(mw, mob);
  await waitFor(() => names.every((n) => mobsSeen(bot, n).length === 0), 5000, `no ${names.join('/')} left`);
}

/** flying-squid's player health and food, set server-side (the hunger plugin's fields). */
interface LivingPlayer {
  health: number;
  food: number;
  updateHealth(n: number): void;
  updateFood(n: number): void;
}

/** Sets the bot's health and food on the server and waits for the client to hear of it. */
export async function setVitals(sb: Sandbox, bot: Bot, vitals: { health?: number; food?: number }): Promise<void> {
  const p = serverPlayer(sb, bot) as unknown as LivingPlayer;
  if (vitals.health !== undefined) p.updateHealth(vitals.health);
  if (vitals.food !== undefined) p.updateFood(vitals.food);
  await waitFor(() => (vitals.health === undefined || bot.health === vitals.health) && (vitals.food === undefined || bot.food === vitals.food), 3000, 'health and food to reach the client');
}

/**
 * A fenced test field high above the terrain: a grass floor of radius `r` at `centre.y - 1`, air
 * above, and a wall two blocks high around it, so that animals stay in and nothing else is near.
 */
export async function arena(sb: Sandbox, bot: Bot, centre: Vec3, r = 8): Promise<void> {
  const jobs: [Vec3, string][] = [];
  for (let dx = -r - 1; dx <= r + 1; dx++) {
    for (let dz = -r - 1; dz <= r + 1; dz++) {
      const wall = Math.abs(dx) > r || Math.abs(dz) > r;
      jobs.push([centre.offset(dx, -1, dz), wall ? 'stone' : 'grass_block']);
      for (let dy = 0; dy < 4; dy++) jobs.push([centre.offset(dx, dy, dz), wall && dy < 2 ? 'stone' : 'air']);
    }
  }
  await setBlocks(sb, bot, jobs);
}

/** The cell a bot stands in on the ground at column x, z (the highest solid block, plus one), from the bot's loaded chunks. */
export function groundAt(bot: Bot, x: number, z: number): Vec3 {
  for (let y = 120; y > -64; y--) {
    const below = bot.blockAt(new Vec3(x, y - 1, z));
    if (below && below.boundingBox === 'block' && !below.name.endsWith('_leaves')) return new Vec3(x, y, z);
  }
  throw new Error(`no ground at ${x}, ${z} in the loaded chunks`);
}
