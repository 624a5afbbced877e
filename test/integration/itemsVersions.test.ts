import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { dropItemEntity } from '../../src/sandbox/plugins/items/plugin.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { buildPlatform, expectSameInventory, placeBot, Vec3 } from '../helpers/items.ts';

// The other supported versions, one sandbox at a time (1.20.1 is covered in items/commands tests).
describe.each(['1.21.4', '1.21.1', '1.20.4', '1.19.4', '1.18.2'] as const)('items and commands on %s', (version) => {
  let sb: Sandbox;
  let bot: Bot;
  const clientErrors: unknown[] = [];
  const spot = new Vec3(-6, 150, 5);

  beforeAll(async () => {
    sb = await testSandbox({ seed: 3, preset: 'plains', version });
    bot = await testBot(sb, `v${version.replace(/\./g, '')}`);
    bot._client.on('error', (err: unknown) => { clientErrors.push(err); });
    await buildPlatform(sb, spot, 3);
    await placeBot(sb, bot, spot);
  });
  afterAll(async () => {
    quit(bot);
    await sb.stop();
  });

  it('gives real stacks, names a dropped item, picks it up whole and sets the time', async () => {
    await sb.command(`give ${bot.username} oak_planks 100`);
    await waitFor(() => bot.inventory.items().length === 2, 3000, 'two stacks');
    expect(bot.inventory.items().map((i) => i.count)).toEqual([64, 36]);
    await expectSameInventory(sb, bot);

    const far = dropItemEntity(sb.server, sb.server.overworld, spot.offset(2.5, 0.5, 0.5), { name: 'torch', count: 7 }, { pickupDelayMs: 60_000 });
    await waitFor(() => bot.entities[far.id]?.getDroppedItem()?.name === 'torch', 3000, 'the client to name the torch');
    expect(bot.entities[far.id]?.getDroppedItem()?.count).toBe(7);

    dropItemEntity(sb.server, sb.server.overworld, spot.offset(0.5, 0.5, 1.5), { name: 'cobblestone', count: 10 });
    await waitFor(() => bot.inventory.items().some((i) => i.name === 'cobblestone'), 5000, 'the cobblestone pickup');
    expect(bot.inventory.items().filter((i) => i.name === 'cobblestone').map((i) => i.count)).toEqual([10]);
    await expectSameInventory(sb, bot);

    await sb.command('time set midnight');
    await waitFor(() => bot.time.timeOfDay >= 18000 && bot.time.timeOfDay < 18100, 3000, 'midnight on the client');
    expect(clientErrors).toEqual([]);
  });

  it('respawns after /kill with full health (the respawn packet in this version\'s own shape)', async () => {
    let died = false;
    bot.once('death', () => { died = true; });
    await sb.command(`kill ${bot.username}`);
    await waitFor(() => died, 3000, 'the death');
    await waitFor(() => bot.health === 20, 8000, 'the respawn');
    expect(clientErrors).toEqual([]);
  });
});
