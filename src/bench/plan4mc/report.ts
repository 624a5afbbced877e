import type { Plan4mcGroup } from '../../tasks/plan4mc.ts';
import { PLAN4MC_TASKS } from '../../tasks/plan4mc.ts';
import { formatTable, median } from '../table.ts';
import type { SuiteResults, TaskResult } from './types.ts';

/** Plan4MC's published success rates per group (paper, Table 2), for comparison. */
export const PLAN4MC_GROUP_RATES: Readonly<Record<Plan4mcGroup, number>> = {
  'cut-trees': 0.417, 'mine-stones': 0.293, 'interact-mobs': 0.32, 'mine-ores': 0.267,
};
export const GROUPS: readonly Plan4mcGroup[] = ['cut-trees', 'mine-stones', 'interact-mobs', 'mine-ores'];

export interface TaskRow {
  id: number; name: string; group: Plan4mcGroup; runs: number; successes: number;
  medianGame: number; medianWall: number; medianSteps: number; medianRatio: number | null; causes: string[];
}

export function byTask(results: readonly TaskResult[]): TaskRow[] {
  const ids = [...new Set(results.map((r) => r.id))].sort((a, b) => a - b);
  return ids.map((id) => {
    const rs = results.filter((r) => r.id === id);
    const ok = rs.filter((r) => r.success);
    const ratios = ok.map((r) => r.ratio).filter((x): x is number => x !== null);
    return {
      id, name: rs[0]!.name, group: rs[0]!.group, runs: rs.length, successes: ok.length,
      medianGame: median(ok.map((r) => r.gameSeconds)), medianWall: median(rs.map((r) => r.wallSeconds)),
      medianSteps: median(ok.map((r) => r.steps)), medianRatio: ratios.length ? median(ratios) : null,
      causes: rs.filter((r) => !r.success).map((r) => `seed ${r.seed}: ${r.cause ?? '?'}`),
    };
  });
}

export function groupRates(results: readonly TaskResult[]): Record<Plan4mcGroup, { runs: number; rate: number }> {
  const out = {} as Record<Plan4mcGroup, { runs: number; rate: number }>;
  for (const g of GROUPS) {
    const rs = results.filter((r) => r.group === g);
    out[g] = { runs: rs.length, rate: rs.length ? rs.filter((r) => r.success).length / rs.length : NaN };
  }
  return out;
}

export function overall(results: readonly TaskResult[]): number {
  return results.length ? results.filter((r) => r.success).length / results.length : NaN;
}

/** Failures counted by cause category. */
export function causes(results: readonly TaskResult[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) if (!r.success) out[r.cause ?? 'unknown'] = (out[r.cause ?? 'unknown'] ?? 0) + 1;
  return out;
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number | null) => (n !== null && Number.isFinite(n) ? n.toFixed(2) : '–');

export function terminalReport(s: SuiteResults): string {
  const rows = byTask(s.results).map((t) => [
    String(t.id), t.name, `${t.successes}/${t.runs}`, f1(t.medianGame), f1(t.medianWall), f1(t.medianSteps), f2(t.medianRatio), t.causes.join('; '),
  ]);
  const groups = groupRates(s.results);
  const lines = [
    formatTable(['#', 'task', 'success', 'game s', 'wall s', 'steps', 'ratio', 'failures'], rows),
    '',
    formatTable(['group', 'runs', 'success', 'Plan4MC'], GROUPS.map((g) => [g, String(groups[g].runs), f2(groups[g].rate), f2(PLAN4MC_GROUP_RATES[g])])),
    '',
    `overall success ${f2(overall(s.results))} over ${s.results.length} runs (Plan4MC: 0.32); ${s.meta.wallSeconds.toFixed(0)} s wall with ${s.meta.jobs} job(s)`,
  ];
  const c = causes(s.results);
  if (Object.keys(c).length) lines.push(`failure causes: ${Object.entries(c).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  return lines.join('\n');
}

export function markdownReport(s: SuiteResults, chartFile: string): string {
  const m = s.meta;
  const groups = groupRates(s.results);
  const table = (header: string[], rows: string[][]) =>
    [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const missing = PLAN4MC_TASKS.filter((t) => !s.results.some((r) => r.id === t.id)).map((t) => t.id);
  const c = causes(s.results);
  const failed = s.results.filter((r) => !r.success);
  return [
    `# Plan4MC suite: ${m.planner} planner`,
    '',
    `${s.results.length} runs (seeds ${m.seeds.join(', ')}) on ${m.target}, started ${m.startedAt}, ${m.wallSeconds.toFixed(0)} s wall with ${m.jobs} job(s) on ${m.cpus} CPU(s), Node ${m.node}${m.commit ? `, commit ${m.commit}` : ''}.`,
    `Each task starts from Plan4MC's initial inventory (given with /give); mob tasks get 3 cows and 3 sheep (/summon) within 30 blocks; the budget is Plan4MC's max_steps / 20 game seconds.`,
    '',
    `**Overall success: ${f2(overall(s.results))}** (Plan4MC reports about 0.32).`,
    '',
    `![success by group](${chartFile})`,
    '',
    table(['group', 'runs', 'success', 'Plan4MC'], GROUPS.map((g) => [g, String(groups[g].runs), f2(groups[g].rate), f2(PLAN4MC_GROUP_RATES[g])])),
    '',
    '## Per task',
    '',
    'Medians over the successful runs; ratio is game seconds over the lower bound of the executed plan (dig, smelt and kill times with the tools carried, straight-line travel at sprint speed).',
    '',
    table(['#', 'task', 'group', 'success', 'game s', 'wall s', 'steps', 'ratio'], byTask(s.results).map((t) => [
      String(t.id), t.name, t.group, `${t.successes}/${t.runs}`, f1(t.medianGame), f1(t.medianWall), f1(t.medianSteps), f2(t.medianRatio),
    ])),
    '',
    '## Failures',
    '',
    failed.length === 0 ? 'None.' : table(['#', 'task', 'seed', 'cause', 'detail'], failed.map((r) => [String(r.id), r.name, String(r.seed), r.cause ?? '?', (r.detail ?? '').replace(/\|/g, '\\|').slice(0, 160)])),
    '',
    Object.keys(c).length ? `By cause: ${Object.entries(c).map(([k, n]) => `${k} ×${n}`).join(', ')}.` : '',
    missing.length ? `Not run in this report: tasks ${missing.join(', ')}.` : '',
    '',
  ].join('\n');
}
