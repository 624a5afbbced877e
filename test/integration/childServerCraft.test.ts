// Crafting against `skillcraft serve` in another process, directly and through 50 ms ± 20 ms of
// latency each way: mineflayer's own bot.craft, and the agent's craftItem skill.
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { craftItem } from '../../skills/craftItem.ts';
import { confirmInventory, knowledge, remoteBot, routeTo, ROUTES, setInventoryByCommands, startChildServer, type ChildServer } from '../helpers/childServer.ts';
import { runOn } from '../helpers/skills.ts';
import { counts } from '../helpers/inventory.ts';
import { waitFor } from '../helpers/sandbox.ts';
import { recordWindowPackets } from '../helpers/windows.ts';

let server: ChildServer;
beforeAll(async () => { server = await startChildServer({ seed: 9, preset: 'forest', peaceful: true }); });
afterAll(async () => { await server?.stop(); });

describe.each(ROUTES)('crafting against a separate sandbox process, $name', (route) => {
  let bot: Bot;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const at = await routeTo(server, route, 3);
    close = () => at.close();
    bot = await remoteBot(at, route.delayMs ? 'crafterLag' : 'crafter');
  });
  afterAll(async () => { bot?.quit(); await close?.(); });

  it('bot.craft makes planks (two crafts) then sticks, every time', async () => {
    const planks = knowledge.registry.itemsByName.oak_planks!.id;
    const stick = knowledge.registry.itemsByName.stick!.id;
    const rounds = route.delayMs ? 5 : 12;
    const outcomes: string[] = [];
    for (let i = 0; i < rounds; i++) {
      await setInventoryByCommands(bot, { oak_log: 2 });
      await bot.craft(bot.recipesFor(planks, null, 1, null)[0]!, 2, undefined);
      await bot.craft(bot.recipesFor(stick, null, 1, null)[0]!, 1, undefined);
      await confirmInventory(bot);
      outcomes.push(JSON.stringify(counts(bot)));
    }
    expect(outcomes).toEqual(new Array(rounds).fill(JSON.stringify({ oak_planks: 6, stick: 4 })));
  }, 60_000);

  it('the packets answering one click reach the client together, before it can click again', async () => {
    const together: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      await setInventoryByCommands(bot, { oak_planks: 2 });
      const src = bot.inventory.findInventoryItem(knowledge.registry.itemsByName.oak_planks!.id, null, false)!.slot;
      await bot.clickWindow(src, 0, 0);
      await bot.clickWindow(1, 1, 0);
      await bot.clickWindow(3, 1, 0);
      const rec = recordWindowPackets(bot);
      try {
        // Taking the sticks is answered with four packets (the result after each plank, two grid corrections).
        await bot.clickWindow(0, 0, 0);
        await waitFor(() => rec.seen.length >= 4, 5000, 'the answer to taking the sticks');
        together.push(rec.readyAt[0] === 4);
      } finally {
        rec.stop();
      }
      await bot.clickWindow(src, 0, 0);
    }
    expect(together).toEqual([true, true, true, true, true]);
  }, 30_000);

  it('craftItem turns 3 logs into a wooden pickaxe at a crafting table', async () => {
    await setInventoryByCommands(bot, { oak_log: 3 });
    let placed: boolean | undefined;
    for (const [item, count] of [['oak_planks', 12], ['stick', 4], ['crafting_table', 1], ['wooden_pickaxe', 1]] as const) {
      const out = await runOn(bot, craftItem, { item, count });
      expect(out, out.ok ? '' : `${item}: ${out.code} ${out.message}`).toMatchObject({ ok: true, result: { crafted: count } });
      if (out.ok && item === 'wooden_pickaxe') placed = (out.result as { table: { placed: boolean } }).table.placed;
    }
    await confirmInventory(bot);
    // Both routes' bots spawn at the same place: the second may use the table the first placed.
    expect(counts(bot)).toEqual({ wooden_pickaxe: 1, oak_planks: 3, stick: 2, ...(placed ? {} : { crafting_table: 1 }) });
    expect(bot.currentWindow).toBeNull();
  }, 60_000);

  it('craftItem fails with MISSING_ITEMS, changing nothing, when an ingredient is short', async () => {
    await setInventoryByCommands(bot, { oak_planks: 3, stick: 1, crafting_table: 1 });
    const out = await runOn(bot, craftItem, { item: 'wooden_pickaxe', count: 1 });
    expect(out).toMatchObject({ ok: false, code: 'MISSING_ITEMS', missing: { item: 'stick', need: 2, have: 1 } });
    await confirmInventory(bot);
    expect(counts(bot)).toEqual({ oak_planks: 3, stick: 1, crafting_table: 1 });
  });
});
