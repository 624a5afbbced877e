// `bench fidelity` (`npm run test:vanilla-suite`): mineflayer's external test suite, written against a
// vanilla server, run against a fresh `skillcraft serve` on every version the sandbox serves. The tests
// and their harness run unchanged (child.ts); only how the server starts differs (wrap.ts).
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUPPORTED_VERSIONS } from '../../config/sandbox.ts';
import type { BenchDeps } from '../index.ts';
import { BenchInputError, intArg, parseBenchArgs } from '../plan4mc/args.ts';
import { formatTable } from '../table.ts';
import { fileOf, HARNESS_EXCLUDED, NOT_APPLICABLE, SURVIVAL_TOPICS } from './cases.ts';
import type { FidelityMessage } from './messages.ts';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
/** The copy the project is developed against; its ORIGIN.md says where and which version it is from. */
const SHARED_COPY = path.join(ROOT, '..', 'shared', 'third-party', 'mineflayer-external-tests');

export interface CaseResult { name: string; state: 'pass' | 'fail'; ms: number; error?: string }
export interface VersionRun { version: string; cases: CaseResult[]; crashed?: string; seconds: number }

/** Where the tests come from: --suite, else the mineflayer package if it ships them, else the shared copy. */
export function findSuite(given: string | undefined): { dir: string; origin: string } {
  const mineflayerDir = path.dirname(require.resolve('mineflayer/package.json'));
  const candidates = given ? [path.resolve(given)] : [mineflayerDir, SHARED_COPY];
  for (const dir of candidates) {
    if (!existsSync(path.join(dir, 'test', 'externalTest.js'))) continue;
    if (dir === mineflayerDir) return { dir, origin: `the installed mineflayer package ${(require('mineflayer/package.json') as { version: string }).version}` };
    const originFile = path.join(dir, 'ORIGIN.md');
    const origin = existsSync(originFile) ? (/commit \S+ \([^)]*\)/.exec(readFileSync(originFile, 'utf8'))?.[0] ?? 'see ORIGIN.md') : 'no ORIGIN.md';
    return { dir, origin: `${dir} (${origin})` };
  }
  throw new BenchInputError(given
    ? `--suite ${given}: no test/externalTest.js there`
    : `mineflayer's external tests were not found: the mineflayer package does not ship them and ${SHARED_COPY} is missing (give --suite DIR)`);
}

export async function benchFidelity(args: string[], { out, signal }: BenchDeps): Promise<number> {
  const { values } = parseBenchArgs(args, ['--versions', '--suite', '--only', '--out', '--jobs']);
  const versions = (values.get('--versions') ?? SUPPORTED_VERSIONS.join(',')).split(',').map((v) => v.trim()).filter(Boolean);
  for (const v of versions) if (!(SUPPORTED_VERSIONS as readonly string[]).includes(v)) throw new BenchInputError(`--versions: ${v} is not served (served: ${SUPPORTED_VERSIONS.join(', ')})`);
  const only = (values.get('--only') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const jobs = intArg(values, '--jobs', 1, 1, 8);
  const outDir = path.resolve(values.get('--out') ?? path.join(ROOT, 'bench', 'results', 'fidelity'));
  const suite = findSuite(values.get('--suite'));
  mkdirSync(outDir, { recursive: true });
  out(`fidelity: mineflayer's external tests from ${suite.origin}, against skillcraft serve on ${versions.join(', ')}${only.length ? ` (only ${only.join(', ')})` : ''}`);

  const runs: VersionRun[] = [];
  const queue = [...versions];
  await Promise.all(Array.from({ length: Math.min(jobs, versions.length) }, async () => {
    for (let v = queue.shift(); v !== undefined && !signal.aborted; v = queue.shift()) {
      const run = await runVersion(suite.dir, v, only, outDir, signal);
      runs.push(run);
      const passed = run.cases.filter((c) => c.state === 'pass').length;
      out(`  ${v}: ${passed}/${run.cases.length} passed in ${run.seconds.toFixed(0)} s${run.crashed ? ` (${run.crashed})` : ''}`);
    }
  }));
  if (signal.aborted) return 1;
  runs.sort((a, b) => versions.indexOf(a.version) - versions.indexOf(b.version));
  const report = formatReport(runs);
  out(report.text);
  writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify({ suite: suite.origin, runs }, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'report.txt'), `${report.text}\n`);
  return report.allMet ? 0 : 1;
}

function runVersion(suiteDir: string, version: string, only: string[], outDir: string, signal: AbortSignal): Promise<VersionRun> {
  const started = performance.now();
  const cases: CaseResult[] = [];
  const log = createWriteStream(path.join(outDir, `harness-${version}.log`));
  const skip = only.length ? [] : Object.keys(NOT_APPLICABLE);
  return new Promise((resolve) => {
    // The examples the tests start are looked up from the working directory, as in mineflayer's repository.
    const child = fork(CHILD, [JSON.stringify({ suiteDir, version, skip, only })], {
      cwd: path.dirname(require.resolve('mineflayer/package.json')),
      execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    let done = false;
    child.on('message', (m: FidelityMessage) => {
      if (m.kind === 'case') cases.push({ name: m.name, state: m.state, ms: m.ms, ...(m.error ? { error: m.error } : {}) });
      if (m.kind === 'done') done = true;
    });
    const onAbort = () => child.kill('SIGTERM');
    signal.addEventListener('abort', onAbort, { once: true });
    child.once('exit', (code, sig) => {
      signal.removeEventListener('abort', onAbort);
      log.end();
      const crashed = done ? undefined : `the harness process ended early (${sig ?? `exit ${String(code)}`})`;
      resolve({ version, cases, seconds: (performance.now() - started) / 1000, ...(crashed ? { crashed } : {}) });
    });
  });
}

/** Case × version table, the survival and overall pass rates, and every reason a case is not run. */
export function formatReport(runs: VersionRun[]): { text: string; allMet: boolean } {
  const names = [...new Set(runs.flatMap((r) => r.cases.map((c) => c.name)))].sort();
  const cell = (r: VersionRun, name: string) => {
    const c = r.cases.find((x) => x.name === name);
    return c ? c.state : 'not run';
  };
  const rows = names.map((n) => [n, SURVIVAL_TOPICS[fileOf(n)] ?? 'other', ...runs.map((r) => cell(r, n))]);
  const unrun = (file: string, text: string) => { if (!names.some((n) => fileOf(n) === file)) rows.push([file, SURVIVAL_TOPICS[file] ?? 'other', ...runs.map(() => text)]); };
  for (const file of Object.keys(NOT_APPLICABLE)) unrun(file, 'n/a');
  for (const file of HARNESS_EXCLUDED) unrun(file, 'excluded');
  const rate = (r: VersionRun, survival: boolean) => {
    const cs = r.cases.filter((c) => survival === (fileOf(c.name) in SURVIVAL_TOPICS) || !survival);
    const pass = cs.filter((c) => c.state === 'pass').length;
    return { pass, n: cs.length, text: `${pass}/${cs.length}${cs.length ? ` (${Math.round((100 * pass) / cs.length)} %)` : ''}` };
  };
  rows.push(['survival cases passed', '', ...runs.map((r) => rate(r, true).text)]);
  rows.push(['all cases passed', '', ...runs.map((r) => rate(r, false).text)]);
  const lines = [formatTable(['case', 'topic', ...runs.map((r) => r.version)], rows)];
  lines.push('', 'n/a (not applicable, not run):');
  for (const [file, why] of Object.entries(NOT_APPLICABLE)) lines.push(`  ${file}: ${why}`);
  lines.push(`excluded: ${HARNESS_EXCLUDED.join(', ')} are left out by the harness itself (excludedTests in externalTest.js)`);
  const failures = runs.flatMap((r) => r.cases.filter((c) => c.state === 'fail').map((c) => `  ${r.version} ${c.name}: ${c.error ?? ''}`));
  if (failures.length) lines.push('', 'failures:', ...failures);
  for (const r of runs) if (r.crashed) lines.push(`  ${r.version}: ${r.crashed}`);
  const allMet = runs.every((r) => !r.crashed && rate(r, true).n > 0 && rate(r, true).pass / rate(r, true).n >= 0.9);
  return { text: lines.join('\n'), allMet };
}
