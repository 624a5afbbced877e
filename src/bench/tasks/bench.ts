// `bench tasks` and `bench generalize`: whole tasks from an empty inventory in worlds drawn at random,
// each on a fresh sandbox in a worker process, through the loop `skillcraft run` uses.
import { join } from 'node:path';
import type { BenchDeps } from '../index.ts';
import { keepTrace } from '../keepTrace.ts';
import { BenchInputError, intArg, parseBenchArgs } from '../plan4mc/args.ts';
import { runPool } from '../plan4mc/pool.ts';
import { allTargetsMet, tasksTerminal, writeTasksReport, type TaskTarget } from './report.ts';
import { routeName, type Route, type WorldTaskJob, type WorldTaskResult } from '../worldTask.ts';
import { SUPPORTED_VERSIONS, type Preset, type SupportedVersion } from '../../config/sandbox.ts';
import { ALL_PRESETS, drawWorlds, parseWorldList, repeatLine, worldName, type World, worldKind } from '../worlds.ts';

/** Game-second budgets and step limits by task (the tech tree's budgets; generous for the rest). */
const BUDGETS: Readonly<Record<string, { seconds: number; steps: number }>> = {
  'wooden pickaxe': { seconds: 600, steps: 120 },
  'stone pickaxe': { seconds: 900, steps: 150 },
  'iron pickaxe': { seconds: 1800, steps: 250 },
};
const DEFAULT_BUDGET = { seconds: 1200, steps: 200 };

interface Plan { task: string; worlds: World[]; target?: TaskTarget }

/**
 * `--latency MS [--jitter MS]`: every run reaches a sandbox in its own process (`skillcraft serve`)
 * through the latency proxy; `--compare` also runs each world in-process, for the same runs side by side.
 */
function routesOf(values: Map<string, string>, flags: ReadonlySet<string>): (Route | undefined)[] {
  if (!values.has('--latency')) {
    if (values.has('--jitter') || flags.has('--compare')) throw new BenchInputError('--jitter and --compare go with --latency MS');
    return [undefined];
  }
  const delayMs = intArg(values, '--latency', 0, 0, 5000);
  const jitterMs = intArg(values, '--jitter', 0, 0, 5000);
  const route: Route = { process: true, delayMs, jitterMs };
  return flags.has('--compare') ? [undefined, route] : [route];
}

/**
 * `bench tasks [--tasks "wooden pickaxe,stone pickaxe"] [--seeds N [--presets a,b] | --seed-list L] [--jobs N] [--out DIR]`:
 * each task in N worlds drawn at random over every preset (default 10; --presets narrows it), or in the listed worlds.
 */
export async function benchTasks(args: string[], deps: BenchDeps): Promise<number> {
  const { values, flags } = parseBenchArgs(args, ['--tasks', '--seeds', '--seed-list', '--presets', '--jobs', '--out', '--latency', '--jitter'], ['--compare']);
  const tasks = (values.get('--tasks') ?? 'wooden pickaxe,stone pickaxe').split(',').map((s) => s.trim()).filter(Boolean);
  if (tasks.length === 0) throw new BenchInputError('--tasks is empty');
  const worlds = worldsOf(values, 10);
  return runTasks('tasks', tasks.map((task) => ({ task, worlds })), values, flags, join('bench', 'results', 'tasks'), deps);
}

/**
 * `bench generalize [--seeds 60] [--iron-seeds 30] [--seed-list L] [--jobs N] [--out DIR]`: the wooden,
 * stone and iron pickaxe from nothing in random (preset, seed) worlds: the figures in the README.
 * Targets: stone ≥ 0.97 with the interval's lower end above 0.9, iron ≥ 0.95.
 */
export async function benchGeneralize(args: string[], deps: BenchDeps): Promise<number> {
  const { values, flags } = parseBenchArgs(args, ['--seeds', '--iron-seeds', '--seed-list', '--jobs', '--out', '--latency', '--jitter'], ['--compare']);
  const worlds = worldsOf(values, 60);
  const ironN = values.has('--seed-list') ? worlds.length : intArg(values, '--iron-seeds', Math.ceil(worlds.length / 2), 1, 1000);
  const plans: Plan[] = [
    { task: 'wooden pickaxe', worlds, target: { rate: 0.97 } },
    { task: 'stone pickaxe', worlds, target: { rate: 0.97, low: 0.9 } },
    { task: 'iron pickaxe', worlds: worlds.slice(0, ironN), target: { rate: 0.95 } },
  ];
  return runTasks('generalize', plans, values, flags, join('bench', 'results', 'generalize'), deps);
}

/**
 * `bench versions [--versions 1.20.1,1.20.4,1.21.1,1.21.4] [--seeds 5 | --seed-list L] [--jobs N] [--out DIR]`:
 * the stone and iron pickaxe from nothing on every version the sandbox serves, in the same random worlds,
 * the agent's knowledge built from each version's own data. Target: every run done.
 */
export async function benchVersions(args: string[], deps: BenchDeps): Promise<number> {
  const { values, flags } = parseBenchArgs(args, ['--versions', '--seeds', '--seed-list', '--jobs', '--out']);
  const versions = (values.get('--versions') ?? BENCH_VERSIONS.join(',')).split(',').map((v) => v.trim()).filter(Boolean);
  const bad = versions.find((v) => !(SUPPORTED_VERSIONS as readonly string[]).includes(v));
  if (bad !== undefined || versions.length === 0) throw new BenchInputError(`--versions: "${bad ?? ''}" is not a version the sandbox serves (${SUPPORTED_VERSIONS.join(', ')})`);
  const worlds = worldsOf(values, 5);
  const plans: Plan[] = versions.flatMap((version) => ['stone pickaxe', 'iron pickaxe'].map((task) => ({
    task, worlds: worlds.map((w) => ({ ...w, version: version as SupportedVersion })), target: { rate: 1 },
  })));
  return runTasks('versions', plans, values, flags, join('bench', 'results', 'versions'), deps);
}

/** The versions `bench versions` runs by default: the newest of each line people play. */
const BENCH_VERSIONS = ['1.20.1', '1.20.4', '1.21.1', '1.21.4'] as const;

function worldsOf(values: Map<string, string>, def: number): World[] {
  const list = values.get('--seed-list');
  if (list !== undefined) {
    if (values.has('--seeds')) throw new BenchInputError('give --seeds N (random worlds) or --seed-list (these worlds), not both');
    return parseWorldList(list);
  }
  return drawWorlds(intArg(values, '--seeds', def, 1, 1000), presetsOf(values.get('--presets')));
}

/** `--presets forest,plains`: draw from these only (default: every preset, as the reports do). */
function presetsOf(text: string | undefined): readonly Preset[] {
  if (text === undefined) return ALL_PRESETS;
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.find((n) => !(ALL_PRESETS as readonly string[]).includes(n));
  if (bad !== undefined || names.length === 0) throw new BenchInputError(`--presets: "${bad ?? text}" is not a preset (${ALL_PRESETS.join(', ')})`);
  return names as Preset[];
}

async function runTasks(bench: string, plans: Plan[], values: Map<string, string>, flags: ReadonlySet<string>, defaultDir: string, { out, signal }: BenchDeps): Promise<number> {
  const jobsN = intArg(values, '--jobs', 2, 1, 32);
  const dir = values.get('--out') ?? defaultDir;
  const startedAt = new Date();
  const traceRoot = join('runs', 'bench', `${bench}-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  const routes = routesOf(values, flags);
  const jobs: WorldTaskJob[] = plans.flatMap((p) => p.worlds.flatMap((world) => routes.map((route) => {
    const b = BUDGETS[p.task] ?? DEFAULT_BUDGET;
    return { task: p.task, world, maxGameSeconds: b.seconds, maxSteps: b.steps, traceRoot, ...(route ? { route } : {}) };
  })));
  // Long tasks first, so that the last job to finish is a short one.
  const order = (t: string) => -(BUDGETS[t]?.seconds ?? DEFAULT_BUDGET.seconds);
  jobs.sort((a, b) => order(a.task) - order(b.task));
  out(`${bench}: ${jobs.length} runs (${plans.map((p) => `${p.task} ×${p.worlds.length}`).join(', ')}), ${jobsN} job(s) → ${dir}`);
  out(repeatLine(bench, plans.reduce<World[]>((a, p) => (p.worlds.length > a.length ? p.worlds : a), [])));
  const results: WorldTaskResult[] = [];
  await runPool(jobs, jobsN, (job) => ({ kind: 'task', ...job }), (job, reply) => {
    const r: WorldTaskResult = 'task' in reply ? reply.task : {
      task: job.task, route: routeName(job.route), preset: worldKind(job.world), world: worldName(job.world), seed: job.world.seed, success: false, reason: 'crash',
      detail: 'error' in reply ? reply.error : 'the worker gave no result', steps: 0, failures: 0, gameSeconds: 0, wallSeconds: 0, noChangeMax: 0,
    };
    results.push(r);
    out(`[${results.length}/${jobs.length}] ${r.task} in ${r.world}${r.route === 'in-process' ? '' : ` (${r.route})`}: ${r.success ? 'done' : `NOT done (${r.reason}${r.detail ? `: ${r.detail}` : ''})`} — ${r.steps} steps, ${r.gameSeconds} game s`);
  }, signal);
  if (signal.aborted) {
    out(`${bench}: stopped; no report written`);
    return 130;
  }
  for (const r of results) if (!r.success && r.trace) r.trace = keepTrace(dir, r.trace, `${r.task.replace(/\W+/g, '_')}-${r.world.replace(/\W+/g, '-')}`);
  const meta = { bench, startedAt: startedAt.toISOString(), wallSeconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10, jobs: jobsN };
  const targets = Object.fromEntries(plans.filter((p) => p.target).map((p) => [p.task, p.target!]));
  out(tasksTerminal(results, targets, meta));
  writeTasksReport(dir, results, targets, meta);
  out(`report: ${join(dir, 'report.md')}`);
  return allTargetsMet(results, targets) ? 0 : 1;
}
