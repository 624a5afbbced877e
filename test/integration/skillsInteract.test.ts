import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardenConcrete, type ConcreteResult } from '../../skills/hardenConcrete.ts';
import { useItemOnBlock, type UseResult } from '../../skills/useItemOnBlock.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { resetRoom, roomAt, setState, Vec3, type InteractRoom } from '../helpers/skillsInteract.ts';
import { runOn, setBlocks, setSlots, skillBot } from '../helpers/skills.ts';

function resultOf<T = UseResult>(out: SkillOutcome): T {
  if (!out.ok) throw new Error(`skill failed: ${out.code} ${out.message}`);
  return out.result as T;
}

describe('using items on blocks (sandbox 1.20.1, seed 9)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let room: InteractRoom;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 9, preset: 'plains' });
    bot = await skillBot(sb, 'carpenter');
    const spawn = bot.entity.position.floored();
    room = roomAt(new Vec3(spawn.x, 200, spawn.z));
  });

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('an axe used on a log (use_item_on) strips it in place, keeping its axis, and wears the axe by one', async () => {
    await resetRoom(sb, bot, room, { 36: 'iron_axe' });
    const at = room.centre.offset(2, 0, 0);
    await setState(sb, bot, at, 'oak_log', { axis: 'x' });
    await bot.activateBlock(bot.blockAt(at)!, new Vec3(-1, 0, 0));
    await waitFor(() => bot.blockAt(at)?.name === 'stripped_oak_log', 3000, 'the log to be stripped');
    expect(bot.blockAt(at)!.getProperties()).toEqual({ axis: 'x' });
    await waitFor(() => bot.inventory.slots[36]?.durabilityUsed === 1, 3000, 'the axe to wear');
    // Without an axe nothing happens (and no block is placed against it).
    await setSlots(sb, bot, { 36: 'stick' });
    await bot.activateBlock(bot.blockAt(room.log)!);
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.blockAt(room.log)?.name).toBe('oak_log');
  });

  it('useItemOnBlock strips an oak log and mines it: a stripped log in the inventory', async () => {
    await resetRoom(sb, bot, room, { 36: 'wooden_axe' });
    const result = resultOf(await runOn(bot, useItemOnBlock, { block: 'oak_log', use: 'axe' }));
    expect(result.used).toBe(1);
    expect(result.gained).toEqual({ stripped_oak_log: 1 });
    expect(counts(bot).stripped_oak_log).toBe(1);
    expect(bot.blockAt(room.log)?.name).toBe('air');
    // One use to strip, one to mine the log.
    expect(bot.inventory.slots[36]?.durabilityUsed).toBe(2);
    await expectInventoriesMatch(sb, bot);
  });

  it('useItemOnBlock fails NO_TOOL naming the axe without one', async () => {
    await resetRoom(sb, bot, room, { 36: 'stone_pickaxe' });
    const out = await runOn(bot, useItemOnBlock, { block: 'oak_log', use: 'axe' });
    expect(out).toMatchObject({ ok: false, code: 'NO_TOOL', message: 'need an axe (wooden_axe) to strip oak_log', missing: { tool: 'wooden_axe', block: 'oak_log' } });
    expect(bot.blockAt(room.log)?.name).toBe('oak_log');
  });

  it('shears carve a pumpkin facing the bot; mined, it gives a carved pumpkin, and its 4 seeds are picked up', async () => {
    await resetRoom(sb, bot, room, { 36: 'shears' });
    const result = resultOf(await runOn(bot, useItemOnBlock, { block: 'pumpkin', use: 'shears' }));
    expect(result.gained).toEqual({ carved_pumpkin: 1, pumpkin_seeds: 4 });
    expect(bot.inventory.slots[36]?.durabilityUsed).toBe(1);
    await expectInventoriesMatch(sb, bot);
  });

  it('an empty bucket fills from the pool; the source is refilled by the sources around it', async () => {
    await resetRoom(sb, bot, room, { 36: 'bucket' });
    const result = resultOf(await runOn(bot, useItemOnBlock, { block: 'water', use: 'bucket' }));
    expect(result.gained).toEqual({ water_bucket: 1 });
    expect(counts(bot)).toEqual({ water_bucket: 1 });
    // Vanilla's infinite water: every cell of the 3x3 pool has two sources beside it.
    await waitFor(() => room.pool.every((p) => bot.blockAt(p)?.name === 'water' && Number(bot.blockAt(p)?.getProperties().level) === 0), 3000, 'the pool to be full again');
    await expectInventoriesMatch(sb, bot);
  });

  it('a lone source taken up stays empty; powder snow fills a bucket too', async () => {
    await resetRoom(sb, bot, room, { 36: 'bucketx2' }, false);
    const lone = room.pool[4]!;
    const snow = room.pool[0]!.offset(0, 1, 0);
    await setBlocks(sb, bot, [[lone, 'water'], [snow, 'powder_snow']]);
    const out = resultOf(await runOn(bot, useItemOnBlock, { block: 'water', use: 'bucket' }));
    expect(out.gained).toEqual({ water_bucket: 1 });
    await new Promise((r) => setTimeout(r, 500));
    expect(bot.blockAt(lone)?.name).toBe('air');
    const snowed = resultOf(await runOn(bot, useItemOnBlock, { block: 'powder_snow', use: 'bucket' }));
    expect(snowed.gained).toEqual({ powder_snow_bucket: 1 });
    expect(bot.blockAt(snow)?.name).toBe('air');
    expect(counts(bot)).toEqual({ water_bucket: 1, powder_snow_bucket: 1 });
  });

  it('a glass bottle fills with water (a potion whose NBT names the water potion) and leaves the source', async () => {
    await resetRoom(sb, bot, room, { 36: 'glass_bottlex3' });
    const result = resultOf(await runOn(bot, useItemOnBlock, { block: 'water', use: 'glass_bottle', count: 2 }));
    expect(result.gained).toEqual({ potion: 2 });
    expect(counts(bot)).toEqual({ glass_bottle: 1, potion: 2 });
    const potion = bot.inventory.items().find((i) => i.name === 'potion')!;
    expect(potion.nbt).toMatchObject({ type: 'compound', value: { Potion: { type: 'string', value: 'minecraft:water' } } });
    expect(room.pool.every((p) => bot.blockAt(p)?.name === 'water')).toBe(true);
    await expectInventoriesMatch(sb, bot);
  });

  it('fails NO_TARGET when no water is near, and MISSING_ITEMS without a bucket', async () => {
    await resetRoom(sb, bot, room, { 36: 'bucket' }, false);
    const none = await runOn(bot, useItemOnBlock, { block: 'water', use: 'bucket' });
    expect(none).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no water source open to the air within 32 blocks', missing: { block: 'water' } });
    await setSlots(sb, bot, {});
    const empty = await runOn(bot, useItemOnBlock, { block: 'water', use: 'bucket' });
    expect(empty).toMatchObject({ ok: false, code: 'MISSING_ITEMS', message: 'need 1 bucket, have 0' });
  });

  it('looking away from the water, a bucket takes nothing', async () => {
    await resetRoom(sb, bot, room, { 36: 'bucket' });
    await bot.lookAt(room.centre.offset(0.5, 3, -3));
    bot.activateItem();
    await new Promise((r) => setTimeout(r, 500));
    expect(counts(bot)).toEqual({ bucket: 1 });
    expect(room.pool.every((p) => bot.blockAt(p)?.name === 'water')).toBe(true);
  });

  it('concrete powder sets where it touches water, not elsewhere; hardenConcrete sets one and mines it', async () => {
    await resetRoom(sb, bot, room, { 36: 'white_concrete_powderx3', 37: 'wooden_pickaxe' });
    // On the dry floor it stays powder (placed by hand, as a player would).
    const dry = room.centre.offset(-1, 0, -2);
    await bot.placeBlock(bot.blockAt(dry.offset(0, -1, 0))!, new Vec3(0, 1, 0));
    await waitFor(() => bot.blockAt(dry)?.name === 'white_concrete_powder', 3000, 'the powder on the floor');
    const result = resultOf<ConcreteResult>(await runOn(bot, hardenConcrete, { item: 'white_concrete' }));
    expect(result.set).toBe(1);
    expect(result.gained).toEqual({ white_concrete: 1 });
    expect(counts(bot)).toMatchObject({ white_concrete_powder: 1, white_concrete: 1, wooden_pickaxe: 1 });
    await expectInventoriesMatch(sb, bot);
  });

  it('hardenConcrete fails NO_TOOL without a pickaxe, before putting any powder down', async () => {
    await resetRoom(sb, bot, room, { 36: 'red_concrete_powder' });
    const out = await runOn(bot, hardenConcrete, { item: 'red_concrete' });
    expect(out).toMatchObject({ ok: false, code: 'NO_TOOL', message: 'need wooden_pickaxe or better to harvest red_concrete' });
    expect(counts(bot)).toEqual({ red_concrete_powder: 1 });
  });
});
