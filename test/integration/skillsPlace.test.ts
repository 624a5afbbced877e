import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeBlock } from '../../skills/placeBlock.ts';
import { placeCraftingTable } from '../../skills/placeCraftingTable.ts';
import { placeFurnace } from '../../skills/placeFurnace.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { occupiesBot } from '../../src/actions/items/placement.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { blocksNamed, craftRoom, putBlock, Vec3 } from '../helpers/skillsCraft.ts';
import { runOn, setInventory, skillBot } from '../helpers/skills.ts';

describe('placing blocks and stations', () => {
  let sb: Sandbox;
  let bot: Bot;
  let centre: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 32, preset: 'plains' });
    bot = await skillBot(sb, 'placer');
    const spawn = bot.entity.position.floored();
    centre = new Vec3(spawn.x, 120, spawn.z);
    await craftRoom(sb, bot, centre);
  });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('places a crafting table next to the bot, then finds it within reach', async () => {
    await setInventory(sb, bot, { crafting_table: 1 });
    const out = await runOn(bot, placeCraftingTable, {});
    expect(out).toMatchObject({ ok: true, result: { placed: true } });
    const [at] = blocksNamed(bot, centre, 'crafting_table');
    expect(at).toBeDefined();
    expect(at!.y).toBe(centre.y);
    expect(occupiesBot(bot, at!)).toBe(false);
    expect(counts(bot)).toEqual({});
    await expectInventoriesMatch(sb, bot);
    // Nothing in the inventory, but one within reach: done without placing.
    expect(await runOn(bot, placeCraftingTable, {})).toMatchObject({ ok: true, result: { placed: false, x: at!.x, y: at!.y, z: at!.z } });
  });

  it('fails with MISSING_ITEMS without a crafting table to place', async () => {
    await craftRoom(sb, bot, centre);
    await setInventory(sb, bot, { oak_planks: 4 });
    expect(await runOn(bot, placeCraftingTable, {})).toMatchObject({
      ok: false, code: 'MISSING_ITEMS', message: 'need 1 crafting_table, have 0', missing: { item: 'crafting_table', need: 1, have: 0 },
    });
    expect(blocksNamed(bot, centre, 'crafting_table')).toEqual([]);
  });

  it('places a furnace, and fails without one', async () => {
    await craftRoom(sb, bot, centre);
    await setInventory(sb, bot, { cobblestone: 8 });
    expect(await runOn(bot, placeFurnace, {})).toMatchObject({ ok: false, code: 'MISSING_ITEMS', missing: { item: 'furnace', need: 1, have: 0 } });
    await setInventory(sb, bot, { furnace: 1 });
    expect(await runOn(bot, placeFurnace, {})).toMatchObject({ ok: true, result: { placed: true } });
    expect(blocksNamed(bot, centre, 'furnace')).toHaveLength(1);
    expect(counts(bot)).toEqual({});
  });

  it('places a block at a given position, walking into reach', async () => {
    await craftRoom(sb, bot, centre);
    await setInventory(sb, bot, { cobblestone: 5 });
    const at = centre.offset(5, 0, -5);
    const out = await runOn(bot, placeBlock, { item: 'cobblestone', x: at.x, y: at.y, z: at.z });
    expect(out).toMatchObject({ ok: true, result: { block: 'cobblestone', x: at.x, y: at.y, z: at.z } });
    expect(bot.blockAt(at)?.name).toBe('cobblestone');
    expect(counts(bot)).toEqual({ cobblestone: 4 });
    await expectInventoriesMatch(sb, bot);
  });

  it('places a block next to the bot when no position is given, never where it stands', async () => {
    const out = await runOn(bot, placeBlock, { item: 'cobblestone' });
    expect(out).toMatchObject({ ok: true, result: { block: 'cobblestone' } });
    const r = out.ok ? (out.result as { x: number; y: number; z: number }) : { x: 0, y: 0, z: 0 };
    const p = new Vec3(r.x, r.y, r.z);
    expect(bot.blockAt(p)?.name).toBe('cobblestone');
    expect(occupiesBot(bot, p)).toBe(false);
    expect(counts(bot)).toEqual({ cobblestone: 3 });
  });

  it('fails cleanly: item not held, cell taken, not a block, partial position', async () => {
    await craftRoom(sb, bot, centre);
    await setInventory(sb, bot, { cobblestone: 1, stick: 1 });
    const at = centre.offset(2, 0, 0);
    expect(await runOn(bot, placeBlock, { item: 'dirt', x: at.x, y: at.y, z: at.z })).toMatchObject({
      ok: false, code: 'MISSING_ITEMS', message: 'need 1 dirt, have 0', missing: { item: 'dirt', need: 1, have: 0 },
    });
    await putBlock(sb, bot, at, 'oak_planks');
    expect(await runOn(bot, placeBlock, { item: 'cobblestone', x: at.x, y: at.y, z: at.z })).toMatchObject({
      ok: false, code: 'FAILED', message: `cannot place cobblestone at ${at.x},${at.y},${at.z}: oak_planks is there`,
    });
    expect(await runOn(bot, placeBlock, { item: 'stick' })).toMatchObject({ ok: false, code: 'BAD_ARGS', message: 'stick is not a block that can be placed' });
    expect(await runOn(bot, placeBlock, { item: 'cobblestone', x: 1 })).toMatchObject({ ok: false, code: 'BAD_ARGS' });
    const air = centre.offset(3, 2, 0);
    expect(await runOn(bot, placeBlock, { item: 'cobblestone', x: air.x, y: air.y, z: air.z })).toMatchObject({
      ok: false, code: 'FAILED', message: expect.stringContaining('no solid block next to it') as unknown,
    });
    expect(counts(bot)).toEqual({ cobblestone: 1, stick: 1 });
  });
  it('in a pit below its table (in reach through the rock, not in sight), places a new table where it stands', async () => {
    await craftRoom(sb, bot, centre);
    // Rock 4 high around a 3x3 pit the bot stands in; the old table on the rim, set back a block.
    const stone = sb.server.registry.blocksByName.stone!.defaultState;
    const air = sb.server.registry.blocksByName.air!.defaultState;
    const rock: Vec3[] = [];
    for (let dx = -4; dx <= 4; dx++) for (let dz = -4; dz <= 4; dz++) for (let dy = 0; dy <= 3; dy++) if (Math.abs(dx) > 1 || Math.abs(dz) > 1) rock.push(centre.offset(dx, dy, dz));
    await Promise.all(rock.map((p) => sb.server.setBlock(sb.server.overworld, p, stone)));
    const old = centre.offset(3, 4, 0);
    await putBlock(sb, bot, old, 'crafting_table');
    try {
      await waitFor(() => bot.blockAt(centre.offset(-4, 3, -4))?.name === 'stone', 3000, 'the rock to reach the client');
      await setInventory(sb, bot, { crafting_table: 1 });
      const eyes = bot.entity.position.offset(0, 1.62, 0);
      expect(eyes.distanceTo(old.offset(0.5, 0.5, 0.5))).toBeLessThan(4.5);
      const out = await runOn(bot, placeCraftingTable, {});
      expect(out).toMatchObject({ ok: true, result: { placed: true, access: 'reach' } });
      const tables = blocksNamed(bot, centre, 'crafting_table');
      expect(tables).toHaveLength(2);
      const fresh = tables.find((t) => !t.equals(old))!;
      expect(fresh.y).toBe(centre.y);
      expect(counts(bot)).toEqual({});
    } finally {
      await Promise.all([...rock, old].map((p) => sb.server.setBlock(sb.server.overworld, p, air)));
    }
  });

  it('in rock, never places a station in a pocket behind a corner (out of sight), only where it sees', async () => {
    await craftRoom(sb, bot, centre);
    // Rock all round the bot's own two cells, but for a pocket on the floor two blocks off, round a corner
    // (the nearest free cell on solid ground, out of sight), and a free cell at head height beside it.
    const stone = sb.server.registry.blocksByName.stone!.defaultState;
    const air = sb.server.registry.blocksByName.air!.defaultState;
    const open = [centre, centre.offset(0, 1, 0), centre.offset(2, 0, 1), centre.offset(1, 1, 0)];
    const rock: Vec3[] = [];
    for (let dx = -3; dx <= 3; dx++) for (let dz = -3; dz <= 3; dz++) for (let dy = 0; dy <= 3; dy++) {
      const p = centre.offset(dx, dy, dz);
      if (!open.some((o) => o.equals(p))) rock.push(p);
    }
    await Promise.all(rock.map((p) => sb.server.setBlock(sb.server.overworld, p, stone)));
    try {
      await waitFor(() => bot.blockAt(centre.offset(-3, 3, -3))?.name === 'stone', 3000, 'the rock to reach the client');
      await setInventory(sb, bot, { furnace: 1 });
      const out = await runOn(bot, placeFurnace, {});
      expect(out).toMatchObject({ ok: true, result: { placed: true, access: 'reach' } });
      expect(blocksNamed(bot, centre, 'furnace')).toEqual([centre.offset(1, 1, 0)]);
    } finally {
      await Promise.all(rock.map((p) => sb.server.setBlock(sb.server.overworld, p, air)));
      await sb.server.setBlock(sb.server.overworld, centre.offset(1, 1, 0), air);
    }
  });

  it('fails when no table appears where it placed one (checked in the world)', async () => {
    await craftRoom(sb, bot, centre);
    await setInventory(sb, bot, { crafting_table: 1 });
    // A server that drops the placement: the table never appears, and the skill says so.
    const player = sb.server.players.find((p) => p.username === bot.username)!;
    const client = player._client as unknown as { listeners(e: string): ((...a: unknown[]) => void)[]; removeAllListeners(e: string): void; on(e: string, f: (...a: unknown[]) => void): void };
    const saved = client.listeners('block_place');
    client.removeAllListeners('block_place');
    try {
      const out = await runOn(bot, placeCraftingTable, {});
      expect(out.ok).toBe(false);
      expect(blocksNamed(bot, centre, 'crafting_table')).toEqual([]);
    } finally {
      for (const f of saved) client.on('block_place', f);
    }
  });
});
