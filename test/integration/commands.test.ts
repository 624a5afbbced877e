import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { getGameRule } from '../../src/sandbox/plugins/commands/plugin.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { buildPlatform, expectSameInventory, placeBot, serverPlayer, serverTicks, Vec3 } from '../helpers/items.ts';

describe('console and player commands', () => {
  let sb: Sandbox;
  let bot: Bot;
  let friend: Bot | undefined;
  const chat: string[] = [];
  const spot = new Vec3(8, 150, 8);

  beforeAll(async () => {
    sb = await testSandbox({ seed: 5, preset: 'forest' });
    bot = await testBot(sb, 'commander');
    bot.on('messagestr', (m: string) => { chat.push(m); });
    await buildPlatform(sb, spot, 3);
    await placeBot(sb, bot, spot);
  });
  afterAll(async () => {
    quit(bot);
    quit(friend);
    await sb.stop();
  });

  const stacks = (name: string) => bot.inventory.items().filter((i) => i.name === name).map((i) => i.count);
  const emptyInventory = async () => {
    if (serverPlayer(sb, bot).inventory.slots.some(Boolean)) await sb.command(`clear ${bot.username}`);
    await waitFor(() => bot.inventory.items().length === 0, 3000, 'an empty inventory');
  };
  const chatSays = (text: string) => waitFor(() => chat.some((m) => m.includes(text)), 3000, `chat to say "${text}"`);

  it('/give 64 oak planks gives exactly one stack of 64', async () => {
    await emptyInventory();
    await sb.command(`give ${bot.username} oak_planks 64`);
    await waitFor(() => stacks('oak_planks').length > 0, 3000, 'the planks');
    expect(stacks('oak_planks')).toEqual([64]);
    await expectSameInventory(sb, bot);
  });

  it('/give 100 splits into 64 + 36, accepts the minecraft: prefix and a leading slash', async () => {
    await emptyInventory();
    await sb.command(`/give ${bot.username} minecraft:oak_planks 100`);
    await waitFor(() => stacks('oak_planks').length === 2, 3000, 'two stacks');
    expect(stacks('oak_planks')).toEqual([64, 36]);
    await expectSameInventory(sb, bot);
  });

  it('/give of an unstackable item puts one per slot', async () => {
    await emptyInventory();
    await sb.command(`give ${bot.username} wooden_pickaxe 3`);
    await waitFor(() => stacks('wooden_pickaxe').length === 3, 3000, 'three pickaxes');
    expect(stacks('wooden_pickaxe')).toEqual([1, 1, 1]);
    await expectSameInventory(sb, bot);
  });

  it('/give of an unknown item fails with a message and gives nothing', async () => {
    await emptyInventory();
    await expect(sb.command(`give ${bot.username} minecraft:unobtainium 5`)).rejects.toThrow(/Unknown item 'minecraft:unobtainium'/);
    await expect(sb.command(`give ${bot.username} oak_planks lots`)).rejects.toThrow(/Invalid integer/);
    await expect(sb.command('give nobody oak_planks 1')).rejects.toThrow(/No player named 'nobody'/);
    bot.chat('/give @s unobtainium 2');
    await chatSays("Unknown item 'unobtainium'");
    await serverTicks(sb, 5);
    expect(bot.inventory.items()).toEqual([]);
    await expectSameInventory(sb, bot);
  });

  it('/give from a player with @s reports what it gave', async () => {
    await emptyInventory();
    bot.chat('/give @s stick 5');
    await chatSays('Gave 5 [Stick] to commander');
    expect(stacks('stick')).toEqual([5]);
    await expectSameInventory(sb, bot);
  });

  it('/clear removes a limited count, a kind of item, or everything', async () => {
    await emptyInventory();
    await sb.command(`give ${bot.username} oak_planks 100`);
    await sb.command(`give ${bot.username} stick 8`);
    await waitFor(() => stacks('stick').length === 1, 3000, 'the sticks');
    await sb.command(`clear ${bot.username} oak_planks 70`);
    await waitFor(() => stacks('oak_planks').reduce((a, b) => a + b, 0) === 30, 3000, '30 planks left');
    await expectSameInventory(sb, bot);
    await sb.command(`clear ${bot.username} minecraft:stick`);
    await waitFor(() => stacks('stick').length === 0, 3000, 'the sticks to go');
    expect(stacks('oak_planks').reduce((a, b) => a + b, 0)).toBe(30);
    await expectSameInventory(sb, bot);
    await expect(sb.command(`clear ${bot.username} diamond`)).rejects.toThrow(/No items were found/);
    await sb.command(`clear ${bot.username}`);
    await waitFor(() => bot.inventory.items().length === 0, 3000, 'an empty inventory');
    await expectSameInventory(sb, bot);
    await expect(sb.command('clear')).rejects.toThrow(/player is required/);
  });

  it('/tp moves the bot to coordinates and to another player', async () => {
    await sb.command(`tp ${bot.username} ${spot.x + 2} ${spot.y} ${spot.z - 1}`);
    await waitFor(() => bot.entity.position.distanceTo(spot.offset(2.5, 0, -0.5)) < 0.01, 5000, 'the bot at the new position');
    expect(serverPlayer(sb, bot).position.distanceTo(spot.offset(2.5, 0, -0.5))).toBeLessThan(0.01);
    friend = await testBot(sb, 'friend');
    await placeBot(sb, friend, spot.offset(-2, 0, 2));
    bot.chat('/tp friend');
    await waitFor(() => bot.entity.position.distanceTo(friend!.entity.position) < 0.01, 5000, 'the bot next to its friend');
    bot.chat('/tp @s ~1 ~ ~');
    await waitFor(() => Math.abs(bot.entity.position.x - (friend!.entity.position.x + 1)) < 0.01, 5000, 'a relative move');
    await expect(sb.command('tp 1 2 3')).rejects.toThrow(/player is required/);
    await expectSameInventory(sb, bot);
  });

  it('/time set and add change the client time; gamerule doDaylightCycle stops the clock', async () => {
    await sb.command('time set night');
    await waitFor(() => bot.time.timeOfDay >= 13000 && bot.time.timeOfDay < 13100, 3000, 'night on the client');
    await sb.command('gamerule doDaylightCycle false');
    expect(getGameRule(sb.server, 'doDaylightCycle')).toBe(false);
    await waitFor(() => bot.time.doDaylightCycle === false, 3000, 'the client to see the stopped cycle');
    await sb.command('time set 6000');
    await waitFor(() => bot.time.timeOfDay === 6000, 3000, 'noon on the client');
    await sb.command('time add 500');
    await waitFor(() => bot.time.timeOfDay === 6500, 3000, 'time added');
    await serverTicks(sb, 45);
    expect(sb.server.time).toBe(6500);
    await sb.command('gamerule doDaylightCycle true');
    await waitFor(() => bot.time.doDaylightCycle === true, 3000, 'the cycle running again');
    await serverTicks(sb, 45);
    expect(sb.server.time).toBeGreaterThan(6500);
    await expect(sb.command('time set dusk')).rejects.toThrow(/Invalid time/);
  });

  it('/gamerule stores and lists doMobSpawning and keepInventory', async () => {
    expect(getGameRule(sb.server, 'keepInventory')).toBe(false);
    await sb.command('gamerule keepInventory true');
    await sb.command('gamerule doMobSpawning false');
    expect(getGameRule(sb.server, 'keepInventory')).toBe(true);
    expect(getGameRule(sb.server, 'doMobSpawning')).toBe(false);
    bot.chat('/gamerule keepInventory');
    await chatSays('Gamerule keepInventory is currently set to: true');
    await expect(sb.command('gamerule keepInventory maybe')).rejects.toThrow(/Invalid boolean/);
    await expect(sb.command('gamerule noSuchRule true')).rejects.toThrow(/Unknown game rule/);
    await expect(sb.command('nosuchcommand')).rejects.toThrow(/Command not found/);
  });
});
