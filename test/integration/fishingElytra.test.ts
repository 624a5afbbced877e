import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';

const require = createRequire(import.meta.url);
type ItemClass = new (type: number, count: number) => unknown;
type Flying = Bot['entity'] & { elytraFlying?: boolean };

// Fishing and elytra gliding, server side: the bobber, the bite, the catch thrown to the player; the
// fall-flying flag and firework rockets attached to a gliding player. Seed 103 makes the first fish
// bite after about 7 s (the lure time is drawn from the server's seeded RNG).
describe('fishing and elytra on 1.20.1', () => {
  let sb: Sandbox;
  let bot: Bot;
  let Item: ItemClass;

  beforeAll(async () => {
    sb = await testSandbox({ version: '1.20.1', preset: 'flat', gameMode: 'creative', seed: 103 });
    bot = await testBot(sb, 'angler');
    Item = (require('prismarine-item') as (v: string) => ItemClass)('1.20.1');
  });
  afterAll(async () => {
    quit(bot);
    await sb.stop();
  });

  const give = (slot: number, name: string, count = 1) => bot.creative.setInventorySlot(slot, new Item(bot.registry.itemsByName[name]!.id, count) as never);

  it('casts a bobber owned by the player, which reels in a catch after a bite', async () => {
    // Under a loaded CI machine the angler may still be falling to the ground when the test starts; a pond
    // filled relative to a mid-air position would be above it.
    await waitFor(() => bot.entity.onGround, 15_000, 'the angler to stand on the ground');
    const at = bot.entity.position.floored();
    await sb.command(`fill ${at.x - 4} ${at.y - 1} ${at.z - 4} ${at.x + 4} ${at.y - 1} ${at.z + 4} water`);
    await waitFor(() => bot.blockAt(at.offset(0, -1, 0))?.name === 'water', 15_000, 'the pond');
    await give(36, 'fishing_rod');
    bot.setQuickBarSlot(0);
    await bot.look(0, -Math.PI / 2, true);
    // The look goes out with a later physics tick; the cast must not overtake it.
    const server = sb.server.players.find((p) => p.username === 'angler') as unknown as { pitch: number };
    await waitFor(() => server.pitch !== 0, 3000, 'the server to see the player look down');
    const spawned = new Promise<Entity>((resolve) => bot.on('entitySpawn', (e) => { if (e.name === 'fishing_bobber') resolve(e); }));
    const collected = new Promise<Entity>((resolve) => bot.on('playerCollect', (collector, e) => { if (collector === bot.entity) resolve(e); }));
    const fished = bot.fish();
    const bobber = await spawned;
    expect((bobber as Entity & { objectData?: number }).objectData ?? bot.entity.id).toBe(bot.entity.id);
    await Promise.race([fished, new Promise((_, reject) => setTimeout(() => reject(new Error('no bite within 20 s')), 20_000))]);
    const caught = await Promise.race([collected, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('catch not collected')), 5000))]);
    expect(caught.name).toBe('item');
    await waitFor(() => !Object.values(bot.entities).some((e) => e.name === 'fishing_bobber'), 3000, 'the bobber to go');
    expect(bot.inventory.items().some((i) => i.name !== 'fishing_rod')).toBe(true);
  }, 30_000);

  it('reeling in before a bite just brings the bobber back', { timeout: 30_000 }, async () => {
    let bobber: Entity | undefined;
    const onSpawn = (e: Entity) => { if (e.name === 'fishing_bobber') bobber = e; };
    bot.on('entitySpawn', onSpawn);
    try {
      await give(36, 'fishing_rod');
      bot.setQuickBarSlot(0);
      bot.activateItem();
      await waitFor(() => bobber !== undefined, 10_000, 'the bobber to be cast');
    } finally {
      bot.off('entitySpawn', onSpawn);
    }
    const cast = bobber;
    if (!cast) throw new Error('no bobber');
    bot.activateItem();
    await waitFor(() => !bot.entities[cast.id], 3000, 'the bobber to be removed');
  });

  it('glides with an elytra in the air, and a firework attaches to the gliding player', async () => {
    await give(6, 'elytra');
    await give(37, 'firework_rocket', 8);
    bot.setQuickBarSlot(1);
    await sb.command(`tp angler ${bot.entity.position.x} ${bot.entity.position.y + 60} ${bot.entity.position.z}`);
    await waitFor(() => bot.entity.position.y > -10, 3000, 'the teleport');
    bot.chat('/gamemode survival');
    await waitFor(() => bot.game.gameMode === 'survival', 3000, 'survival mode');
    bot.creative.stopFlying();
    await bot.waitForTicks(5);
    await bot.elytraFly();
    await waitFor(() => (bot.entity as Flying).elytraFlying === true, 3000, 'the fall-flying flag');
    const rocket = new Promise<Entity>((resolve) => bot.on('entitySpawn', (e) => { if (e.name === 'firework_rocket') resolve(e); }));
    bot.activateItem();
    await rocket;
    await waitFor(() => bot.fireworkRocketDuration > 0, 3000, 'the rocket to attach');
    expect(bot.inventory.slots[37]?.count).toBe(7);
    expect((bot.entity as Flying).elytraFlying).toBe(true);
  });
});
