import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { waitFor } from './sandbox.ts';

/** Lays a flat stone floor (radius r) under the bot's feet with air above, so tests don't depend on terrain. */
export async function flatFloor(sb: Sandbox, bot: Bot, r = 4): Promise<Vec3> {
  const base = bot.entity.position.floored();
  const stone = sb.server.registry.blocksByName.stone!.defaultState;
  for (let dx = -r; dx <= r; dx++) {
    for (let dz = -r; dz <= r; dz++) {
      await sb.server.setBlock(sb.server.overworld, base.offset(dx, -1, dz), stone);
      for (let dy = 0; dy < 4; dy++) await sb.server.setBlock(sb.server.overworld, base.offset(dx, dy, dz), 0);
    }
  }
  await waitFor(() => bot.blockAt(base.offset(r, -1, r))?.name === 'stone', 3000, 'floor to reach the client');
  return base;
}

/** Equips `item` and places it on the floor at `at` (a position at floor level + 1), waiting for the block. */
export async function placeOnFloor(bot: Bot, item: string, at: Vec3): Promise<void> {
  const id = bot.registry.itemsByName[item]?.id;
  if (id === undefined) throw new Error(`unknown item ${item}`);
  await bot.equip(id, 'hand');
  const below = bot.blockAt(at.offset(0, -1, 0));
  if (!below) throw new Error(`no block below ${at.toString()}`);
  await bot.placeBlock(below, new Vec3(0, 1, 0));
  await waitFor(() => bot.blockAt(at)?.name === item, 3000, `${item} to be placed`);
}
