import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { connectBot, disconnectBot } from '../../src/bot/connect.ts';
import { createChatClient } from '../../src/llm/client.ts';
import { requestPurpose } from '../../src/testing/scriptedServer.ts';
import { startScriptedServer } from '../../src/testing/scriptedServer.ts';
import { ModelUsage } from '../../src/llm/usage.ts';
import { createLogger, silentLogger } from '../../src/log/logger.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { goalFromText } from '../../src/tasks/freeText.ts';
import { eventsOf, kb, lastUser, runWithModel } from '../helpers/llm.ts';
import { testSandbox, waitFor } from '../helpers/sandbox.ts';

const KEY = 'sk-proj-SECRETkey0123456789abcdef';

describe('runs with the chat-model planner on the sandbox', () => {
  let sb: Sandbox;
  let bot: Bot;
  let runs: string;
  beforeAll(async () => {
    runs = mkdtempSync(path.join(tmpdir(), 'skillcraft-llm-'));
    sb = await testSandbox({ seed: 1, preset: 'forest' });
    bot = await connectBot({ host: sb.host, port: sb.port, username: 'modelbot', auth: 'offline', mcVersion: '1.20.1' }, { log: silentLogger(), signal: AbortSignal.timeout(30_000) });
  });
  afterAll(async () => {
    await disconnectBot(bot);
    await sb.stop();
    rmSync(runs, { recursive: true, force: true });
  });

  async function reset(give?: string): Promise<void> {
    // /clear fails on an empty inventory, as vanilla's does.
    if (bot.inventory.items().length > 0) await sb.command('clear modelbot');
    await waitFor(() => bot.inventory.items().length === 0, 5000, 'an empty inventory');
    if (give) {
      await sb.command(`give modelbot ${give}`);
      await waitFor(() => bot.inventory.items().length > 0, 5000, give);
    }
  }

  it('--planner llm makes a wooden pickaxe from nothing: one call per decision, all traced, the key nowhere', async () => {
    const logLines: string[] = [];
    const log = createLogger({ level: 'debug', format: 'json', destination: { write: (s: string) => { logLines.push(s); } } });
    const r = await runWithModel({ bot, goal: { kind: 'item', items: ['wooden_pickaxe'], count: 1 }, client: { apiKey: KEY }, traceRoot: runs, log });
    const trace = { dir: r.traceDir! };
    expect(r.summary).toMatchObject({ success: true, reason: 'done', failures: 0 });
    expect(r.summary.steps).toBeGreaterThanOrEqual(5);
    expect(r.summary.model).toMatchObject({ calls: r.summary.steps, retries: 0, fallbacks: 0, errors: 0, rejected: 0 });
    expect(bot.inventory.items().some((i) => i.name === 'wooden_pickaxe')).toBe(true);
    // Every request carried the key, and the prompt stayed small.
    for (const q of r.requests) expect(q.headers.authorization).toBe(`Bearer ${KEY}`);
    const calls = eventsOf(r.events, 'model_call');
    expect(calls.every((c) => c.ok && !c.estimated && c.promptTokens > 500 && c.promptTokens <= 2000 && c.latencyMs > 0)).toBe(true);

    expect(readdirSync(trace.dir).sort()).toEqual(['summary.json', 'trace.jsonl']);
    const files = ['summary.json', 'trace.jsonl'].map((f) => readFileSync(path.join(trace.dir, f), 'utf8'));
    const traced = files[1]!.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; step?: number; latencyMs?: number; promptTokens?: number });
    const tracedCalls = traced.filter((e) => e.event === 'model_call');
    expect(tracedCalls).toHaveLength(r.summary.steps);
    expect(tracedCalls.map((e) => e.step)).toEqual(traced.filter((e) => e.event === 'step').map((e) => e.step));
    const summary = JSON.parse(readFileSync(path.join(trace.dir, 'summary.json'), 'utf8')) as { model: unknown };
    expect(summary.model).toEqual(r.summary.model);
    expect(logLines.length).toBeGreaterThan(r.summary.steps);
    for (const text of [...files, ...logLines]) expect(text).not.toContain(KEY);
  });

  it('a free-text task becomes a goal through the model, is shown, then run', async () => {
    await reset('oak_log 3');
    const server = await startScriptedServer({ script: [{ json: { kind: 'item', items: ['chest'], count: 1, label: 'a chest to store things' } }] });
    const usage = new ModelUsage({ maxCalls: 5, maxTokens: 20_000 });
    const goal = await goalFromText('I need somewhere to store my things', { client: createChatClient({ baseUrl: server.baseUrl, model: 'scripted' }), usage, knowledge: kb, signal: AbortSignal.timeout(10_000) })
      .finally(() => server.stop());
    expect(goal).toEqual({ kind: 'item', items: ['chest'], count: 1, label: 'a chest to store things' });
    expect(requestPurpose(server.requests[0]!)).toBe('goal');
    const r = await runWithModel({ bot, goal });
    expect(r.summary).toMatchObject({ success: true, goal: '1 a chest to store things' });
    expect(r.summary.model).toMatchObject({ fallbacks: 0, rejected: 0 });
    expect(bot.inventory.items().some((i) => i.name === 'chest')).toBe(true);
  });

  it('--planner hybrid: the model picks among the feasible steps; an option not offered is sent back', async () => {
    await reset('oak_log 3');
    const r = await runWithModel({
      bot, goal: { kind: 'item', items: ['wooden_pickaxe'], count: 1 }, mode: 'hybrid',
      answer: (req, oracle) => (req.index === 0 ? { json: { option: 9 } } : req.index === 2 ? { json: { skill: 'craftItem', args: { item: 'stick', count: 4 }, reason: 'sticks first' } } : oracle()),
    });
    expect(r.summary).toMatchObject({ success: true, reason: 'done' });
    expect(r.summary.model).toMatchObject({ rejected: 1, fallbacks: 0 });
    const first = r.requests[0]!.messages[1]!.content;
    expect(first).toMatch(/Options that can run now \(1 is the offline planner's next step.*\n1\. craftItem \{"item":"oak_planks"/);
    expect(lastUser(r.requests[1])).toMatch(/^Rejected: option 9 is not in the list \(1-\d\)/);
    expect(r.requests.slice(1).map((q) => q.body.response_format?.json_schema?.schema)).not.toContain(undefined);
  });
});
