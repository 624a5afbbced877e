import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { SHEARED_BIT, WOOL_COLOURS, woolColour } from '../../src/knowledge/mobs.ts';
import { mobWorldOf, removeMob } from '../../src/sandbox/plugins/mobs/plugin.ts';
import { quit, testBot, waitFor } from '../helpers/sandbox.ts';
import { buildPlatform, expectSameInventory, placeBot, serverTicks } from '../helpers/items.ts';
import { clientWool, countOf, dropsNear, mobSandbox, pickUpDrops, recharge, serverMobs, summonAt, Vec3 } from '../helpers/mobs.ts';
import { emptyInventory } from '../helpers/mobs.ts';

describe('mobs: shearing, colours and milking', () => {
  let sb: Sandbox;
  let bot: Bot;
  const spot = new Vec3(8, 150, 8);

  beforeAll(async () => {
    sb = await mobSandbox({ seed: 21 });
    bot = await testBot(sb, 'farmer');
    await buildPlatform(sb, spot, 7);
    await placeBot(sb, bot, spot);
  });
  afterAll(async () => {
    quit(bot);
    await sb.stop();
  });

  const hold = async (item: string, count = 1) => {
    await emptyInventory(sb, bot);
    await sb.command(`give ${bot.username} ${item} ${count}`);
    await waitFor(() => bot.heldItem?.name === item && bot.heldItem.count === count, 3000, `${count} ${item} in hand`);
  };
  const colourOf = (e: Entity) => woolColour(clientWool(bot, e) ?? -1);

  it('shears give 1–3 wool of the sheep\'s colour next to the bot and mark it sheared; a second shear gives nothing', async () => {
    await hold('shears');
    const { server, client } = await summonAt(sb, bot, 'sheep', new Vec3(10, 150, 8), 'color=lime');
    const sheep = client[0]!;
    expect(clientWool(bot, sheep)).toBe(WOOL_COLOURS.indexOf('lime'));
    await bot.activateEntity(sheep);
    await waitFor(() => ((clientWool(bot, sheep) ?? 0) & SHEARED_BIT) !== 0, 3000, 'the sheared bit on the client');
    expect(colourOf(sheep)).toEqual({ colour: 'lime', sheared: true });
    // The wool lands beside the bot, which picks it up without moving.
    await waitFor(() => countOf(bot, 'lime_wool') > 0, 3000, 'the wool to be picked up');
    await serverTicks(sb, 10);
    const got = countOf(bot, 'lime_wool');
    expect(got).toBeGreaterThanOrEqual(1);
    expect(got).toBeLessThanOrEqual(3);
    expect(bot.heldItem?.durabilityUsed).toBe(1);

    await bot.activateEntity(sheep);
    await serverTicks(sb, 20);
    expect(countOf(bot, 'lime_wool')).toBe(got);
    expect(Object.keys(dropsNear(bot, sheep.position, 6))).toEqual([]);
    expect(bot.heldItem?.durabilityUsed).toBe(1);

    // Regrowth is one to two minutes away; bring it forward and the client sees the wool back.
    server[0]!.skillcraftMob.regrowTick = sb.server.tickCount;
    await waitFor(() => clientWool(bot, sheep) === WOOL_COLOURS.indexOf('lime'), 3000, 'the wool to grow back');
  });

  it('natural colours follow vanilla odds and the colour in the metadata is the wool a sheep drops on death', async () => {
    const { client } = await summonAt(sb, bot, 'sheep', new Vec3(4, 150, 12), '40');
    const colours = client.map((e) => colourOf(e).colour);
    expect(new Set(colours).size).toBeGreaterThan(1);
    for (const c of colours) expect(['white', 'black', 'gray', 'light_gray', 'brown', 'pink']).toContain(c);
    expect(colours.filter((c) => c === 'white').length).toBeGreaterThan(20);
    const victim = client.find((e) => colourOf(e).colour !== 'white')!;
    const colour = colourOf(victim).colour;
    // The rest are in the way of the drops; remove them.
    for (const m of serverMobs(sb, 'sheep')) if (m.id !== victim.id) removeMob(mobWorldOf(sb.server), m);
    await waitFor(() => serverMobs(sb, 'sheep').length === 1, 3000, 'one sheep left');

    await hold('diamond_sword');
    await placeBot(sb, bot, victim.position.floored().offset(1, 0, 0));
    await recharge(sb);
    let dead = false;
    bot.on('entityDead', (e) => { if (e.id === victim.id) dead = true; });
    bot.attack(victim);
    await recharge(sb);
    bot.attack(victim);
    await waitFor(() => dead, 3000, 'the sheep to die');
    const body = victim.position.clone();
    await waitFor(() => (dropsNear(bot, body)[`${colour}_wool`] ?? 0) > 0, 3000, `${colour} wool among the drops`);
    const drops = dropsNear(bot, body);
    expect(drops[`${colour}_wool`]).toBe(1);
    expect(drops.mutton).toBeGreaterThanOrEqual(1);
    await pickUpDrops(sb, bot, body);
    expect(countOf(bot, `${colour}_wool`)).toBe(1);
    await placeBot(sb, bot, spot);
  });

  it('a lone bucket on a cow becomes a milk bucket; from a stack, one bucket is used and the milk goes to the inventory', async () => {
    await hold('bucket');
    const { client } = await summonAt(sb, bot, 'cow', new Vec3(10, 150, 6));
    const cow = client[0]!;
    await bot.activateEntity(cow);
    await waitFor(() => bot.heldItem?.name === 'milk_bucket', 3000, 'a milk bucket in hand');
    expect(countOf(bot, 'bucket')).toBe(0);
    await expectSameInventory(sb, bot);

    await hold('bucket', 3);
    await bot.activateEntity(cow);
    await waitFor(() => countOf(bot, 'milk_bucket') === 1, 3000, 'a milk bucket in the inventory');
    expect(bot.heldItem?.name).toBe('bucket');
    expect(bot.heldItem?.count).toBe(2);
    await expectSameInventory(sb, bot);

    // Anything else in hand does nothing; neither does a bucket on a sheep.
    const { client: sheep } = await summonAt(sb, bot, 'sheep', new Vec3(10, 150, 10));
    await bot.activateEntity(sheep[0]!);
    await serverTicks(sb, 10);
    expect(countOf(bot, 'milk_bucket')).toBe(1);
    expect(countOf(bot, 'bucket')).toBe(2);
  });
});
