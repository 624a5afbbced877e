import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Block } from 'prismarine-block';
import type { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { flatFloor, placeOnFloor } from '../helpers/world.ts';
import { clearInventory, give, itemId, visibleDrops } from '../helpers/windows.ts';

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
