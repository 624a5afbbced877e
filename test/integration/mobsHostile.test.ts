import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { damageAfterArmour, explosionDamage } from '../../src/knowledge/mobs.ts';
import { mobWorldOf, removeMob } from '../../src/sandbox/plugins/mobs/plugin.ts';
import { quit, testBot, waitFor } from '../helpers/sandbox.ts';
import { buildPlatform, placeBot, serverPlayer, serverTicks } from '../helpers/items.ts';
import { dropsNear, mobSandbox, recharge, serverMobs, summonAt, summonOnServer, Vec3 } from '../helpers/mobs.ts';

const ARMOUR = { head: 'iron_helmet', torso: 'iron_chestplate', legs: 'iron_leggings', feet: 'iron_boots' } as const;

describe('mobs: zombies and spiders', () => {
  let sb: Sandbox;
  let bot: Bot;
  const spot = new Vec3(8, 150, 8);

  beforeAll(async () => {
    sb = await mobSandbox({ seed: 31 });
    bot = await testBot(sb, 'knight');
    await buildPlatform(sb, spot, 10);
    await placeBot(sb, bot, spot);
  });
  afterAll(async () => {
    quit(bot);
    await sb.stop();
  });

  /** Sets the bot's health, after the hurt invulnerability of any earlier hit is over. */
  const setHealth = async (health: number) => {
    await serverTicks(sb, 12);
    const p = serverPlayer(sb, bot) as unknown as { updateHealth(h: number): void; updateFood(f: number): void };
    // Below 18 food there is no natural regeneration to blur the numbers.
    p.updateFood(17);
    p.updateHealth(health);
    await waitFor(() => bot.health === health, 3000, `health ${health}`);
  };
  const clearMobs = () => { for (const m of serverMobs(sb)) removeMob(mobWorldOf(sb.server), m); };

  /** Health lost to the first hit of a zombie summoned 5 blocks away. */
  const firstZombieHit = async (then?: () => Promise<void>): Promise<number> => {
    await placeBot(sb, bot, spot);
    await setHealth(20);
    const { server, client } = await summonAt(sb, bot, 'zombie', spot.offset(5, 0, 0));
    const start = client[0]!.position.distanceTo(bot.entity.position);
    await waitFor(() => bot.health < 20, 10_000, 'the zombie to hit the bot');
    const lost = 20 - bot.health;
    expect(server[0]!.position.distanceTo(serverPlayer(sb, bot).position)).toBeLessThan(start - 2);
    await then?.();
    clearMobs();
    return lost;
  };

  it('a zombie summoned nearby chases the bot and hits it for its attack damage, then every 20 ticks', async () => {
    const hurts: number[] = [];
    const onHurt = (e: { id: number }) => { if (e.id === bot.entity.id) hurts.push(sb.server.tickCount); };
    bot.on('entityHurt', onHurt);
    const lost = await firstZombieHit(async () => {
      await waitFor(() => hurts.length >= 2, 5000, 'a second hit');
    });
    bot.off('entityHurt', onHurt);
    expect(lost).toBeCloseTo(3, 5);
    expect(hurts[1]! - hurts[0]!).toBeGreaterThanOrEqual(20);
    expect(hurts[1]! - hurts[0]!).toBeLessThanOrEqual(24);
  });

  it('iron armour cuts the hit to what damageAfterArmour says', async () => {
    for (const [slot, item] of Object.entries(ARMOUR) as [keyof typeof ARMOUR, string][]) {
      await sb.command(`give ${bot.username} ${item}`);
      await waitFor(() => bot.inventory.items().some((i) => i.name === item), 3000, item);
      await bot.equip(bot.inventory.items().find((i) => i.name === item)!, slot);
    }
    await waitFor(() => [5, 6, 7, 8].every((s) => serverPlayer(sb, bot).inventory.slots[s]), 3000, 'armour worn on the server');
    const lost = await firstZombieHit();
    expect(lost).toBeCloseTo(damageAfterArmour(3, Object.values(ARMOUR)), 5);
    expect(lost).toBeLessThan(2);
    // Each piece wore by one point.
    for (const s of [5, 6, 7, 8]) expect(serverPlayer(sb, bot).inventory.slots[s]?.durabilityUsed).toBe(1);
    await sb.command(`clear ${bot.username}`);
  });

  it('a spider hits for 2 and a player at 0 health dies, then respawns at the spawn point', async () => {
    await placeBot(sb, bot, spot);
    await setHealth(3.5);
    const seen: number[] = [];
    const onHealth = () => { seen.push(bot.health); };
    bot.on('health', onHealth);
    let died = false;
    bot.once('death', () => { died = true; });
    await summonAt(sb, bot, 'spider', spot.offset(-3, 0, 0));
    await waitFor(() => died, 10_000, 'the bot to die');
    bot.off('health', onHealth);
    clearMobs();
    expect(seen).toEqual([1.5, 0]);
    // mineflayer resumes physics 1.5 s after a respawn; it then lands at the spawn point.
    await waitFor(() => bot.health === 20 && bot.entity.onGround, 8000, 'the bot to respawn and land');
    expect(serverPlayer(sb, bot).position.distanceTo(serverPlayer(sb, bot).spawnPoint)).toBeLessThan(2);
  });

  it('a hostile ignores players beyond 16 blocks and despawns beyond 64', async () => {
    await placeBot(sb, bot, spot);
    await setHealth(20);
    const { server } = await summonAt(sb, bot, 'zombie', spot.offset(0, 0, 20));
    await serverTicks(sb, 60);
    expect(bot.health).toBe(20);
    expect(server[0]!.position.distanceTo(serverPlayer(sb, bot).position)).toBeGreaterThan(12);
    // The far zombie may despawn on the server's first tick, before the bot was ever told of it: only
    // the server's mob and the end state (gone on both sides) are waited for, not the bot seeing it.
    const far = await summonOnServer(sb, 'zombie', spot.offset(70, 0, 0));
    expect(far).toHaveLength(1);
    await waitFor(() => far[0]!.skillcraftMob.gone && bot.entities[far[0]!.id] === undefined, 3000, 'the far zombie to despawn');
    clearMobs();
  });

  it('a zombie killed with a sword leaves only rotten flesh (0–2)', async () => {
    await placeBot(sb, bot, spot);
    await sb.command(`give ${bot.username} diamond_sword`);
    await waitFor(() => bot.heldItem?.name === 'diamond_sword', 3000, 'the sword');
    const { client } = await summonAt(sb, bot, 'zombie', spot.offset(2, 0, 0));
    const zombie = client[0]!;
    let dead = false;
    bot.on('entityDead', (e) => { if (e.id === zombie.id) dead = true; });
    for (let i = 0; i < 3; i++) {
      await recharge(sb);
      bot.attack(zombie);
    }
    await waitFor(() => dead, 3000, 'the zombie to die');
    const body = zombie.position.clone();
    await waitFor(() => bot.entities[zombie.id] === undefined, 3000, 'the corpse to go');
    const drops = dropsNear(bot, body);
    expect(Object.keys(drops).every((n) => n === 'rotten_flesh')).toBe(true);
    expect(drops.rotten_flesh ?? 0).toBeLessThanOrEqual(2);
  });

  it('a creeper walks up, swells within 3 blocks (swell_dir 1) and explodes after 30 ticks: vanilla damage, no loot', async () => {
    await placeBot(sb, bot, spot);
    await setHealth(20);
    const { server, client } = await summonAt(sb, bot, 'creeper', spot.offset(4, 0, 0));
    const creeper = server[0]!;
    const swellKey = bot.registry.entitiesByName.creeper!.metadataKeys?.indexOf('swell_dir') ?? 16;
    await waitFor(() => (client[0]!.metadata as unknown[])[swellKey] === 1, 5000, 'the creeper to swell');
    const near = creeper.position.distanceTo(serverPlayer(sb, bot).position);
    expect(near).toBeLessThan(3);
    const since = sb.server.tickCount;
    await waitFor(() => creeper.skillcraftMob.gone, 5000, 'the blast');
    expect(sb.server.tickCount - since).toBeLessThanOrEqual(31);
    await waitFor(() => bot.health < 20, 3000, 'the blast to hurt the bot');
    // The bot stood still within a block or so: most of the 43 a point-blank blast does (no armour).
    expect(20 - bot.health).toBeGreaterThanOrEqual(explosionDamage(3, near + 0.5));
    expect(dropsNear(bot, creeper.position)).toEqual({});
    clearMobs();
  });
});
