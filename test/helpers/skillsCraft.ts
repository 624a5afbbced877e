import { blockStoresOf } from '../../src/sandbox/plugins/windows/plugin.ts';
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { buildPlatform, clearDrops, placeBot } from './items.ts';
import { waitFor } from './sandbox.ts';

/**
 * A stone room high above the terrain (floor radius `r`, 3 blocks of air above) with the bot
 * standing in its middle; nothing else within reach. Re-running it clears placed blocks.
 */
export async function craftRoom(sb: Sandbox, bot: Bot, centre: Vec3, r = 6): Promise<void> {
  await buildPlatform(sb, centre, r);
  // Clear a margin too, so nothing placed by an earlier test stays just outside the room.
  const air = sb.server.registry.blocksByName.air!.defaultState;
  for (let dx = -r - 2; dx <= r + 2; dx++) {
    for (let dz = -r - 2; dz <= r + 2; dz++) {
      if (Math.abs(dx) <= r && Math.abs(dz) <= r) continue;
      for (let dy = -1; dy < 3; dy++) await sb.server.setBlock(sb.server.overworld, centre.offset(dx, dy, dz), air);
    }
  }
  await waitFor(() => bot.blockAt(centre.offset(r, -1, r))?.name === 'stone' && bot.blockAt(centre.offset(-r - 2, 0, -r - 2))?.name === 'air', 3000, 'the room to reach the client');
  await placeBot(sb, bot, centre);
  const stations = ['crafting_table', 'furnace', 'chest'].map((n) => bot.registry.blocksByName[n]!.id);
  await waitFor(() => bot.findBlock({ matching: stations, maxDistance: 40 }) === null, 3000, 'no station near the room');
  // A furnace or chest an earlier test left spills its contents once its block is gone (as in
  // vanilla); wait for the spill, then take those items away so they cannot be picked up later.
  const stores = blockStoresOf(sb.server);
  await waitFor(() => [...(stores?.stores.values() ?? [])].every((st) => st.pos.distanceTo(centre) > r + 4), 3000, 'old containers to spill');
  clearDrops(sb, centre, r + 8);
}

/** Puts a block server-side and waits until the client sees it. */
export async function putBlock(sb: Sandbox, bot: Bot, pos: Vec3, name: string): Promise<void> {
  const state = sb.server.registry.blocksByName[name]?.defaultState;
  if (state === undefined) throw new Error(`unknown block ${name}`);
  await sb.server.setBlock(sb.server.overworld, pos, state);
  await waitFor(() => bot.blockAt(pos)?.name === name, 3000, `${name} at ${pos.toString()}`);
}

/** Blocks named `name` within `r` of `centre`, as the client sees them. */
export function blocksNamed(bot: Bot, centre: Vec3, name: string, r = 8): Vec3[] {
  const id = bot.registry.blocksByName[name]!.id;
  return bot.findBlocks({ matching: id, maxDistance: r, count: 50, point: centre });
}

export { Vec3 };
