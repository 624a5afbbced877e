import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTable, median } from '../table.ts';
import type { WorldTaskResult } from '../worldTask.ts';
import { ALL_PRESETS, formatRate, wilson } from '../worlds.ts';

/** A success target: the rate, and optionally the lowest acceptable lower end of the 95 % interval. */
export interface TaskTarget { rate: number; low?: number }

export interface TasksMeta { bench: string; startedAt: string; wallSeconds: number; jobs: number }

interface Row { task: string; runs: number; ok: number; game: number; steps: number; wall: number; target?: TaskTarget }

/** A task, with the version when the benchmark chose it, and how the bot reached the world when that was not in-process. */
function labelOf(r: WorldTaskResult): string {
  const task = r.version ? `${r.task} on ${r.version}` : r.task;
  return r.route === 'in-process' ? task : `${task} (${r.route})`;
}

/** Whether every row (task, version, route) met its target (0.95 where none is set). */
export function allTargetsMet(results: readonly WorldTaskResult[], targets: Readonly<Record<string, TaskTarget>>): boolean {
  return results.length > 0 && rows(results, targets).every((r) => {
    const t = r.target ?? { rate: 0.95 };
    const w = wilson(r.ok, r.runs);
    return w.rate >= t.rate && w.low >= (t.low ?? 0);
  });
}

function rows(results: readonly WorldTaskResult[], targets: Readonly<Record<string, TaskTarget>>): Row[] {
  const labels = [...new Set(results.map(labelOf))];
  return labels.map((label) => {
    const rs = results.filter((r) => labelOf(r) === label);
    const ok = rs.filter((r) => r.success);
    const task = rs[0]!.task;
    return {
      task: label, runs: rs.length, ok: ok.length, game: median(ok.map((r) => r.gameSeconds)), steps: median(ok.map((r) => r.steps)),
      wall: median(rs.map((r) => r.wallSeconds)), ...(targets[task] ? { target: targets[task] } : {}),
    };
  });
}

/**
 * The same worlds reached two ways (`--compare`): median game and wall seconds over the worlds done both
 * ways, and the ratio of the other route to in-process.
 */
export function routeComparison(results: readonly WorldTaskResult[]): string[][] {
  const out: string[][] = [];
  for (const task of new Set(results.map((r) => r.task))) {
    const inProcess = results.filter((r) => r.task === task && r.route === 'in-process');
    for (const route of new Set(results.filter((r) => r.task === task && r.route !== 'in-process').map((r) => r.route))) {
      const pairs = inProcess.flatMap((a) => {
        const b = results.find((r) => r.task === task && r.route === route && r.seed === a.seed && r.preset === a.preset);
        return a.success && b?.success ? [[a, b] as const] : [];
      });
      if (pairs.length === 0) continue;
      const game = [median(pairs.map(([a]) => a.gameSeconds)), median(pairs.map(([, b]) => b.gameSeconds))] as const;
      const wall = [median(pairs.map(([a]) => a.wallSeconds)), median(pairs.map(([, b]) => b.wallSeconds))] as const;
      out.push([task, route, String(pairs.length), `${f1(game[0])} → ${f1(game[1])}`, `${f1(wall[0])} → ${f1(wall[1])}`, (game[1] / game[0]).toFixed(2)]);
    }
  }
  return out;
}

const COMPARISON_HEADER = ['task', 'route', 'worlds done both ways', 'median game s (in-process → route)', 'median wall s', 'game-time ratio'];

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

function targetText(t: TaskTarget | undefined): string {
  return t ? `≥ ${t.rate.toFixed(2)}${t.low !== undefined ? `, CI low > ${t.low.toFixed(2)}` : ''}` : '';
}

function met(r: Row): string {
  if (!r.target) return '';
  const w = wilson(r.ok, r.runs);
  return w.rate >= r.target.rate && w.low >= (r.target.low ?? 0) ? 'met' : 'MISSED';
}

export function noChangeLine(results: readonly WorldTaskResult[]): string {
  const worst = [...results].sort((a, b) => b.noChangeMax - a.noChangeMax)[0];
  const max = worst?.noChangeMax ?? 0;
  return `Steps repeated without changing anything: at most ${max} in a row${max > 0 && worst ? ` (${worst.noChangeCall ?? '?'}: ${worst.task} in ${worst.world})` : ''}; the limit is 2 (from the traces).`;
}

export function tasksTerminal(results: readonly WorldTaskResult[], targets: Readonly<Record<string, TaskTarget>>, meta: TasksMeta): string {
  const table = formatTable(['task', 'success (95 % CI)', 'target', '', 'median game s', 'median steps', 'median wall s'],
    rows(results, targets).map((r) => [r.task, formatRate(r.ok, r.runs), targetText(r.target), met(r), f1(r.game), f1(r.steps), f1(r.wall)]));
  const compared = routeComparison(results);
  const failed = results.filter((r) => !r.success).map((r) => `  ${labelOf(r)} in ${r.world}: ${r.reason}${r.detail ? ` (${r.detail})` : ''}${r.trace ? ` — ${r.trace}` : ''}`);
  return [table, ...(compared.length ? ['', formatTable(COMPARISON_HEADER, compared)] : []), '', noChangeLine(results), `${meta.wallSeconds.toFixed(0)} s wall with ${meta.jobs} job(s)`, ...(failed.length ? ['failures:', ...failed] : [])].join('\n');
}

export function writeTasksReport(dir: string, results: readonly WorldTaskResult[], targets: Readonly<Record<string, TaskTarget>>, meta: TasksMeta): void {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, `${name}.tmp`), text);
    renameSync(join(dir, `${name}.tmp`), join(dir, name));
  };
  const worlds = [...new Set(results.map((r) => r.world))];
  write('results.json', `${JSON.stringify({ meta: { ...meta, worlds: worlds.join(',') }, results }, null, 1)}\n`);
  const md = (header: string[], body: string[][]) =>
    [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const rs = rows(results, targets);
  const failed = results.filter((r) => !r.success);
  const presets = ALL_PRESETS.filter((p) => results.some((r) => r.preset === p));
  write('report.md', [
    `# \`bench ${meta.bench}\`: whole tasks from an empty inventory in random worlds`,
    '',
    `${results.length} runs on the embedded sandbox (Minecraft ${[...new Set(results.map((r) => r.version ?? '1.20.1'))].join(', ')}), started ${meta.startedAt}, ${meta.wallSeconds.toFixed(0)} s wall with ${meta.jobs} worker process(es). Each world is a random seed with a preset taken in turn from ${presets.join(', ')}; each run is a fresh sandbox, one bot, the graph planner and the resilient loop of \`skillcraft run\`. Repeat with \`npm run bench -- ${meta.bench} --seed-list <preset:seed,…>\` (the list is in results.json, meta.worlds). Intervals are Wilson's, at 95 %.`,
    '',
    md(['task', 'success (95 % CI)', 'target', '', 'median game s', 'median steps', 'median wall s'],
      rs.map((r) => [r.task, formatRate(r.ok, r.runs), targetText(r.target), met(r), f1(r.game), f1(r.steps), f1(r.wall)])),
    '',
    ...(routeComparison(results).length ? ['## The same worlds, in-process and through another route', '', md(COMPARISON_HEADER, routeComparison(results)), ''] : []),
    '## By preset',
    '',
    md(['task', ...presets], rs.map((r) => [r.task, ...presets.map((p) => {
      const x = results.filter((q) => labelOf(q) === r.task && q.preset === p);
      return `${x.filter((q) => q.success).length}/${x.length}`;
    })])),
    '',
    noChangeLine(results),
    '',
    '## Failures',
    '',
    failed.length === 0 ? 'None.' : md(['task', 'world', 'reason', 'detail', 'trace'], failed.map((r) => [
      labelOf(r), r.world, r.reason, (r.detail ?? '').replace(/\|/g, '\\|').slice(0, 200), r.trace ? `[trace](${r.trace})` : '–',
    ])),
    '',
  ].join('\n'));
}
