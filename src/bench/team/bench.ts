// `bench team`: the split-inventory suite (ingredients spread over the bots, the goal in the first bot's
// hands) and the team tech tree (an iron pickaxe from nothing with 1, 2 and 3 bots in the same worlds),
// each run a fresh sandbox with a team, in worker processes.
import { join } from 'node:path';
import type { BenchDeps } from '../index.ts';
import { keepTrace } from '../keepTrace.ts';
import { BenchInputError, intArg, parseBenchArgs } from '../plan4mc/args.ts';
import { formatWorldList, worldsFromArgs, type World } from '../worlds.ts';
import { MAX_BOTS } from '../../world/openTeam.ts';
import { runTeamPool } from './pool.ts';
import { allMet } from './report.ts';
import { BUDGETS, crashResult, jobBots, jobTask, type TeamJob, type TeamRunResult } from './run.ts';
import { selectTasks, type SplitTask } from './tasks.ts';
import { teamTerminal, writeTeamReport } from './write.ts';

export type TeamPart = 'split' | 'techtree' | 'all';

export interface TeamPlan {
  part: TeamPart;
  worlds: World[];
  /** The split suite's worlds: all of them, or the first `--split-seeds` when both parts run. */
  splitWorlds: World[];
  tasks: SplitTask[];
  sizes: number[];
  /** Arguments that repeat the run. */
  repeat: string;
}

const DEFAULT_SEEDS = { split: 3, techtree: 5 } as const;

/** "3,1,2" → [1, 2, 3]: team sizes for the tech tree (without 1 there is no ratio to one bot to report). */
export function sizesArg(text: string | undefined): number[] {
  if (text === undefined) return [1, 2, 3];
  const sizes = [...new Set(text.split(',').map((s) => Number(s.trim())))].sort((a, b) => a - b);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_BOTS)) throw new BenchInputError(`--sizes: team sizes are 1 to ${MAX_BOTS} (got "${text}")`);
  return sizes;
}

/**
 * `bench team [split|techtree] [--tasks a,b] [--sizes 1,2,3] [--seeds N | --seed-list L] [--split-seeds K] [--jobs N] [--out DIR]`.
 * Without a part both run: the tech tree in every world (default 5), the split suite in the first K
 * (default 3) of the same worlds.
 */
export function planTeam(args: readonly string[]): TeamPlan & { jobs: number; out: string } {
  const { values, rest } = parseBenchArgs(args, ['--tasks', '--sizes', '--seeds', '--seed-list', '--split-seeds', '--jobs', '--out']);
  const part = (rest[0] ?? 'all') as TeamPart;
  if (!['split', 'techtree', 'all'].includes(part) || rest.length > 1) throw new BenchInputError(`bench team [split|techtree]: unknown part "${rest.join(' ')}"`);
  if (part === 'techtree' && values.has('--tasks')) throw new BenchInputError('--tasks is for the split suite (bench team split)');
  if (part === 'split' && values.has('--sizes')) throw new BenchInputError('--sizes is for the tech tree (bench team techtree)');
  if (part !== 'all' && values.has('--split-seeds')) throw new BenchInputError('--split-seeds is for a run of both parts (bench team)');
  const { worlds } = worldsFromArgs(values, part === 'split' ? DEFAULT_SEEDS.split : DEFAULT_SEEDS.techtree, 100);
  const k = part === 'all' ? intArg(values, '--split-seeds', Math.min(DEFAULT_SEEDS.split, worlds.length), 1, worlds.length) : worlds.length;
  const splitWorlds = worlds.slice(0, k);
  const list = `--seed-list ${formatWorldList(worlds)}`;
  const quoted = (v: string) => (/^[\w,.-]+$/.test(v) ? v : `"${v}"`);
  const repeat = [
    ...(part === 'all' ? [] : [part]), list, ...(part === 'all' && k !== Math.min(DEFAULT_SEEDS.split, worlds.length) ? [`--split-seeds ${k}`] : []),
    ...(['--tasks', '--sizes'] as const).flatMap((name) => (values.has(name) ? [`${name} ${quoted(values.get(name)!)}`] : [])),
  ].join(' ');
  return {
    part, worlds, splitWorlds, tasks: part === 'techtree' ? [] : selectTasks(values.get('--tasks')), sizes: part === 'split' ? [] : sizesArg(values.get('--sizes')),
    repeat, jobs: intArg(values, '--jobs', 1, 1, 8), out: values.get('--out') ?? join('bench', 'results', 'team', ...(part === 'all' ? [] : [part])),
  };
}

/** Every run of the plan, longest first (the tech tree's, one bot first), so the last to finish is short. */
export function teamJobs(plan: TeamPlan, traceRoot: string): TeamJob[] {
  const tree: TeamJob[] = plan.sizes.flatMap((bots) => plan.worlds.map((world) => ({ kind: 'tree' as const, bots, world, traceRoot })));
  const split: TeamJob[] = plan.tasks.flatMap((task) => plan.splitWorlds.map((world) => ({ kind: 'split' as const, task, world, traceRoot })));
  return [...tree, ...split];
}

export async function benchTeam(args: string[], { out, signal }: BenchDeps): Promise<number> {
  const plan = planTeam(args);
  const startedAt = new Date();
  const traceRoot = join('runs', 'bench', `team-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  const jobs = teamJobs(plan, traceRoot);
  const parts = [
    ...(plan.sizes.length ? [`tech tree: iron pickaxe with ${plan.sizes.join(', ')} bots × ${plan.worlds.length} worlds (budget ${BUDGETS.tree.seconds} game s)`] : []),
    ...(plan.tasks.length ? [`split inventories: ${plan.tasks.length} tasks × ${plan.splitWorlds.length} worlds`] : []),
  ];
  out(`team: ${jobs.length} runs (${parts.join('; ')}), ${plan.jobs} job(s) → ${plan.out}`);
  out(`worlds (${plan.worlds.length}): repeat with: npm run bench -- team ${plan.repeat}`);
  const results: TeamRunResult[] = [];
  await runTeamPool(jobs, plan.jobs, (job, reply) => {
    const r = 'result' in reply ? reply.result : crashResult(job, reply.error);
    results.push(r);
    const extra = [`${r.handovers} hand-over(s)`, ...(r.dugTwice ? [`${r.dugTwice} dug twice`] : []), ...(r.itemsLost ? [`${r.itemsLost} item(s) lost`] : [])].join(', ');
    out(`[${results.length}/${jobs.length}] ${r.kind === 'tree' ? 'tree' : 'split'} ${r.task} (${r.bots} bots) in ${r.world}: ${r.success ? 'done' : `NOT done (${r.reason}${r.detail ? `: ${r.detail}` : ''})`} — ${r.gameSeconds} game s, ${extra}`);
  }, signal);
  if (signal.aborted) {
    out('team: stopped; no report written');
    return 130;
  }
  // Traces of runs that failed or broke a check are copied beside the report (runs/ is not kept).
  for (const r of results) {
    if (r.trace && (!r.success || r.dugTwice > 0 || r.itemsLost > 0 || r.itemsGained > 0)) {
      r.trace = keepTrace(plan.out, r.trace, `${r.kind}-${r.task.replace(/\W+/g, '_')}-${r.bots}bots-${r.world.replace(/\W+/g, '-')}`);
    }
  }
  // Rows in plan order, whatever order the workers finished in.
  const order = (r: TeamRunResult) => jobs.findIndex((j) => j.kind === r.kind && jobTask(j) === r.task && jobBots(j) === r.bots && j.world.seed === r.seed);
  results.sort((a, b) => order(a) - order(b));
  const meta = { startedAt: startedAt.toISOString(), wallSeconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10, jobs: plan.jobs, repeat: plan.repeat };
  out(teamTerminal(results, meta));
  writeTeamReport(plan.out, results, meta);
  out(`report: ${join(plan.out, 'report.md')}`);
  return allMet(results) ? 0 : 1;
}
