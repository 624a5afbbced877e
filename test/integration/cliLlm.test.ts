import { runBin, type BinResult } from '../helpers/cli.ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { requestPurpose, startScriptedServer, type ScriptedReply, type ScriptedRequest, type ScriptedServer } from '../../src/testing/scriptedServer.ts';

const KEY = 'sk-live-CLIsecret0123456789zz';
// No SKILLCRAFT_* or OPENAI_* variable or config file of the developer's changes what the CLI does here.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SKILLCRAFT_') && !k.startsWith('OPENAI_')));
let cwd: string;
beforeAll(() => { cwd = mkdtempSync(path.join(tmpdir(), 'skillcraft-clillm-')); });
afterAll(() => { rmSync(cwd, { recursive: true, force: true }); });

/** A model that reads the inventory line of the prompt: logs → planks → a crafting table. */
function tableMaker(req: ScriptedRequest): ScriptedReply {
  if (requestPurpose(req) === 'goal') return { json: { kind: 'item', items: ['crafting_table'], count: 1, label: 'a crafting table' } };
  const inv = /Inventory: (.*)\./.exec(req.messages[1]?.content ?? '')?.[1] ?? '';
  const have = (item: string) => Number(new RegExp(`${item} (\\d+)`).exec(inv)?.[1] ?? 0);
  if (have('oak_planks') >= 4) return { json: { skill: 'craftItem', args: { item: 'crafting_table', count: 1 }, reason: 'the table' } };
  if (have('oak_log') >= 1) return { json: { skill: 'craftItem', args: { item: 'oak_planks', count: 4 }, reason: 'planks' } };
  return { json: { skill: 'mineBlock', args: { block: 'oak_log', count: 1 }, reason: 'wood' } };
}

function run(args: string[], extraEnv: Record<string, string>, timeoutMs = 90_000): Promise<BinResult> {
  return runBin(args, { cwd, env: { ...env, ...extraEnv }, timeoutMs });
}

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const logs: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: {}, cwd, logDestination: { write: (s: string) => { logs.push(s); } } };
  const code = await main(argv, { io, signal: new AbortController().signal });
  // At the default level a failing model says nothing but its one line.
  expect(logs).toEqual([]);
  return { code, out, err };
}

describe('skillcraft run --planner llm', () => {
  let server: ScriptedServer;
  beforeAll(async () => { server = await startScriptedServer({ script: tableMaker }); });
  afterAll(async () => { await server.stop(); });

  it('turns free text into a goal, runs it with the model, prints model totals, and never shows the key', async () => {
    const r = await run([
      'run', '--planner', 'llm', '--base-url', server.baseUrl, '--model', 'scripted', '--task', 'I need a table to craft on',
      '--seed', '1', '--runs-dir', 'runs', '--max-calls', '20', '--log-level', 'debug', '--log-format', 'json',
    ], { OPENAI_API_KEY: KEY });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const out = r.stdout.split('\n').filter(Boolean);
    expect(out).toContain('goal: "I need a table to craft on" → {"kind":"item","items":["crafting_table"],"count":1,"label":"a crafting table"}');
    expect(out.filter((l) => /^step +\d+ /.test(l)).map((l) => l.split(/\s+/)[2])).toEqual(['mineBlock(block=oak_log', 'craftItem(item=oak_planks', 'craftItem(item=crafting_table']);
    expect(out.at(-1)).toMatch(/^done: 1 a crafting table — 3 steps, .*; 4 model calls, \d+ tokens \(\d+ prompt\), 0 retries, 0 fallbacks, trace runs\//);
    // The key went to the server, and nowhere else: not stdout, not the debug logs, not the trace.
    expect(server.requests.every((q) => q.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    const traceDir = path.join(cwd, 'runs', readdirSync(path.join(cwd, 'runs'))[0]!);
    const traced = readdirSync(traceDir).map((f) => readFileSync(path.join(traceDir, f), 'utf8'));
    expect(traced.join('')).toContain('"event":"model_goal"');
    expect(r.stderr).toContain('"apiKey":"[redacted]"');
    for (const text of [r.stdout, r.stderr, ...traced]) expect(text).not.toContain(KEY);
  });
});

describe('skillcraft run --planner: bad input is one line, exit 2', () => {
  it.each([
    [['--planner', 'gpt'], 'unknown planner "gpt" (known: graph, llm, hybrid)'],
    [['--planner', 'llm'], '--planner llm needs a chat model: give --model NAME (or SKILLCRAFT_MODEL) and --base-url URL (or OPENAI_BASE_URL)'],
    [['--planner', 'hybrid', '--model', 'm'], '--planner hybrid needs the model\'s endpoint: give --base-url URL (or OPENAI_BASE_URL), e.g. http://127.0.0.1:11434/v1 for Ollama'],
    [['--planner', 'llm', '--model', 'm', '--base-url', 'ftp://x'], 'config: baseUrl must be an http(s) URL (got "ftp://x" from --base-url)'],
    [['--planner', 'llm', '--temperature', '5'], 'config: temperature must be a number 0-2 (got "5" from --temperature)'],
    [['--planner', 'llm', '--max-calls', '0'], 'config: maxCalls must be an integer 1-100000 (got "0" from --max-calls)'],
    [['--planner', 'llm', '--max-tokens', 'lots'], 'config: maxTokens must be an integer 1000-100000000 (got "lots" from --max-tokens)'],
    [['--planner', 'llm', '--model-timeout-ms', '10'], 'config: timeoutMs must be an integer 1000-600000 (got "10" from --model-timeout-ms)'],
  ])('run --task wood %j', async (flags, line) => {
    const r = await cli(['run', '--task', 'wood', ...flags]);
    expect({ code: r.code, err: r.err, out: r.out }).toEqual({ code: 2, err: [line], out: [] });
  });

  it('free text with the graph planner says it needs a chat model', async () => {
    const r = await cli(['run', '--task', 'build me a nice house']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(/^"build me a nice house": this task needs a chat model \(--planner llm\)/) as unknown]);
  });

  it('free text with a dead endpoint stops before the sandbox starts, naming the endpoint', async () => {
    const port = await closedPort();
    const r = await cli(['run', '--planner', 'llm', '--model', 'm', '--base-url', `http://127.0.0.1:${port}/v1`, '--task', 'build me a nice house']);
    expect({ code: r.code, err: r.err, out: r.out }).toEqual({ code: 2, err: [`model: cannot reach the model at http://127.0.0.1:${port}/v1 (ECONNREFUSED)`], out: [] });
  });
});

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
