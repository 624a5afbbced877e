// `bench build`: the example structures built from an empty inventory on fresh sandboxes, one run at a time,
// each checked block by block from a second bot's view. Prints a table and writes report.md and
// results.json. Target (issue 18): every block right (100 %) in every run.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXAMPLE_NAMES } from '../../build/examples.ts';
import type { BenchDeps } from '../index.ts';
import { BenchInputError, parseBenchArgs } from '../plan4mc/args.ts';
import { formatTable, median } from '../table.ts';
import { formatWorldList, worldName, worldsFromArgs } from '../worlds.ts';
import { runBuildJob, type BuildRunResult } from './run.ts';

const med = (xs: number[]): number | null => (xs.length === 0 ? null : Math.round(median(xs) * 100) / 100);

/**
 * `bench build [--examples a,b] [--seeds N | --seed-list L] [--out DIR] [--append]`. With --append the runs already in
 * DIR/results.json stay in the report, but for the examples and worlds run again now.
 */
export async function benchBuild(args: string[], deps: BenchDeps): Promise<number> {
  const append = args.includes('--append');
  const { values, rest } = parseBenchArgs(args.filter((a) => a !== '--append'), ['--examples', '--seeds', '--seed-list', '--out']);
  if (rest.length > 0) throw new BenchInputError(`bench build: unexpected "${rest.join(' ')}"`);
  const examples = (values.get('--examples') ?? EXAMPLE_NAMES.join(',')).split(',').map((s) => s.trim());
  const unknown = examples.find((e) => !(EXAMPLE_NAMES as readonly string[]).includes(e));
  if (unknown) throw new BenchInputError(`--examples: unknown example "${unknown}" (known: ${EXAMPLE_NAMES.join(', ')})`);
  const { worlds } = worldsFromArgs(values, 3, 20);
  const out = values.get('--out') ?? join('bench', 'results', 'build');
  const started = new Date();
  deps.out(`bench build: ${examples.join(', ')} × ${worlds.length} world(s): repeat with --seed-list ${formatWorldList(worlds)}`);
  const now = new Set(worlds.flatMap((w) => examples.map((e) => `${e} ${worldName(w)}`)));
  const kept = append ? (await earlierRuns(out)).filter((r) => !now.has(`${r.example} ${r.world}`)) : [];
  const results: BuildRunResult[] = [...kept];
  const planned = kept.length + worlds.length * examples.length;
  // The report's world list: the earlier runs' worlds (kept) and this run's, in that order.
  const listed = [...new Set([...kept.map((r) => r.world), ...worlds.map(worldName)])].join(',');
  for (const world of worlds) {
    for (const example of examples) {
      if (deps.signal.aborted) return 1;
      const r = await runBuildJob(example, world, { log: deps.log, traceRoot: join('runs', 'bench', `build-${started.toISOString().replace(/[:.]/g, '-')}`) });
      results.push(r);
      // Written after every run: a long benchmark stopped half way still leaves its figures.
      await writeReport(out, started, listed, planned, examples, results);
      deps.out(`[${results.length}/${planned}] ${example} in ${r.world}: ${r.success ? 'built' : 'NOT BUILT'} — ${r.correct}/${r.total} right (${r.wrong} wrong, ${r.missing} missing) as a second bot sees it, ${r.gameSeconds} game s, lower bound ${r.lowerBound} s${r.detail ? ` — ${r.detail}` : ''}`);
    }
  }
  const met = await writeReport(out, started, listed, planned, examples, results, deps.out);
  deps.out(`report: ${join(out, 'report.md')}`);
  return met ? 0 : 1;
}

/** The table, report.md and results.json of the runs so far; returns whether every run was built right. */
async function writeReport(dir: string, started: Date, worlds: string, planned: number, examples: readonly string[], results: readonly BuildRunResult[], out?: (line: string) => void): Promise<boolean> {
  // Every example the report holds runs of (earlier ones appended to), in the examples' own order.
  const shown = EXAMPLE_NAMES.filter((e) => examples.includes(e) || results.some((r) => r.example === e));
  const rows = shown.map((example) => {
    const mine = results.filter((r) => r.example === example);
    const ok = mine.filter((r) => r.success);
    const right = mine.reduce((n, r) => n + r.correct, 0);
    const total = mine.reduce((n, r) => n + r.total, 0);
    const ratio = med(ok.map((r) => r.ratio ?? 0));
    return [example, `${ok.length}/${mine.length}`, total ? `${((100 * right) / total).toFixed(1)} %` : '–', String(med(ok.map((r) => r.gameSeconds)) ?? '–'), String(med(ok.map((r) => r.lowerBound)) ?? '–'), ratio === null ? '–' : ratio.toFixed(2)];
  });
  const table = formatTable(['example', 'built 100 %', 'blocks right', 'median game s', 'median lower bound s', 'median ratio'], rows);
  out?.(table);
  const met = results.every((r) => r.success);
  out?.(`every block right in every run: ${met ? 'met' : 'MISSED'}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'results.json'), `${JSON.stringify({ started: started.toISOString(), worlds, results }, null, 2)}\n`);
  await writeFile(join(dir, 'report.md'), [
    '# `bench build`: example structures from an empty inventory', '',
    `${results.length} of ${planned} runs on the embedded sandbox, started ${started.toISOString()}, one at a time. Each run: \`skillcraft build\`'s gathering (runTask, graph planner) and the buildStructure skill, then a second bot that joined the same server surveys every cell of the structure from its own view (name and state). Lower bound: the gathering an ideal player would do for the same executed plan (dig times with the best tool, smelting at vanilla speed, straight-line sprinting between steps) plus every block placed at vanilla's 4-tick right-click rate. Repeat with \`npm run bench -- build --seed-list ${worlds}\`.`, '',
    table, '',
    `Every block right in every run: ${met ? 'met' : 'MISSED'}.`, '',
    '## Runs', '',
    formatTable(['example', 'world', 'built', 'right / total', 'wrong', 'game s', 'lower bound s', 'rounds', 'detail'],
      results.map((r) => [r.example, r.world, r.success ? 'yes' : 'NO', `${r.correct}/${r.total}`, String(r.wrong), String(r.gameSeconds), String(r.lowerBound), String(r.rounds), r.detail ?? ''])),
    '',
  ].join('\n'));
  return met;
}

/** The runs a report in `dir` holds already (none when there is no report yet). */
async function earlierRuns(dir: string): Promise<BuildRunResult[]> {
  const text = await readFile(join(dir, 'results.json'), 'utf8').catch((err: NodeJS.ErrnoException) => { if (err.code === 'ENOENT') return undefined; throw err; });
  if (text === undefined) return [];
  const parsed = JSON.parse(text) as { results?: BuildRunResult[] };
  if (!Array.isArray(parsed.results)) throw new BenchInputError(`${join(dir, 'results.json')} holds no runs to append to`);
  return parsed.results;
}
