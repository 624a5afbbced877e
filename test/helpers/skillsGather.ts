import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { placeBot, serverPlayer } from './items.ts';
import { setBlocks } from './skills.ts';

/**
 * Teleports the bot to stand at `pos` (block centre) unless it already stands there. A teleport
 * onto the spot the server already has makes flying-squid send no position packet, and the
 * sandbox then ignores the bot's moves for 5 s while it waits for a confirmation that never comes.
 */
export async function standAt(sb: Sandbox, bot: Bot, pos: Vec3): Promise<void> {
  const target = pos.offset(0.5, 0, 0.5);
  const here = (p: Vec3) => p.distanceTo(target) < 0.01;
  if (here(bot.entity.position) && here(serverPlayer(sb, bot).position)) return;
  await placeBot(sb, bot, pos);
}

/**
 * A closed test room high above the terrain: a stone floor of radius `r` at `y - 1`, air above it
 * (4 high) and nothing else, so a test controls every block the bot can find.
 */
export async function clearRoom(sb: Sandbox, bot: Bot, centre: Vec3, r = 5, floor = 'stone'): Promise<void> {
  const jobs: [Vec3, string][] = [];
  for (let dx = -r; dx <= r; dx++) {
    for (let dz = -r; dz <= r; dz++) {
      jobs.push([centre.offset(dx, -1, dz), floor]);
      for (let dy = 0; dy < 4; dy++) jobs.push([centre.offset(dx, dy, dz), 'air']);
    }
  }
  await setBlocks(sb, bot, jobs);
}

export { Vec3 };
