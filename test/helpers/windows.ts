import type { Bot } from 'mineflayer';
import type { Window } from 'prismarine-windows';
import type { Entity } from 'prismarine-entity';
import { Vec3 } from 'vec3';
import { expect } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { blockStoresOf } from '../../src/sandbox/plugins/windows/plugin.ts';
import { counts } from './inventory.ts';
import { waitFor } from './sandbox.ts';

/** Gives `n` × `item` with the server's /give and waits until the bot's inventory shows them. */
export async function give(sb: Sandbox, bot: Bot, item: string, n: number): Promise<void> {
  const before = counts(bot)[item] ?? 0;
  await sb.command(`give ${bot.username} ${item} ${n}`);
  await waitFor(() => (counts(bot)[item] ?? 0) >= before + n, 3000, `${n} ${item} to reach ${bot.username}`);
}

/** Empties the bot's inventory with /clear and waits until the client sees it empty. */
export async function clearInventory(sb: Sandbox, bot: Bot): Promise<void> {
  // /clear fails (like vanilla) when there is nothing to clear.
  if (bot.inventory.slots.some(Boolean)) await sb.command(`clear ${bot.username}`);
  await waitFor(() => bot.inventory.slots.every((s) => !s), 3000, `${bot.username}'s inventory to be empty`);
}

/** Whether the bot holds exactly these item counts (order-free). */
export function holdsExactly(bot: Bot, want: Record<string, number>): boolean {
  const have = counts(bot);
  return Object.keys(have).length === Object.keys(want).length && Object.entries(want).every(([k, n]) => have[k] === n);
}

export const itemId = (bot: Bot, name: string): number => {
  const id = bot.registry.itemsByName[name]?.id;
  if (id === undefined) throw new Error(`unknown item ${name}`);
  return id;
};

type SlotLike = { name: string; count: number } | null | undefined;
const view = (slots: readonly SlotLike[]) => slots.map((s) => (s ? `${s.name}x${s.count}` : ''));

/** The server's slots of the chest or furnace at `pos` (container slots only), as `namexcount`. */
export function serverStoreSlots(sb: Sandbox, pos: Vec3): string[] | undefined {
  const store = blockStoresOf(sb.server)?.get(pos);
  if (!store) return undefined;
  const slots = store.kind === 'container' ? store.slots : store.state.slots;
  return slots.map((s) => (s ? `${sb.server.registry.items[s.type]?.name ?? s.type}x${s.count}` : ''));
}

/** Asserts the open window's own slots (before the inventory part) equal the block store's on the server. */
export async function expectWindowMatchesStore(sb: Sandbox, window: Window, pos: Vec3): Promise<void> {
  const client = () => view(window.slots.slice(0, window.inventoryStart));
  await waitFor(() => client().join('|') === (serverStoreSlots(sb, pos) ?? []).join('|'), 2000, 'window to match the store').catch(() => undefined);
  expect(client()).toEqual(serverStoreSlots(sb, pos));
}

/** Walks straight at `target` (no pathfinding: the tests use a flat floor) until within `within` blocks. */
export async function walkTo(bot: Bot, target: Vec3, within = 0.4, timeoutMs = 5000): Promise<void> {
  const flat = (v: Vec3) => new Vec3(v.x, 0, v.z);
  const close = () => flat(bot.entity.position).distanceTo(flat(target)) < within;
  const steer = () => { void bot.lookAt(new Vec3(target.x, bot.entity.position.y + bot.entity.height * 0.9, target.z), true); };
  steer();
  bot.on('physicsTick', steer);
  bot.setControlState('forward', true);
  try {
    await waitFor(close, timeoutMs, `${bot.username} to reach ${target.toString()}`);
  } finally {
    bot.setControlState('forward', false);
    bot.off('physicsTick', steer);
  }
}

/** Dropped item entities the client can name, within `radius` of the bot. */
export function visibleDrops(bot: Bot, radius = 8): Entity[] {
  return Object.values(bot.entities).filter((e) => e.name === 'item' && e.position.distanceTo(bot.entity.position) < radius && e.getDroppedItem() !== null);
}

/**
 * Walks over nearby dropped items until `done()` holds (e.g. the inventory has what was expected).
 * Drops can reach the client after the block is gone, so an empty neighbourhood means wait, not done.
 */
export async function collectDrops(bot: Bot, done: () => boolean, radius = 8, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    const left = end - Date.now();
    const drops = visibleDrops(bot, radius);
    if (left <= 0) throw new Error(`not done after ${timeoutMs} ms; drops left: ${drops.map((d) => d.getDroppedItem()?.name).join(', ') || 'none'}`);
    if (drops.length === 0) {
      await waitFor(() => done() || visibleDrops(bot, radius).length > 0, left, 'drops to appear');
      continue;
    }
    const next = drops.sort((a, b) => a.position.distanceTo(bot.entity.position) - b.position.distanceTo(bot.entity.position))[0]!;
    await walkTo(bot, next.position, 0.8, 4000);
    await waitFor(() => bot.entities[next.id] === undefined, 3000, 'the item to be picked up');
  }
}

export type SeenPacket = { name: string; windowId: number; stateId: number; slot?: number; item?: string };

/**
 * Window packets as the client receives them, and how many had arrived by the time each one's
 * microtasks ran: a client acts on a packet in microtasks, so that is all it has read when it acts.
 */
export function recordWindowPackets(bot: Bot) {
  const seen: SeenPacket[] = [];
  const readyAt: number[] = [];
  const itemName = (it: { itemId?: number; present?: boolean } | undefined) => (it && it.present !== false && it.itemId !== undefined && it.itemId >= 0 ? bot.registry.items[it.itemId]?.name ?? '?' : '');
  const onPacket = (data: Record<string, unknown>, meta: { name: string }) => {
    if (!['set_slot', 'window_items', 'open_window', 'close_window'].includes(meta.name)) return;
    seen.push({ name: meta.name, windowId: data.windowId as number, stateId: data.stateId as number, ...(meta.name === 'set_slot' ? { slot: data.slot as number, item: itemName(data.item as never) } : {}) });
    const i = seen.length - 1;
    // A client continues its own work in microtasks: what it has read by then is what it acts on.
    queueMicrotask(() => { readyAt[i] = seen.length; });
  };
  bot._client.on('packet', onPacket);
  return { seen, readyAt, stop: () => bot._client.off('packet', onPacket) };
}
