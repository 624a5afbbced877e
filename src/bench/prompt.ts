import { createSkillRegistry } from '../../skills/index.ts';
import { runAgent } from '../agent/loop.ts';
import { connectBot, disconnectBot } from '../bot/connect.ts';
import { observe } from '../bot/observe.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { createChatClient } from '../llm/client.ts';
import { graphOracle } from '../llm/oracle.ts';
import { requestPurpose, startScriptedServer, type ScriptedRequest } from '../llm/scriptedServer.ts';
import { promptTokens } from '../llm/tokens.ts';
import { ModelUsage } from '../llm/usage.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import { createLlmPlanner } from '../planner/llm/index.ts';
import { startSandbox } from '../sandbox/server.ts';
import { parseTask } from '../tasks/parse.ts';
import type { BenchDeps } from './index.ts';
import { formatTable, median } from './table.ts';

/** Prompt tokens per decision the planner may use at most. */
export const PROMPT_TARGET = 2000;

function arg(args: string[], name: string, def: string): string {
  const i = args.indexOf(name);
  return i < 0 ? def : args[i + 1] ?? def;
}

/**
 * `npm run bench -- prompt [--task "stone pickaxe"] [--seed 1] [--planner llm|hybrid]`: the chat-model
 * planner on the sandbox against the scripted Chat Completions server, whose answers are the graph
 * planner's steps (the model is not what is measured): prompt tokens per decision, counted with the
 * tokenizer over what was sent (messages and the answer schema), and the calls made.
 */
export async function benchPrompt(args: string[], { out, log }: BenchDeps): Promise<number> {
  const task = arg(args, '--task', 'stone pickaxe');
  const seed = Number(arg(args, '--seed', '1'));
  const mode = arg(args, '--planner', 'llm');
  if (!Number.isInteger(seed)) throw new Error('--seed takes a whole number');
  if (mode !== 'llm' && mode !== 'hybrid') throw new Error('--planner is llm or hybrid');
  const kb = createKnowledge('1.20.1');
  const skills = createSkillRegistry();
  const graph = createGraphPlanner({ skills, knowledge: kb });
  const { goal } = parseTask(kb, task);
  const sb = await startSandbox({ port: 0, seed, preset: 'forest' }, log);
  try {
    const bot = await connectBot({ host: sb.host, port: sb.port, username: 'bench', auth: 'offline', mcVersion: '1.20.1' }, { log, signal: AbortSignal.timeout(60_000) });
    const server = await startScriptedServer({ script: graphOracle({ graph, goal: () => goal, observe: () => observe(bot), option: mode === 'hybrid' }) });
    try {
      const usage = new ModelUsage({ maxCalls: 500, maxTokens: 10_000_000 });
      const client = createChatClient({ baseUrl: server.baseUrl, model: 'scripted', log });
      const planner = createLlmPlanner({ client, usage, skills, knowledge: kb, graph, mode, log });
      const s = await runAgent({ bot, goal, planner, skills, knowledge: kb, log, signal: AbortSignal.timeout(600_000), model: usage });
      const sizes = server.requests.filter((r) => requestPurpose(r) === 'decide').map(sent);
      const m = usage.summary();
      out(`${task} (seed ${seed}, ${mode}): ${s.success ? 'done' : `NOT done (${s.reason})`} in ${s.steps} steps, ${s.wallSeconds} s; ${m.calls} calls, ${m.fallbacks} fallbacks`);
      const sorted = [...sizes].sort((a, b) => a - b);
      const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
      out(formatTable(['decisions', 'min', 'median', 'p95', 'max', 'target', 'prompt tokens total', 'completion tokens total'], [[
        String(sizes.length), String(sorted[0] ?? NaN), String(median(sizes)), String(p95), String(sorted[sorted.length - 1] ?? NaN),
        `≤ ${PROMPT_TARGET}`, String(m.promptTokens), String(m.completionTokens),
      ]]));
      return s.success && sorted.length > 0 && (sorted[sorted.length - 1] ?? Infinity) <= PROMPT_TARGET ? 0 : 1;
    } finally {
      await server.stop();
      await disconnectBot(bot, { log });
    }
  } finally {
    await sb.stop();
  }
}

/** Tokens of what a request sent as prompt: its messages and the answer schema it carried. */
function sent(r: ScriptedRequest): number {
  const schema = r.mode === 'tools' ? r.body.tools : r.mode === 'json_schema' ? r.body.response_format : undefined;
  return promptTokens(r.messages, schema === undefined ? '' : JSON.stringify(schema));
}
