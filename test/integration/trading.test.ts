import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot, Villager } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { flatFloor } from '../helpers/world.ts';
import { give, itemId } from '../helpers/windows.ts';

const OFFERS = '{NoAI:1b,Offers:{Recipes:[{maxUses:12,buy:{id:"minecraft:emerald",Count:2},sell:{id:"minecraft:pumpkin_pie",Count:2},demand:60,priceMultiplier:0.05f,specialPrice:-4,uses:1},'
  + '{maxUses:3,buy:{id:"minecraft:emerald",Count:36},buyB:{id:"minecraft:book",Count:1},sell:{id:"minecraft:wooden_sword",Count:1},uses:1}]}}';

describe('villager trading (minecraft:merchant menu)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let villagerEntity: Entity;
  const count = (w: Villager, name: string) => w.count(itemId(bot, name), null);

  beforeAll(async () => {
    sb = await testSandbox({ seed: 6, preset: 'flat', version: '1.20.1' });
    bot = await testBot(sb, 'trader');
    const base = await flatFloor(sb, bot, 4);
    await sb.command(`gamemode survival ${bot.username}`);
    await give(sb, bot, 'emerald', 128);
    await give(sb, bot, 'book', 5);
    await sb.command(`summon villager ${base.x + 2} ${base.y} ${base.z + 0.5} ${OFFERS}`);
    await waitFor(() => Object.values(bot.entities).some((e) => e.name === 'villager'), 3000, 'the villager');
    villagerEntity = Object.values(bot.entities).find((e) => e.name === 'villager')!;
  });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('sends the offers from the summon NBT in the trade list', async () => {
    const v = await bot.openVillager(villagerEntity);
    expect(v.type).toBe('minecraft:merchant');
    expect(v.trades.map((t) => [t.inputItem1.name, t.inputItem1.count, t.outputItem.name, t.outputItem.count, t.hasItem2, t.nbTradeUses, t.maximumNbTradeUses]))
      .toEqual([['emerald', 2, 'pumpkin_pie', 2, false, 1, 12], ['emerald', 36, 'wooden_sword', 1, true, 1, 3]]);
    // Demand raises the price and the special price lowers it: 2 + floor(2*60*0.05) - 4 = 4 emeralds.
    expect(v.trades[0]!.realPrice).toBe(4);
    await v.close();
  });

  it('select_trade moves the price into the payment slots and the result pays the adjusted price', async () => {
    const v = await bot.openVillager(villagerEntity);
    await bot.trade(v, 0, 3);
    expect(count(v, 'emerald')).toBe(128 - 12);
    expect(count(v, 'pumpkin_pie')).toBe(6);
    await bot.trade(v, 1, 2);
    expect(count(v, 'emerald')).toBe(128 - 12 - 72);
    expect(count(v, 'book')).toBe(3);
    expect(count(v, 'wooden_sword')).toBe(2);
    await v.close();
  });

  it('counts uses: a used-up offer is disabled when the window opens again and gives nothing', async () => {
    const v = await bot.openVillager(villagerEntity);
    expect(v.trades[1]!.nbTradeUses).toBe(3);
    expect(v.trades[1]!.tradeDisabled).toBe(true);
    expect(v.trades[0]!.nbTradeUses).toBe(4);
    bot._client.write('select_trade', { slot: 1 });
    await waitFor(() => v.slots[0]?.name === 'emerald', 3000, 'payment moved');
    await bot.waitForTicks(5);
    expect(v.slots[2]).toBeFalsy();
    await v.close();
  });
});
