import { createSkillRegistry } from '../../skills/index.ts';
import { withTimeout } from '../base/wait.ts';
import { runTask } from '../agent/run.ts';
import { observe } from '../bot/observe.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { createChatClient } from '../llm/client.ts';
import { graphOracle } from '../testing/oracle.ts';
import { startScriptedServer } from '../testing/scriptedServer.ts';
import { ModelUsage } from '../llm/usage.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import { createLlmPlanner } from '../planner/llm/index.ts';
import { PROMPT_BUDGET } from '../planner/llm/prompt.ts';
import { openWorld } from '../world/open.ts';
import { MAX_BOTS } from '../world/openTeam.ts';
import { BenchInputError, parseBenchArgs } from './plan4mc/args.ts';
import { benchConnection } from './worldTask.ts';
import { repeatLine, worldName, worldsFromArgs, type World } from './worlds.ts';
import { parseTask } from '../tasks/parse.ts';
import type { BenchDeps } from './index.ts';
import { formatTable } from './table.ts';
import { checkTeamTask, decideFigures, measureTeam, PROMPT_HEADER, promptRows, sizeFigures, type PromptMode, type PromptRun } from './promptTeam.ts';

/** Prompt tokens per decision the planner may use at most: the planner's own budget. */
export const PROMPT_TARGET = PROMPT_BUDGET;

/** Wall time one run may take: a team's iron pickaxe through the scripted model is some minutes. */
const RUN_TIMEOUT_MS = 1_200_000;

/** "3,1" → [1, 3]: team sizes; 1 is a single bot (not a team of one), as `skillcraft run --bots 1` is. */
export function botsArg(text: string | undefined): number[] {
  if (text === undefined) return [1];
  const sizes = [...new Set(text.split(',').map((s) => Number(s.trim())))].sort((a, b) => a - b);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_BOTS)) throw new BenchInputError(`--bots: team sizes are 1 to ${MAX_BOTS} (got "${text}")`);
  return sizes;
}

/**
 * `npm run bench -- prompt [--task "stone pickaxe"] [--bots N|a,b] [--seeds N | --seed-list L] [--planner llm|hybrid]`:
 * the chat-model planner on sandbox worlds drawn at random (default one) against the scripted Chat Completions
 * server, whose answers are the graph planner's steps (the model is not what is measured): prompt tokens per
 * decision, counted with the tokenizer over what was sent (messages and the answer schema), and the calls made.
 * With `--bots N` (N ≥ 2) a team makes the task through the coordinator (promptTeam.ts), each member's prompt
 * carrying the team lines, whose own tokens are reported too; one row per team size, in the same worlds.
 */
export async function benchPrompt(args: string[], { out, log, signal }: BenchDeps): Promise<number> {
  const { values } = parseBenchArgs(args, ['--task', '--seeds', '--seed-list', '--planner', '--bots']);
  const task = values.get('--task') ?? 'stone pickaxe';
  const mode = values.get('--planner') ?? 'llm';
  if (mode !== 'llm' && mode !== 'hybrid') throw new BenchInputError('--planner is llm or hybrid');
  const sizes = botsArg(values.get('--bots'));
  if (sizes.some((n) => n > 1)) checkTeamTask(task);
  const { worlds } = worldsFromArgs(values, 1, 20);
  const quoted = (v: string) => (/^[\w,.-]+$/.test(v) ? v : `"${v}"`);
  out(repeatLine(['prompt', ...(['--task', '--bots', '--planner'] as const).flatMap((k) => (values.has(k) ? [`${k} ${quoted(values.get(k)!)}`] : []))].join(' '), worlds));
  const runs: PromptRun[] = [];
  for (const bots of sizes) {
    for (const w of worlds) {
      if (signal.aborted) return 130;
      const r = await withTimeout(signal, RUN_TIMEOUT_MS, (runSignal) => (bots === 1 ? measureSingle(w, task, mode, { log, signal: runSignal }) : measureTeam(w, bots, task, mode, { log, signal: runSignal })));
      runs.push(r);
      const per = bots === 1 ? '' : `; decisions ${Object.entries(r.decisions).map(([who, n]) => `${who} ${n}`).join(', ')}`;
      out(`${task} (${r.world}, ${mode}, ${bots} bot${bots === 1 ? '' : 's'}): ${r.success ? 'done' : `NOT done (${r.reason})`} in ${r.steps} steps, ${r.wallSeconds} s; ${r.model.calls} calls, ${r.model.fallbacks} fallbacks${per}`);
    }
  }
  out(formatTable(PROMPT_HEADER, promptRows(runs, PROMPT_TARGET)));
  const met = sizes.every((bots) => {
    const f = sizeFigures(runs.filter((r) => r.bots === bots).flatMap((r) => r.sizes));
    return f.decisions > 0 && f.max <= PROMPT_TARGET;
  });
  return runs.every((r) => r.success) && met ? 0 : 1;
}

/** One bot makes `task` on a fresh sandbox world with the chat-model planner: its decide prompts measured. */
export async function measureSingle(w: World, task: string, mode: PromptMode, { log, signal }: Pick<BenchDeps, 'log' | 'signal'>): Promise<PromptRun> {
  const kb = createKnowledge('1.20.1');
  const skills = createSkillRegistry();
  const { goal } = parseTask(kb, task);
  const graph = createGraphPlanner({ skills, knowledge: kb });
  const opened = await openWorld({ connection: benchConnection('bench'), sandbox: { seed: w.seed, preset: w.preset } }, { log });
  const server = await startScriptedServer({ script: graphOracle({ graph, goal: () => goal, observe: () => observe(opened.bot), option: mode === 'hybrid' }) });
  try {
    const usage = new ModelUsage({ maxCalls: 500, maxTokens: 10_000_000 });
    const client = createChatClient({ baseUrl: server.baseUrl, model: 'scripted', log });
    const planner = createLlmPlanner({ client, usage, skills, knowledge: kb, graph, mode, log });
    const { summary: s } = await runTask(opened, goal, { planner, skills, knowledge: kb, log, signal, model: usage });
    const figures = decideFigures(server.requests);
    const m = usage.summary();
    return {
      bots: 1, world: worldName(w), success: s.success, reason: s.reason, steps: s.steps, wallSeconds: s.wallSeconds,
      ...figures, decisions: { [opened.bot.username]: figures.sizes.length },
      model: { calls: m.calls, fallbacks: m.fallbacks, promptTokens: m.promptTokens, completionTokens: m.completionTokens },
    };
  } finally {
    await server.stop();
    await opened.close();
  }
}
