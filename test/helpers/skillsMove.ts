import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { SEA_LEVEL } from '../../src/sandbox/worldgen/index.ts';
import { waitFor } from './sandbox.ts';

/** Listener counts of the events movement and digging subscribe to, to check that none are left behind. */
export const WATCHED_EVENTS = ['path_update', 'goal_reached', 'path_stop', 'goal_updated', 'path_reset', 'diggingCompleted', 'diggingAborted', 'physicsTick', 'blockUpdate'] as const;

export function listenerCounts(bot: Bot): Record<string, number> {
  return Object.fromEntries(WATCHED_EVENTS.map((e) => [e, bot.listenerCount(e)]));
}

/** Whether the generated world has air at `y` in column (x, z) (ignores later edits). */
function generatedAir(sb: Sandbox, x: number, y: number, z: number): boolean {
  const chunk = sb.world.generateChunk(Math.floor(x / 16), Math.floor(z / 16));
  return chunk.getBlockStateId(new Vec3(x & 15, y, z & 15)) === 0;
}

/** A dry spot to stand on in column (x, z): the two blocks above the ground are air (no tree trunk). */
export function standable(sb: Sandbox, x: number, z: number): Vec3 | null {
  const g = sb.world.surfaceY(x, z);
  if (g <= SEA_LEVEL + 1) return null;
  if (generatedAir(sb, x, g, z) || !generatedAir(sb, x, g + 1, z) || !generatedAir(sb, x, g + 2, z)) return null;
  return new Vec3(x, g + 1, z);
}

/**
 * A standable spot around `center` whose nearest sand or water column (ground at or below the
 * shore line) is between `minClear` and `maxFind` blocks away horizontally: out of sight at first,
 * within the loaded columns. Deterministic for a seed.
 */
export function spotAwayFromWater(sb: Sandbox, center: Vec3, minClear: number, maxFind: number): { spot: Vec3; water: number } {
  const wet = (x: number, z: number) => sb.world.surfaceY(x, z) <= SEA_LEVEL + 1;
  const nearestWet = (x: number, z: number): number => {
    let best = Infinity;
    for (let dz = -maxFind; dz <= maxFind; dz += 2) {
      for (let dx = -maxFind; dx <= maxFind; dx += 2) {
        const d = Math.hypot(dx, dz);
        if (d < best && d <= maxFind && wet(x + dx, z + dz)) best = d;
      }
    }
    return best;
  };
  for (let r = 16; r <= 256; r += 16) {
    for (let a = 0; a < 16; a++) {
      const x = Math.floor(center.x + r * Math.cos((a * Math.PI) / 8));
      const z = Math.floor(center.z + r * Math.sin((a * Math.PI) / 8));
      const spot = standable(sb, x, z);
      if (!spot) continue;
      const water = nearestWet(x, z);
      if (water >= minClear && water <= maxFind) return { spot, water };
    }
  }
  throw new Error(`no spot with sand or water between ${minClear} and ${maxFind} blocks around ${center.toString()}`);
}

/** Teleports the bot (setup only) and waits until it stands there with the columns around it loaded. */
export async function teleport(sb: Sandbox, bot: Bot, to: Vec3): Promise<void> {
  await sb.command(`tp ${bot.username} ${to.x + 0.5} ${to.y} ${to.z + 0.5}`);
  await waitFor(() => bot.entity.position.distanceTo(to.offset(0.5, 0, 0.5)) < 1.5, 5000, `${bot.username} to arrive at ${to.toString()}`);
  await waitFor(() => columnsLoaded(bot, 2) && bot.entity.onGround, 15_000, 'the columns around the bot to load');
}

export function columnsLoaded(bot: Bot, radius: number): boolean {
  const cx = Math.floor(bot.entity.position.x / 16);
  const cz = Math.floor(bot.entity.position.z / 16);
  for (let dx = -radius; dx <= radius; dx++) {
    for (let dz = -radius; dz <= radius; dz++) {
      if (!bot.world.getColumnAt(new Vec3((cx + dx) * 16, 0, (cz + dz) * 16))) return false;
    }
  }
  return true;
}

/** The 26 blocks around `center` (a closed 3x3x3 shell with `center` left as it is). */
export function shellAround(center: Vec3, name: string): [Vec3, string][] {
  const out: [Vec3, string][] = [];
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dz = -1; dz <= 1; dz++) if (dx || dy || dz) out.push([center.offset(dx, dy, dz), name]);
    }
  }
  return out;
}

/** Empties the bot's inventory and gives it `items` (setup only), waiting for the client. */
export async function setItems(sb: Sandbox, bot: Bot, items: Readonly<Record<string, number>>): Promise<void> {
  // Vanilla's /clear fails on an empty inventory.
  if (bot.inventory.items().length > 0) await sb.command(`clear ${bot.username}`);
  await waitFor(() => bot.inventory.items().length === 0, 3000, 'an empty inventory');
  for (const [name, n] of Object.entries(items)) await sb.command(`give ${bot.username} ${name} ${n}`);
  const total = Object.values(items).reduce((a, b) => a + b, 0);
  await waitFor(() => bot.inventory.items().reduce((a, i) => a + i.count, 0) === total, 3000, 'the items to arrive');
}
