import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smeltItem } from '../../skills/smeltItem.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { blocksNamed, craftRoom, putBlock, Vec3 } from '../helpers/skillsCraft.ts';
import { runOn, setInventory, skillBot } from '../helpers/skills.ts';

describe('smeltItem', () => {
  let sb: Sandbox;
  let bot: Bot;
  let centre: Vec3;
  const smelt = (item: string, count: number) => runOn(bot, smeltItem, { item, count });

  beforeAll(async () => {
    sb = await testSandbox({ seed: 33, preset: 'plains', smeltSpeed: 20 });
    bot = await skillBot(sb, 'smelter');
    const spawn = bot.entity.position.floored();
    centre = new Vec3(spawn.x, 120, spawn.z);
    await craftRoom(sb, bot, centre);
  });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('smelts raw iron with coal in a furnace it places from the inventory', async () => {
    await setInventory(sb, bot, { raw_iron: 3, coal: 2, furnace: 1 });
    const out = await smelt('iron_ingot', 3);
    expect(out).toMatchObject({ ok: true, result: { item: 'iron_ingot', smelted: 3, input: 'raw_iron', fuel: { item: 'coal', count: 1 } } });
    expect(counts(bot)).toEqual({ iron_ingot: 3, coal: 1 });
    expect(blocksNamed(bot, centre, 'furnace')).toHaveLength(1);
    expect(bot.currentWindow).toBeNull();
    await expectInventoriesMatch(sb, bot);
  });

  it('smelts with planks when there is no coal, in the furnace within reach', async () => {
    await setInventory(sb, bot, { raw_iron: 2, oak_planks: 5, stick: 3 });
    const out = await smelt('iron_ingot', 2);
    // 2 items need 400 ticks of fuel: 2 planks (300 each).
    expect(out).toMatchObject({ ok: true, result: { smelted: 2, fuel: { item: 'oak_planks', count: 2 } } });
    expect(counts(bot)).toEqual({ iron_ingot: 2, oak_planks: 3, stick: 3 });
    expect(blocksNamed(bot, centre, 'furnace')).toHaveLength(1);
  });

  it('walks to a known furnace nearby', async () => {
    await craftRoom(sb, bot, centre);
    const at = centre.offset(-6, 0, 5);
    await putBlock(sb, bot, at, 'furnace');
    await setInventory(sb, bot, { cobblestone: 1, charcoal: 1 });
    expect(await smelt('stone', 1)).toMatchObject({ ok: true, result: { item: 'stone', smelted: 1, input: 'cobblestone', fuel: { item: 'charcoal', count: 1 } } });
    expect(counts(bot)).toEqual({ stone: 1 });
    expect(bot.entity.position.distanceTo(at.offset(0.5, 0.5, 0.5))).toBeLessThan(4.5);
  });

  it('fails with MISSING_ITEMS "need fuel" when nothing burns', async () => {
    await setInventory(sb, bot, { raw_iron: 2, cobblestone: 4 });
    const out = await smelt('iron_ingot', 2);
    expect(out).toMatchObject({ ok: false, code: 'MISSING_ITEMS', missing: { item: '#fuel', need: 2, have: 0 } });
    expect(out.ok ? '' : out.message).toMatch(/^need fuel to smelt 2 raw_iron/);
    await setInventory(sb, bot, { raw_iron: 4, stick: 1 });
    expect(await smelt('iron_ingot', 4)).toMatchObject({ ok: false, code: 'MISSING_ITEMS', missing: { item: '#fuel', need: 4, have: 0 } });
    expect(counts(bot)).toEqual({ raw_iron: 4, stick: 1 });
  });

  it('fails with MISSING_ITEMS for the input, and BAD_ARGS for the wrong convention', async () => {
    await setInventory(sb, bot, { raw_iron: 1, coal: 1 });
    expect(await smelt('iron_ingot', 2)).toMatchObject({
      ok: false, code: 'MISSING_ITEMS', message: 'need 2 raw_iron, have 1', missing: { item: 'raw_iron', need: 2, have: 1 },
    });
    const wrong = await smelt('raw_iron', 1);
    expect(wrong).toMatchObject({ ok: false, code: 'BAD_ARGS' });
    expect(wrong.ok ? '' : wrong.message).toContain('name what to make: "iron_ingot"');
    expect(await smelt('diamond_pickaxe', 1)).toMatchObject({ ok: false, code: 'BAD_ARGS' });
  });

  it('fails with MISSING_ITEMS for a furnace when none is around or carried', async () => {
    await craftRoom(sb, bot, centre);
    await setInventory(sb, bot, { raw_iron: 1, coal: 1 });
    expect(await smelt('iron_ingot', 1)).toMatchObject({ ok: false, code: 'MISSING_ITEMS', message: 'need 1 furnace, have 0' });
    expect(counts(bot)).toEqual({ raw_iron: 1, coal: 1 });
  });
});
