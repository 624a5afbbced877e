import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { connectBot, disconnectBot } from '../../src/bot/connect.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { eventsOf, lastUser, runWithModel } from '../helpers/llm.ts';
import { testSandbox, waitFor } from '../helpers/sandbox.ts';
import { freePort } from '../helpers/faults.ts';

// Every run starts from 3 oak logs, so the wooden pickaxe is crafting only (about 5 decisions, no walking):
// what is tested is how each model fault ends, not the skills.
const goal = { kind: 'item' as const, items: ['wooden_pickaxe'], count: 1 };

describe('model faults end in a completed task (retries or graph fallback)', () => {
  let sb: Sandbox;
  let bot: Bot;
  beforeAll(async () => {
    sb = await testSandbox({ seed: 3, preset: 'forest' });
    bot = await connectBot({ host: sb.host, port: sb.port, username: 'faulty', auth: 'offline', mcVersion: '1.20.1' }, { log: silentLogger(), signal: AbortSignal.timeout(30_000) });
  });
  afterAll(async () => { await disconnectBot(bot); await sb.stop(); });
  beforeEach(async () => {
    // /clear fails on an empty inventory, as vanilla's does.
    if (bot.inventory.items().length > 0) await sb.command('clear faulty');
    await waitFor(() => bot.inventory.items().length === 0, 5000, 'an empty inventory');
    await sb.command('give faulty oak_log 3');
    await waitFor(() => bot.inventory.items().some((i) => i.name === 'oak_log' && i.count === 3), 5000, 'the oak logs');
  });

  it('malformed JSON is sent back with the reason and the next answer is taken', async () => {
    const r = await runWithModel({ bot, goal, answer: (req, oracle) => (req.index === 0 ? { content: '{"skill": "craftItem", "args": {"item": "oak_planks"' } : oracle()) });
    expect(r.summary).toMatchObject({ success: true, reason: 'done' });
    expect(r.summary.model).toMatchObject({ rejected: 1, retries: 1, fallbacks: 0, errors: 0 });
    expect(lastUser(r.requests[1])).toMatch(/^Rejected: not a JSON object/);
    // The second request carries the whole exchange: the bad answer as the assistant's turn.
    expect(r.requests[1]!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
  });

  it('an unknown skill is rejected twice more, then the graph planner\'s step is taken and recorded', async () => {
    const r = await runWithModel({ bot, goal, answer: (req, oracle) => (req.index < 3 ? { json: { skill: 'chopTree', args: {} } } : oracle()) });
    expect(r.summary).toMatchObject({ success: true, reason: 'done' });
    expect(r.summary.model).toMatchObject({ rejected: 3, retries: 2, fallbacks: 1 });
    expect(lastUser(r.requests[1])).toContain('unknown skill "chopTree"');
    const [fallback] = eventsOf(r.events, 'model_fallback');
    expect(fallback).toMatchObject({ code: 'MODEL_BAD_ANSWER', decision: { skill: 'craftItem' } });
    expect(fallback!.reason).toMatch(/no valid decision in 3 answers/);
  });

  it('impossible arguments and unmet preconditions are explained to the model, which then answers well', async () => {
    const r = await runWithModel({
      bot, goal, answer: (req, oracle) => {
        if (req.index === 0) return { json: { skill: 'craftItem', args: { item: 'oak_planks', count: 9999 } } };
        if (req.index === 1) return { json: { skill: 'craftItem', args: { item: 'diamond_pickaxe', count: 1 } } };
        return oracle();
      },
    });
    expect(r.summary).toMatchObject({ success: true, reason: 'done' });
    expect(r.summary.model).toMatchObject({ rejected: 2, retries: 2, fallbacks: 0 });
    expect(lastUser(r.requests[1])).toMatch(/bad arguments for craftItem .*count: Too big/i);
    expect(lastUser(r.requests[2])).toMatch(/cannot run now: needs 3 diamond, has 0/);
  });

  it('HTTP 500 is retried after a backoff', async () => {
    const r = await runWithModel({ bot, goal, answer: (req, oracle) => (req.index === 0 ? { status: 500, body: { error: { message: 'boom' } } } : oracle()) });
    expect(r.summary).toMatchObject({ success: true, reason: 'done' });
    expect(r.summary.model).toMatchObject({ errors: 1, retries: 1, fallbacks: 0 });
    expect(eventsOf(r.events, 'model_call')[0]).toMatchObject({ ok: false, code: 'MODEL_HTTP', status: 500, waitMs: 100 });
  });

  it('HTTP 429 waits as long as retry-after says', async () => {
    const r = await runWithModel({
      bot, goal, answer: (req, oracle) => (req.index === 0 ? { status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'rate limited' } } } : oracle()),
    });
    expect(r.summary).toMatchObject({ success: true, reason: 'done' });
    expect(r.summary.model).toMatchObject({ errors: 1, retries: 1, fallbacks: 0 });
    expect(eventsOf(r.events, 'model_call')[0]).toMatchObject({ code: 'MODEL_HTTP', status: 429, waitMs: 1000 });
    expect(r.requests[1]!.receivedAt - r.requests[0]!.receivedAt).toBeGreaterThanOrEqual(1000);
  });

  it('no answer until the timeout: the request is given up on and asked again', async () => {
    const r = await runWithModel({ bot, goal, client: { timeoutMs: 1000 }, answer: (req, oracle) => (req.index === 0 ? { hang: true } : oracle()) });
    expect(r.summary).toMatchObject({ success: true, reason: 'done' });
    expect(r.summary.model).toMatchObject({ errors: 1, retries: 1, fallbacks: 0 });
    const [first] = eventsOf(r.events, 'model_call');
    expect(first).toMatchObject({ ok: false, code: 'MODEL_TIMEOUT' });
    expect(first!.latencyMs).toBeGreaterThanOrEqual(990);
    expect(r.requests[1]!.receivedAt - r.requests[0]!.receivedAt).toBeGreaterThanOrEqual(1000);
  });

  it('a server without json_schema or tools support gets plain-text questions after two step-downs', async () => {
    const r = await runWithModel({ bot, goal, server: { rejectResponseFormat: true, rejectTools: true } });
    expect(r.summary).toMatchObject({ success: true, reason: 'done' });
    expect(eventsOf(r.events, 'model_stepdown').map((e) => [e.from, e.to])).toEqual([['json_schema', 'tools'], ['tools', 'text']]);
    expect(r.requests.map((q) => q.mode)).toEqual(['json_schema', 'tools', ...r.requests.slice(2).map(() => 'text')]);
    expect(r.summary.model).toMatchObject({ fallbacks: 0, errors: 2 });
    expect(r.requests[2]!.body.response_format).toBeUndefined();
  });

  it('a dead endpoint: the graph planner takes every step, and the model is given up on after two decisions', async () => {
    const port = await freePort();
    const r = await runWithModel({ bot, goal, baseUrl: `http://127.0.0.1:${port}/v1`, client: { maxRetries: 1, backoffMs: 50 } });
    expect(r.summary).toMatchObject({ success: true, reason: 'done' });
    expect(r.summary.model!.fallbacks).toBe(r.summary.steps);
    // Two decisions of two requests each, then none.
    expect(r.summary.model!.calls).toBe(4);
    expect(eventsOf(r.events, 'model_fallback').every((e) => e.code === 'MODEL_UNREACHABLE')).toBe(true);
  });

  it('the call cap stops spending: later decisions come from the graph planner', async () => {
    const r = await runWithModel({ bot, goal, limits: { maxCalls: 2 } });
    expect(r.summary).toMatchObject({ success: true, reason: 'done' });
    expect(r.requests).toHaveLength(2);
    expect(r.summary.model).toMatchObject({ calls: 2, fallbacks: r.summary.steps - 2 });
    expect(eventsOf(r.events, 'model_fallback')[0]).toMatchObject({ code: 'MODEL_BUDGET' });
  });

  it('the token cap stops spending before a request would pass it', async () => {
    const r = await runWithModel({ bot, goal, limits: { maxTokens: 2500 } });
    expect(r.summary).toMatchObject({ success: true, reason: 'done' });
    expect(r.requests).toHaveLength(1);
    expect(r.summary.model!.promptTokens + r.summary.model!.completionTokens).toBeLessThanOrEqual(2500);
    expect(eventsOf(r.events, 'model_fallback')[0]!.reason).toMatch(/tokens used, the next prompt needs about \d+/);
  });
});

