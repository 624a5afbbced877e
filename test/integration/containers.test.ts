import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Block } from 'prismarine-block';
import type { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { dropItemEntity } from '../../src/sandbox/plugins/items/plugin.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { flatFloor, placeOnFloor } from '../helpers/world.ts';
import { clearInventory, collectDrops, holdsExactly, expectWindowMatchesStore, give, itemId, serverStoreSlots, visibleDrops } from '../helpers/windows.ts';

describe('chests, barrels and leaving a crafting table', () => {
  let sb: Sandbox;
  let bot: Bot;
  let other: Bot;
  let base: Vec3;
  let chestPos: Vec3;
  let barrelPos: Vec3;
  let tablePos: Vec3;
  const block = (b: Bot, pos: Vec3): Block => {
    const found = b.blockAt(pos);
    if (!found) throw new Error(`no block at ${pos.toString()}`);
    return found;
  };
  const id = (name: string) => itemId(bot, name);
  const storeCounts = (pos: Vec3) => {
    const out: Record<string, number> = {};
    for (const s of serverStoreSlots(sb, pos) ?? []) {
      const m = /^(.*)x(\d+)$/.exec(s);
      if (m) out[m[1]!] = (out[m[1]!] ?? 0) + Number(m[2]);
    }
    return out;
  };
  const windowCounts = (items: { name: string; count: number }[]) => {
    const out: Record<string, number> = {};
    for (const it of items) out[it.name] = (out[it.name] ?? 0) + it.count;
    return out;
  };

  beforeAll(async () => {
    sb = await testSandbox({ seed: 11, preset: 'plains' });
    bot = await testBot(sb, 'keeper');
    base = await flatFloor(sb, bot, 5);
    other = await testBot(sb, 'visitor');
    await sb.command(`tp ${other.username} ${base.x} ${base.y} ${base.z + 2}`);
    await waitFor(() => other.entity.position.distanceTo(base.offset(0.5, 0, 2.5)) < 0.5, 5000, 'the visitor to arrive');
    chestPos = base.offset(2, 0, 0);
    barrelPos = base.offset(-2, 0, 0);
    tablePos = base.offset(0, 0, -2);
    await give(sb, bot, 'chest', 1);
    await give(sb, bot, 'barrel', 1);
    await give(sb, bot, 'crafting_table', 1);
    await placeOnFloor(bot, 'chest', chestPos);
    await placeOnFloor(bot, 'barrel', barrelPos);
    await placeOnFloor(bot, 'crafting_table', tablePos);
    await expectInventoriesMatch(sb, bot);
  });
  afterAll(async () => { quit(bot); quit(other); await sb.stop(); });

  it('deposits into and withdraws from a chest; the contents persist and a second bot sees them', async () => {
    await give(sb, bot, 'oak_log', 20);
    await give(sb, bot, 'cobblestone', 64);
    await give(sb, bot, 'cobblestone', 6);
    const chest = await bot.openContainer(block(bot, chestPos));
    expect(chest.type).toBe('minecraft:generic_9x3');
    await chest.deposit(id('oak_log'), null, 20);
    await chest.deposit(id('cobblestone'), null, 70);
    await chest.withdraw(id('oak_log'), null, 5);
    await expectWindowMatchesStore(sb, chest, chestPos);
    expect(storeCounts(chestPos)).toEqual({ oak_log: 15, cobblestone: 70 });
    await chest.close();
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({ oak_log: 5 });

    const again = await bot.openContainer(block(bot, chestPos));
    expect(windowCounts(again.containerItems())).toEqual({ oak_log: 15, cobblestone: 70 });
    await again.close();

    const seen = await other.openContainer(block(other, chestPos));
    expect(windowCounts(seen.containerItems())).toEqual({ oak_log: 15, cobblestone: 70 });
    await expectWindowMatchesStore(sb, seen, chestPos);
    // While both have it open, what one takes out disappears from the other's view.
    const both = await bot.openContainer(block(bot, chestPos));
    await both.withdraw(id('cobblestone'), null, 64);
    await waitFor(() => windowCounts(seen.containerItems()).cobblestone === 6, 3000, 'the visitor to see the cobblestone go');
    await expectWindowMatchesStore(sb, seen, chestPos);
    await seen.withdraw(id('oak_log'), null, 15);
    await waitFor(() => windowCounts(both.containerItems()).oak_log === undefined, 3000, 'the keeper to see the logs go');
    await expectWindowMatchesStore(sb, both, chestPos);
    await both.close();
    await seen.close();
    await expectInventoriesMatch(sb, bot);
    await expectInventoriesMatch(sb, other);
    expect(counts(bot)).toEqual({ oak_log: 5, cobblestone: 64 });
    expect(counts(other)).toEqual({ oak_log: 15 });
    expect(storeCounts(chestPos)).toEqual({ cobblestone: 6 });
  });

  it('a barrel keeps items too', async () => {
    const barrel = await bot.openContainer(block(bot, barrelPos));
    await barrel.deposit(id('cobblestone'), null, 30);
    await barrel.close();
    await expectInventoriesMatch(sb, bot);
    const again = await bot.openContainer(block(bot, barrelPos));
    expect(windowCounts(again.containerItems())).toEqual({ cobblestone: 30 });
    await again.withdraw(id('cobblestone'), null, 10);
    await expectWindowMatchesStore(sb, again, barrelPos);
    await again.close();
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({ oak_log: 5, cobblestone: 44 });
    expect(storeCounts(barrelPos)).toEqual({ cobblestone: 20 });
  });

  it('a barrel window closes when its viewer is more than 8 blocks away', async () => {
    const barrel = await bot.openContainer(block(bot, barrelPos));
    expect(bot.currentWindow).toBe(barrel);
    await sb.command(`tp ${bot.username} ${base.x} ${base.y + 10} ${base.z}`);
    await waitFor(() => bot.currentWindow === null, 3000, 'the server to close the barrel window');
    await waitFor(() => bot.entity.onGround && bot.entity.position.y === base.y, 5000, 'the bot to land back on the floor');
    await expectInventoriesMatch(sb, bot);
  });

  it('an item picked up while a chest is open reaches the client', async () => {
    const chest = await bot.openContainer(block(bot, chestPos));
    dropItemEntity(sb.server, sb.server.overworld, bot.entity.position.offset(0, 0.5, 0), { name: 'apple', count: 3 }, { pickupDelayMs: 0 });
    await waitFor(() => windowCounts(chest.items()).apple === 3, 3000, 'the apples in the open window');
    await chest.close();
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({ oak_log: 5, cobblestone: 44, apple: 3 });
  });

  it('breaking a loaded chest spills its contents and the chest; the bot picks them up', async () => {
    await clearInventory(sb, bot);
    await give(sb, bot, 'iron_axe', 1);
    await bot.equip(id('iron_axe'), 'hand');
    await bot.dig(block(bot, chestPos));
    await waitFor(() => serverStoreSlots(sb, chestPos) === undefined, 3000, 'the chest store to be emptied');
    const expected = { iron_axe: 1, chest: 1, cobblestone: 6 };
    await collectDrops(bot, () => holdsExactly(bot, expected));
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual(expected);
  });

  it('closing a crafting table returns the grid and the cursor to the inventory', async () => {
    await clearInventory(sb, bot);
    await give(sb, bot, 'oak_planks', 10);
    const table = await bot.openBlock(block(bot, tablePos));
    expect(table.type).toBe('minecraft:crafting');
    const planks = table.findInventoryItem(id('oak_planks'), null, false)!;
    await bot.clickWindow(planks.slot, 0, 0);
    await bot.clickWindow(1, 1, 0);
    await bot.clickWindow(5, 1, 0);
    expect(table.selectedItem?.count).toBe(8);
    await bot.closeWindow(table);
    // mineflayer does not wait for the items the server hands back on close.
    await waitFor(() => counts(bot).oak_planks === 10, 3000, 'the planks to come back');
    await expectInventoriesMatch(sb, bot);
  });

  it('with a full inventory, closing a crafting table drops the grid and cursor items', async () => {
    await clearInventory(sb, bot);
    await give(sb, bot, 'oak_planks', 10);
    const table = await bot.openBlock(block(bot, tablePos));
    await bot.clickWindow(table.findInventoryItem(id('oak_planks'), null, false)!.slot, 0, 0);
    await bot.clickWindow(1, 1, 0);
    // Fill all 36 slots while the table is open: the planks have nowhere to go back to.
    await sb.command(`give ${bot.username} cobblestone ${36 * 64}`);
    await waitFor(() => table.items().filter((i) => i.name === 'cobblestone').length === 36, 3000, 'a full inventory');
    await bot.closeWindow(table);
    await waitFor(() => visibleDrops(bot).reduce((n, e) => n + (e.getDroppedItem()?.name === 'oak_planks' ? e.getDroppedItem()!.count : 0), 0) === 10,
      3000, 'ten dropped planks the client can name');
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({ cobblestone: 36 * 64 });
  });
});
