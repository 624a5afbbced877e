import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { HOSTILE_MOBS, PASSIVE_MOBS } from '../../src/knowledge/mobs.ts';
import { SPAWN_CAPS } from '../../src/sandbox/mobs/spawning.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { serverTicks } from '../helpers/items.ts';
import { serverMobs, Vec3 } from '../helpers/mobs.ts';

interface Sighting { name: string; at: Vec3; below: string | undefined; distance: number; timeOfDay: number }

describe('mobs: natural spawning', () => {
  let sb: Sandbox;
  let bot: Bot;
  const seen: Sighting[] = [];

  beforeAll(async () => {
    sb = await testSandbox({ seed: 7, preset: 'forest', mobSpawning: true });
    bot = await testBot(sb, 'watcher');
    await waitFor(() => bot.entity.onGround, 5000, 'the bot to land');
    // Where each mob stood, as the client saw it, the moment it appeared.
    bot.on('entitySpawn', (e: Entity) => {
      if (!e.name || ![...PASSIVE_MOBS, ...HOSTILE_MOBS].includes(e.name)) return;
      const at = e.position.clone();
      seen.push({ name: e.name, at, below: bot.blockAt(at.offset(0, -1, 0).floored())?.name, distance: at.distanceTo(bot.entity.position), timeOfDay: sb.server.time % 24000 });
    });
  });
  afterAll(async () => {
    quit(bot);
    await sb.stop();
  });

  it('in daylight, packs of animals appear on grass 24 or more blocks from the player, up to the cap', async () => {
    await sb.command('time set day');
    await waitFor(() => seen.filter((s) => PASSIVE_MOBS.includes(s.name)).length >= 3, 20_000, 'animals to spawn');
    const animals = seen.filter((s) => PASSIVE_MOBS.includes(s.name));
    for (const a of animals) {
      expect(a.below, `${a.name} at ${a.at.toString()}`).toBe('grass_block');
      expect(a.distance).toBeGreaterThanOrEqual(23.5);
    }
    expect(seen.filter((s) => HOSTILE_MOBS.includes(s.name))).toEqual([]);
    await serverTicks(sb, 100);
    const near = serverMobs(sb).filter((m) => m.skillcraftMob.facts.kind === 'passive' && m.position.distanceTo(bot.entity.position) <= 64);
    expect(near.length).toBeLessThanOrEqual(SPAWN_CAPS.passive);
  });

  it('at night, zombies and spiders appear on solid ground 24 or more blocks away; no animals', async () => {
    await sb.command('time set midnight');
    const from = seen.length;
    await waitFor(() => seen.slice(from).some((s) => HOSTILE_MOBS.includes(s.name)), 20_000, 'a zombie or spider to spawn');
    const night = seen.slice(from);
    expect(night.filter((s) => PASSIVE_MOBS.includes(s.name))).toEqual([]);
    for (const h of night) {
      expect(h.distance).toBeGreaterThanOrEqual(23.5);
      expect(h.below).toBeDefined();
      expect(h.below).not.toMatch(/leaves|water|lava|^air$/);
      expect(h.timeOfDay).toBeGreaterThanOrEqual(13000);
    }
  });

  it('/gamerule doMobSpawning false stops natural spawning', async () => {
    await sb.command('gamerule doMobSpawning false');
    const before = serverMobs(sb).length;
    const ids = new Set(serverMobs(sb).map((m) => m.id));
    await serverTicks(sb, 80);
    expect(serverMobs(sb).filter((m) => !ids.has(m.id))).toEqual([]);
    expect(serverMobs(sb).length).toBeLessThanOrEqual(before);
  });
});
