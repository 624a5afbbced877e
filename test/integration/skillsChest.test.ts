import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depositToChest } from '../../skills/depositToChest.ts';
import { withdrawFromChest } from '../../skills/withdrawFromChest.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { craftRoom, putBlock, Vec3 } from '../helpers/skillsCraft.ts';
import { runOn, setInventory, skillBot } from '../helpers/skills.ts';

describe('depositToChest and withdrawFromChest', () => {
  let sb: Sandbox;
  let bot: Bot;
  let centre: Vec3;
  let chestAt: Vec3;
  const put = (item: string, count?: number) => runOn(bot, depositToChest, count === undefined ? { item } : { item, count });
  const take = (item: string, count: number) => runOn(bot, withdrawFromChest, { item, count });

  beforeAll(async () => {
    sb = await testSandbox({ seed: 34, preset: 'plains' });
    bot = await skillBot(sb, 'keeper');
    const spawn = bot.entity.position.floored();
    centre = new Vec3(spawn.x, 120, spawn.z);
    await craftRoom(sb, bot, centre);
  });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('fails with NO_TARGET when no chest is nearby', async () => {
    await setInventory(sb, bot, { cobblestone: 8 });
    expect(await put('cobblestone', 4)).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no chest within 32 blocks' });
    expect(await take('cobblestone', 1)).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no chest within 32 blocks' });
    expect(counts(bot)).toEqual({ cobblestone: 8 });
  });

  it('deposits into a chest it walks to, then deposits the rest', async () => {
    chestAt = centre.offset(5, 0, 6);
    await putBlock(sb, bot, chestAt, 'chest');
    expect(await put('cobblestone', 5)).toMatchObject({ ok: true, result: { item: 'cobblestone', deposited: 5, inChest: 5, at: { x: chestAt.x, y: chestAt.y, z: chestAt.z } } });
    expect(counts(bot)).toEqual({ cobblestone: 3 });
    expect(bot.currentWindow).toBeNull();
    expect(await put('cobblestone')).toMatchObject({ ok: true, result: { deposited: 3, inChest: 8 } });
    expect(counts(bot)).toEqual({});
    await expectInventoriesMatch(sb, bot);
  });

  it('fails to deposit what the bot does not have', async () => {
    expect(await put('iron_ingot', 2)).toMatchObject({ ok: false, code: 'MISSING_ITEMS', message: 'need 2 iron_ingot, have 0', missing: { item: 'iron_ingot', need: 2, have: 0 } });
    await setInventory(sb, bot, { dirt: 1 });
    expect(await put('dirt', 3)).toMatchObject({ ok: false, code: 'MISSING_ITEMS', missing: { item: 'dirt', need: 3, have: 1 } });
  });

  it('withdraws from the chest', async () => {
    expect(await take('cobblestone', 6)).toMatchObject({ ok: true, result: { item: 'cobblestone', withdrawn: 6, leftInChest: 2 } });
    expect(counts(bot)).toEqual({ dirt: 1, cobblestone: 6 });
    await expectInventoriesMatch(sb, bot);
  });

  it('fails to withdraw more than the chest holds, naming what it has', async () => {
    expect(await take('cobblestone', 5)).toMatchObject({
      ok: false, code: 'MISSING_ITEMS', message: `the chest at ${chestAt.x},${chestAt.y},${chestAt.z} holds 2 cobblestone, need 5`,
      missing: { item: 'cobblestone', need: 5, have: 2 },
    });
    expect(await take('diamond', 1)).toMatchObject({ ok: false, code: 'MISSING_ITEMS', missing: { item: 'diamond', need: 1, have: 0 } });
    expect(counts(bot)).toEqual({ dirt: 1, cobblestone: 6 });
    expect(bot.currentWindow).toBeNull();
  });
});
