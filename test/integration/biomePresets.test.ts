// The agent on a biome preset of the sandbox, planned for as vanilla terrain: a desert spawn (sticks
// from dead bushes, sandstone over the stone, caves below, acacia in the savanna around it).
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSkillRegistry } from '../../skills/index.ts';
import { runTask } from '../../src/agent/run.ts';
import { connectBot } from '../../src/bot/connect.ts';
import { observe } from '../../src/bot/observe.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { overworldFor } from '../../src/knowledge/vanillaOverworld.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { terrainOf } from '../../src/world/open.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';

describe('the desert preset (seed 7)', () => {
  let sb: Sandbox;
  let bot: Bot;
  const kb = createKnowledge('1.20.1');

  beforeAll(async () => {
    sb = await testSandbox({ preset: 'desert', seed: 7 });
    bot = await connectBot({ host: sb.host, port: sb.port, username: 'nomad', auth: 'offline', mcVersion: sb.options.version }, { log: silentLogger(), signal: AbortSignal.timeout(30_000) });
    await bot.waitForChunksToLoad();
  }, 60_000);
  afterAll(async () => { quit(bot); await sb?.stop(); });

  it('is planned for as vanilla terrain, and the bot sees a desert', () => {
    expect(terrainOf({ preset: 'desert' }, true)).toBe('vanilla');
    expect(terrainOf({ preset: 'forest' }, true)).toBe('sandbox');
    const obs = observe(bot);
    expect(obs.biome).toBe('desert');
    expect(obs.blocks.map((b) => b.name)).toEqual(expect.arrayContaining(['sand', 'sandstone', 'cactus', 'dead_bush']));
  });

  it('makes a stone pickaxe from nothing', async () => {
    const skills = createSkillRegistry();
    const planner = createGraphPlanner({ skills, knowledge: kb, world: overworldFor(kb, 'vanilla') });
    const run = await runTask({ bot }, { kind: 'item', items: ['stone_pickaxe'], count: 1 }, {
      planner, skills, knowledge: kb, log: silentLogger(), signal: AbortSignal.timeout(150_000), limits: { maxSteps: 30 },
    });
    expect(run.summary.reason, run.summary.detail).toBe('done');
    expect(bot.inventory.items().some((i) => i.name === 'stone_pickaxe')).toBe(true);
  }, 160_000);
});
