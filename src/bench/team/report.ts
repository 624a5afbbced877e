// The figures of `bench team`, pure: the split-inventory suite per task and overall (success, hand-overs,
// the two trace checks), and the team tech tree (game seconds per world and team size, the ratio of the
// medians to one bot's). The markdown and the terminal table are made from the same rows.
import { median } from '../table.ts';
import { wilson } from '../worlds.ts';
import type { TeamRunResult } from './run.ts';

/** Targets of issue 17. */
export const TARGETS = { splitRate: 0.95, ratio: { 2: 0.75, 3: 0.6 } as Readonly<Record<number, number>> } as const;

export interface SplitRow {
  task: string;
  bots: number;
  runs: number;
  ok: number;
  /** Median game seconds of the runs done (NaN: none). */
  game: number;
  /** Hand-overs per run (mean), and by method over all runs. */
  handovers: number;
  drop: number;
  chest: number;
  handoversFailed: number;
  dugTwice: number;
  itemsLost: number;
  itemsGained: number;
}

export interface SplitOverall extends Omit<SplitRow, 'task' | 'bots'> {
  tasks: number;
  /** Success rate with its 95 % interval. */
  rate: number;
  low: number;
  high: number;
  /** Each target: met or not. */
  met: { rate: boolean; dugTwice: boolean; itemsLost: boolean };
}

const sum = (rs: readonly TeamRunResult[], f: (r: TeamRunResult) => number) => rs.reduce((n, r) => n + f(r), 0);

function splitFigures(rs: readonly TeamRunResult[]): Omit<SplitRow, 'task' | 'bots'> {
  return {
    runs: rs.length, ok: rs.filter((r) => r.success).length, game: median(rs.filter((r) => r.success).map((r) => r.gameSeconds)),
    handovers: rs.length ? sum(rs, (r) => r.handovers) / rs.length : NaN, drop: sum(rs, (r) => r.methods.drop), chest: sum(rs, (r) => r.methods.chest),
    handoversFailed: sum(rs, (r) => r.handoversFailed), dugTwice: sum(rs, (r) => r.dugTwice), itemsLost: sum(rs, (r) => r.itemsLost), itemsGained: sum(rs, (r) => r.itemsGained),
  };
}

/** One row per split task, in the order the tasks first appear. */
export function splitRows(results: readonly TeamRunResult[]): SplitRow[] {
  const split = results.filter((r) => r.kind === 'split');
  return [...new Set(split.map((r) => r.task))].map((task) => {
    const rs = split.filter((r) => r.task === task);
    return { task, bots: rs[0]!.bots, ...splitFigures(rs) };
  });
}

export function splitOverall(results: readonly TeamRunResult[]): SplitOverall {
  const split = results.filter((r) => r.kind === 'split');
  const f = splitFigures(split);
  const w = wilson(f.ok, f.runs);
  return {
    ...f, tasks: new Set(split.map((r) => r.task)).size, rate: w.rate, low: w.low, high: w.high,
    met: { rate: f.runs > 0 && w.rate >= TARGETS.splitRate, dugTwice: f.dugTwice === 0, itemsLost: f.itemsLost === 0 && f.itemsGained === 0 },
  };
}

export interface TreeWorldRow {
  world: string;
  /** Game seconds by team size (undefined: not done). */
  game: Record<number, number | undefined>;
}

export interface TreeFigures {
  sizes: number[];
  worlds: TreeWorldRow[];
  /** By team size: runs, successes, median game seconds of the runs done, hand-overs (all runs) and those not ok. */
  bySize: Record<number, { runs: number; ok: number; median: number; handovers: number; handoversFailed: number }>;
  /** By team size other than 1: median / one bot's median, and its target (undefined: none). */
  ratios: Record<number, { ratio: number; target?: number; met: boolean }>;
  /** Every size done in every world, and every ratio within its target. */
  met: boolean;
  dugTwice: number;
  itemsLost: number;
  /** Picked up by a team mate instead of the receiver, and handed on (not lost). */
  itemsAstray: number;
}

export function treeFigures(results: readonly TeamRunResult[]): TreeFigures {
  const tree = results.filter((r) => r.kind === 'tree');
  const sizes = [...new Set(tree.map((r) => r.bots))].sort((a, b) => a - b);
  const worlds = [...new Set(tree.map((r) => r.world))].map((world) => ({
    world, game: Object.fromEntries(sizes.map((n) => [n, tree.find((r) => r.world === world && r.bots === n && r.success)?.gameSeconds])),
  }));
  const bySize: TreeFigures['bySize'] = {};
  for (const n of sizes) {
    const rs = tree.filter((r) => r.bots === n);
    bySize[n] = {
      runs: rs.length, ok: rs.filter((r) => r.success).length, median: median(rs.filter((r) => r.success).map((r) => r.gameSeconds)),
      handovers: sum(rs, (r) => r.handovers), handoversFailed: sum(rs, (r) => r.handoversFailed),
    };
  }
  const ratios: TreeFigures['ratios'] = {};
  const one = bySize[1]?.median;
  for (const n of sizes.filter((s) => s !== 1)) {
    const ratio = one === undefined || !Number.isFinite(one) || one <= 0 ? NaN : bySize[n]!.median / one;
    const target = TARGETS.ratio[n];
    ratios[n] = { ratio, ...(target === undefined ? {} : { target }), met: target === undefined || (Number.isFinite(ratio) && ratio <= target) };
  }
  const allDone = sizes.every((n) => bySize[n]!.ok === bySize[n]!.runs);
  return {
    sizes, worlds, bySize, ratios, met: tree.length > 0 && allDone && Object.values(ratios).every((r) => r.met),
    dugTwice: sum(tree, (r) => r.dugTwice), itemsLost: sum(tree, (r) => r.itemsLost + r.itemsGained), itemsAstray: sum(tree, (r) => r.itemsAstray),
  };
}

/** Whether every part that ran met its targets (the benchmark's exit code). */
export function allMet(results: readonly TeamRunResult[]): boolean {
  if (results.length === 0) return false;
  const hasSplit = results.some((r) => r.kind === 'split');
  const hasTree = results.some((r) => r.kind === 'tree');
  const o = splitOverall(results);
  const t = treeFigures(results);
  return (!hasSplit || (o.met.rate && o.met.dugTwice && o.met.itemsLost)) && (!hasTree || (t.met && t.dugTwice === 0 && t.itemsLost === 0));
}

export const f1 = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n.toFixed(1) : '–');
export const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
export const metText = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** The split suite's table: header and rows (the last row is the overall one). */
export function splitTable(results: readonly TeamRunResult[]): { header: string[]; rows: string[][] } {
  const header = ['task', 'bots', 'done', 'median game s', 'hand-overs per run', 'drop / chest', 'hand-overs not ok', 'dug twice', 'items lost'];
  const line = (task: string, bots: string, r: Omit<SplitRow, 'task' | 'bots'>) => [
    task, bots, `${r.ok}/${r.runs}`, f1(r.game), f1(r.handovers), `${r.drop} / ${r.chest}`, String(r.handoversFailed), String(r.dugTwice),
    r.itemsGained ? `${r.itemsLost} (+${r.itemsGained} gained)` : String(r.itemsLost),
  ];
  const o = splitOverall(results);
  return { header, rows: [...splitRows(results).map((r) => line(r.task, String(r.bots), r)), line(`all ${o.tasks} tasks`, '', o)] };
}

/** The tech tree's tables: game seconds per world and size; then per size: done, median, ratio to one bot. */
export function treeTables(results: readonly TeamRunResult[]): { perWorld: { header: string[]; rows: string[][] }; bySize: { header: string[]; rows: string[][] } } {
  const t = treeFigures(results);
  const label = (n: number) => `${n} bot${n === 1 ? '' : 's'}`;
  return {
    perWorld: { header: ['world', ...t.sizes.map((n) => `${label(n)} game s`)], rows: t.worlds.map((w) => [w.world, ...t.sizes.map((n) => (w.game[n] === undefined ? 'not done' : f1(w.game[n])))]) },
    bySize: {
      header: ['team', 'done', 'median game s', 'ratio to 1 bot', 'target', '', 'hand-overs (not ok)'],
      rows: t.sizes.map((n) => {
        const r = t.ratios[n];
        const b = t.bySize[n]!;
        return [label(n), `${b.ok}/${b.runs}`, f1(b.median), n === 1 ? '1.00' : f2(r?.ratio ?? NaN), r?.target === undefined ? (n === 1 ? `${b.runs}/${b.runs} done` : '') : `≤ ${r.target.toFixed(2)}`,
          metText(b.ok === b.runs && (r?.met ?? true)), `${b.handovers} (${b.handoversFailed})`];
      }),
    },
  };
}
