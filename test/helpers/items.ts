import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import { expect } from 'vitest';
import { isDroppedItem, removeItemEntity } from '../../src/sandbox/plugins/items/entity.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SquidPlayer } from '../../src/sandbox/squid/types.ts';
import { waitFor } from './sandbox.ts';

export function serverPlayer(sb: Sandbox, bot: Bot): SquidPlayer {
  const player = sb.server.players.find((p) => p.username === bot.username);
  if (!player) throw new Error(`no server player for ${bot.username}`);
  return player;
}

type SlotLike = { name: string; count: number } | null | undefined;

/** Non-empty window-0 slots as `slot:name×count`, comparable between client and server. */
export function snapshot(slots: readonly SlotLike[]): string[] {
  const out: string[] = [];
  slots.forEach((s, i) => {
    if (s) out.push(`${i}:${s.name}x${String(s.count)}`);
  });
  return out;
}

/** Waits for the client's inventory to settle on the server's, then asserts they are equal (counts as numbers). */
export async function expectSameInventory(sb: Sandbox, bot: Bot): Promise<void> {
  const player = serverPlayer(sb, bot);
  const same = () => JSON.stringify(snapshot(bot.inventory.slots)) === JSON.stringify(snapshot(player.inventory.slots));
  // Poll (bounded) instead of waitFor so a mismatch fails below with the full diff.
  const deadline = Date.now() + 3000;
  while (!same() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  expect(snapshot(bot.inventory.slots)).toEqual(snapshot(player.inventory.slots));
  for (const item of player.inventory.slots) if (item) expect(typeof item.count).toBe('number');
}

/**
 * A stone floor (with air above) high over the generated terrain, so item tests do not depend on
 * the world generator's hills and trees.
 */
export async function buildPlatform(sb: Sandbox, centre: Vec3, radius = 4): Promise<void> {
  const stone = sb.server.registry.blocksByName.stone!.defaultState;
  const air = sb.server.registry.blocksByName.air!.defaultState;
  const jobs: Promise<void>[] = [];
  for (let dx = -radius; dx <= radius; dx++) {
    for (let dz = -radius; dz <= radius; dz++) {
      jobs.push(sb.server.setBlock(sb.server.overworld, centre.offset(dx, -1, dz), stone));
      for (let dy = 0; dy < 3; dy++) jobs.push(sb.server.setBlock(sb.server.overworld, centre.offset(dx, dy, dz), air));
    }
  }
  await Promise.all(jobs);
}

/** Removes the dropped items the server holds (within `radius` of `near` when given): what an earlier test left lying. */
export function clearDrops(sb: Sandbox, near?: Vec3, radius = Infinity): void {
  for (const e of Object.values(sb.server.entities)) {
    if (isDroppedItem(e) && (!near || e.position.distanceTo(near) < radius)) removeItemEntity(sb.server, e);
  }
}

/** Teleports the bot onto a block position (feet at `pos`, centred) and waits until it stands there. */
export async function placeBot(sb: Sandbox, bot: Bot, pos: Vec3): Promise<void> {
  await sb.command(`tp ${bot.username} ${pos.x} ${pos.y} ${pos.z}`);
  const target = pos.offset(0.5, 0, 0.5);
  await waitFor(() => bot.entity.onGround && bot.entity.position.distanceTo(target) < 0.01, 5000, `${bot.username} to stand at ${target.toString()}`)
    .catch((err: Error) => { throw new Error(`${err.message}; it is at ${bot.entity.position.toString()} (on ground: ${String(bot.entity.onGround)})`); });
  await waitFor(() => serverPlayer(sb, bot).position.distanceTo(target) < 0.01, 2000, 'the server to see the bot there');
}

/** Resolves after the server has run `n` more ticks: a wait measured in game time, not wall time. */
export async function serverTicks(sb: Sandbox, n: number): Promise<void> {
  const until = sb.server.tickCount + n;
  await waitFor(() => sb.server.tickCount >= until, n * 50 + 3000, `${n} server ticks`);
}

export { Vec3 };
