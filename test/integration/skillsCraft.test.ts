import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { craftItem } from '../../skills/craftItem.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { WINDOW_TIMEOUT_MS } from '../../src/actions/crafting/windows.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { serverPlayer } from '../helpers/items.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { blocksNamed, craftRoom, putBlock, Vec3 } from '../helpers/skillsCraft.ts';
import { runOn, setInventory, skillBot } from '../helpers/skills.ts';

describe('craftItem', () => {
  let sb: Sandbox;
  let bot: Bot;
  let centre: Vec3;
  const craft = (item: string, count = 1) => runOn(bot, craftItem, { item, count });

  beforeAll(async () => {
    sb = await testSandbox({ seed: 31, preset: 'plains' });
    bot = await skillBot(sb, 'crafter');
    const spawn = bot.entity.position.floored();
    centre = new Vec3(spawn.x, 120, spawn.z);
    await craftRoom(sb, bot, centre);
  });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('makes planks, sticks and a crafting table in the 2x2 grid', async () => {
    await setInventory(sb, bot, { oak_log: 2 });
    const planks = await craft('oak_planks', 8);
    expect(planks).toMatchObject({ ok: true, result: { item: 'oak_planks', crafted: 8 } });
    expect(await craft('stick', 4)).toMatchObject({ ok: true, result: { item: 'stick', crafted: 4 } });
    const table = await craft('crafting_table');
    expect(table).toMatchObject({ ok: true, result: { item: 'crafting_table', crafted: 1 } });
    expect(table.ok && (table.result as { table?: unknown }).table).toBeFalsy();
    expect(counts(bot)).toEqual({ oak_planks: 2, stick: 4, crafting_table: 1 });
    expect(blocksNamed(bot, centre, 'crafting_table')).toEqual([]);
    await expectInventoriesMatch(sb, bot);
  });

  it('rounds the count up to whole crafts', async () => {
    await setInventory(sb, bot, { oak_planks: 4 });
    expect(await craft('stick', 5)).toMatchObject({ ok: true, result: { crafted: 8 } });
    expect(counts(bot)).toEqual({ stick: 8 });
  });

  it('crafts a wooden pickaxe, placing its own crafting table from the inventory', async () => {
    await setInventory(sb, bot, { oak_planks: 3, stick: 2, crafting_table: 1 });
    const out = await craft('wooden_pickaxe');
    expect(out).toMatchObject({ ok: true, result: { item: 'wooden_pickaxe', crafted: 1, table: { placed: true } } });
    expect(counts(bot)).toEqual({ wooden_pickaxe: 1 });
    expect(blocksNamed(bot, centre, 'crafting_table')).toHaveLength(1);
    expect(bot.currentWindow).toBeNull();
    await expectInventoriesMatch(sb, bot);
  });

  it('uses a crafting table within reach without placing another', async () => {
    await setInventory(sb, bot, { cobblestone: 3, stick: 2, crafting_table: 1 });
    const out = await craft('stone_pickaxe');
    expect(out).toMatchObject({ ok: true, result: { item: 'stone_pickaxe', table: { placed: false } } });
    expect(counts(bot)).toEqual({ stone_pickaxe: 1, crafting_table: 1 });
  });

  it('walks to a known crafting table within 32 blocks', async () => {
    await craftRoom(sb, bot, centre);
    const at = centre.offset(6, 0, 5);
    await putBlock(sb, bot, at, 'crafting_table');
    await setInventory(sb, bot, { oak_planks: 8 });
    const out = await craft('chest');
    expect(out, JSON.stringify(out)).toMatchObject({ ok: true, result: { item: 'chest', table: { x: at.x, y: at.y, z: at.z, placed: false } } });
    expect(counts(bot)).toEqual({ chest: 1 });
    expect(bot.entity.position.distanceTo(at.offset(0.5, 0.5, 0.5))).toBeLessThan(4.5);
  });

  it('crafts from mixed plank kinds and from a group name', async () => {
    await craftRoom(sb, bot, centre);
    await setInventory(sb, bot, { oak_planks: 2, birch_planks: 2 });
    expect(await craft('crafting_table')).toMatchObject({ ok: true });
    expect(counts(bot)).toEqual({ crafting_table: 1 });
    await setInventory(sb, bot, { birch_log: 1 });
    expect(await craft('#planks', 4)).toMatchObject({ ok: true, result: { item: 'birch_planks', crafted: 4 } });
    expect(counts(bot)).toEqual({ birch_planks: 4 });
  });

  it('names the first missing ingredient with need and have', async () => {
    await craftRoom(sb, bot, centre);
    await setInventory(sb, bot, { iron_ingot: 1, stick: 2, crafting_table: 1 });
    expect(await craft('iron_pickaxe')).toMatchObject({
      ok: false, code: 'MISSING_ITEMS', message: 'need 3 iron_ingot, have 1', missing: { item: 'iron_ingot', need: 3, have: 1 },
    });
    await setInventory(sb, bot, { oak_planks: 1, birch_planks: 1, stick: 2 });
    expect(await craft('wooden_pickaxe')).toMatchObject({
      ok: false, code: 'MISSING_ITEMS', message: 'need 3 #planks, have 2', missing: { item: '#planks', need: 3, have: 2 },
    });
    expect(await craft('stick', 8)).toMatchObject({ ok: false, code: 'MISSING_ITEMS', missing: { item: '#planks', need: 4, have: 2 } });
    expect(counts(bot)).toEqual({ oak_planks: 1, birch_planks: 1, stick: 2 });
  });

  it('needs a crafting table for a 3x3 recipe when none is around', async () => {
    await setInventory(sb, bot, { oak_planks: 3, stick: 2 });
    expect(await craft('wooden_pickaxe')).toMatchObject({
      ok: false, code: 'MISSING_ITEMS', message: 'need 1 crafting_table, have 0', missing: { item: 'crafting_table', need: 1, have: 0 },
    });
    expect(counts(bot)).toEqual({ oak_planks: 3, stick: 2 });
  });

  it('rejects items with no recipe', async () => {
    expect(await craft('oak_log')).toMatchObject({ ok: false, code: 'BAD_ARGS', message: 'oak_log has no crafting recipe' });
    expect(await craft('no_such_item')).toMatchObject({ ok: false, code: 'BAD_ARGS' });
    expect(await craft('stick', 0)).toMatchObject({ ok: false, code: 'BAD_ARGS' });
  });

  it('fails with TIMEOUT when the server never answers a click, and leaves the bot usable', async () => {
    await setInventory(sb, bot, { oak_planks: 2 });
    const client = serverPlayer(sb, bot)._client;
    const saved = client.listeners('window_click') as ((...a: unknown[]) => void)[];
    client.removeAllListeners('window_click');
    let out;
    try {
      out = await craft('stick', 4);
    } finally {
      for (const l of saved) client.on('window_click', l);
    }
    expect(out).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(out.ok ? '' : out.message).toMatch(/crafting 4 stick: the server did not answer .* within/);
    // The wrapper's bound, plus the bounded re-sync that finds the server silent.
    expect(out.elapsedMs).toBeLessThan(WINDOW_TIMEOUT_MS + 2000 + 1500);
    expect(out.elapsedMs).toBeGreaterThanOrEqual(WINDOW_TIMEOUT_MS - 50);
    expect(bot.currentWindow).toBeNull();
    expect(bot.inventory.selectedItem).toBeNull();
    expect(counts(bot)).toEqual({ oak_planks: 2 });
    await expectInventoriesMatch(sb, bot);
    // With the server answering again, the same bot crafts normally.
    expect(await craft('stick', 4)).toMatchObject({ ok: true, result: { crafted: 4 } });
    expect(counts(bot)).toEqual({ stick: 4 });
    await expectInventoriesMatch(sb, bot);
  }, 20_000);

  it('redoes a craft from the window as the server shows it when the grid is not what was built; gives up after a few', async () => {
    await setInventory(sb, bot, { oak_planks: 3 });
    const client = serverPlayer(sb, bot)._client;
    const saved = client.listeners('window_click') as ((p: unknown) => void)[];
    // The server puts the items of some right-clicks on grid slot 1 in slot 2 instead.
    let misroute = (_n: number) => false;
    let rightClicks = 0;
    const route = (p: { slot: number; mouseButton: number; mode: number }) => {
      const moved = p.slot === 1 && p.mouseButton === 1 && p.mode === 0 && misroute(++rightClicks);
      for (const l of saved) l(moved ? { ...p, slot: 2 } : p);
    };
    client.removeAllListeners('window_click');
    client.on('window_click', route);
    try {
      misroute = (n) => n === 1;
      expect(await craft('stick', 4)).toMatchObject({ ok: true, result: { crafted: 4 } });
      expect(counts(bot)).toEqual({ stick: 4, oak_planks: 1 });
      await expectInventoriesMatch(sb, bot);
      await setInventory(sb, bot, { oak_planks: 3 });
      misroute = () => true;
      const out = await craft('stick', 4);
      expect(out).toMatchObject({ ok: false, code: 'FAILED' });
      expect(out.ok ? '' : out.message).toMatch(/no oak_planks left to put in grid slot \d/);
    } finally {
      client.removeListener('window_click', route);
      for (const l of saved) client.on('window_click', l);
    }
    expect(bot.inventory.selectedItem).toBeNull();
    expect(counts(bot)).toEqual({ oak_planks: 3 });
    await expectInventoriesMatch(sb, bot);
  });

  it('turns 3 logs into a wooden pickaxe, placing the table', async () => {
    await craftRoom(sb, bot, centre);
    await setInventory(sb, bot, { oak_log: 3 });
    const started = performance.now();
    for (const [item, count] of [['oak_planks', 12], ['stick', 4], ['crafting_table', 1], ['wooden_pickaxe', 1]] as const) {
      const out = await craft(item, count);
      expect(out, `${item}: ${out.ok ? '' : out.message}`).toMatchObject({ ok: true });
    }
    const seconds = (performance.now() - started) / 1000;
    expect(counts(bot)).toEqual({ wooden_pickaxe: 1, oak_planks: 3, stick: 2 });
    expect(seconds).toBeLessThan(15);
    await expectInventoriesMatch(sb, bot);
  });
});
