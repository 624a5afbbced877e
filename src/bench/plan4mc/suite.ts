import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { PLAN4MC_TASKS } from '../../tasks/plan4mc.ts';
import type { BenchDeps } from '../index.ts';
import { keepTrace } from '../keepTrace.ts';
import type { Route } from '../worldTask.ts';
import { ALL_PRESETS, drawWorlds, parseWorldList, repeatArgs, saveWorldsFromArgs, worldName, type World } from '../worlds.ts';
import { BenchInputError, idList, intArg, parseBenchArgs, shardArg } from './args.ts';
import { runPool } from './pool.ts';
import { Progress } from './progress.ts';
import { GROUPS, groupRates, markdownReport, overall, PLAN4MC_GROUP_RATES, terminalReport } from './report.ts';
import { barChartSvg } from './svg.ts';
import { rowWorld, type PlannerName, type SuiteResults, type TaskResult } from './types.ts';

const PLANNERS: readonly PlannerName[] = ['graph', 'llm', 'hybrid'];

interface Job { taskId: number; world: World }

/**
 * `bench plan4mc [--seeds N | --seed-list L] [--jobs N] [--planner graph|llm|hybrid] [--tasks 1,21-30]
 * [--shard i/n] [--out DIR] [--host H --port N] [--world PATH [--spawns N | --spawn-list L]]`: the 40
 * Plan4MC tasks (with --world: from N spawn points on a world save), each in N worlds drawn at
 * random over every preset (or the listed ones: `21@plains:123` for one task, `plains:123` for every
 * task), each on a fresh sandbox in a child process (or on the given server, one at a time). Writes
 * results.json, report.md, success-by-group.svg and the traces of failed runs under DIR. Exit 1 when
 * overall success is under 0.95.
 */
export async function benchPlan4mc(args: string[], { out, signal }: BenchDeps): Promise<number> {
  const { values } = parseBenchArgs(args, ['--seeds', '--seed-list', '--world', '--spawns', '--spawn-list', '--jobs', '--planner', '--tasks', '--shard', '--out', '--host', '--port', '--latency', '--jitter']);
  const route = latencyRoute(values);
  const host = values.get('--host');
  const port = intArg(values, '--port', 25565, 1, 65535);
  const jobsN = host ? 1 : intArg(values, '--jobs', 1, 1, 32);
  const planner = (values.get('--planner') ?? 'graph') as PlannerName;
  if (!PLANNERS.includes(planner)) throw new BenchInputError(`--planner must be one of ${PLANNERS.join(', ')} (got "${planner}")`);
  const ids = values.has('--tasks') ? idList(values.get('--tasks')!, '--tasks', 1, 40) : PLAN4MC_TASKS.map((t) => t.id);
  const shard = shardArg(values.get('--shard'));
  const dir = values.get('--out') ?? join('bench', 'results', `plan4mc-${planner}`);

  const spawns = await saveWorldsFromArgs(values, 3, 100);
  if (spawns && values.has('--host')) throw new BenchInputError('--world is served by the sandbox; it cannot be combined with --host');
  const all = spawns ? ids.flatMap((taskId) => spawns.map((world) => ({ taskId, world }))) : jobsFor(ids, values);
  const worlds = formatJobs(all);
  // Longest tasks first, so the last job to finish is a short one.
  const jobs = all.filter((_, i) => !shard || i % shard.count === shard.index)
    .sort((a, b) => expectedLength(b.taskId) - expectedLength(a.taskId) || a.taskId - b.taskId || a.world.seed - b.world.seed);
  const startedAt = new Date();
  const traceRoot = join('runs', 'bench', `plan4mc-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  const results: TaskResult[] = [];
  const progress = new Progress(jobs.length, out);
  out(`plan4mc: ${jobs.length} runs (${ids.length} tasks, ${spawns ? `${spawns.length} spawn points on ${values.get('--world')!}` : values.has('--seed-list') ? 'listed worlds' : 'worlds drawn at random over every preset'}${shard ? `, shard ${shard.index + 1}/${shard.count}` : ''}), planner ${planner}, ${jobsN} job(s) → ${dir}`);
  out(`repeat with: npm run bench -- plan4mc ${spawns ? repeatArgs(spawns) : `--seed-list ${worlds}`}`);
  try {
    const request = (job: Job) => ({ kind: 'plan4mc' as const, taskId: job.taskId, world: job.world, planner, traceRoot, ...(host ? { host, port } : {}), ...(route ? { route } : {}) });
    await runPool(jobs, jobsN, request, (job, reply) => {
      const task = PLAN4MC_TASKS.find((t) => t.id === job.taskId)!;
      const r: TaskResult = 'result' in reply ? reply.result : {
        id: task.id, name: task.name, group: task.group, seed: job.world.seed, preset: job.world.preset, success: false, cause: 'crash',
        detail: 'error' in reply ? reply.error : 'the worker gave no result',
        gameSeconds: 0, wallSeconds: 0, steps: 0, failuresRecovered: 0, modelCalls: 0, tokens: 0, lowerBound: 0, ratio: null,
        budgetSeconds: task.maxSteps / 20, plan: [], stepSeconds: [], noChangeMax: 0,
      };
      results.push(r);
      progress.done(r);
    }, signal);
  } finally {
    progress.end();
  }
  const suite: SuiteResults = {
    meta: {
      suite: 'plan4mc', planner, worlds, drawn: !values.has('--seed-list') && !values.has('--spawn-list'), jobs: jobsN,
      ...(spawns ? { save: { path: values.get('--world')!, repeat: repeatArgs(spawns) } } : {}), ...(shard ? { shard: `${shard.index + 1}/${shard.count}` } : {}),
      target: host ? `${host}:${port}` : `the embedded sandbox (flying-squid 1.12.0, Minecraft 1.20.1)${route ? `, in its own process, through ${route.delayMs ?? 0}±${route.jitterMs ?? 0} ms of one-way latency` : ''}`,
      startedAt: startedAt.toISOString(), wallSeconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
      node: process.versions.node, cpus: cpus().length, ...gitCommit(),
    },
    results: results.sort(byRow),
  };
  if (signal.aborted) {
    out('plan4mc: stopped; no report written');
    return 130;
  }
  keepFailedTraces(dir, suite.results);
  writeSuite(dir, suite);
  out(terminalReport(suite));
  out(`report: ${join(dir, 'report.md')}`);
  return overall(suite.results) >= 0.95 ? 0 : 1;
}

/**
 * `bench merge DIR... [--out DIR]`: joins the results.json of shards (or of several machines) into one
 * report. Rows of the same task and seed are kept once (the last directory wins).
 */
export function benchMerge(args: string[], { out }: BenchDeps): Promise<number> {
  const { values, rest } = parseBenchArgs(args, ['--out']);
  if (rest.length === 0) throw new BenchInputError('bench merge needs the result directories to merge');
  const parts = rest.map((d) => readSuite(d));
  const rows = new Map<string, TaskResult>();
  for (const p of parts) for (const r of p.results) rows.set(`${r.id}@${rowWorld(r)}`, r);
  const first = parts[0]!.meta;
  const results = [...rows.values()].sort(byRow);
  const merged: SuiteResults = {
    meta: {
      ...first, shard: undefined, worlds: results.map((r) => `${r.id}@${rowWorld(r)}`).join(','),
      drawn: parts.every((p) => p.meta.drawn),
      jobs: parts.reduce((n, p) => n + p.meta.jobs, 0), wallSeconds: Math.max(...parts.map((p) => p.meta.wallSeconds)),
    },
    results,
  };
  delete merged.meta.shard;
  const dir = values.get('--out') ?? rest[0]!;
  writeSuite(dir, merged);
  out(terminalReport(merged));
  out(`report: ${join(dir, 'report.md')}`);
  return Promise.resolve(overall(merged.results) >= 0.95 ? 0 : 1);
}

/** `--latency MS [--jitter MS]`: each task's sandbox in its own process, reached through the latency proxy. */
function latencyRoute(values: Map<string, string>): Route | undefined {
  if (!values.has('--latency')) {
    if (values.has('--jitter')) throw new BenchInputError('--jitter goes with --latency MS');
    return undefined;
  }
  if (values.has('--host')) throw new BenchInputError('--latency is for the sandbox; a --host server is reached as it is');
  return { process: true, delayMs: intArg(values, '--latency', 0, 0, 5000), jitterMs: intArg(values, '--jitter', 0, 0, 5000) };
}

function byRow(a: TaskResult, b: TaskResult): number {
  return a.id - b.id || a.preset.localeCompare(b.preset) || a.seed - b.seed;
}

/**
 * The runs: `--seed-list` entries `21@plains:123` (that task in that world) or `plains:123` (every
 * selected task in that world); else N worlds per task drawn at random over every preset.
 */
function jobsFor(ids: readonly number[], values: Map<string, string>): Job[] {
  const list = values.get('--seed-list');
  if (list === undefined) {
    const n = intArg(values, '--seeds', 3, 1, 100);
    return ids.flatMap((taskId) => drawWorlds(n, ALL_PRESETS).map((world) => ({ taskId, world })));
  }
  if (values.has('--seeds')) throw new BenchInputError('give --seeds N (random worlds) or --seed-list (these worlds), not both');
  const jobs: Job[] = [];
  for (const part of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)@(.+)$/.exec(part);
    const [world] = parseWorldList(m ? m[2]! : part);
    if (m) {
      const taskId = Number(m[1]);
      if (!PLAN4MC_TASKS.some((t) => t.id === taskId)) throw new BenchInputError(`--seed-list: no Plan4MC task ${taskId} in "${part}"`);
      if (ids.includes(taskId)) jobs.push({ taskId, world: world! });
    } else {
      for (const taskId of ids) jobs.push({ taskId, world: world! });
    }
  }
  if (jobs.length === 0) throw new BenchInputError('--seed-list names no run of the selected tasks');
  return jobs;
}

function formatJobs(jobs: readonly Job[]): string {
  return jobs.map((j) => `${j.taskId}@${worldName(j.world)}`).join(',');
}

/** Copies the traces of failed runs beside the report (runs/ is not kept), and points the rows at them. */
function keepFailedTraces(dir: string, results: TaskResult[]): void {
  for (const r of results) {
    if (r.success || !r.trace) continue;
    r.trace = keepTrace(dir, r.trace, `${r.id}-${rowWorld(r).replace(/\W+/g, '-')}`);
  }
}

/**
 * How long a task is expected to take, for the order of the queue: ore tasks (a furnace, smelting at
 * 10 s an ingot, digging down) take minutes, the rest seconds; within a group the budget decides.
 */
function expectedLength(id: number): number {
  const task = PLAN4MC_TASKS.find((t) => t.id === id);
  if (!task) return 0;
  return (task.group === 'mine-ores' ? 100_000 : 0) + task.maxSteps;
}

export function readSuite(dir: string): SuiteResults {
  let text: string;
  try {
    text = readFileSync(join(dir, 'results.json'), 'utf8');
  } catch (err) {
    throw new BenchInputError(`cannot read ${join(dir, 'results.json')}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const data = JSON.parse(text) as SuiteResults;
  if (data.meta?.suite !== 'plan4mc' || !Array.isArray(data.results)) throw new BenchInputError(`${join(dir, 'results.json')} is not a plan4mc results file`);
  return data;
}

/** Writes results.json, report.md and the chart, each through a temporary file so nothing is half-written. */
function writeSuite(dir: string, s: SuiteResults): void {
  mkdirSync(dir, { recursive: true });
  const chart = 'success-by-group.svg';
  const groups = groupRates(s.results);
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, `${name}.tmp`), text);
    renameSync(join(dir, `${name}.tmp`), join(dir, name));
  };
  write('results.json', `${JSON.stringify(s, null, 1)}\n`);
  write(chart, barChartSvg({
    title: `Plan4MC tasks: success by group (${s.meta.planner} planner, ${s.results.length} runs)`,
    categories: GROUPS, max: 1,
    series: [
      { label: 'Skillcraft', colour: '#2e7d32', values: GROUPS.map((g) => (Number.isFinite(groups[g].rate) ? groups[g].rate : null)) },
      { label: 'Plan4MC (paper)', colour: '#9e9e9e', values: GROUPS.map((g) => PLAN4MC_GROUP_RATES[g]) },
    ],
  }));
  write('report.md', markdownReport(s, chart));
}

function gitCommit(): { commit?: string } {
  try {
    return { commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() };
  } catch {
    // Not a git checkout (an unpacked release): the report simply names no commit.
    return {};
  }
}
