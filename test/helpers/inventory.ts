import type { Bot } from 'mineflayer';
import { expect } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { waitFor } from './sandbox.ts';

type SlotView = string;

function clientSlots(bot: Bot): SlotView[] {
  return Array.from({ length: 46 }, (_, i) => {
    const it = bot.inventory.slots[i];
    return it ? `${it.name}x${it.count}` : '';
  });
}

function serverSlots(sb: Sandbox, username: string): SlotView[] {
  const player = sb.server.players.find((p) => p.username === username);
  if (!player) throw new Error(`no player ${username} on the server`);
  return Array.from({ length: 46 }, (_, i) => {
    const it = player.inventory.slots[i];
    return it ? `${sb.server.registry.items[it.type]?.name ?? it.type}x${it.count}` : '';
  });
}

/** Asserts the bot's inventory model equals the server's, slot by slot (waits briefly for packets in flight). */
export async function expectInventoriesMatch(sb: Sandbox, bot: Bot): Promise<void> {
  const same = () => clientSlots(bot).join('|') === serverSlots(sb, bot.username).join('|');
  // A mismatch after the wait is reported slot by slot by the assertion below, not by the wait.
  await waitFor(same, 2000, 'inventories to match').catch(() => undefined);
  expect(clientSlots(bot)).toEqual(serverSlots(sb, bot.username));
}

/** Item counts by name in the bot's inventory. */
export function counts(bot: Bot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of bot.inventory.items()) out[it.name] = (out[it.name] ?? 0) + it.count;
  return out;
}
