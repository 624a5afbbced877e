import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, waitFor } from '../helpers/sandbox.ts';
import { buildPlatform, placeBot, serverPlayer, serverTicks } from '../helpers/items.ts';
import { clientHealth, countOf, dropsNear, mobSandbox, pickUpDrops, recharge, serverMobs, summonAt, Vec3 } from '../helpers/mobs.ts';
import { emptyInventory } from '../helpers/mobs.ts';

describe('mobs: summoning, fighting and loot', () => {
  let sb: Sandbox;
  let bot: Bot;
  const spot = new Vec3(8, 150, 8);
  const chat: string[] = [];

  beforeAll(async () => {
    sb = await mobSandbox({ seed: 11 });
    bot = await testBot(sb, 'hunter');
    bot.on('messagestr', (m: string) => { chat.push(m); });
    await buildPlatform(sb, spot, 7);
    await placeBot(sb, bot, spot);
  });
  afterAll(async () => {
    quit(bot);
    await sb.stop();
  });

  const giveHeld = async (item: string) => {
    await emptyInventory(sb, bot);
    await sb.command(`give ${bot.username} ${item}`);
    await waitFor(() => bot.heldItem?.name === item, 3000, `${item} in hand`);
  };

  it('/summon at a position: the client sees a cow there with vanilla health', async () => {
    const { server, client } = await summonAt(sb, bot, 'cow', new Vec3(11, 150, 8));
    expect(server).toHaveLength(1);
    const cow = client[0]!;
    expect(cow.name).toBe('cow');
    expect(cow.position.distanceTo(new Vec3(11.5, 150, 8.5))).toBeLessThan(0.01);
    expect(clientHealth(bot, cow)).toBe(10);
  });

  it('/summon near the sender, with a count; unknown mobs and bad counts are refused', async () => {
    const before = serverMobs(sb, 'pig').length;
    bot.chat('/summon pig 2');
    await waitFor(() => serverMobs(sb, 'pig').length === before + 2, 3000, 'two pigs');
    const pigs = serverMobs(sb, 'pig').slice(before);
    await waitFor(() => pigs.every((p) => bot.entities[p.id]?.name === 'pig'), 3000, 'the bot to see the pigs');
    for (const p of pigs) expect(bot.entities[p.id]!.position.distanceTo(bot.entity.position)).toBeLessThan(5);
    await expect(sb.command('summon dragon')).rejects.toThrow(/Unknown mob 'dragon'/);
    await expect(sb.command('summon cow 0')).rejects.toThrow(/count must not be less than 1/);
    await expect(sb.command('summon cow 1 x 150 8')).rejects.toThrow(/Invalid x coordinate/);
    bot.chat('/summon unicorn');
    await waitFor(() => chat.some((m) => m.includes("Unknown mob 'unicorn'")), 3000, 'the error in chat');
  });

  it('a diamond sword kills a cow in two full-charge hits; the corpse goes and leaves beef and leather', async () => {
    await giveHeld('diamond_sword');
    await recharge(sb);
    const { server, client } = await summonAt(sb, bot, 'cow', new Vec3(10, 150, 8));
    const cow = client[0]!;
    let dead = false;
    bot.on('entityDead', (e) => { if (e.id === cow.id) dead = true; });
    bot.attack(cow);
    await waitFor(() => clientHealth(bot, cow) === 3, 3000, 'the cow at 3 health after 7 damage');
    await recharge(sb);
    expect(dead).toBe(false);
    bot.attack(cow);
    await waitFor(() => dead, 3000, 'the cow to die');
    const body = cow.position.clone();
    await waitFor(() => bot.entities[cow.id] === undefined, 3000, 'the corpse to leave bot.entities');
    expect(server[0]!.skillcraftMob.gone).toBe(true);
    expect(bot.heldItem?.durabilityUsed).toBe(2);
    const drops = dropsNear(bot, body);
    expect(drops.beef).toBeGreaterThanOrEqual(1);
    expect(drops.beef).toBeLessThanOrEqual(3);
    expect(drops.leather ?? 0).toBeLessThanOrEqual(2);
    expect(Object.keys(drops).every((n) => n === 'beef' || n === 'leather')).toBe(true);
    await pickUpDrops(sb, bot, body);
    expect(countOf(bot, 'beef')).toBe(drops.beef);
    expect(countOf(bot, 'leather')).toBe(drops.leather ?? 0);
    await placeBot(sb, bot, spot);
  });

  it('a fist does 1 damage; a second hit inside the hurt invulnerability does not land', async () => {
    await emptyInventory(sb, bot);
    await recharge(sb);
    const { client } = await summonAt(sb, bot, 'chicken', new Vec3(10, 150, 9));
    const chicken = client[0]!;
    bot.attack(chicken);
    await waitFor(() => clientHealth(bot, chicken) === 3, 3000, 'the chicken at 3 health');
    bot.attack(chicken);
    await serverTicks(sb, 6);
    expect(clientHealth(bot, chicken)).toBe(3);
    await recharge(sb);
    bot.attack(chicken);
    await waitFor(() => clientHealth(bot, chicken) === 2, 3000, 'the chicken at 2 health');
  });

  it('a hit right after another is weak (about a fifth of the damage) and the sword wears only when hits land', async () => {
    await giveHeld('iron_sword');
    await recharge(sb);
    const { client } = await summonAt(sb, bot, 'pig', new Vec3(6, 150, 8), '2');
    const a = client[0]!;
    const b = client[1]!;
    bot.attack(a);
    bot.attack(b);
    await waitFor(() => clientHealth(bot, a) === 4 && (clientHealth(bot, b) ?? 10) < 10, 3000, 'both hits');
    // 0–1 ticks after the last swing of a 12.5-tick cooldown: 6 × (0.2 + 0.8 × c²) is 1.21–1.27.
    const weak = 10 - clientHealth(bot, b)!;
    expect(weak).toBeGreaterThan(1.2);
    expect(weak).toBeLessThan(1.3);
    expect(serverPlayer(sb, bot).inventory.slots[36]?.durabilityUsed).toBe(2);
    // A weak hit on the pig still invulnerable from a 6-damage hit does not land and costs nothing.
    bot.attack(a);
    await serverTicks(sb, 4);
    expect(clientHealth(bot, a)).toBe(4);
    expect(serverPlayer(sb, bot).inventory.slots[36]?.durabilityUsed).toBe(2);
  });
});
