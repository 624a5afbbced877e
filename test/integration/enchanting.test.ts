import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { flatFloor } from '../helpers/world.ts';
import { clearInventory, give, itemId } from '../helpers/windows.ts';

describe('enchanting table (minecraft:enchantment menu)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let table: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 5, preset: 'flat' });
    bot = await testBot(sb, 'enchanter');
    const base = await flatFloor(sb, bot, 4);
    table = base.offset(0, 0, 2);
    await sb.command(`setblock ${table.x} ${table.y} ${table.z} enchanting_table`);
    await waitFor(() => bot.blockAt(table)?.name === 'enchanting_table', 3000, 'the table');
    await sb.command(`gamemode survival ${bot.username}`);
  });
  afterAll(async () => { quit(bot); await sb.stop(); });

  async function openAndLoad(levels: number, lapis: number) {
    await clearInventory(sb, bot);
    await sb.command(`xp set ${bot.username} ${levels} levels`);
    await give(sb, bot, 'diamond_sword', 1);
    await give(sb, bot, 'lapis_lazuli', lapis);
    const t = await bot.openEnchantmentTable(bot.blockAt(table)!);
    await t.putLapis(t.findInventoryItem(itemId(bot, 'lapis_lazuli'), null, false)!);
    await t.putTargetItem(t.findInventoryItem(itemId(bot, 'diamond_sword'), null, false)!);
    // The first offer always costs at least one level; the others can be empty with few bookshelves.
    await waitFor(() => t.enchantments[0]!.level > 0, 3000, 'the offers');
    return t;
  }

  it('offers low costs with no bookshelves, and enchanting takes lapis and levels', async () => {
    const t = await openAndLoad(30, 3);
    // No bookshelves: base costs 1–8, an offer below its slot's minimum (1, 2, 3) is none.
    expect(t.enchantments.map((e) => e.level).every((c) => c >= 0 && c <= 8)).toBe(true);
    t.enchantments.forEach((e, slot) => {
      if (e.level === 0) return;
      expect(e.level).toBeGreaterThanOrEqual(slot + 1);
      expect(e.expected.enchant).toBeGreaterThanOrEqual(0);
      expect(e.expected.level).toBeGreaterThanOrEqual(1);
    });
    const cost = t.enchantments[0]!.level;
    const item = await t.enchant(0);
    expect(item.enchants.length).toBeGreaterThan(0);
    await waitFor(() => bot.experience.level === 29, 3000, 'one level taken');
    expect(t.slots[1]?.count).toBe(2);
    expect(cost).toBeGreaterThanOrEqual(1);
    // An enchanted item gets no new offers.
    await waitFor(() => t.enchantments.every((e) => e.level === 0), 3000, 'offers cleared');
    await t.takeTargetItem();
    await t.close();
  });

  it('counts the bookshelves around the table: 15 make the third offer cost 30', async () => {
    for (let x = -2; x <= 2; x++) {
      for (let z = -2; z <= 2; z++) {
        if (Math.max(Math.abs(x), Math.abs(z)) !== 2 || (x === 0 && z === -2)) continue;
        await sb.command(`setblock ${table.x + x} ${table.y} ${table.z + z} bookshelf`);
      }
    }
    await waitFor(() => bot.blockAt(table.offset(2, 0, 2))?.name === 'bookshelf', 3000, 'bookshelves');
    const t = await openAndLoad(30, 3);
    expect(t.enchantments[2]!.level).toBe(30);
    const lapis = t.slots[1]!.count;
    await t.enchant(2);
    await waitFor(() => bot.experience.level === 27, 3000, 'three levels taken');
    expect(t.slots[1]?.count ?? 0).toBe(lapis - 3);
    await t.close();
  });

  it('refuses an offer the player cannot pay for', async () => {
    const t = await openAndLoad(5, 3);
    const sword = t.slots[0]!;
    bot._client.write('enchant_item', { windowId: t.id, enchantment: 2 });
    await bot.waitForTicks(10);
    expect(bot.experience.level).toBe(5);
    expect(t.slots[0]?.enchants ?? sword.enchants).toEqual([]);
    await t.close();
  });
});
