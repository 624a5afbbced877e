// One benchmark run: a task on a fresh sandbox world (preset and seed drawn by the benchmark), from an
// empty (or given) inventory, through the same resilient loop `skillcraft run` uses, with a trace.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { createSkillRegistry } from '../../skills/index.ts';
import { runResilient } from '../agent/resilience.ts';
import { TraceWriter } from '../agent/trace.ts';
import { connectBot, disconnectBot } from '../bot/connect.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import { startSandbox } from '../sandbox/server.ts';
import { parseTask } from '../tasks/parse.ts';
import { setupTask } from '../tasks/setup.ts';
import { noChangeRepeats } from './traceCheck.ts';
import type { World } from './worlds.ts';

export interface WorldTaskJob {
  task: string;
  world: World;
  /** Given with /give before the run (empty: from nothing). */
  inventory?: Readonly<Record<string, number>>;
  maxGameSeconds: number;
  maxSteps: number;
  /** Traces go under this folder, one per run. */
  traceRoot: string;
}

export interface WorldTaskResult {
  task: string;
  preset: World['preset'];
  seed: number;
  success: boolean;
  reason: string;
  detail?: string;
  steps: number;
  failures: number;
  gameSeconds: number;
  wallSeconds: number;
  /** The run's trace.jsonl. */
  trace?: string;
  /** The most times one call ran in a row without changing anything (from the trace). */
  noChangeMax: number;
  noChangeCall?: string;
}

export function runLabel(task: string, w: World): string {
  return `${task.replace(/[^a-z0-9]+/gi, '_')}-${w.preset}-${w.seed}`;
}

export async function runWorldTask(job: WorldTaskJob, log: Logger): Promise<WorldTaskResult> {
  const started = performance.now();
  const { world } = job;
  const kb = createKnowledge('1.20.1');
  const base = { task: job.task, preset: world.preset, seed: world.seed };
  const signal = AbortSignal.timeout(Math.max(10 * 60_000, job.maxGameSeconds * 2000));
  const sb = await startSandbox({ port: 0, seed: world.seed, preset: world.preset }, log);
  let trace: TraceWriter | undefined;
  try {
    const target = { host: sb.host, port: sb.port, username: 'bench', auth: 'offline' as const, mcVersion: sb.options.version };
    let bot = await connectBot(target, { log, signal });
    try {
      if (job.inventory && Object.keys(job.inventory).length > 0) await setupTask(bot, { inventory: job.inventory }, world.seed, signal);
      const skills = createSkillRegistry();
      trace = new TraceWriter(join(job.traceRoot, runLabel(job.task, world)));
      const { summary } = await runResilient({
        bot, goal: parseTask(kb, job.task).goal, planner: createGraphPlanner({ skills, knowledge: kb }), skills, knowledge: kb, log, signal, trace,
        limits: { maxGameSeconds: job.maxGameSeconds, maxSteps: job.maxSteps },
        connect: (s) => connectBot(target, { log, signal: s }),
        onBot: (b) => { bot = b; },
      });
      trace.close();
      const file = join(trace.dir, 'trace.jsonl');
      const repeats = noChangeRepeats(file);
      return {
        ...base, success: summary.success, reason: summary.reason, ...(summary.detail ? { detail: summary.detail } : {}),
        steps: summary.steps, failures: summary.failures, gameSeconds: summary.gameSeconds, wallSeconds: summary.wallSeconds,
        trace: file, noChangeMax: repeats.max, ...(repeats.call ? { noChangeCall: repeats.call } : {}),
      };
    } finally {
      await disconnectBot(bot, { log });
    }
  } catch (err) {
    return {
      ...base, success: false, reason: 'crash', detail: err instanceof Error ? err.message : String(err), steps: 0, failures: 0,
      gameSeconds: 0, wallSeconds: Math.round((performance.now() - started) / 100) / 10, noChangeMax: 0,
      ...(trace ? { trace: join(trace.dir, 'trace.jsonl') } : {}),
    };
  } finally {
    trace?.close();
    await sb.stop();
  }
}
