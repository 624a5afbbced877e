import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { dropItemEntity, droppedItemOf, removeItemEntity } from '../../src/sandbox/plugins/items/plugin.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { buildPlatform, expectSameInventory, placeBot, serverPlayer, serverTicks, Vec3 } from '../helpers/items.ts';

describe('dropped items and pickup', () => {
  let sb: Sandbox;
  let bot: Bot;
  let other: Bot | undefined;
  const clientErrors: Error[] = [];
  const sounds: string[] = [];
  // Far above the generated terrain, so the floor is ours.
  const spot = new Vec3(0, 150, 0);

  beforeAll(async () => {
    sb = await testSandbox({ seed: 11, preset: 'plains' });
    bot = await testBot(sb, 'picker');
    bot._client.on('error', (err: unknown) => { clientErrors.push(err as Error); });
    bot.on('soundEffectHeard', (name: string) => { sounds.push(name); });
    await buildPlatform(sb, spot, 6);
    await placeBot(sb, bot, spot);
  });
  afterAll(async () => {
    quit(bot);
    quit(other);
    await sb.stop();
  });

  const player = () => serverPlayer(sb, bot);
  const itemsNamed = (b: Bot, name: string) => b.inventory.items().filter((i) => i.name === name);
  const clearAll = async (b: Bot) => {
    if (serverPlayer(sb, b).inventory.slots.some(Boolean)) await sb.command(`clear ${b.username}`);
    await expectSameInventory(sb, b);
  };

  it('the client names a dropped item next to the bot, and sees it land and vanish', async () => {
    const entity = dropItemEntity(sb.server, sb.server.overworld, spot.offset(1.5, 1, 0.5), { name: 'oak_log', count: 3 }, { pickupDelayMs: 60_000 });
    await waitFor(() => bot.entities[entity.id]?.getDroppedItem()?.name === 'oak_log', 3000, 'the client to name the item');
    const seen = bot.entities[entity.id]!;
    expect(seen.getDroppedItem()?.count).toBe(3);
    await waitFor(() => Math.abs(seen.position.y - spot.y) < 1e-6, 3000, 'the item to land on the floor');
    expect(entity.position.y).toBe(spot.y);
    removeItemEntity(sb.server, entity);
    await waitFor(() => bot.entities[entity.id] === undefined, 3000, 'the client to forget the item');
    expect(sb.server.entities[entity.id]).toBeUndefined();
    await expectSameInventory(sb, bot);
  });

  it('picks up a stack of 10 as 10 in one slot, with the pickup animation and sound', async () => {
    await clearAll(bot);
    const collected: Entity[] = [];
    const onCollect = (collector: Entity, item: Entity) => { if (collector === bot.entity) collected.push(item); };
    bot.on('playerCollect', onCollect);
    sounds.length = 0;
    const entity = dropItemEntity(sb.server, sb.server.overworld, spot.offset(1.5, 0.5, 0.5), { name: 'cobblestone', count: 10 });
    await waitFor(() => itemsNamed(bot, 'cobblestone').length > 0, 5000, 'the bot to pick up the cobblestone');
    bot.off('playerCollect', onCollect);
    expect(itemsNamed(bot, 'cobblestone').map((i) => i.count)).toEqual([10]);
    expect(collected.map((e) => e.id)).toEqual([entity.id]);
    await waitFor(() => bot.entities[entity.id] === undefined, 2000, 'the item entity to be destroyed');
    expect(sb.server.entities[entity.id]).toBeUndefined();
    await waitFor(() => sounds.includes('entity.item.pickup'), 2000, 'the pickup sound');
    expect(clientErrors).toEqual([]);
    await expectSameInventory(sb, bot);
  });

  it('tops up a partial stack before using an empty slot, respecting the stack size', async () => {
    await clearAll(bot);
    await sb.command(`give ${bot.username} dirt 60`);
    await expectSameInventory(sb, bot);
    dropItemEntity(sb.server, sb.server.overworld, spot.offset(0.5, 0.5, 1.5), { name: 'dirt', count: 10 });
    await waitFor(() => itemsNamed(bot, 'dirt').length === 2, 5000, 'the dirt to be picked up');
    expect(snapshotOf(bot, 'dirt')).toEqual(['36:64', '37:6']);
    await expectSameInventory(sb, bot);
  });

  it('never fills the crafting grid or armour slots and leaves what does not fit on the ground', async () => {
    await clearAll(bot);
    // 35 full stacks of stone and 60 dirt: the dirt slot has room for 4 more.
    await sb.command(`give ${bot.username} dirt 60`);
    await sb.command(`give ${bot.username} stone ${35 * 64}`);
    await expectSameInventory(sb, bot);
    const entity = dropItemEntity(sb.server, sb.server.overworld, spot.offset(0.5, 0.5, 1.5), { name: 'dirt', count: 10 });
    await waitFor(() => bot.entities[entity.id]?.getDroppedItem()?.count === 6, 5000, 'the ground stack to shrink to 6');
    expect(droppedItemOf(entity)?.count).toBe(6);
    expect(snapshotOf(bot, 'dirt')).toEqual(['36:64']);
    // A full inventory takes nothing more: the rest stays for at least 20 more ticks in range.
    await serverTicks(sb, 20);
    expect(sb.server.entities[entity.id]).toBe(entity);
    expect(bot.entities[entity.id]?.getDroppedItem()?.count).toBe(6);
    expect(player().inventory.slots.slice(0, 9).every((s) => !s)).toBe(true);
    await expectSameInventory(sb, bot);
    // Room again: the rest is picked up.
    await sb.command(`clear ${bot.username} stone 64`);
    await waitFor(() => bot.entities[entity.id] === undefined, 5000, 'the rest to be picked up');
    expect(itemsNamed(bot, 'dirt').reduce((n, i) => n + i.count, 0)).toBe(70);
    await expectSameInventory(sb, bot);
  });

  it('a bot tosses a stack and another bot picks it up with the right name and count', async () => {
    await clearAll(bot);
    other = await testBot(sb, 'catcher');
    const thrower = bot;
    const catcher = other;
    const from = spot.offset(-3, 0, -3);
    await placeBot(sb, thrower, from);
    await placeBot(sb, catcher, from.offset(0, 0, 3));
    await sb.command(`give ${thrower.username} oak_planks 10`);
    await waitFor(() => itemsNamed(thrower, 'oak_planks').length === 1, 3000, 'the planks to arrive');
    const seen: { name?: string; count?: number }[] = [];
    const onDrop = (e: Entity) => { seen.push({ name: e.getDroppedItem()?.name, count: e.getDroppedItem()?.count }); };
    catcher.on('itemDrop', onDrop);
    await thrower.lookAt(catcher.entity.position.offset(0, 1.62, 0));
    await thrower.toss(sb.server.registry.itemsByName.oak_planks!.id, null, 10);
    await waitFor(() => itemsNamed(catcher, 'oak_planks').length > 0, 8000, 'the catcher to pick up the planks');
    catcher.off('itemDrop', onDrop);
    expect(seen).toEqual([{ name: 'oak_planks', count: 10 }]);
    expect(itemsNamed(catcher, 'oak_planks').map((i) => i.count)).toEqual([10]);
    expect(itemsNamed(thrower, 'oak_planks')).toEqual([]);
    await expectSameInventory(sb, thrower);
    await expectSameInventory(sb, catcher);
  });
});

function snapshotOf(bot: Bot, name: string): string[] {
  return bot.inventory.items().filter((i) => i.name === name).map((i) => `${i.slot}:${i.count}`);
}
