import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketFish, type BucketResult } from '../../skills/bucketFish.ts';
import { BUCKET_MOBS } from '../../src/knowledge/waterMobs.ts';
import { FISH_CAP } from '../../src/sandbox/mobs/fishSpawning.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { serverMobs } from '../helpers/mobs.ts';
import { counts } from '../helpers/inventory.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { runOn, setSlots, skillBot } from '../helpers/skills.ts';

interface Sighting { name: string; block: string | undefined; biome: string | undefined; distance: number }

// Fish spawning in the generator's water: seed 7's forest has a river 13 blocks from spawn (and no
// ocean, as no sandbox terrain has). Vanilla gives rivers salmon only; lakes of a land biome none.
describe('fish: natural spawning in the sandbox\'s rivers (seed 7, forest)', () => {
  let sb: Sandbox;
  let bot: Bot;
  const seen: Sighting[] = [];

  beforeAll(async () => {
    sb = await testSandbox({ seed: 7, preset: 'forest', mobSpawning: true, peaceful: true });
    bot = await skillBot(sb, 'watcher');
    await waitFor(() => bot.entity.onGround, 5000, 'the bot to land');
    await sb.command('time set day');
    // Where each fish was, as the client saw it, the moment it appeared.
    bot.on('entitySpawn', (e: Entity) => {
      if (!(BUCKET_MOBS as readonly string[]).includes(e.name ?? '')) return;
      const at = e.position.floored();
      const biomeId = bot.world.getBiome(at);
      seen.push({ name: e.name!, block: bot.blockAt(at)?.name, biome: bot.registry.biomes[biomeId]?.name, distance: e.position.distanceTo(bot.entity.position) });
    });
  });

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('schools of salmon appear in river water 24 or more blocks away, no other fish, up to their cap', async () => {
    await waitFor(() => seen.length >= 3, 30_000, 'fish to spawn');
    for (const s of seen) {
      expect(s, JSON.stringify(s)).toMatchObject({ name: 'salmon', block: 'water', biome: 'river' });
      expect(s.distance).toBeGreaterThanOrEqual(23.5);
    }
    const near = serverMobs(sb).filter((m) => m.skillcraftMob.facts.kind === 'water' && m.position.distanceTo(bot.entity.position) <= 64);
    expect(near.length).toBeLessThanOrEqual(FISH_CAP);
    // They stay in the water as they swim about (and away from the bot).
    await new Promise((r) => setTimeout(r, 3000));
    for (const m of serverMobs(sb, 'salmon')) expect(bot.blockAt(m.position.floored())?.name, m.position.toString()).toBe('water');
  });

  it('bucketFish walks into the river and chases down a wild salmon', async () => {
    await setSlots(sb, bot, { 36: 'water_bucket' });
    const out = await runOn(bot, bucketFish, { mob: 'salmon', radius: 64 });
    if (!out.ok) throw new Error(`bucketFish failed: ${out.code} ${out.message}`);
    expect(out.result as BucketResult).toEqual({ bucketed: 1 });
    expect(counts(bot)).toEqual({ salmon_bucket: 1 });
  }, 260_000);
});
