import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Bot } from 'mineflayer';
import type { Block } from 'prismarine-block';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvestHoney, type HoneyResult } from '../../skills/harvestHoney.ts';
import { nestPace } from '../../src/sandbox/plugins/bees/hives.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { serverPlayer } from '../helpers/items.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { setState, Vec3 } from '../helpers/skillsInteract.ts';
import { clearRoom, standAt } from '../helpers/skillsGather.ts';
import { runOn, setBlocks, setSlots, skillBot } from '../helpers/skills.ts';
import { fixtureSave } from '../helpers/worldSave.ts';
import { hivesOf } from '../../src/sandbox/plugins/bees/plugin.ts';

const require = createRequire(import.meta.url);
type AnvilCtor = new (dir: string) => { load(x: number, z: number): Promise<{ getBlock(p: Vec3): Block } | null>; close(): Promise<unknown> };
const anvilFor = (require('prismarine-provider-anvil') as { Anvil: (v: string) => AnvilCtor }).Anvil;
const blockFor = require('prismarine-block') as (r: unknown) => { fromProperties(n: string, p: Record<string, unknown>, b: number): { stateId: number } };
const SEED = 9;

function resultOf(out: SkillOutcome): HoneyResult {
  if (!out.ok) throw new Error(`skill failed: ${out.code} ${out.message}`);
  return out.result as HoneyResult;
}

describe('bee nests and harvestHoney (sandbox 1.21.4, seed 9)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let centre: Vec3;
  let nest: Vec3;
  const level = () => Number(bot.blockAt(nest)?.getProperties().honey_level);

  /** The room: a stone floor high above the terrain, an oak trunk 3 blocks east, a nest on its south side (none: null). */
  async function room(honey: number | null, slots: Readonly<Record<number, string>>): Promise<void> {
    await clearRoom(sb, bot, centre, 7);
    await setBlocks(sb, bot, [0, 1, 2, 3].map((dy) => [centre.offset(3, dy, 0), 'oak_log'] as const));
    if (honey !== null) await setState(sb, bot, nest, 'bee_nest', { facing: 'south', honey_level: honey });
    await standAt(sb, bot, centre);
    await setSlots(sb, bot, slots);
  }

  beforeAll(async () => {
    sb = await testSandbox({ seed: SEED, preset: 'plains', version: '1.21.4' });
    bot = await skillBot(sb, 'beekeeper');
    await sb.command('time set 1000');
    await sb.command('weather clear');
    const spawn = bot.entity.position.floored();
    centre = new Vec3(spawn.x, 200, spawn.z);
    nest = centre.offset(3, 1, 1);
  }, 60_000);

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('shears on a full nest (use_item_on) drop 3 honeycomb as an item, empty it and wear by one; on a nest not full, nothing', async () => {
    await room(3, { 36: 'shears' });
    await bot.activateBlock(bot.blockAt(nest)!, new Vec3(0, 0, 1));
    await new Promise((r) => setTimeout(r, 300));
    expect(level()).toBe(3);
    expect(Object.values(bot.entities).filter((e) => e.name === 'item')).toEqual([]);
    await setState(sb, bot, nest, 'bee_nest', { facing: 'south', honey_level: 5 });
    await bot.activateBlock(bot.blockAt(nest)!, new Vec3(0, 0, 1));
    await waitFor(() => level() === 0, 3000, 'the nest to empty');
    expect(bot.blockAt(nest)!.getProperties().facing).toBe('south');
    await waitFor(() => serverPlayer(sb, bot).inventory.slots[36]?.durabilityUsed === 1, 3000, 'the shears to wear');
    await waitFor(() => Object.values(bot.entities).some((e) => e.name === 'item' && e.position.distanceTo(nest) < 3), 3000, 'the honeycomb item');
    const drop = Object.values(bot.entities).find((e) => e.name === 'item')!;
    expect(drop.getDroppedItem()).toMatchObject({ name: 'honeycomb', count: 3 });
    // It came out of the face clicked (south) and fell to the floor there, where a player picks it up.
    await waitFor(() => drop.position.y < centre.y + 0.5, 3000, 'the honeycomb to land');
    await standAt(sb, bot, drop.position.floored());
    await waitFor(() => counts(bot).honeycomb === 3, 3000, 'the honeycomb picked up');
  });

  it('harvestHoney shears a full nest: 3 honeycomb picked up, the nest at level 0, the bot off out of the bees\' way', async () => {
    await room(5, { 36: 'shears' });
    const result = resultOf(await runOn(bot, harvestHoney, { item: 'honeycomb', count: 3 }));
    expect(result).toMatchObject({ harvests: 1, gained: { honeycomb: 3 }, waited: 0 });
    expect(counts(bot)).toEqual({ honeycomb: 3, shears: 1 });
    expect(level()).toBe(0);
    expect(serverPlayer(sb, bot).inventory.slots[36]?.durabilityUsed).toBe(1);
    expect(bot.entity.position.distanceTo(nest)).toBeGreaterThan(7);
    await expectInventoriesMatch(sb, bot);
  });

  it('harvestHoney fills a glass bottle from a full nest: a honey bottle, one bottle left, the nest at level 0', async () => {
    await room(5, { 36: 'glass_bottlex2' });
    const result = resultOf(await runOn(bot, harvestHoney, { item: 'honey_bottle', count: 1 }));
    expect(result.gained).toEqual({ honey_bottle: 1 });
    expect(counts(bot)).toEqual({ glass_bottle: 1, honey_bottle: 1 });
    expect(level()).toBe(0);
    await expectInventoriesMatch(sb, bot);
  });

  it('waits at the fullest nest until it fills, listening to its updates', async () => {
    await room(4, { 36: 'shears' });
    // The server stands in for the bees' last trip.
    const fill = setTimeout(() => { void setState(sb, bot, nest, 'bee_nest', { facing: 'south', honey_level: 5 }); }, 1500);
    try {
      const result = resultOf(await runOn(bot, harvestHoney, { item: 'honeycomb', count: 3, waitSeconds: 20 }));
      expect(result.gained).toEqual({ honeycomb: 3 });
      expect(result.waited).toBeGreaterThanOrEqual(1);
    } finally {
      clearTimeout(fill);
    }
  });

  it('fails TIMEOUT naming the level the fullest nest reached, NO_TARGET naming the radius, NO_TOOL and MISSING_ITEMS', async () => {
    await room(2, { 36: 'shears' });
    const late = await runOn(bot, harvestHoney, { item: 'honeycomb', count: 3, waitSeconds: 1 });
    expect(late).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(late.ok || late.message).toMatch(/no bee nest within 32 blocks filled within 1 s: the fullest, at .*, reached honey level 2 of 5/);
    await room(null, { 36: 'shears' });
    expect(await runOn(bot, harvestHoney, { item: 'honeycomb', count: 1, radius: 12 })).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no bee nest or beehive within 12 blocks' });
    await room(5, { 36: 'stone_pickaxe' });
    expect(await runOn(bot, harvestHoney, { item: 'honeycomb', count: 3 })).toMatchObject({ ok: false, code: 'NO_TOOL', missing: { tool: 'shears' } });
    expect(await runOn(bot, harvestHoney, { item: 'honey_bottle', count: 2 })).toMatchObject({ ok: false, code: 'MISSING_ITEMS', message: 'need 2 glass_bottle, have 0' });
    expect(level()).toBe(5);
  });

  it('the bees fill a nest by day at its own pace; not by night, and not a beehive a player put down', async () => {
    await room(null, {});
    // Cells of the room whose nest is due to rise within 3 s of being put there (pace from the seed).
    const due: Vec3[] = [];
    for (let dy = 1; dy <= 3; dy++) {
      for (let dx = -6; dx <= 6; dx++) {
        for (let dz = -6; dz <= 6; dz++) {
          const p = centre.offset(dx, dy, dz);
          const pace = nestPace(SEED, p);
          if (pace.perLevel - pace.start <= 60 && (dx !== 3 || dz !== 0) && !p.equals(nest)) due.push(p);
        }
      }
    }
    expect(due.length).toBeGreaterThanOrEqual(3);
    const [byDay, hive, byNight] = due as [Vec3, Vec3, Vec3];
    const honey = (p: Vec3) => Number(bot.blockAt(p)?.getProperties().honey_level);
    await setState(sb, bot, byDay, 'bee_nest', { facing: 'south', honey_level: 0 });
    await setState(sb, bot, hive, 'beehive', { facing: 'south', honey_level: 0 });
    // Counted in the server's ticks: a busy machine's lag is no failure, and waits enough for the night's check.
    const placed = sb.server.tickCount;
    await waitFor(() => honey(byDay) === 1, 15_000, 'the nest to gain a level');
    expect(sb.server.tickCount - placed).toBeLessThanOrEqual(100);
    await waitFor(() => sb.server.tickCount >= placed + 100, 10_000, '100 ticks');
    expect([honey(byDay), honey(hive)]).toEqual([1, 0]);
    await sb.command('time set 18000');
    try {
      await setState(sb, bot, byNight, 'bee_nest', { facing: 'south', honey_level: 0 });
      const night = sb.server.tickCount;
      await waitFor(() => sb.server.tickCount >= night + 100, 10_000, '100 ticks by night');
      expect(honey(byNight)).toBe(0);
    } finally {
      await sb.command('time set 1000');
    }
  }, 45_000);
});

describe('a nest in a world save', () => {
  it('keeps its honey level across a save and a restart, where the bees take it up again', async () => {
    const save = fixtureSave('1.21.1');
    const at = new Vec3(96, 120, 96);
    try {
      const first = await testSandbox({ seed: SEED, world: { path: save.dir, spawn: { x: 96, z: 96 }, save: true } });
      try {
        const state = blockFor(first.server.registry).fromProperties('bee_nest', { facing: 'east', honey_level: 3 }, 0).stateId;
        await first.server.setBlock(first.server.overworld, at, state);
      } finally {
        await first.stop();
      }
      const Anvil = anvilFor(first.options.version);
      const anvil = new Anvil(join(save.dir, 'region'));
      try {
        const block = (await anvil.load(6, 6))!.getBlock(new Vec3(0, 120, 0));
        expect([block.name, block.getProperties()]).toEqual(['bee_nest', { facing: 'east', honey_level: '3' }]);
      } finally {
        await anvil.close();
      }
      const second = await testSandbox({ seed: SEED, world: { path: save.dir, spawn: { x: 96, z: 96 } } });
      try {
        const block = await second.server.overworld.getBlock(at);
        expect([block.name, Number(block.getProperties().honey_level)]).toEqual(['bee_nest', 3]);
        await waitFor(() => hivesOf(second.server)?.has(at) === true, 5000, 'the saved nest to be followed');
      } finally {
        await second.stop();
      }
    } finally {
      save.remove();
    }
  }, 60_000);
});
