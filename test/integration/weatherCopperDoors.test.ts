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
import { runOn, skillBot } from '../helpers/skills.ts';


describe('copper doors and trapdoors weathering, and weatherCopper setting them out (sandbox 1.21.4, seed 21)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let centre: Vec3;

  const room = (slots: Readonly<Record<number, string>>) => copperRoom(sb, bot, centre, slots);

  beforeAll(async () => {
    sb = await testSandbox({ seed: 21, preset: 'plains', version: '1.21.4' });
    bot = await skillBot(sb, 'doorsmith');
    const spawn = bot.entity.position.floored();
    centre = new Vec3(spawn.x, 200, spawn.z);
  }, 60_000);

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('ages both halves of a door together from its lower half, and a trapdoor, keeping facing, hinge, open and half', async () => {
    await room({});
    const door = centre.offset(3, 0, 3);
    const trap = centre.offset(-3, 0, -3);
    const doorProps = { facing: 'east', hinge: 'right', open: true, powered: false };
    const trapProps = { facing: 'north', half: 'top', open: true, powered: false, waterlogged: false };
    await sb.command('gamerule randomTickSpeed 0');
    // Each time the bot sees the lower half age, the upper half it sees has aged with it already.
    const seen: string[] = [];
    const world = bot.world as unknown as NodeJS.EventEmitter;
    const lowerEvent = `blockUpdate:${door.toString()}`;
    const watchHalves = (_old: unknown, now: { name: string } | null) => {
      seen.push(`${now?.name ?? 'nothing'}/${bot.blockAt(door.offset(0, 1, 0))?.name ?? 'nothing'}`);
    };
    try {
      await setState(sb, bot, door.offset(0, 1, 0), 'copper_door', { ...doorProps, half: 'upper' });
      await setState(sb, bot, door, 'copper_door', { ...doorProps, half: 'lower' });
      await setState(sb, bot, trap, 'copper_trapdoor', trapProps);
      await waitFor(() => copperOf(sb.server)?.stageAt(door) === 'unaffected' && copperOf(sb.server)?.stageAt(trap) === 'unaffected', 3000, 'the door and trapdoor to be followed');
      world.on(lowerEvent, watchHalves);
      await sb.command(`gamerule randomTickSpeed ${FAST}`);
      await waitFor(() => bot.blockAt(door)?.name === 'oxidized_copper_door' && bot.blockAt(trap)?.name === 'oxidized_copper_trapdoor', 40_000, 'the door and the trapdoor to oxidize (client view)');
      await waitFor(() => bot.blockAt(door.offset(0, 1, 0))?.name === 'oxidized_copper_door', 2000, 'the upper half to oxidize');
      expect(seen).toEqual(['exposed', 'weathered', 'oxidized'].map((s) => `${s}_copper_door/${s}_copper_door`));
      expect(bot.blockAt(door)?.getProperties()).toEqual({ ...doorProps, half: 'lower' });
      expect(bot.blockAt(door.offset(0, 1, 0))?.getProperties()).toEqual({ ...doorProps, half: 'upper' });
      expect(bot.blockAt(trap)?.getProperties()).toEqual(trapProps);
    } finally {
      world.removeListener(lowerEvent, watchHalves);
      await sb.command('gamerule randomTickSpeed 3');
    }
  }, 60_000);

  it('weatherCopper sets a copper door and a copper trapdoor out, waits, and mines them back exposed', async () => {
    await room({ 36: 'copper_door', 37: 'copper_trapdoor', 38: 'stone_pickaxe' });
    // Fast (as a player sets the gamerule) only while a piece set out is unaffected: an exposed one waits
    // at vanilla's pace while it is dug, instead of weathering on within the second that takes.
    const slowDown = () => {
      const fast = [...(copperOf(sb.server)?.stages().values() ?? [])].includes('unaffected');
      if (getGameRule(sb.server, 'randomTickSpeed') !== (fast ? FAST : 3)) setGameRule(sb.server, 'randomTickSpeed', fast ? FAST : 3);
    };
    sb.server.on('tick', slowDown);
    try {
      const door = resultOf(await runOn(bot, weatherCopper, { stage: 'exposed', block: 'copper_door', count: 1, waitSeconds: 300 }));
      expect(door.placed).toBe(1);
      expect(door.gained).toEqual({ exposed_copper_door: 1 });
      const trap = resultOf(await runOn(bot, weatherCopper, { stage: 'exposed', block: 'copper_trapdoor', count: 1, waitSeconds: 300 }));
      expect(trap.gained).toEqual({ exposed_copper_trapdoor: 1 });
      expect(counts(bot)).toEqual({ exposed_copper_door: 1, exposed_copper_trapdoor: 1, stone_pickaxe: 1 });
      // Nothing left behind: the door's upper half went with its lower one.
      expect(copperOf(sb.server)?.size).toBe(0);
      await expectInventoriesMatch(sb, bot);
    } finally {
      sb.server.removeListener('tick', slowDown);
      await sb.command('gamerule randomTickSpeed 3');
    }
  }, 90_000);

  it('fails MISSING_ITEMS without the door, NO_TOOL for a trapdoor without a stone pickaxe, TIMEOUT taking the door back', async () => {
    await room({ 36: 'copper_blockx2', 37: 'stone_pickaxe' });
    expect(await runOn(bot, weatherCopper, { stage: 'exposed', block: 'copper_door', count: 1 })).toMatchObject({ ok: false, code: 'MISSING_ITEMS', message: 'need 1 copper_door, have 0' });
    await room({ 36: 'copper_trapdoor', 37: 'wooden_pickaxe' });
    expect(await runOn(bot, weatherCopper, { stage: 'weathered', block: 'copper_trapdoor', count: 1 })).toMatchObject({ ok: false, code: 'NO_TOOL', missing: { tool: 'stone_pickaxe' } });
    expect(counts(bot)).toEqual({ copper_trapdoor: 1, wooden_pickaxe: 1 });
    await room({ 36: 'copper_door', 37: 'stone_pickaxe' });
    const late = await runOn(bot, weatherCopper, { stage: 'oxidized', block: 'copper_door', count: 1, waitSeconds: 1 });
    expect(late).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(late.ok || late.message).toMatch(/copper did not reach oxidized within 1 s of game time: -?\d+,\d+,-?\d+ unaffected \(taken back\)/);
    expect(counts(bot)).toEqual({ copper_door: 1, stone_pickaxe: 1 });
    expect(copperOf(sb.server)?.size).toBe(0);
    await expectInventoriesMatch(sb, bot);
  }, 60_000);
});
