import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/llm/client.ts';
import { startScriptedServer, type ScriptedReply, type ScriptedServer } from '../../src/testing/scriptedServer.ts';
import { ModelUsage, type ModelEvent } from '../../src/llm/usage.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import { createLlmPlanner } from '../../src/planner/llm/index.ts';
import type { Goal } from '../../src/tasks/goal/goal.ts';
import { graph, kb, skills } from '../helpers/llm.ts';

// The planner's decide() on made-up observations, with the real client and the scripted server (no sandbox).
let servers: ScriptedServer[] = [];
afterEach(async () => { await Promise.all(servers.map((s) => s.stop())); servers = []; });

async function planner(script: ScriptedReply[], mode: 'llm' | 'hybrid' = 'llm', maxCalls = 20) {
  const server = await startScriptedServer({ script });
  servers.push(server);
  const events: ModelEvent[] = [];
  const usage = new ModelUsage({ maxCalls, maxTokens: 100_000 }, (e) => events.push(e));
  const p = createLlmPlanner({ client: createChatClient({ baseUrl: server.baseUrl, model: 'm', backoffMs: 20 }), usage, skills, knowledge: kb, graph, mode });
  const decide = (goal: Goal, inventory: Record<string, number> = {}, signal = AbortSignal.timeout(10_000)) => {
    const observation = blankObservation(inventory);
    observation.blocks = [{ name: 'oak_log', count: 30, nearest: 5, at: { x: 5, y: 70, z: 0 } }];
    return p.decide({ goal, observation, history: [], signal });
  };
  return { server, usage, events, decide, planner: p };
}

const pickaxe: Goal = { kind: 'item', items: ['wooden_pickaxe'], count: 1 };

describe('the llm planner\'s decisions', () => {
  it('takes a valid pick with the skill\'s defaults filled in, and asks nothing when the goal is met', async () => {
    const t = await planner([{ json: { skill: 'craftItem', args: { item: 'oak_planks' }, reason: 'planks' } }]);
    expect(await t.decide(pickaxe, { oak_log: 3 })).toEqual({ kind: 'next', decision: { skill: 'craftItem', args: { item: 'oak_planks', count: 1 }, reason: 'planks' } });
    expect(await t.decide(pickaxe, { wooden_pickaxe: 1 })).toEqual({ kind: 'done' });
    expect(t.server.requests).toHaveLength(1);
    expect(t.planner.name).toBe('llm');
  });

  it('a text goal is decided freely; with no usable answer it stops with a clear reason', async () => {
    const goal: Goal = { kind: 'text', text: 'light up my house' };
    const t = await planner([{ json: { skill: 'mineBlock', args: { block: 'oak_log', count: 2 } } }, { content: '?' }, { content: '??' }, { content: '???' }]);
    expect(await t.decide(goal)).toMatchObject({ kind: 'next', decision: { skill: 'mineBlock' } });
    expect(t.server.requests[0]!.messages[1]!.content).toContain('Task: <data>light up my house</data>');
    const v = await t.decide(goal);
    expect(v).toMatchObject({ kind: 'unplannable' });
    expect(v.kind === 'unplannable' && v.reason).toMatch(/^the chat model gave no decision \(no valid decision in 3 answers \(last: not a JSON object/);
    expect(t.events.filter((e) => e.event === 'model_fallback')).toHaveLength(1);
  });

  it('hybrid offers the graph planner\'s feasible steps, and an option answer takes its plan', async () => {
    const t = await planner([{ json: { option: 1 } }], 'hybrid');
    const v = await t.decide(pickaxe, { oak_log: 3 });
    expect(v).toMatchObject({ kind: 'next', decision: { skill: 'craftItem', args: { item: 'oak_planks' } } });
    expect(v.kind === 'next' && v.plan?.length).toBeGreaterThan(2);
    expect(t.server.requests[0]!.body.response_format?.json_schema?.schema).toMatchObject({ properties: { option: { type: 'integer' } } });
  });

  it('a spent budget: the graph decides from then on, without another request', async () => {
    const t = await planner([{ json: { skill: 'craftItem', args: { item: 'oak_planks', count: 4 } } }], 'llm', 1);
    await t.decide(pickaxe, { oak_log: 3 });
    const v = await t.decide(pickaxe, { oak_log: 3 });
    expect(v).toMatchObject({ kind: 'next', decision: { skill: 'craftItem', reason: expect.stringMatching(/^graph fallback \(MODEL_BUDGET\)/) as unknown } });
    await t.decide(pickaxe, { oak_log: 3 });
    expect(t.server.requests).toHaveLength(1);
    expect(t.usage.summary()).toMatchObject({ calls: 1, fallbacks: 2 });
  });

  it('a stopped run ends the decision at once, as unplannable for the loop to report as aborted', async () => {
    const t = await planner([{ hang: true }]);
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error('stop')), 100);
    expect(await t.decide(pickaxe, {}, ac.signal)).toEqual({ kind: 'unplannable', reason: 'the run was stopped' });
  });
});
