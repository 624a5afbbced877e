import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fish, type FishResult } from '../../skills/fish.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { serverPlayer } from '../helpers/items.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { standAt, Vec3 } from '../helpers/skillsGather.ts';
import { runOn, setBlocks, setSlots, skillBot } from '../helpers/skills.ts';

// The fish skill against the sandbox's bobber and bite (src/sandbox/plugins/fishing): a bank of stone
// beside a pond 2 deep, far above the terrain so that no other water is near. The seed fixes the
// server's fishing draws (lure times, catches); 1.21 sends particles in another packet layout.
describe.each([['1.20.1', 155], ['1.21.4', 155]] as const)('fish on %s (seed %i)', (version, seed) => {
  let sb: Sandbox;
  let bot: Bot;
  let bank: Vec3;
  let dry: Vec3;
  let puddle: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ version, seed, preset: 'plains', mobSpawning: false });
    bot = await skillBot(sb, 'angler');
    const spawn = bot.entity.position.floored();
    bank = new Vec3(spawn.x, 200, spawn.z);
    dry = bank.offset(-40, 0, 0);
    puddle = bank.offset(0, 0, 40);
    const jobs: [Vec3, string][] = [];
    for (let dx = -3; dx <= 10; dx++) {
      for (let dz = -5; dz <= 5; dz++) {
        const pond = dx >= 3 && dx <= 9 && Math.abs(dz) <= 3;
        jobs.push([bank.offset(dx, -3, dz), 'stone']);
        jobs.push([bank.offset(dx, -2, dz), pond ? 'water' : 'stone']);
        jobs.push([bank.offset(dx, -1, dz), pond ? 'water' : 'stone']);
      }
    }
    for (let dx = -2; dx <= 2; dx++) for (let dz = -2; dz <= 2; dz++) jobs.push([dry.offset(dx, -1, dz), 'stone']);
    // A puddle 3×3 and 1 deep beside a stone bank: water to fish in, but not open water.
    for (let dx = -4; dx <= 2; dx++) {
      for (let dz = -3; dz <= 3; dz++) {
        jobs.push([puddle.offset(dx, -2, dz), 'stone']);
        jobs.push([puddle.offset(dx, -1, dz), dx >= 0 && Math.abs(dz) <= 1 && dx <= 2 ? 'water' : 'stone']);
      }
    }
    await setBlocks(sb, bot, jobs);
  }, 60_000);

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('fails NO_TOOL without a fishing rod', async () => {
    await standAt(sb, bot, bank);
    await setSlots(sb, bot, {});
    const out = await runOn(bot, fish, { item: 'cod' });
    expect(out).toMatchObject({ ok: false, code: 'NO_TOOL', missing: { tool: 'fishing_rod' } });
  });

  it('fails NO_TARGET with no water within the radius, BAD_ARGS for what fishing never gives', async () => {
    await standAt(sb, bot, dry);
    await setSlots(sb, bot, { 36: 'fishing_rod' });
    expect(await runOn(bot, fish, { item: 'cod', radius: 16 })).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no water within 16 blocks', missing: { block: 'water' } });
    expect(await runOn(bot, fish, { item: 'diamond' })).toMatchObject({ ok: false, code: 'BAD_ARGS' });
    // Treasure needs open water, which a puddle is not.
    await standAt(sb, bot, puddle.offset(-2, 0, 0));
    expect(await runOn(bot, fish, { item: 'name_tag', radius: 8 })).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no open water (5×5, 2 deep, nothing over it) within 8 blocks' });
  });

  it('walks to the bank and casts until a cod is caught, and the catch is in the inventory', { timeout: 120_000 }, async () => {
    // Out of a cast's reach of the pond: the skill walks up to the water first.
    await standAt(sb, bot, bank.offset(-3, 0, 0));
    await setSlots(sb, bot, { 40: 'fishing_rod' });
    const out = await runOn(bot, fish, { item: 'cod', count: 1 });
    if (!out.ok) throw new Error(`fish failed: ${out.code} ${out.message}`);
    const result = out.result as FishResult;
    const have = counts(bot);
    expect(have.cod).toBeGreaterThanOrEqual(1);
    expect(result.gained.cod).toBe(have.cod);
    expect(result.casts).toBeGreaterThanOrEqual(1);
    // One point of wear per catch reeled in; the bobber is not left out.
    // (Checked on the server: the sandbox does not write durability as a 1.21 item component yet.)
    const rod = serverPlayer(sb, bot).inventory.slots.find((i) => i?.name === 'fishing_rod');
    expect(rod?.durabilityUsed).toBeGreaterThanOrEqual(1);
    expect(Object.values(bot.entities).some((e) => e.name === 'fishing_bobber')).toBe(false);
    await expectInventoriesMatch(sb, bot);
  });
});
