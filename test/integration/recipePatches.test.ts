import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { craftItem } from '../../skills/craftItem.ts';
import type { SupportedVersion } from '../../src/config/sandbox.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { blocksNamed, craftRoom, Vec3 } from '../helpers/skillsCraft.ts';
import { runOn, setInventory, skillBot } from '../helpers/skills.ts';

// Recipes minecraft-data lacks (src/knowledge/recipePatches.ts), crafted by a real bot through the
// sandbox's window protocol: the server's grid must know them too, or the result slot stays empty.
// One sandbox at a time, each version where its recipes exist.

async function crafter(version: SupportedVersion, seed: number): Promise<{ sb: Sandbox; bot: Bot; centre: Vec3 }> {
  const sb = await testSandbox({ seed, preset: 'plains', version });
  const bot = await skillBot(sb, `recipes${version.replace(/\./g, '')}`);
  const spawn = bot.entity.position.floored();
  const centre = new Vec3(spawn.x, 120, spawn.z);
  await craftRoom(sb, bot, centre);
  return { sb, bot, centre };
}

describe('recipes patched into 1.21.4', () => {
  let sb: Sandbox;
  let bot: Bot;
  let centre: Vec3;
  const craft = (item: string, count = 1) => runOn(bot, craftItem, { item, count });

  beforeAll(async () => { ({ sb, bot, centre } = await crafter('1.21.4', 41)); });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('dyes a bundle in the 2x2 grid, and re-dyes one of another colour', async () => {
    await setInventory(sb, bot, { bundle: 1, red_dye: 1 });
    expect(await craft('red_bundle')).toMatchObject({ ok: true, result: { item: 'red_bundle', crafted: 1 } });
    expect(counts(bot)).toEqual({ red_bundle: 1 });
    await setInventory(sb, bot, { blue_bundle: 1, green_dye: 2 });
    expect(await craft('green_bundle')).toMatchObject({ ok: true, result: { item: 'green_bundle', crafted: 1 } });
    expect(counts(bot)).toEqual({ green_bundle: 1, green_dye: 1 });
    expect(blocksNamed(bot, centre, 'crafting_table')).toEqual([]);
    await expectInventoriesMatch(sb, bot);
  });

  it('makes resin bricks, chiseled resin bricks and, at a table, stairs with vanilla counts', async () => {
    await setInventory(sb, bot, { resin_brick: 8, resin_brick_slab: 2 });
    expect(await craft('resin_bricks', 2)).toMatchObject({ ok: true, result: { item: 'resin_bricks', crafted: 2 } });
    expect(await craft('chiseled_resin_bricks')).toMatchObject({ ok: true, result: { crafted: 1 } });
    expect(counts(bot)).toEqual({ resin_bricks: 2, chiseled_resin_bricks: 1 });
    await setInventory(sb, bot, { resin_bricks: 6, crafting_table: 1 });
    const stairs = await craft('resin_brick_stairs', 4);
    expect(stairs).toMatchObject({ ok: true, result: { item: 'resin_brick_stairs', crafted: 4, table: { placed: true } } });
    expect(counts(bot)).toEqual({ resin_brick_stairs: 4 });
    await expectInventoriesMatch(sb, bot);
  });

  it('packs 9 resin clumps into a block at the table and unpacks it in the 2x2 grid', async () => {
    await setInventory(sb, bot, { resin_clump: 9 });
    expect(await craft('resin_block')).toMatchObject({ ok: true, result: { item: 'resin_block', crafted: 1, table: { placed: false } } });
    expect(counts(bot)).toEqual({ resin_block: 1 });
    expect(await craft('resin_clump', 9)).toMatchObject({ ok: true, result: { item: 'resin_clump', crafted: 9 } });
    expect(counts(bot)).toEqual({ resin_clump: 9 });
    await expectInventoriesMatch(sb, bot);
  });
});

describe("vanilla's special recipes on 1.20.1", () => {
  let sb: Sandbox;
  let bot: Bot;
  const craft = (item: string, count = 1) => runOn(bot, craftItem, { item, count });

  beforeAll(async () => { ({ sb, bot } = await crafter('1.20.1', 42)); });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('makes firework stars from gunpowder and a dye, several in one round', async () => {
    await setInventory(sb, bot, { gunpowder: 3, lime_dye: 3 });
    expect(await craft('firework_star', 3)).toMatchObject({ ok: true, result: { item: 'firework_star', crafted: 3 } });
    expect(counts(bot)).toEqual({ firework_star: 3 });
    await expectInventoriesMatch(sb, bot);
  });

  it('makes a suspicious stew from both mushrooms, a bowl and a flower', async () => {
    await setInventory(sb, bot, { bowl: 1, brown_mushroom: 1, red_mushroom: 1, cornflower: 1 });
    expect(await craft('suspicious_stew')).toMatchObject({ ok: true, result: { item: 'suspicious_stew', crafted: 1 } });
    expect(counts(bot)).toEqual({ suspicious_stew: 1 });
    await expectInventoriesMatch(sb, bot);
  });
});
