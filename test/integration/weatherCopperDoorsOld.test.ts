import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weatherCopper } from '../../skills/weatherCopper.ts';
import { copperOf } from '../../src/sandbox/plugins/weathering/plugin.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { counts } from '../helpers/inventory.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { clearRoom, standAt, Vec3 } from '../helpers/skillsGather.ts';
import { runOn, setSlots, skillBot } from '../helpers/skills.ts';

// 1.20.4's data lists copper doors and trapdoors (the update_1_21 experiment's), so a bot can be handed one.
describe('weatherCopper before 1.21 (sandbox 1.20.4, seed 21)', () => {
  let sb: Sandbox;
  let bot: Bot;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 21, preset: 'plains', version: '1.20.4' });
    bot = await skillBot(sb, 'oldsmith');
    const spawn = bot.entity.position.floored();
    const centre = new Vec3(spawn.x, 200, spawn.z);
    await clearRoom(sb, bot, centre, 4);
    await standAt(sb, bot, centre);
  }, 60_000);

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('refuses BAD_ARGS to set out a door or trapdoor, which came with 1.21, setting nothing out; copper blocks still go', async () => {
    await setSlots(sb, bot, { 36: 'copper_door', 37: 'copper_trapdoor', 38: 'stone_pickaxe' });
    expect(await runOn(bot, weatherCopper, { stage: 'exposed', block: 'copper_door', count: 1 }))
      .toMatchObject({ ok: false, code: 'BAD_ARGS', message: 'cannot set out copper_door on 1.20.4: copper_door came with 1.21 (an experimental item before)' });
    expect(await runOn(bot, weatherCopper, { stage: 'oxidized', block: 'copper_trapdoor', count: 1 })).toMatchObject({ ok: false, code: 'BAD_ARGS' });
    expect(counts(bot)).toEqual({ copper_door: 1, copper_trapdoor: 1, stone_pickaxe: 1 });
    expect(copperOf(sb.server)?.size).toBe(0);
    // The version's own copper blocks are set out as before (taken back when the short wait runs out).
    await setSlots(sb, bot, { 36: 'copper_block', 37: 'stone_pickaxe' });
    expect(await runOn(bot, weatherCopper, { stage: 'exposed', count: 1, waitSeconds: 1 })).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(counts(bot)).toEqual({ copper_block: 1, stone_pickaxe: 1 });
  }, 60_000);
});
