import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weatherCopper } from '../../skills/weatherCopper.ts';
import { copperOf } from '../../src/sandbox/plugins/weathering/plugin.ts';
import { getGameRule, setGameRule } from '../../src/sandbox/plugins/commands/time.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { setState, Vec3 } from '../helpers/skillsInteract.ts';
import { copperRoom, FAST, resultOf } from '../helpers/copper.ts';
import { clearRoom, standAt } from '../helpers/skillsGather.ts';
import { runOn, setBlocks, skillBot } from '../helpers/skills.ts';


describe('copper weathering and weatherCopper (sandbox 1.21.4, seed 15)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let centre: Vec3;

  const room = (slots: Readonly<Record<number, string>>) => copperRoom(sb, bot, centre, slots);

  beforeAll(async () => {
    sb = await testSandbox({ seed: 15, preset: 'plains', version: '1.21.4' });
    bot = await skillBot(sb, 'coppersmith');
    const spawn = bot.entity.position.floored();
    centre = new Vec3(spawn.x, 200, spawn.z);
  }, 60_000);

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('ages copper set down by vanilla\'s rule as fast as randomTickSpeed says, keeping a stair\'s shape; not waxed copper, not at speed 0', async () => {
    await room({});
    const stairs = centre.offset(3, 0, 3);
    const waxed = centre.offset(-3, 0, -3);
    await sb.command('gamerule randomTickSpeed 0');
    try {
      await setState(sb, bot, stairs, 'exposed_cut_copper_stairs', { facing: 'east', half: 'bottom', shape: 'straight', waterlogged: false });
      await setBlocks(sb, bot, [[waxed, 'waxed_copper_block']]);
      await waitFor(() => copperOf(sb.server)?.stageAt(stairs) === 'exposed', 3000, 'the stairs to be followed');
      expect(copperOf(sb.server)?.stageAt(waxed)).toBeUndefined();
      const still = sb.server.tickCount;
      await waitFor(() => sb.server.tickCount >= still + 40, 10_000, '40 ticks');
      expect(bot.blockAt(stairs)?.name).toBe('exposed_cut_copper_stairs');
      await sb.command(`gamerule randomTickSpeed ${FAST}`);
      await waitFor(() => bot.blockAt(stairs)?.name === 'weathered_cut_copper_stairs', 20_000, 'the stairs to weather (client view)');
      expect(bot.blockAt(stairs)?.getProperties()).toMatchObject({ facing: 'east', half: 'bottom' });
      await waitFor(() => bot.blockAt(stairs)?.name === 'oxidized_cut_copper_stairs', 20_000, 'the stairs to oxidize');
      expect(bot.blockAt(waxed)?.name).toBe('waxed_copper_block');
    } finally {
      await sb.command('gamerule randomTickSpeed 3');
    }
  }, 60_000);

  it('weatherCopper sets copper blocks down, waits, and mines them as exposed copper', async () => {
    await room({ 36: 'copper_blockx3', 37: 'stone_pickaxe' });
    // The game runs fast (as a player sets the gamerule) only once both blocks are out and while one is
    // still unaffected, which holds an exposed one back; the check runs after the plugin's, each tick.
    // A block alone while the other is being placed, or the last one exposed while it is being dug,
    // would otherwise weather on within the second that takes.
    let bothOut = false;
    const slowDown = () => {
      const stages = [...(copperOf(sb.server)?.stages().values() ?? [])];
      bothOut ||= stages.length === 2;
      const fast = bothOut && stages.includes('unaffected');
      if (getGameRule(sb.server, 'randomTickSpeed') !== (fast ? FAST : 3)) setGameRule(sb.server, 'randomTickSpeed', fast ? FAST : 3);
    };
    sb.server.on('tick', slowDown);
    try {
      const result = resultOf(await runOn(bot, weatherCopper, { stage: 'exposed', count: 2, waitSeconds: 120 }));
      expect(result.placed).toBe(2);
      expect(result.gained).toEqual({ exposed_copper: 2 });
      expect(counts(bot)).toEqual({ copper_block: 1, exposed_copper: 2, stone_pickaxe: 1 });
      await expectInventoriesMatch(sb, bot);
    } finally {
      sb.server.removeListener('tick', slowDown);
      await sb.command('gamerule randomTickSpeed 3');
    }
  }, 90_000);

  it('fails MISSING_ITEMS without copper blocks, NO_TOOL without a stone pickaxe, TIMEOUT naming each block\'s stage (the blocks taken back), NO_TARGET with nowhere to set one', async () => {
    await room({ 36: 'stone_pickaxe' });
    expect(await runOn(bot, weatherCopper, { stage: 'exposed', count: 1 })).toMatchObject({ ok: false, code: 'MISSING_ITEMS', message: 'need 1 copper_block, have 0' });
    await room({ 36: 'copper_blockx2', 37: 'wooden_pickaxe' });
    expect(await runOn(bot, weatherCopper, { stage: 'exposed', count: 2 })).toMatchObject({ ok: false, code: 'NO_TOOL', missing: { tool: 'stone_pickaxe' } });
    // Nothing was set down for want of a pickaxe.
    expect(counts(bot)).toEqual({ copper_block: 2, wooden_pickaxe: 1 });
    await room({ 36: 'copper_blockx2', 37: 'stone_pickaxe' });
    const late = await runOn(bot, weatherCopper, { stage: 'oxidized', count: 2, waitSeconds: 1 });
    expect(late).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(late.ok || late.message).toMatch(/copper did not reach oxidized within 1 s of game time: -?\d+,\d+,-?\d+ unaffected, -?\d+,\d+,-?\d+ unaffected \(taken back\)/);
    expect(counts(bot)).toEqual({ copper_block: 2, stone_pickaxe: 1 });
    await expectInventoriesMatch(sb, bot);
    // Walled in, every cell around the bot taken: nowhere to set a block.
    await clearRoom(sb, bot, centre, 6);
    const walls: [Vec3, string][] = [];
    for (let dx = -3; dx <= 3; dx++) for (let dz = -3; dz <= 3; dz++) for (const dy of [0, 1, 2]) if (dx !== 0 || dz !== 0 || dy === 2) walls.push([centre.offset(dx, dy, dz), 'stone']);
    await setBlocks(sb, bot, walls);
    await standAt(sb, bot, centre);
    const nowhere = await runOn(bot, weatherCopper, { stage: 'exposed', count: 1 });
    expect(nowhere).toMatchObject({ ok: false, code: 'NO_TARGET' });
    expect(nowhere.ok || nowhere.message).toMatch(/^nowhere to set copper block 1 of 1 out near the bot/);
    expect(counts(bot)).toEqual({ copper_block: 2, stone_pickaxe: 1 });
  }, 60_000);
});
