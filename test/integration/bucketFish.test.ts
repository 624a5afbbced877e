import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketFish, type BucketResult } from '../../skills/bucketFish.ts';
import { soundId } from '../../src/sandbox/plugins/compatSound.ts';
import { removeMob } from '../../src/sandbox/mobs/spawn.ts';
import { mobWorldOf } from '../../src/sandbox/mobs/world.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { serverMobs, summonAt } from '../helpers/mobs.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { standAt, Vec3 } from '../helpers/skillsGather.ts';
import { runOn, setBlocks, setSlots, skillBot } from '../helpers/skills.ts';

function resultOf(out: SkillOutcome): BucketResult {
  if (!out.ok) throw new Error(`skill failed: ${out.code} ${out.message}`);
  return out.result as BucketResult;
}

const WATER_MOBS = ['cod', 'salmon', 'pufferfish', 'tropical_fish'];

// bucketFish against the sandbox's fish (src/sandbox/mobs/swim.ts) and its water bucket on a fish
// (src/sandbox/mobs/interact.ts): a stone bank beside a pool 3×3 and 2 deep, far above the terrain,
// so that no other water and no other fish are near. Natural spawning is off: a test summons its fish.
describe.each(['1.20.1', '1.21.4'] as const)('fish in a bucket on %s (sandbox seed 5, plains)', (version) => {
  let sb: Sandbox;
  let bot: Bot;
  let bank: Vec3;
  /** The pool's middle, at its bottom water block. */
  let pool: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ version, seed: 5, preset: 'plains', mobSpawning: false });
    bot = await skillBot(sb, 'fisher');
    const spawn = bot.entity.position.floored();
    bank = new Vec3(spawn.x, 200, spawn.z);
    pool = bank.offset(3, -2, 0);
    const jobs: [Vec3, string][] = [];
    for (let dx = -4; dx <= 6; dx++) {
      for (let dz = -4; dz <= 4; dz++) {
        const water = dx >= 2 && dx <= 4 && Math.abs(dz) <= 1;
        jobs.push([bank.offset(dx, -3, dz), 'stone']);
        jobs.push([bank.offset(dx, -2, dz), water ? 'water' : 'stone']);
        jobs.push([bank.offset(dx, -1, dz), water ? 'water' : 'stone']);
        for (let dy = 0; dy < 3; dy++) jobs.push([bank.offset(dx, dy, dz), 'air']);
      }
    }
    await setBlocks(sb, bot, jobs);
  }, 60_000);

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  /** The bot on the bank holding `slots`, no fish left from earlier tests. */
  async function fresh(slots: Record<number, string>): Promise<void> {
    const mw = mobWorldOf(sb.server);
    for (const mob of [...mw.mobs]) removeMob(mw, mob);
    await waitFor(() => !Object.values(bot.entities).some((e) => WATER_MOBS.includes(e.name ?? '')), 3000, 'no fish left');
    await standAt(sb, bot, bank);
    await setSlots(sb, bot, slots);
  }

  const inPool = (p: Vec3) => p.x >= pool.x - 1 && p.x < pool.x + 2 && p.z >= pool.z - 1 && p.z < pool.z + 2 && p.y >= pool.y && p.y < pool.y + 2;

  it('a summoned cod swims in the pool and stays in the water, fleeing the bot beside it', async () => {
    await fresh({});
    // `~` coordinates from a player, as vanilla's command takes them: 3 blocks east, 2 down is the pool's bottom.
    bot.chat('/summon cod ~3 ~-2 ~');
    await waitFor(() => serverMobs(sb, 'cod').length === 1, 3000, 'the cod');
    const [cod] = serverMobs(sb, 'cod');
    const seen: Vec3[] = [];
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 150));
      seen.push(cod!.position.clone());
    }
    expect(seen.every(inPool), seen.map((p) => p.toString()).join(' ')).toBe(true);
    // It moved: a fish within 8 blocks of a player swims off (vanilla AvoidEntityGoal).
    expect(Math.max(...seen.map((p) => p.distanceTo(seen[0]!)))).toBeGreaterThan(0.3);
  });

  it('a water bucket used on a cod: the cod is gone, the held bucket is a cod bucket, with the fill_fish sound', async () => {
    await fresh({ 36: 'water_bucket' });
    const { client: [cod] } = await summonAt(sb, bot, 'cod', pool.offset(-1, 0, 0));
    const heard: number[] = [];
    const onSound = (p: { sound?: { soundId: number }; soundId?: number }) => { heard.push(p.sound?.soundId ?? p.soundId ?? -1); };
    bot._client.on('sound_effect', onSound);
    try {
      await bot.activateEntity(cod as Entity);
      await waitFor(() => bot.inventory.slots[36]?.name === 'cod_bucket', 3000, 'the cod bucket in the held slot');
      await waitFor(() => bot.entities[cod!.id] === undefined, 3000, 'the cod to be removed');
      expect(serverMobs(sb, 'cod')).toEqual([]);
      await waitFor(() => heard.length > 0, 2000, 'the sound');
      expect(heard).toContain(soundId(sb.server, 'item.bucket.fill_fish'));
    } finally {
      bot._client.removeListener('sound_effect', onSound);
    }
    expect(counts(bot)).toEqual({ cod_bucket: 1 });
    await expectInventoriesMatch(sb, bot);
  });

  it('in creative, as vanilla\'s ItemUtils.createFilledResult: the water bucket stays and a cod bucket is added', async () => {
    await fresh({ 36: 'water_bucket' });
    await sb.command(`gamemode creative ${bot.username}`);
    try {
      await waitFor(() => bot.game.gameMode === 'creative', 3000, 'creative mode');
      const { client: [cod] } = await summonAt(sb, bot, 'cod', pool.offset(-1, 0, 0));
      await bot.activateEntity(cod as Entity);
      await waitFor(() => counts(bot).cod_bucket === 1, 3000, 'the cod bucket');
      expect(counts(bot)).toEqual({ cod_bucket: 1, water_bucket: 1 });
      expect(serverMobs(sb, 'cod')).toEqual([]);
    } finally {
      await sb.command(`gamemode survival ${bot.username}`);
      await waitFor(() => bot.game.gameMode === 'survival', 3000, 'survival mode');
    }
  });

  it('bucketFish scoops up a cod: a cod bucket, no water bucket left, the cod gone', async () => {
    await fresh({ 36: 'water_bucket' });
    const { server: [cod] } = await summonAt(sb, bot, 'cod', pool.offset(1, 0, 1));
    const result = resultOf(await runOn(bot, bucketFish, { mob: 'cod' }));
    expect(result).toEqual({ bucketed: 1 });
    expect(counts(bot)).toEqual({ cod_bucket: 1 });
    expect(cod!.skillcraftMob.gone).toBe(true);
    await waitFor(() => !Object.values(bot.entities).some((e) => e.name === 'cod'), 3000, 'the cod gone for the bot');
    await expectInventoriesMatch(sb, bot);
  });

  it('bucketFish scoops two salmon of a school into two buckets, one after the other', async () => {
    await fresh({ 36: 'water_bucket', 37: 'water_bucket', 38: 'water_bucket' });
    await summonAt(sb, bot, 'salmon', pool, '3');
    const result = resultOf(await runOn(bot, bucketFish, { mob: 'salmon', count: 2 }));
    expect(result).toEqual({ bucketed: 2 });
    expect(counts(bot)).toEqual({ salmon_bucket: 2, water_bucket: 1 });
    expect(serverMobs(sb, 'salmon')).toHaveLength(1);
    await expectInventoriesMatch(sb, bot);
  });

  it('fails MISSING_ITEMS without a water bucket (an empty bucket is not one)', async () => {
    await fresh({ 36: 'bucket' });
    await summonAt(sb, bot, 'cod', pool);
    const out = await runOn(bot, bucketFish, { mob: 'cod' });
    expect(out).toMatchObject({ ok: false, code: 'MISSING_ITEMS', message: 'need 1 water_bucket, have 0', missing: { item: 'water_bucket', need: 1, have: 0 } });
    expect(serverMobs(sb, 'cod')).toHaveLength(1);
  });

  it('fails NO_TARGET naming the mob and the radius when none is in range; a salmon is not a cod', async () => {
    await fresh({ 36: 'water_bucket' });
    expect(await runOn(bot, bucketFish, { mob: 'cod', radius: 12 })).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no cod within 12 blocks', missing: { block: 'cod' } });
    await summonAt(sb, bot, 'salmon', pool);
    expect(await runOn(bot, bucketFish, { mob: 'cod' })).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no cod within 32 blocks' });
    expect(counts(bot)).toEqual({ water_bucket: 1 });
  });
});
