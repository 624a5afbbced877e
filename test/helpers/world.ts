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

/** A standing spot `min`–`max` blocks from the bot (within `dy` up or down): solid ground below, two free blocks. */
export function openGroundNear(bot: Bot, min: number, max: number, dy = 3): Vec3 {
  const me = bot.entity.position.floored();
  for (let r = min; r <= max; r++) {
    for (let a = 0; a < 16; a++) {
      const x = me.x + Math.round(Math.cos((a * Math.PI) / 8) * r);
      const z = me.z + Math.round(Math.sin((a * Math.PI) / 8) * r);
      for (let y = me.y + dy; y >= me.y - dy; y--) {
        const below = bot.blockAt(new Vec3(x, y - 1, z));
        const feet = bot.blockAt(new Vec3(x, y, z));
        const head = bot.blockAt(new Vec3(x, y + 1, z));
        if (below?.boundingBox === 'block' && !below.name.includes('leaves') && feet?.name === 'air' && head?.name === 'air') return new Vec3(x, y, z);
      }
    }
  }
  throw new Error(`no open ground ${min}-${max} blocks from ${me.toString()}`);
}
