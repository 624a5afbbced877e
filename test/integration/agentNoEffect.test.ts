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

  it('a call a reflex cuts short again and again is failed, then ruled out, instead of looping to the step budget', async () => {
    // A pool 3 deep beside the bot: the only way to the "diamond" is a dive the leave-water reflex ends.
    const at = bot.entity.position.floored().offset(6, 0, 0);
    const water = sb.server.registry.blocksByName.water!.defaultState;
    for (let dx = -2; dx <= 2; dx++) for (let dz = -2; dz <= 2; dz++) for (let dy = -3; dy < 0; dy++) await sb.server.setBlock(sb.server.overworld, at.offset(dx, dy, dz), water);
    const dive = defineSkill({
      name: 'diveForDiamond',
      summary: 'test: jumps into the pool and waits there for a diamond that never comes.',
      params: z.object({}),
      preconditions: () => ({}),
      effects: () => ({ obtain: { diamond: 1 } }),
      producers: (target) => (target === 'diamond' ? [{}] : []),
      timeoutMs: 30_000,
      run: async (ctx) => {
        await sb.command(`tp ${ctx.bot.username} ${at.x + 0.5} ${at.y - 3} ${at.z + 0.5}`);
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, 25_000);
          ctx.signal.addEventListener('abort', () => { clearTimeout(timer); reject(ctx.signal.reason as Error); }, { once: true });
        });
      },
    });
    // The dive is the only way the planner has: nothing else can run once it is ruled out.
    const skills = new SkillRegistry([dive]);
    const { summary, traceDir } = await runTask({ bot }, { kind: 'item', items: ['diamond'], count: 1 }, {
      planner: createGraphPlanner({ skills, knowledge: kb }), skills, knowledge: kb,
      log: silentLogger(), signal: AbortSignal.timeout(150_000), limits: { maxSteps: 30 }, traceRoot: root,
    });
    const steps = readFileSync(join(traceDir!, 'trace.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.event === 'step');
    const dives = steps.filter((s) => (s.decision as { skill: string }).skill === 'diveForDiamond');
    expect(dives[0]).toMatchObject({ outcome: { ok: false, code: 'DANGER' }, reflex: { kind: 'leave_liquid' } });
    expect(dives[1]).toMatchObject({ outcome: { ok: false, code: 'DANGER', message: expect.stringContaining('2 times in a row') as unknown } });
    // The first cut is forgiven; the next three fail the call, and the third rules it out.
    expect(dives).toHaveLength(4);
    expect(summary).toMatchObject({ reason: 'unplannable', failures: 3, detail: 'needs diamond: every way to get diamond failed repeatedly (diveForDiamond)' });
  }, 160_000);
});
