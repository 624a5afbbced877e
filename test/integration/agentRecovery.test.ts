import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import { createSkillRegistry } from '../../skills/index.ts';
import { RunEvents } from '../../src/agent/events.ts';
import { runTask } from '../../src/agent/run.ts';
import { connectBot, disconnectBot } from '../../src/bot/connect.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { testSandbox } from '../helpers/sandbox.ts';

const kb = createKnowledge('1.20.1');
const skills = createSkillRegistry();
const goal = { kind: 'item' as const, items: ['wooden_pickaxe'], count: 1 };

describe('the agent loop recovers from a failed step', () => {
  let sb: Sandbox;
  let bot: Bot;
  beforeAll(async () => {
    sb = await testSandbox({ seed: 21, preset: 'forest' });
    bot = await connectBot({ host: sb.host, port: sb.port, username: 'agent', auth: 'offline', mcVersion: '1.20.1' }, { log: silentLogger(), signal: AbortSignal.timeout(30_000) });
  });
  afterAll(async () => { await disconnectBot(bot); await sb.stop(); });

  /** Removes every log the bot knows of within `radius` blocks, server-side. */
  async function fellForest(radius: number): Promise<number> {
    const ids = kb.registry.blocksArray.filter((b) => b.name.endsWith('_log')).map((b) => b.id);
    const found = bot.findBlocks({ matching: ids, maxDistance: radius, count: 100_000 });
    for (const p of found) await sb.server.setBlock(sb.server.overworld, new Vec3(p.x, p.y, p.z), 0);
    return found.length;
  }

  it('stops at the step budget, then a tree felled mid-step is recovered from by re-planning', async () => {
    const { summary: short } = await runTask({ bot }, goal, { planner: createGraphPlanner({ skills, knowledge: kb }), skills, knowledge: kb, log: silentLogger(), signal: AbortSignal.timeout(60_000), limits: { maxSteps: 1 } });
    expect(short).toMatchObject({ success: false, reason: 'max_steps', steps: 1 });
    await sb.command('clear agent');

    let felled = 0;
    let timer: NodeJS.Timeout | undefined;
    const events = new RunEvents();
    events.on((e) => {
      // While the first log-mining step walks to its tree, every tree in range disappears.
      if (e.event === 'plan' && felled === 0 && !timer && e.plan[0]?.skill === 'mineBlock') {
        timer = setTimeout(() => { void fellForest(40).then((n) => { felled = n; }); }, 300);
      }
    });
    const { summary } = await runTask({ bot }, goal, {
      planner: createGraphPlanner({ skills, knowledge: kb }), skills, knowledge: kb, log: silentLogger(), signal: AbortSignal.timeout(240_000), events,
    });
    expect(felled).toBeGreaterThan(0);
    expect(summary.failures).toBeGreaterThanOrEqual(1);
    expect(summary).toMatchObject({ success: true, reason: 'done' });
    expect(summary.failuresRecovered).toBe(summary.failures);
    expect(bot.inventory.items().some((i) => i.name === 'wooden_pickaxe')).toBe(true);
  });
});
