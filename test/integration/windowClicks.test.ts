import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Block } from 'prismarine-block';
import type { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { flatFloor, placeOnFloor } from '../helpers/world.ts';
import { clearInventory, give, itemId, recordWindowPackets, visibleDrops } from '../helpers/windows.ts';
import { resyncWindow } from '../../src/net/windowClicks.ts';

describe('vanilla clicks from a real client: shift-craft, number keys, Q', () => {
  let sb: Sandbox;
  let bot: Bot;
  let base: Vec3;
  let table: Block;
  const id = (name: string) => itemId(bot, name);
  const slotOf = (name: string, window = bot.inventory) => {
    const it = window.findInventoryItem(id(name), null, false);
    if (!it) throw new Error(`no ${name} in the window`);
    return it.slot;
  };

  beforeAll(async () => {
    sb = await testSandbox({ seed: 11, preset: 'plains' });
    bot = await testBot(sb, 'clicker');
    base = await flatFloor(sb, bot, 4);
    await give(sb, bot, 'crafting_table', 1);
    await placeOnFloor(bot, 'crafting_table', base.offset(2, 0, 0));
    table = bot.blockAt(base.offset(2, 0, 0))!;
  });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('shift-clicking a crafting table result crafts every stick the grid allows', async () => {
    await clearInventory(sb, bot);
    await give(sb, bot, 'oak_planks', 10);
    const win = await bot.openBlock(table);
    // Five planks each in two stacked grid slots: five crafts of four sticks.
    await bot.clickWindow(slotOf('oak_planks', win), 0, 0);
    for (let i = 0; i < 5; i++) await bot.clickWindow(1, 1, 0);
    for (let i = 0; i < 5; i++) await bot.clickWindow(4, 1, 0);
    expect(win.selectedItem).toBeNull();
    await waitFor(() => win.slots[0]?.name === 'stick', 3000, 'the stick result');
    await bot.clickWindow(0, 0, 1);
    await waitFor(() => win.slots[1] === null && win.slots[4] === null && win.slots[0] === null, 3000, 'an empty grid');
    expect(win.items().filter((i) => i.name === 'stick').reduce((n, i) => n + i.count, 0)).toBe(20);
    await bot.closeWindow(win);
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({ stick: 20 });
  });

  it('shift-crafting in the 2x2 grid stops when the inventory is full', async () => {
    await clearInventory(sb, bot);
    await give(sb, bot, 'oak_log', 20);
    await bot.clickWindow(slotOf('oak_log'), 0, 0);
    await bot.clickWindow(1, 0, 0);
    expect(bot.inventory.slots[1]?.count).toBe(20);
    // Every inventory slot but one full of something else: room for 64 planks, i.e. 16 crafts.
    await sb.command(`give ${bot.username} cobblestone ${35 * 64}`);
    await waitFor(() => bot.inventory.emptySlotCount() === 1, 3000, 'one free slot');
    await bot.clickWindow(0, 0, 1);
    await waitFor(() => bot.inventory.slots[1]?.count === 4, 3000, 'four logs left in the grid');
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({ cobblestone: 35 * 64, oak_planks: 64 });
    // /clear empties the 2x2 grid too, like vanilla; the result slot must not keep its stale planks.
    await clearInventory(sb, bot);
    await expectInventoriesMatch(sb, bot);
  });

  it('answers clicks as vanilla: the result first, corrections after, a whole window for a stale click', async () => {
    await clearInventory(sb, bot);
    await give(sb, bot, 'oak_planks', 3);
    await resyncWindow(bot, bot.inventory, { signal: AbortSignal.timeout(3000), timeoutMs: 3000 });
    const src = slotOf('oak_planks');
    const rec = recordWindowPackets(bot);
    try {
      await bot.clickWindow(src, 0, 0);
      await bot.clickWindow(1, 1, 0);
      await bot.clickWindow(3, 1, 0);
      // Predicted right: no answer.
      await bot.clickWindow(src, 0, 0);
      // Taking the sticks: vanilla recomputes the result after each plank leaves the grid (a button
      // for a moment), then corrects the grid slots mineflayer did not predict emptied.
      await bot.clickWindow(0, 0, 0);
      await waitFor(() => rec.seen.length >= 6, 2000, 'the answer to taking the result');
      const s0 = rec.seen[0]!.stateId;
      expect(rec.seen).toEqual([
        { name: 'set_slot', windowId: 0, stateId: s0, slot: 0, item: 'oak_button' },
        { name: 'set_slot', windowId: 0, stateId: s0 + 1, slot: 0, item: 'stick' },
        { name: 'set_slot', windowId: 0, stateId: s0 + 2, slot: 0, item: 'oak_button' },
        { name: 'set_slot', windowId: 0, stateId: s0 + 3, slot: 0, item: '' },
        { name: 'set_slot', windowId: 0, stateId: s0 + 4, slot: 1, item: '' },
        { name: 'set_slot', windowId: 0, stateId: s0 + 5, slot: 3, item: '' },
      ]);
      // A click with an old state id is applied, then answered with the whole window.
      const cursor = bot.inventory.selectedItem;
      bot._client.write('window_click', { windowId: 0, stateId: s0, slot: src, mouseButton: 0, mode: 0, changedSlots: [], cursorItem: { present: false } });
      await waitFor(() => rec.seen.length >= 7, 2000, 'the resync');
      expect(rec.seen[6]).toMatchObject({ name: 'window_items', windowId: 0, stateId: s0 + 6 });
      expect(cursor?.name).toBe('stick');
      expect(bot.inventory.selectedItem?.name).toBe('oak_planks');
      await bot.clickWindow(-999, 0, 0);
    } finally {
      rec.stop();
    }
    await bot.closeWindow(bot.inventory);
    await expectInventoriesMatch(sb, bot);
  });

  it('each window counts its own state ids; opening one window closes the other first', async () => {
    const rec = recordWindowPackets(bot);
    try {
      const win = await bot.openBlock(table);
      expect(rec.seen).toEqual([{ name: 'open_window', windowId: win.id, stateId: undefined }, { name: 'window_items', windowId: win.id, stateId: 1 }]);
      // The table again while its window is open: the old one is closed before the new one opens.
      const again = await bot.openBlock(table);
      expect(rec.seen.slice(2).map((p) => [p.name, p.windowId, p.stateId])).toEqual([
        ['close_window', win.id, undefined], ['open_window', again.id, undefined], ['window_items', again.id, 1],
      ]);
      expect(bot.currentWindow).toBe(again);
      await bot.closeWindow(again);
    } finally {
      rec.stop();
    }
  });

  it('a number key swaps a slot with that hotbar slot', async () => {
    await clearInventory(sb, bot);
    await give(sb, bot, 'oak_log', 3);
    await give(sb, bot, 'stone', 5);
    const log = slotOf('oak_log');
    const stone = slotOf('stone');
    // Move the logs into the main inventory first (hotbar key 0 on an empty main slot pulls hotbar 0 up).
    await bot.clickWindow(9, log - 36, 2);
    await expectInventoriesMatch(sb, bot);
    expect(bot.inventory.slots[9]?.name).toBe('oak_log');
    expect(bot.inventory.slots[log]).toBeNull();
    // Swap logs (main) with stone (hotbar).
    await bot.clickWindow(9, stone - 36, 2);
    await expectInventoriesMatch(sb, bot);
    expect(bot.inventory.slots[9]?.name).toBe('stone');
    expect(bot.inventory.slots[stone]?.name).toBe('oak_log');
    // Inside a crafting table window too (its hotbar starts at 37).
    const win = await bot.openBlock(table);
    await bot.clickWindow(10, 8, 2);
    expect(win.slots[45]?.name).toBe('stone');
    await bot.closeWindow(win);
    await expectInventoriesMatch(sb, bot);
    expect(bot.inventory.slots[44]?.name).toBe('stone');
    expect(bot.inventory.slots[9]).toBeNull();
  });

  it('Q drops one item, Ctrl-Q the stack, as item entities the client names', async () => {
    await clearInventory(sb, bot);
    await give(sb, bot, 'apple', 5);
    await bot.look(0, 0, true);
    const before = new Set(visibleDrops(bot, 16).map((e) => e.id));
    const newDrops = () => visibleDrops(bot, 16).filter((e) => !before.has(e.id));
    await bot.clickWindow(slotOf('apple'), 0, 4);
    await waitFor(() => newDrops().length === 1, 3000, 'one dropped apple');
    expect(newDrops()[0]!.getDroppedItem()).toMatchObject({ name: 'apple', count: 1 });
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({ apple: 4 });
    await bot.clickWindow(slotOf('apple'), 1, 4);
    await waitFor(() => newDrops().length === 2, 3000, 'the dropped stack');
    expect(newDrops().map((e) => e.getDroppedItem()?.count).sort()).toEqual([1, 4]);
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({});
  });
});
