import { afterEach, describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createChatClient, type ChatClientOptions } from '../../src/llm/client.ts';
import { ModelError } from '../../src/llm/errors.ts';
import { startScriptedServer, type ScriptedServer, type ScriptedServerOptions } from '../../src/testing/scriptedServer.ts';
import { promptTokens } from '../../src/llm/tokens.ts';
import { ModelUsage, type ModelEvent } from '../../src/llm/usage.ts';
import { goalFromText } from '../../src/tasks/freeText.ts';

// The real `openai` client against the scripted Chat Completions server: no sandbox needed.
const output = { name: 'decide', description: 'd', schema: { type: 'object', properties: { a: { type: 'integer' } } } };
const messages = [{ role: 'user' as const, content: 'pick a number' }];
let servers: ScriptedServer[] = [];
afterEach(async () => { await Promise.all(servers.map((s) => s.stop())); servers = []; });

async function setup(opts: ScriptedServerOptions, client: Partial<ChatClientOptions> = {}, limits = { maxCalls: 50, maxTokens: 100_000 }) {
  const server = await startScriptedServer(opts);
  servers.push(server);
  const events: ModelEvent[] = [];
  const usage = new ModelUsage(limits, (e) => events.push(e));
  const c = createChatClient({ baseUrl: server.baseUrl, model: 'm', timeoutMs: 2000, backoffMs: 50, ...client });
  const ask = (signal = AbortSignal.timeout(20_000)) => c.ask({ purpose: 'test', messages, output, signal }, usage);
  return { server, usage, events, client: c, ask };
}

async function failure(p: Promise<unknown>): Promise<ModelError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ModelError);
  return err as ModelError;
}

describe('the chat client', () => {
  it('steps down from json_schema to tools once per endpoint and remembers it', async () => {
    const t = await setup({ rejectResponseFormat: true, script: [{ json: { a: 1 } }, { json: { a: 2 } }] });
    expect(await t.ask()).toEqual({ text: '{"a":1}', mode: 'tools' });
    expect(await t.ask()).toEqual({ text: '{"a":2}', mode: 'tools' });
    expect(t.server.requests.map((r) => r.mode)).toEqual(['json_schema', 'tools', 'tools']);
    expect(t.server.requests[1]!.body.tool_choice).toEqual({ type: 'function', function: { name: 'decide' } });
    expect(t.usage.summary()).toMatchObject({ calls: 3, errors: 1, retries: 1 });
  });

  it('a 400 that is not about an unsupported field is an error, neither stepped down nor retried', async () => {
    const t = await setup({ script: [{ status: 400, body: { error: { message: 'maximum context length is 4096' } } }] });
    const err = await failure(t.ask());
    expect(err).toMatchObject({ code: 'MODEL_HTTP', details: { status: 400 } });
    expect(err.message).toBe('HTTP 400 from the model server: maximum context length is 4096');
    expect(t.server.requests).toHaveLength(1);
    expect(t.client.mode).toBe('json_schema');
  });

  it('retry-after-ms is honoured; a retry-after beyond the longest wait fails at once', async () => {
    const t = await setup({ script: [{ status: 503, headers: { 'retry-after-ms': '300' }, body: {} }, { json: { a: 1 } }] });
    await t.ask();
    expect(t.server.requests[1]!.receivedAt - t.server.requests[0]!.receivedAt).toBeGreaterThanOrEqual(300);
    const slow = await setup({ script: [{ status: 429, headers: { 'retry-after': '120' }, body: { error: { message: 'later' } } }] }, { maxRetryWaitMs: 10_000 });
    expect(await failure(slow.ask())).toMatchObject({ code: 'MODEL_HTTP', details: { status: 429, retryAfterMs: 120_000 } });
    expect(slow.server.requests).toHaveLength(1);
  });

  it('gives up after its retries: 3 requests for HTTP 502 with 2 retries, backoff doubling', async () => {
    const bad = { status: 502, body: { error: { message: 'bad gateway' } } };
    const t = await setup({ script: [bad, bad, bad] });
    expect(await failure(t.ask())).toMatchObject({ code: 'MODEL_HTTP', details: { status: 502 } });
    expect(t.events.filter((e) => e.event === 'model_call').map((e) => (e.event === 'model_call' ? e.waitMs : 0))).toEqual([50, 100, undefined]);
  });

  it('the caps are checked before a request: a spent budget sends nothing', async () => {
    const calls = await setup({ script: [{ json: { a: 1 } }, { json: { a: 2 } }] }, {}, { maxCalls: 1, maxTokens: 100_000 });
    await calls.ask();
    expect(await failure(calls.ask())).toMatchObject({ code: 'MODEL_BUDGET', message: "the task's model budget is spent: 1 of 1 calls made" });
    expect(calls.server.requests).toHaveLength(1);
    const tokens = await setup({ script: [{ json: { a: 1 } }] }, {}, { maxCalls: 10, maxTokens: 20 });
    expect((await failure(tokens.ask())).code).toBe('MODEL_BUDGET');
    expect(tokens.server.requests).toHaveLength(0);
  });

  it('counts tokens with the tokenizer when the server sends no usage', async () => {
    const t = await setup({ usage: false, script: [{ json: { a: 7 } }] });
    await t.ask();
    const call = t.events.find((e) => e.event === 'model_call');
    expect(call).toMatchObject({ ok: true, estimated: true, promptTokens: promptTokens(messages, JSON.stringify(output.schema)) });
    const withUsage = await setup({ script: [{ json: { a: 7 } }] });
    await withUsage.ask();
    expect(withUsage.events.find((e) => e.event === 'model_call')).toMatchObject({ estimated: false });
  });

  it('sends the key only in the Authorization header, a placeholder without one, and never repeats it in errors', async () => {
    const key = 'sk-test-9f8e7d6c5b4a39281706';
    const t = await setup({ script: [{ status: 401, body: { error: { message: `Incorrect API key provided: ${key}` } } }] }, { apiKey: key });
    const err = await failure(t.ask());
    expect(t.server.requests[0]!.headers.authorization).toBe(`Bearer ${key}`);
    expect(err.message).not.toContain(key);
    expect(JSON.stringify(t.events)).not.toContain(key);
    const local = await setup({ script: [{ json: { a: 1 } }] });
    await local.ask();
    expect(local.server.requests[0]!.headers.authorization).toBe('Bearer sk-no-key');
  });

  it('an abort during a hanging request ends it at once', async () => {
    const t = await setup({ script: [{ hang: true }] }, { timeoutMs: 30_000 });
    const ac = new AbortController();
    const started = Date.now();
    setTimeout(() => ac.abort(new Error('stop')), 200);
    expect((await failure(t.ask(ac.signal))).code).toBe('MODEL_ABORTED');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('free text to a goal', () => {
  const kb = createKnowledge('1.20.1');

  it('an unknown item is sent back with the closest ids, then the answer is taken', async () => {
    const t = await setup({ script: [
      { json: { kind: 'item', items: ['storage_chest'], count: 1 } },
      { content: 'Here: {"kind":"item","items":["minecraft:chest"],"count":1,"label":"a chest"}' },
    ] });
    const goal = await goalFromText('I need somewhere to store my things', { client: t.client, usage: t.usage, knowledge: kb, signal: AbortSignal.timeout(10_000) });
    expect(goal).toEqual({ kind: 'item', items: ['chest'], count: 1, label: 'a chest' });
    expect(t.server.requests[0]!.messages[0]!.content).toContain('<data>"I need somewhere to store my things"</data>');
    expect(t.server.requests[1]!.messages.at(-1)!.content).toMatch(/^Rejected: "storage_chest" is not a Minecraft item id \(did you mean .*chest/);
    expect(t.events.filter((e) => e.event === 'model_goal')).toHaveLength(1);
  });

  it('gives up with MODEL_BAD_ANSWER after the retries', async () => {
    const t = await setup({ script: [{ content: 'a chest' }, { json: { kind: 'placed', block: 'stick' } }, { json: { kind: 'text', text: 'x' } }] });
    const err = await failure(goalFromText('store things', { client: t.client, usage: t.usage, knowledge: kb, signal: AbortSignal.timeout(10_000) }));
    expect(err.code).toBe('MODEL_BAD_ANSWER');
    expect(err.message).toMatch(/no usable goal for "store things" in 3 answers/);
    expect(t.server.requests[2]!.messages.at(-1)!.content).toMatch(/"stick" is not a Minecraft block id/);
  });
});
