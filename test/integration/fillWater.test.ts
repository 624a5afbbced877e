// Water a bucket can take, as explore and the fill agree on it (src/actions/interact/fluidSource.ts):
// a source under an overhang, reached through its open side, fills a bucket; water shut in stone (an
// aquifer, as all the water within 32 blocks of -24,-104 on the vanilla save) is not "found" by
// explore, which walks on to a pond the fill then takes from.
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explore, type ExploreResult } from '../../skills/explore.ts';
import { useItemOnBlock, type UseResult } from '../../skills/useItemOnBlock.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';
import { counts } from '../helpers/inventory.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { setState, Vec3 } from '../helpers/skillsInteract.ts';
import { standAt } from '../helpers/skillsGather.ts';
import { runOn, setBlocks, setSlots, skillBot } from '../helpers/skills.ts';

function resultOf<T>(out: SkillOutcome): T {
  if (!out.ok) throw new Error(`skill failed: ${out.code} ${out.message}`);
  return out.result as T;
}

/** A stone floor at `y - 1` over x0..x1, z0..z1, air above it (3 high). */
async function floor(sb: Sandbox, bot: Bot, y: number, x0: number, x1: number, z0: number, z1: number): Promise<void> {
  const jobs: [Vec3, string][] = [];
  for (let x = x0; x <= x1; x++) {
    for (let z = z0; z <= z1; z++) {
      jobs.push([new Vec3(x, y - 1, z), 'stone']);
      for (let dy = 0; dy < 3; dy++) jobs.push([new Vec3(x, y + dy, z), 'air']);
    }
  }
  await setBlocks(sb, bot, jobs);
}

describe('water a bucket can take (sandbox 1.20.1, plains seed 15)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let base: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 15, preset: 'plains' });
    bot = await skillBot(sb, 'waterer');
    const spawn = bot.entity.position.floored();
    base = new Vec3(spawn.x, 200, spawn.z);
  });

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('a source under an overhang fills a bucket through its open side, the ray passing the flowing water in front', async () => {
    const y = base.y;
    await floor(sb, bot, y, base.x - 4, base.x + 4, base.z - 4, base.z + 4);
    // A source 3 east boxed in stone (above, below, three sides); flowing water spills out of its west side.
    const source = base.offset(3, 0, 0);
    const box: [Vec3, string][] = [[source.offset(0, 1, 0), 'stone'], [source.offset(1, 0, 0), 'stone'], [source.offset(0, 0, 1), 'stone'], [source.offset(0, 0, -1), 'stone']];
    await setBlocks(sb, bot, [...box, [source, 'water']]);
    await setState(sb, bot, source.offset(-1, 0, 0), 'water', { level: 1 });
    await standAt(sb, bot, base.offset(-2, 0, 0));
    await setSlots(sb, bot, { 36: 'bucket' });
    // The old rule ("air right on top") found no source here: NO_TARGET.
    const result = resultOf<UseResult>(await runOn(bot, useItemOnBlock, { block: 'water', use: 'bucket' }));
    expect(result.gained).toEqual({ water_bucket: 1 });
    expect(counts(bot)).toEqual({ water_bucket: 1 });
    expect(bot.entity.position.distanceTo(source.offset(0.5, 0, 0.5))).toBeLessThan(6);
  });

  it('explore walks past water shut in stone to a pond, and the bucket fills from the pond', async () => {
    // A strip 5 wide and 48 long, 40 blocks south of the first test's room; the bot at its west end.
    const y = base.y;
    const start = base.offset(0, 0, 40);
    await floor(sb, bot, y, start.x - 2, start.x + 46, start.z - 2, start.z + 2);
    // Water shut in stone 3 blocks from the bot: in the floor, stone above and below.
    const shut = start.offset(3, -1, 0);
    // A 1x1 pond in the floor 42 blocks east: more than the 32 blocks that count as nearby.
    const pond = start.offset(42, -1, 0);
    await setBlocks(sb, bot, [[shut.offset(0, -1, 0), 'stone'], [shut.offset(0, 1, 0), 'stone'], [shut, 'water'], [pond.offset(0, -1, 0), 'stone'], [pond, 'water']]);
    await standAt(sb, bot, start);
    await setSlots(sb, bot, { 36: 'bucket' });
    // Nothing a bucket takes is within 32 blocks: the fill says so rather than walking into the stone.
    const none = await runOn(bot, useItemOnBlock, { block: 'water', use: 'bucket' });
    expect(none).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no water source open to the air within 32 blocks' });
    // Before, explore counted the shut-in water as found at once and the planner looped on the two.
    const found = resultOf<ExploreResult>(await runOn(bot, explore, { target: 'water', maxDistance: 80 }));
    expect(found.at).toEqual({ x: pond.x, y: pond.y, z: pond.z });
    expect(found.walked).toBeGreaterThan(5);
    const filled = resultOf<UseResult>(await runOn(bot, useItemOnBlock, { block: 'water', use: 'bucket' }));
    expect(filled.gained).toEqual({ water_bucket: 1 });
    expect(bot.blockAt(shut)?.name).toBe('water');
    expect(bot.blockAt(pond)?.name).toBe('air');
  });
});
