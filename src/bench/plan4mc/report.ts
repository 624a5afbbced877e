import type { Plan4mcGroup } from '../../tasks/plan4mc.ts';
import { PLAN4MC_TASKS } from '../../tasks/plan4mc.ts';
import { formatTable, median } from '../table.ts';
import { formatRate } from '../worlds.ts';
import { rowWorld, type SuiteResults, type TaskResult } from './types.ts';

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
      causes: rs.filter((r) => !r.success).map((r) => `${rowWorld(r)}: ${r.cause ?? '?'}`),
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

/** Overall success with its 95 % interval: "0.98 (95 % CI 0.94–0.99), 118/120". */
export function overallText(results: readonly TaskResult[]): string {
  return formatRate(results.filter((r) => r.success).length, results.length);
}

/** The most times any run repeated a step that changed nothing (from the traces), and where. */
export function noChangeText(results: readonly TaskResult[]): string {
  const worst = [...results].sort((a, b) => (b.noChangeMax ?? 0) - (a.noChangeMax ?? 0))[0];
  const max = worst?.noChangeMax ?? 0;
  return `steps repeated without changing anything: at most ${max} in a row${max > 0 && worst ? ` (${worst.noChangeCall ?? '?'}, task ${worst.id} in ${rowWorld(worst)})` : ''}; the limit is 2`;
}

/** Failures counted by cause category. */
export function causes(results: readonly TaskResult[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) if (!r.success) out[r.cause ?? 'unknown'] = (out[r.cause ?? 'unknown'] ?? 0) + 1;
  return out;
}

function groupText(results: readonly TaskResult[], g: Plan4mcGroup): string {
  const rs = results.filter((r) => r.group === g);
  return formatRate(rs.filter((r) => r.success).length, rs.length);
}

function presetsOf(results: readonly TaskResult[]): string[] {
  return [...new Set(results.map((r) => r.preset))].sort();
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
    formatTable(['group', 'runs', 'success', 'Plan4MC'], GROUPS.map((g) => [g, String(groups[g].runs), groupText(s.results, g), f2(PLAN4MC_GROUP_RATES[g])])),
    '',
    `overall success ${overallText(s.results)} (Plan4MC: 0.32); ${s.meta.wallSeconds.toFixed(0)} s wall with ${s.meta.jobs} job(s)`,
    noChangeText(s.results),
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
    `${s.results.length} runs on ${m.target}, started ${m.startedAt}, ${m.wallSeconds.toFixed(0)} s wall with ${m.jobs} job(s) on ${m.cpus} CPU(s), Node ${m.node}${m.commit ? `, commit ${m.commit}` : ''}.`,
    m.save
      ? `Each task ran from the same spawn points on the world save ${m.save.path} (vanilla terrain served by the sandbox; the planner plans for vanilla's overworld); repeat with \`npm run bench -- plan4mc ${m.save.repeat}\`.`
      : `${m.drawn ? 'Each task ran in worlds drawn at random: a random seed and a preset taken in turn from all four (forest, plains, extreme_hills, forest_hills)' : 'The worlds were given with --seed-list'}; every run can be repeated with \`npm run bench -- plan4mc --seed-list <task@preset:seed,…>\` (the list is in results.json, meta.worlds).`,
    `Each task starts from Plan4MC's initial inventory (given with /give); mob tasks get 3 cows and 3 sheep (/summon) within 30 blocks; the budget is Plan4MC's max_steps / 20 game seconds.`,
    '',
    `**Overall success: ${overallText(s.results)}** (Plan4MC reports about 0.32). The interval is Wilson's, at 95 %.`,
    '',
    `${noChangeText(s.results)[0]!.toUpperCase()}${noChangeText(s.results).slice(1)}.`,
    '',
    `![success by group](${chartFile})`,
    '',
    table(['group', 'runs', 'success (95 % CI)', 'Plan4MC'], GROUPS.map((g) => [g, String(groups[g].runs), groupText(s.results, g), f2(PLAN4MC_GROUP_RATES[g])])),
    '',
    table(['preset', 'runs', 'success (95 % CI)'], presetsOf(s.results).map((p) => {
      const rs = s.results.filter((r) => r.preset === p);
      return [p, String(rs.length), formatRate(rs.filter((r) => r.success).length, rs.length)];
    })),
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
    failed.length === 0 ? 'None.' : table(['#', 'task', 'world', 'cause', 'detail', 'trace'], failed.map((r) => [
      String(r.id), r.name, rowWorld(r), r.cause ?? '?', (r.detail ?? '').replace(/\|/g, '\\|').slice(0, 160), r.trace ? `[trace](${r.trace})` : '–',
    ])),
    '',
    Object.keys(c).length ? `By cause: ${Object.entries(c).map(([k, n]) => `${k} ×${n}`).join(', ')}.` : '',
    missing.length ? `Not run in this report: tasks ${missing.join(', ')}.` : '',
    '',
  ].join('\n');
}
