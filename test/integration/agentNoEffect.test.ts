import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { z } from 'zod';
import { SKILLS } from '../../skills/index.ts';
import { runTask } from '../../src/agent/run.ts';
import { connectBot, disconnectBot } from '../../src/bot/connect.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { defineSkill, SkillRegistry } from '../../src/skills/define.ts';
import { CRAFTING_TABLE_NEARBY } from '../../src/actions/crafting/stations.ts';
import { testSandbox } from '../helpers/sandbox.ts';

const kb = createKnowledge('1.20.1');

/** A placeCraftingTable that says ok and does nothing: the skill that fooled the benchmarks. */
const hollowPlace = defineSkill({
  name: 'placeCraftingTable',
  summary: 'test: claims to place a table, places nothing.',
  params: z.object({}),
  preconditions: () => ({ consume: { crafting_table: 1 } }),
  effects: () => ({ facts: [CRAFTING_TABLE_NEARBY] }),
  producers: (target) => (target === CRAFTING_TABLE_NEARBY ? [{}] : []),
  timeoutMs: 5000,
  run: () => Promise.resolve({ placed: false }),
});

describe('the agent loop and a step that changes nothing', () => {
  let sb: Sandbox;
  let bot: Bot;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'noeffect-'));
    sb = await testSandbox({ seed: 5, preset: 'plains' });
    bot = await connectBot({ host: sb.host, port: sb.port, username: 'hollow', auth: 'offline', mcVersion: '1.20.1' }, { log: silentLogger(), signal: AbortSignal.timeout(30_000) });
  });
  afterAll(async () => { await disconnectBot(bot); await sb.stop(); rmSync(root, { recursive: true, force: true }); });

  it('fails the second ok-without-change, re-plans around it, and the trace says why', async () => {
    await sb.command('give hollow crafting_table 1');
    await sb.command('give hollow oak_planks 3');
    await sb.command('give hollow stick 2');
    const skills = new SkillRegistry([...SKILLS.filter((s) => s.name !== 'placeCraftingTable'), hollowPlace]);
    const { summary, traceDir } = await runTask({ bot }, { kind: 'item', items: ['wooden_pickaxe'], count: 1 }, {
      planner: createGraphPlanner({ skills, knowledge: kb }), skills, knowledge: kb,
      log: silentLogger(), signal: AbortSignal.timeout(60_000), limits: { maxSteps: 20 }, traceRoot: root,
    });
    const steps = readFileSync(join(traceDir!, 'trace.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.event === 'step');
    const hollow = steps.filter((s) => (s.decision as { skill: string }).skill === 'placeCraftingTable');
    // Once tolerated (ok, marked unchanged), the second time a failure with the reason, never a third.
    expect(hollow).toHaveLength(2);
    expect(hollow[0]).toMatchObject({ outcome: { ok: true }, unchanged: 1 });
    expect(hollow[1]).toMatchObject({ outcome: { ok: false, code: 'NO_EFFECT', message: expect.stringContaining('without changing') as unknown }, unchanged: 2 });
    // With its only table-maker out, the planner stops instead of looping to the step budget.
    expect(summary).toMatchObject({ reason: 'unplannable', detail: expect.stringContaining('given up on: placeCraftingTable') as unknown });
    expect(summary.steps).toBeLessThan(20);
  });
});
