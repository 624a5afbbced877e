// Furnaces, chests and mining against `skillcraft serve` in another process, directly and through
// 50 ms ± 20 ms of latency each way.
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depositToChest } from '../../skills/depositToChest.ts';
import { mineBlock } from '../../skills/mineBlock.ts';
import { placeBlock } from '../../skills/placeBlock.ts';
import { smeltItem } from '../../skills/smeltItem.ts';
import { withdrawFromChest } from '../../skills/withdrawFromChest.ts';
import { confirmInventory, knowledge, remoteBot, routeTo, ROUTES, setInventoryByCommands, startChildServer, type ChildServer } from '../helpers/childServer.ts';
import { runOn } from '../helpers/skills.ts';
import { counts } from '../helpers/inventory.ts';

let server: ChildServer;
beforeAll(async () => { server = await startChildServer({ seed: 9, preset: 'forest', peaceful: true, smeltSpeed: 10 }); });
afterAll(async () => { await server?.stop(); });

describe.each(ROUTES)('furnaces, chests and mining against a separate sandbox process, $name', (route) => {
  let bot: Bot;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const at = await routeTo(server, route, 5);
    close = () => at.close();
    bot = await remoteBot(at, route.delayMs ? 'keeperLag' : 'keeper');
  });
  afterAll(async () => { bot?.quit(); await close?.(); });

  it('smeltItem smelts raw iron with coal, in a furnace it places (or one in reach)', async () => {
    await setInventoryByCommands(bot, { raw_iron: 3, coal: 2, furnace: 1 });
    const out = await runOn(bot, smeltItem, { item: 'iron_ingot', count: 3 });
    expect(out, out.ok ? '' : `${out.code} ${out.message}`).toMatchObject({ ok: true, result: { smelted: 3, fuel: { item: 'coal', count: 1 } } });
    await confirmInventory(bot);
    const { furnace, ...rest } = counts(bot);
    expect(rest).toEqual({ iron_ingot: 3, coal: 1 });
    expect(furnace ?? 0).toBeLessThanOrEqual(1);
    expect(bot.currentWindow).toBeNull();
  }, 60_000);

  it('smeltItem fails with MISSING_ITEMS when nothing burns', async () => {
    await setInventoryByCommands(bot, { raw_iron: 2 });
    expect(await runOn(bot, smeltItem, { item: 'iron_ingot', count: 2 })).toMatchObject({ ok: false, code: 'MISSING_ITEMS', missing: { item: '#fuel' } });
  });

  it('depositToChest and withdrawFromChest move exact counts', async () => {
    await setInventoryByCommands(bot, { cobblestone: 40, chest: 1 });
    const chestId = knowledge.registry.blocksByName.chest!.id;
    if (!bot.findBlock({ matching: chestId, maxDistance: 4 })) {
      expect(await runOn(bot, placeBlock, { item: 'chest' })).toMatchObject({ ok: true });
    }
    const put = await runOn(bot, depositToChest, { item: 'cobblestone', count: 30 });
    expect(put, put.ok ? '' : `${put.code} ${put.message}`).toMatchObject({ ok: true, result: { deposited: 30 } });
    const take = await runOn(bot, withdrawFromChest, { item: 'cobblestone', count: 7 });
    expect(take, take.ok ? '' : `${take.code} ${take.message}`).toMatchObject({ ok: true, result: { withdrawn: 7 } });
    const inChest = put.ok ? (put.result as { inChest: number }).inChest : NaN;
    expect(take.ok && (take.result as { leftInChest: number }).leftInChest).toBe(inChest - 7);
    await confirmInventory(bot);
    const { chest, ...rest } = counts(bot);
    expect(rest).toEqual({ cobblestone: 17 });
    expect(chest ?? 0).toBeLessThanOrEqual(1);
    expect(bot.currentWindow).toBeNull();
  }, 60_000);

  it('withdrawFromChest fails with MISSING_ITEMS, taking nothing, for what the chest does not hold', async () => {
    await setInventoryByCommands(bot, { dirt: 1 });
    expect(await runOn(bot, withdrawFromChest, { item: 'diamond', count: 2 })).toMatchObject({ ok: false, code: 'MISSING_ITEMS', missing: { item: 'diamond', need: 2, have: 0 } });
    await confirmInventory(bot);
    expect(counts(bot)).toEqual({ dirt: 1 });
  });

  it('mineBlock fells two oak logs', async () => {
    await setInventoryByCommands(bot, {});
    const out = await runOn(bot, mineBlock, { block: 'oak_log', count: 2, radius: 32 });
    expect(out, out.ok ? '' : `${out.code} ${out.message}`).toMatchObject({ ok: true });
    await confirmInventory(bot);
    expect(counts(bot).oak_log ?? 0).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
