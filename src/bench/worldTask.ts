// One benchmark run: a task on a fresh sandbox world (preset and seed drawn by the benchmark), from an
// empty (or given) inventory, through the same resilient loop `skillcraft run` uses, with a trace.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { createSkillRegistry } from '../../skills/index.ts';
import { runTask } from '../agent/run.ts';
import type { ConnectionConfig } from '../config/schema.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import { openWorld, type OpenWorld } from '../world/open.ts';
import { parseTask } from '../tasks/parse.ts';
import { setupTask } from '../tasks/setup.ts';
import { noChangeRepeats } from './traceCheck.ts';
import { sandboxFor, worldKind, worldName, type World, type WorldKind } from './worlds.ts';
import { overworldFor } from '../knowledge/vanillaOverworld.ts';

export interface WorldTaskJob {
  task: string;
  world: World;
  /** Given with /give before the run (empty: from nothing). */
  inventory?: Readonly<Record<string, number>>;
  maxGameSeconds: number;
  maxSteps: number;
  /** Traces go under this folder, one per run. */
  traceRoot: string;
  /** How the bot reaches the world: default the sandbox in the worker's own process. */
  route?: Route;
}

/** A sandbox in another process (`skillcraft serve`), optionally behind a latency proxy. */
export interface Route { process: boolean; delayMs?: number; jitterMs?: number }

/** "in-process", "process", "process + 50±20 ms". */
export function routeName(r: Route | undefined): string {
  if (!r?.process) return 'in-process';
  return r.delayMs ? `process + ${r.delayMs}±${r.jitterMs ?? 0} ms` : 'process';
}

export interface WorldTaskResult {
  task: string;
  /** How the bot reached the world (routeName). */
  route: string;
  preset: WorldKind;
  /** worldName: plains:123, save@96:96. */
  world: string;
  /** The version the sandbox served, when the benchmark chose it (`bench versions`). */
  version?: string;
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
  return `${task.replace(/[^a-z0-9]+/gi, '_')}-${worldName(w).replace(/\W+/g, '-')}`;
}

export async function runWorldTask(job: WorldTaskJob, log: Logger): Promise<WorldTaskResult> {
  const started = performance.now();
  const { world: w } = job;
  const base: Pick<WorldTaskResult, 'task' | 'route' | 'preset' | 'world' | 'seed' | 'version'> = { task: job.task, route: routeName(job.route), preset: worldKind(w), world: worldName(w), seed: w.seed };
  const signal = AbortSignal.timeout(Math.max(10 * 60_000, job.maxGameSeconds * 2000));
  let traceDir: string | undefined;
  let world: OpenWorld | undefined;
  try {
    const r = job.route;
    world = await openWorld({
      connection: benchConnection('bench'), sandbox: sandboxFor(w), sandboxProcess: r?.process === true,
      ...(r?.delayMs ? { latency: { delayMs: r.delayMs, jitterMs: r.jitterMs ?? 0, seed: w.seed } } : {}),
    }, { log, signal });
    if (job.inventory && Object.keys(job.inventory).length > 0) await setupTask(world.bot, { inventory: job.inventory }, w.seed, signal);
    const skills = createSkillRegistry();
    const kb = createKnowledge(world.bot.version);
    if (w.version) base.version = world.bot.version;
    const run = await runTask(world, parseTask(kb, job.task).goal, {
      planner: createGraphPlanner({ skills, knowledge: kb, world: overworldFor(kb, world.terrain) }), skills, knowledge: kb, log, signal,
      traceRoot: join(job.traceRoot, `${runLabel(job.task, w)}${r?.process ? `-${routeName(r).replace(/\W+/g, '')}` : ''}`), limits: { maxGameSeconds: job.maxGameSeconds, maxSteps: job.maxSteps },
    });
    traceDir = run.traceDir;
    const { summary } = run;
    const file = join(run.traceDir!, 'trace.jsonl');
    const repeats = noChangeRepeats(file);
    return {
      ...base, success: summary.success, reason: summary.reason, ...(summary.detail ? { detail: summary.detail } : {}),
      steps: summary.steps, failures: summary.failures, gameSeconds: summary.gameSeconds, wallSeconds: summary.wallSeconds,
      trace: file, noChangeMax: repeats.max, ...(repeats.call ? { noChangeCall: repeats.call } : {}),
    };
  } catch (err) {
    return {
      ...base, success: false, reason: 'crash', detail: err instanceof Error ? err.message : String(err), steps: 0, failures: 0,
      gameSeconds: 0, wallSeconds: Math.round((performance.now() - started) / 100) / 10, noChangeMax: 0,
      ...(traceDir ? { trace: join(traceDir, 'trace.jsonl') } : {}),
    };
  } finally {
    await world?.close();
  }
}

/** The connection settings of a benchmark's bot (its server is the sandbox the run starts, or `--host`). */
export function benchConnection(username: string, host = '127.0.0.1', port = 25565): ConnectionConfig {
  return { host, port, username, auth: 'offline', mcVersion: 'auto' };
}
