import { join } from 'node:path';
import type { Logger } from 'pino';
import { createSkillRegistry } from '../../../skills/index.ts';
import type { RunSummary } from '../../agent/loop.ts';
import { RunEvents } from '../../agent/events.ts';
import { runTask } from '../../agent/run.ts';
import { createKnowledge } from '../../knowledge/kb.ts';
import type { Planner } from '../../planner/types.ts';
import { createGraphPlanner } from '../../planner/graph/index.ts';
import { overworldFor } from '../../knowledge/vanillaOverworld.ts';
import { openWorld, type OpenWorld } from '../../world/open.ts';
import { plan4mcGoal, type Plan4mcTask } from '../../tasks/plan4mc.ts';
import { lowerBoundSeconds, type ExecutedStep } from './lowerBound.ts';
import { setupTask } from '../../tasks/setup.ts';
import { noChangeRepeats } from '../traceCheck.ts';
import { benchConnection, runLabel, type Route } from '../worldTask.ts';
import { sandboxFor, worldKind, worldName, type World } from '../worlds.ts';
import type { PlannerName, TaskResult } from './types.ts';

export interface RunOneOptions {
  planner: PlannerName;
  /** A server to use instead of a fresh sandbox per task (setup then uses commands only). */
  host?: string;
  port?: number;
  log: Logger;
  /** Builds the chat-model planners (llm, hybrid); the graph planner needs none. */
  makePlanner?: (name: PlannerName, graph: Planner) => Planner;
  /** Wall-clock cap per task, on top of the game-time budget (default 15 min). */
  wallLimitMs?: number;
  /** Where the run's trace goes (default runs/plan4mc). */
  traceRoot?: string;
  /** A sandbox in its own process, optionally through the latency proxy (`--latency`). */
  route?: Route;
}

export const MOB_TASK_MOBS = { cow: 3, sheep: 3 } as const;

/** Runs one Plan4MC task in one world from its initial inventory and returns its row. */
export async function runPlan4mcTask(task: Plan4mcTask, world: World, opts: RunOneOptions): Promise<TaskResult> {
  const started = performance.now();
  const skills = createSkillRegistry();
  const budgetSeconds = task.maxSteps / 20;
  const { seed } = world;
  const base = { id: task.id, name: task.name, group: task.group, seed, preset: worldKind(world), world: worldName(world), budgetSeconds };
  const signal = AbortSignal.timeout(opts.wallLimitMs ?? 15 * 60_000);
  let w: OpenWorld | undefined;
  let traceDir: string | undefined;
  try {
    // A fresh sandbox per task, or the given server (setup then uses commands only).
    const r = opts.route;
    w = await openWorld({
      connection: benchConnection(`p4mc${task.id}`, opts.host, opts.port), ...(opts.host ? {} : { sandbox: sandboxFor(world), sandboxProcess: r?.process === true }),
      ...(r?.delayMs ? { latency: { delayMs: r.delayMs, jitterMs: r.jitterMs ?? 0, seed } } : {}),
    }, { log: opts.log, signal });
    const opened = w;
    await setupTask(opened.bot, { clear: true, inventory: task.inventory, ...(task.group === 'interact-mobs' ? { mobs: MOB_TASK_MOBS } : {}) }, seed, signal);
    // The facts of the version the server speaks, whatever it is.
    const kb = createKnowledge(opened.bot.version);
    const graph = createGraphPlanner({ skills, knowledge: kb, world: overworldFor(kb, opened.terrain) });
    const planner = opts.planner === 'graph' ? graph : opts.makePlanner?.(opts.planner, graph);
    if (!planner) throw new Error(`planner ${opts.planner} is not available`);
    const executed: ExecutedStep[] = [];
    const stepSeconds: number[] = [];
    const start = position(opened.bot);
    let before = inventoryOf(opened.bot);
    const events = new RunEvents(opts.log);
    events.on((e) => {
      if (e.event !== 'step') return;
      const after = inventoryOf(opened.bot);
      executed.push({
        skill: e.decision.skill, args: e.decision.args, ok: e.outcome.ok, end: position(opened.bot), inventoryBefore: before, inventoryAfter: after,
        ...(e.outcome.ok ? {} : { failure: `${e.outcome.code}: ${e.outcome.message}` }),
      });
      stepSeconds.push(Math.round(e.outcome.elapsedMs / 100) / 10);
      before = after;
    });
    const run = await runTask(opened, plan4mcGoal(kb, task), {
      planner, skills, knowledge: kb, log: opts.log, signal, events, text: task.name,
      traceRoot: join(opts.traceRoot ?? join('runs', 'plan4mc'), runLabel(`${task.id}-${task.name}`, world)),
      limits: { maxGameSeconds: budgetSeconds, maxSteps: 200 },
    });
    traceDir = run.traceDir;
    const { summary } = run;
    const lowerBound = round1(lowerBoundSeconds(kb, start, executed));
    const file = join(run.traceDir!, 'trace.jsonl');
    const repeats = noChangeRepeats(file);
    return {
      ...base, ...fromSummary(summary), lowerBound, trace: file, noChangeMax: repeats.max, ...(repeats.call ? { noChangeCall: repeats.call } : {}),
      ratio: summary.success && lowerBound > 0 ? Math.round((summary.gameSeconds / lowerBound) * 100) / 100 : null,
      plan: executed.map((x) => `${x.skill} ${JSON.stringify(x.args)}${x.ok ? '' : ` ✗ ${x.failure ?? ''}`}`), stepSeconds,
    };
  } catch (err) {
    return {
      ...base, success: false, cause: 'crash', detail: err instanceof Error ? err.message : String(err),
      gameSeconds: 0, wallSeconds: round1((performance.now() - started) / 1000), steps: 0, failuresRecovered: 0,
      modelCalls: 0, tokens: 0, lowerBound: 0, ratio: null, plan: [], stepSeconds: [], noChangeMax: 0,
      ...(traceDir ? { trace: join(traceDir, 'trace.jsonl') } : {}),
    };
  } finally {
    await w?.close();
  }
}

function fromSummary(s: RunSummary): Omit<TaskResult, 'id' | 'name' | 'group' | 'seed' | 'preset' | 'budgetSeconds' | 'lowerBound' | 'ratio' | 'plan' | 'stepSeconds' | 'noChangeMax'> {
  const model = (s as RunSummary & { model?: { calls?: number; promptTokens?: number; completionTokens?: number } }).model;
  return {
    success: s.success,
    ...(s.success ? {} : { cause: causeOf(s), ...(s.detail ? { detail: s.detail } : {}) }),
    gameSeconds: s.gameSeconds, wallSeconds: s.wallSeconds, steps: s.steps, failuresRecovered: s.failuresRecovered,
    modelCalls: model?.calls ?? 0, tokens: (model?.promptTokens ?? 0) + (model?.completionTokens ?? 0),
  };
}

/** A failure's category, for the report: what stopped the run. */
export function causeOf(s: RunSummary): string {
  switch (s.reason) {
    case 'game_time': return 'time budget';
    case 'max_steps': return 'step budget';
    case 'failures': return 'repeated skill failures';
    case 'unplannable': return 'unplannable';
    case 'aborted': return 'wall-clock limit';
    default: return s.reason;
  }
}

function position(bot: { entity: { position: { x: number; y: number; z: number } } }): [number, number, number] {
  const p = bot.entity.position;
  return [p.x, p.y, p.z];
}

function inventoryOf(bot: { inventory: { items(): { name: string; count: number }[] } }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of bot.inventory.items()) out[i.name] = (out[i.name] ?? 0) + i.count;
  return out;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
