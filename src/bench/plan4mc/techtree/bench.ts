import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchDeps } from '../../index.ts';
import { formatTable } from '../../table.ts';
import { intArg, parseBenchArgs } from '../args.ts';
import { runPool } from '../pool.ts';
import { barChartSvg } from '../svg.ts';
import { TIERS, type TierResult } from './run.ts';
import { keepTrace } from '../../keepTrace.ts';
import { formatRate, repeatArgs, repeatLine, saveWorldsFromArgs, worldKind, worldName, worldsFromArgs, type World } from '../../worlds.ts';

/** Voyager's Table 1: GPT-4 prompting iterations to the first tool of each tier (mean over 3 runs). */
const VOYAGER_ITERATIONS: Readonly<Record<string, string>> = { wooden: '6 ± 2', stone: '11 ± 2', iron: '21 ± 7', diamond: '102 (1 of 3 runs)' };

/**
 * `bench techtree [--seeds N | --seed-list L | --world PATH [--spawns N | --spawn-list L]] [--jobs N] [--out DIR]`:
 * time to the first wooden, stone, iron and diamond pickaxe, in N worlds drawn at random over every
 * preset (or the listed ones), or from N spawn points on a world save.
 */
export async function benchTechtree(args: string[], { out, signal }: BenchDeps): Promise<number> {
  const { values } = parseBenchArgs(args, ['--seeds', '--seed-list', '--world', '--spawns', '--spawn-list', '--jobs', '--out']);
  const worlds = await saveWorldsFromArgs(values, 5, 20) ?? worldsFromArgs(values, 3, 20).worlds;
  // By default the worlds run side by side, each in a process of its own: most of a tier is game time,
  // and one process per world keeps one world's busy moments from delaying another's packets.
  const jobs = intArg(values, '--jobs', worlds.length, 1, 20);
  const dir = values.get('--out') ?? join('bench', 'results', 'techtree-graph');
  const traceRoot = join('runs', 'bench', `techtree-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  out(`techtree: ${jobs} job(s) → ${dir}`);
  out(repeatLine('techtree', worlds));
  const perWorld = new Map<string, TierResult[]>();
  await runPool(worlds, jobs, (world) => ({ kind: 'techtree', world, traceRoot }), (world, reply) => {
    const rs: TierResult[] = 'tiers' in reply ? reply.tiers
      : [{ seed: world.seed, preset: worldKind(world), world: worldName(world), tier: TIERS[0].tier, reached: false, gameSeconds: 0, wallSeconds: 0, steps: 0, modelCalls: 0, noChangeMax: 0, detail: 'error' in reply ? `crash: ${reply.error}` : 'crash' }];
    perWorld.set(worldName(world), rs);
    for (const r of rs) out(`${worldName(world)} ${r.tier}: ${r.reached ? `reached at ${r.gameSeconds} game s, ${r.wallSeconds} wall s, ${r.steps} steps` : `NOT reached (${r.detail ?? '?'})`}`);
  }, signal);
  if (signal.aborted) {
    out('techtree: stopped; no report written');
    return 130;
  }
  const rows: TierResult[] = worlds.flatMap((w) => perWorld.get(worldName(w)) ?? []);
  for (const r of rows) if (!r.reached && r.trace) r.trace = keepTrace(dir, r.trace, `${r.world.replace(/\W+/g, '-')}-${r.tier}`);
  const table = formatTable(['world', 'tier', 'reached', 'game s', 'wall s', 'steps', 'model calls'],
    rows.map((r) => [r.world, r.tier, r.reached ? 'yes' : 'no', r.gameSeconds.toFixed(1), r.wallSeconds.toFixed(1), String(r.steps), String(r.modelCalls)]));
  out(table);
  for (const t of TIERS) out(`${t.tier}: ${formatRate(rows.filter((r) => r.tier === t.tier && r.reached).length, worlds.length)}`);
  writeTechtree(dir, worlds, rows);
  out(`report: ${join(dir, 'report.md')}`);
  const ironEverywhere = worlds.every((w) => rows.some((r) => r.world === worldName(w) && r.tier === 'iron' && r.reached));
  return ironEverywhere ? 0 : 1;
}

function writeTechtree(dir: string, worlds: World[], rows: TierResult[]): void {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, `${name}.tmp`), text);
    renameSync(join(dir, `${name}.tmp`), join(dir, name));
  };
  const tiers = TIERS.map((t) => t.tier);
  const mean = (tier: string, key: 'gameSeconds' | 'wallSeconds' | 'steps') => {
    const rs = rows.filter((r) => r.tier === tier && r.reached);
    return rs.length ? rs.reduce((n, r) => n + r[key], 0) / rs.length : null;
  };
  write('results.json', `${JSON.stringify({ suite: 'techtree', planner: 'graph', worlds: repeatArgs(worlds), rows }, null, 1)}\n`);
  write('time-per-tier.svg', barChartSvg({
    title: 'Tech tree: mean time to the first pickaxe of each tier (graph planner)', categories: tiers, unit: 'seconds',
    series: [
      { label: 'game seconds', colour: '#1565c0', values: tiers.map((t) => mean(t, 'gameSeconds')) },
      { label: 'wall seconds', colour: '#ef6c00', values: tiers.map((t) => mean(t, 'wallSeconds')) },
    ],
  }));
  const reached = (tier: string) => formatRate(rows.filter((r) => r.tier === tier && r.reached).length, worlds.length);
  const f = (n: number | null) => (n === null ? '–' : n.toFixed(1));
  write('report.md', [
    '# Tech tree: wooden → stone → iron → diamond pickaxe',
    '',
    `From an empty inventory on the sandbox, in ${worlds.length} ${worlds[0]?.save ? `spawn points drawn over the generated area of the world save ${worlds[0].save.path}` : 'worlds drawn at random over every preset'} (${worlds.map(worldName).join(', ')}; repeat with \`npm run bench -- techtree ${repeatArgs(worlds)}\`); times are cumulative from the start. Graph planner: no model calls.`,
    '',
    '![time per tier](time-per-tier.svg)',
    '',
    '| tier | reached | mean game s | mean wall s | mean steps | Voyager (GPT-4 iterations) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...tiers.map((t) => `| ${t} | ${reached(t)} | ${f(mean(t, 'gameSeconds'))} | ${f(mean(t, 'wallSeconds'))} | ${f(mean(t, 'steps'))} | ${VOYAGER_ITERATIONS[t] ?? ''} |`),
    '',
    '| world | tier | reached | game s | wall s | steps | note |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.world} | ${r.tier} | ${r.reached ? 'yes' : 'no'} | ${r.gameSeconds.toFixed(1)} | ${r.wallSeconds.toFixed(1)} | ${r.steps} | ${r.detail ?? ''}${!r.reached && r.trace ? ` [trace](${r.trace})` : ''} |`),
    '',
    `Steps repeated without changing anything: at most ${Math.max(0, ...rows.map((r) => r.noChangeMax))} in a row (limit 2).`,
    '',
  ].join('\n'));
}
