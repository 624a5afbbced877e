import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectDrops, type CollectResult } from '../../skills/collectDrops.ts';
import { eat, type EatResult } from '../../skills/eat.ts';
import { equip } from '../../skills/equip.ts';
import { dropItemEntity } from '../../src/sandbox/plugins/items/plugin.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SquidPlayer } from '../../src/sandbox/squid/types.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { serverPlayer } from '../helpers/items.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { clearRoom, standAt, Vec3 } from '../helpers/skillsGather.ts';
import { runOn, setSlots, skillBot } from '../helpers/skills.ts';

type FedPlayer = SquidPlayer & { food: number; updateFood(n: number): void };

describe('collectDrops, equip, eat (sandbox seed 2)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let room: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 2 });
    bot = await skillBot(sb, 'keeper');
    const spawn = bot.entity.position.floored();
    room = new Vec3(spawn.x, 200, spawn.z);
    await clearRoom(sb, bot, room, 6, 'bedrock');
    await standAt(sb, bot, room);
  });

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  /** Drops a stack server-side at `offset` from the room centre, as a broken block or a mob would. */
  async function drop(name: string, count: number, offset: Vec3): Promise<void> {
    const before = Object.values(bot.entities).filter((e) => e.name === 'item').length;
    dropItemEntity(sb.server, sb.server.overworld, room.plus(offset).offset(0.5, 0.2, 0.5), { name, count }, { pickupDelayMs: 200 });
    await waitFor(() => Object.values(bot.entities).filter((e) => e.name === 'item' && e.getDroppedItem() !== null).length > before, 3000, `${name} to appear`);
  }

  async function setFood(n: number): Promise<void> {
    (serverPlayer(sb, bot) as FedPlayer).updateFood(n);
    await waitFor(() => bot.food === n, 3000, `food ${n}`);
  }

  describe('collectDrops', () => {
    it('walks over the items the server dropped nearby and reports what it gained', async () => {
      await standAt(sb, bot, room);
      await setSlots(sb, bot, {});
      await drop('oak_log', 3, new Vec3(4, 0, 0));
      await drop('cobblestone', 5, new Vec3(-3, 0, 3));
      const out = await runOn(bot, collectDrops, {});
      if (!out.ok) throw new Error(`${out.code}: ${out.message}`);
      expect(out.result as CollectResult).toEqual({ gained: { oak_log: 3, cobblestone: 5 }, left: 0 });
      expect(counts(bot)).toEqual({ oak_log: 3, cobblestone: 5 });
      await expectInventoriesMatch(sb, bot);
    });

    it('picks up only the item asked for', async () => {
      await standAt(sb, bot, room);
      await setSlots(sb, bot, {});
      await drop('dirt', 2, new Vec3(3, 0, 2));
      await drop('stone', 1, new Vec3(-4, 0, -2));
      const out = await runOn(bot, collectDrops, { item: 'stone' });
      if (!out.ok) throw new Error(`${out.code}: ${out.message}`);
      expect(out.result as CollectResult).toEqual({ gained: { stone: 1 }, left: 0 });
      expect(Object.values(bot.entities).some((e) => e.name === 'item' && e.getDroppedItem()?.name === 'dirt')).toBe(true);
    });

    it('fails NO_TARGET when there is nothing to pick up', async () => {
      await runOn(bot, collectDrops, {}); // takes the dirt left by the test before
      const out = await runOn(bot, collectDrops, { item: 'diamond' });
      expect(out).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no dropped diamond within 16 blocks', missing: { item: 'diamond' } });
    });

    it('fails INVENTORY_FULL when nothing dropped fits', async () => {
      await standAt(sb, bot, room);
      const full: Record<number, string> = {};
      for (let i = 9; i <= 44; i++) full[i] = 'dirtx64';
      await setSlots(sb, bot, full);
      await drop('stone', 1, new Vec3(2, 0, 0));
      const out = await runOn(bot, collectDrops, {});
      expect(out).toMatchObject({ ok: false, code: 'INVENTORY_FULL', message: 'inventory full: no room for stone', missing: { item: 'stone' } });
      await setSlots(sb, bot, {});
      await runOn(bot, collectDrops, {});
    });
  });

  describe('equip', () => {
    it('puts a tool from the main inventory in the hand and armour in its slot', async () => {
      await setSlots(sb, bot, { 12: 'iron_pickaxe', 20: 'iron_helmet', 36: 'dirtx4' });
      const hand = await runOn(bot, equip, { item: 'iron_pickaxe' });
      expect(hand).toMatchObject({ ok: true, result: { item: 'iron_pickaxe', destination: 'hand' } });
      expect(bot.heldItem?.name).toBe('iron_pickaxe');
      const head = await runOn(bot, equip, { item: 'iron_helmet' });
      expect(head).toMatchObject({ ok: true, result: { item: 'iron_helmet', destination: 'head' } });
      expect(bot.inventory.slots[5]?.name).toBe('iron_helmet');
      await expectInventoriesMatch(sb, bot);
    });

    it('fails MISSING_ITEMS for an item the bot does not carry, BAD_ARGS for a slot it does not fit', async () => {
      await setSlots(sb, bot, { 36: 'iron_pickaxe' });
      const missing = await runOn(bot, equip, { item: 'diamond_sword' });
      expect(missing).toMatchObject({ ok: false, code: 'MISSING_ITEMS', message: 'need 1 diamond_sword, have 0', missing: { item: 'diamond_sword', need: 1, have: 0 } });
      const wrong = await runOn(bot, equip, { item: 'iron_pickaxe', destination: 'head' });
      expect(wrong).toMatchObject({ ok: false, code: 'BAD_ARGS', message: 'iron_pickaxe cannot be worn on the head' });
    });
  });

  describe('eat', () => {
    it('eats the food that fits the hunger bar (not rotten flesh) and waits for the food level to rise', async () => {
      await setSlots(sb, bot, { 36: 'rotten_fleshx3', 37: 'breadx2', 10: 'cooked_beefx1' });
      await setFood(12);
      const out = await runOn(bot, eat, {});
      if (!out.ok) throw new Error(`${out.code}: ${out.message}`);
      // Gap 8: bread (5) fits, cooked beef (8) fits better.
      expect(out.result as EatResult).toEqual({ item: 'cooked_beef', before: 12, food: 20 });
      expect(counts(bot)).toEqual({ rotten_flesh: 3, bread: 2 });
      expect((serverPlayer(sb, bot) as FedPlayer).food).toBe(20);
      await expectInventoriesMatch(sb, bot);
    });

    it('fails FAILED "not hungry" with a full food bar', async () => {
      await setSlots(sb, bot, { 36: 'breadx2' });
      await setFood(20);
      const out = await runOn(bot, eat, {});
      expect(out).toMatchObject({ ok: false, code: 'FAILED', message: 'not hungry: food is 20/20' });
      expect(counts(bot)).toEqual({ bread: 2 });
    });

    it('fails MISSING_ITEMS with no safe food, or without the food named', async () => {
      await setSlots(sb, bot, { 36: 'rotten_fleshx2' });
      await setFood(10);
      const none = await runOn(bot, eat, {});
      expect(none).toMatchObject({ ok: false, code: 'MISSING_ITEMS', missing: { item: 'food', need: 1, have: 0 } });
      expect(none.ok || none.message).toMatch(/^no food in the inventory/);
      const named = await runOn(bot, eat, { item: 'bread' });
      expect(named).toMatchObject({ ok: false, code: 'MISSING_ITEMS', message: 'need 1 bread, have 0', missing: { item: 'bread', need: 1, have: 0 } });
      const flesh = await runOn(bot, eat, { item: 'rotten_flesh' });
      expect(flesh).toMatchObject({ ok: true, result: { item: 'rotten_flesh', before: 10, food: 14 } });
    });
  });
});
