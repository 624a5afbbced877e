import { createSkillRegistry } from '../../skills/index.ts';
import { runTask } from '../agent/run.ts';
import { observe } from '../bot/observe.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { createChatClient } from '../llm/client.ts';
import { graphOracle } from '../testing/oracle.ts';
import { requestPurpose, startScriptedServer, type ScriptedRequest } from '../testing/scriptedServer.ts';
import { promptTokens } from '../llm/tokens.ts';
import { ModelUsage } from '../llm/usage.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import { createLlmPlanner } from '../planner/llm/index.ts';
import { openWorld } from '../world/open.ts';
import { BenchInputError, parseBenchArgs } from './plan4mc/args.ts';
import { benchConnection } from './worldTask.ts';
import { repeatLine, worldName, worldsFromArgs } from './worlds.ts';
import { parseTask } from '../tasks/parse.ts';
import type { BenchDeps } from './index.ts';
import { formatTable, median } from './table.ts';

/** Prompt tokens per decision the planner may use at most. */
export const PROMPT_TARGET = 2000;

/**
 * `npm run bench -- prompt [--task "stone pickaxe"] [--seeds N | --seed-list L] [--planner llm|hybrid]`: the chat-model
 * planner on sandbox worlds drawn at random (default one) against the scripted Chat Completions server, whose answers are the graph
 * planner's steps (the model is not what is measured): prompt tokens per decision, counted with the
 * tokenizer over what was sent (messages and the answer schema), and the calls made.
 */
export async function benchPrompt(args: string[], { out, log }: BenchDeps): Promise<number> {
  const { values } = parseBenchArgs(args, ['--task', '--seeds', '--seed-list', '--planner']);
  const task = values.get('--task') ?? 'stone pickaxe';
  const mode = values.get('--planner') ?? 'llm';
  if (mode !== 'llm' && mode !== 'hybrid') throw new BenchInputError('--planner is llm or hybrid');
  const { worlds } = worldsFromArgs(values, 1, 20);
  out(repeatLine('prompt', worlds));
  const kb = createKnowledge('1.20.1');
  const skills = createSkillRegistry();
  const { goal } = parseTask(kb, task);
  const sizes: number[] = [];
  const totals = { prompt: 0, completion: 0 };
  let done = 0;
  for (const w of worlds) {
    const graph = createGraphPlanner({ skills, knowledge: kb });
    const opened = await openWorld({ connection: benchConnection('bench'), sandbox: { seed: w.seed, preset: w.preset } }, { log });
    const server = await startScriptedServer({ script: graphOracle({ graph, goal: () => goal, observe: () => observe(opened.bot), option: mode === 'hybrid' }) });
    try {
      const usage = new ModelUsage({ maxCalls: 500, maxTokens: 10_000_000 });
      const client = createChatClient({ baseUrl: server.baseUrl, model: 'scripted', log });
      const planner = createLlmPlanner({ client, usage, skills, knowledge: kb, graph, mode, log });
      const { summary: s } = await runTask(opened, goal, { planner, skills, knowledge: kb, log, signal: AbortSignal.timeout(600_000), model: usage });
      sizes.push(...server.requests.filter((r) => requestPurpose(r) === 'decide').map(sent));
      const m = usage.summary();
      totals.prompt += m.promptTokens;
      totals.completion += m.completionTokens;
      if (s.success) done++;
      out(`${task} (${worldName(w)}, ${mode}): ${s.success ? 'done' : `NOT done (${s.reason})`} in ${s.steps} steps, ${s.wallSeconds} s; ${m.calls} calls, ${m.fallbacks} fallbacks`);
    } finally {
      await server.stop();
      await opened.close();
    }
  }
  const sorted = [...sizes].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
  out(formatTable(['decisions', 'min', 'median', 'p95', 'max', 'target', 'prompt tokens total', 'completion tokens total'], [[
    String(sizes.length), String(sorted[0] ?? NaN), String(median(sizes)), String(p95), String(sorted[sorted.length - 1] ?? NaN),
    `≤ ${PROMPT_TARGET}`, String(totals.prompt), String(totals.completion),
  ]]));
  return done === worlds.length && sorted.length > 0 && (sorted[sorted.length - 1] ?? Infinity) <= PROMPT_TARGET ? 0 : 1;
}

/** Tokens of what a request sent as prompt: its messages and the answer schema it carried. */
function sent(r: ScriptedRequest): number {
  const schema = r.mode === 'tools' ? r.body.tools : r.mode === 'json_schema' ? r.body.response_format : undefined;
  return promptTokens(r.messages, schema === undefined ? '' : JSON.stringify(schema));
}
