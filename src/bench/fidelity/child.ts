// One version's run of mineflayer's external tests, in a process of its own (started by suite.ts with
// the mineflayer package as its working directory, as the tests' examples expect). The harness and the
// tests are loaded unchanged from the suite's folder; only their module lookups are pointed here:
// the mineflayer repository's own files to the installed mineflayer package, `minecraft-wrap` to
// wrap.ts, and packages to the ones mineflayer itself resolves. Results go to the parent over IPC.
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FidelityMessage } from './messages.ts';

const require = createRequire(import.meta.url);
const WRAP = fileURLToPath(new URL('./wrap.ts', import.meta.url));

interface ChildOptions { suiteDir: string; version: string; skip: string[]; only: string[] }

const opts = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const send = (m: FidelityMessage) => { process.send?.(m); };

const mineflayerDir = path.dirname(require.resolve('mineflayer/package.json'));
const testDir = path.join(opts.suiteDir, 'test');
type Resolve = (request: string, parent: { filename?: string | null } | undefined, isMain: boolean, options?: unknown) => string;
const M = Module as unknown as { _resolveFilename: Resolve };
const original = M._resolveFilename;
const fromMineflayer = { filename: path.join(mineflayerDir, 'index.js'), id: 'mineflayer', paths: (Module as unknown as { _nodeModulePaths(d: string): string[] })._nodeModulePaths(mineflayerDir) };
M._resolveFilename = function (request, parent, isMain, options) {
  const from = parent?.filename;
  if (!from?.startsWith(opts.suiteDir + path.sep)) return original.call(this, request, parent, isMain, options);
  if (request === 'minecraft-wrap') return WRAP;
  if (request.startsWith('.')) {
    const target = path.resolve(path.dirname(from), request);
    // The repository's own files outside test/ (its index, lib/) are the installed package's.
    if (!target.startsWith(testDir + path.sep) && target !== testDir) {
      return original.call(this, path.join(mineflayerDir, path.relative(opts.suiteDir, target)), parent, isMain, options);
    }
    return original.call(this, request, parent, isMain, options);
  }
  return original.call(this, request, fromMineflayer as never, isMain, options);
};

// The harness runs every version mineflayer was tested on; here, the one this process serves.
const mineflayer = require('mineflayer') as { testedVersions: string[] };
mineflayer.testedVersions = [opts.version];
process.env.SKILLCRAFT_FIDELITY_VERSION = opts.version;

interface MochaLike { grep(re: RegExp): MochaLike; invert(): MochaLike; addFile(file: string): void; run(done: (failures: number) => void): void }
const { Mocha } = require('mocha') as { Mocha: new (o: Record<string, unknown>) => MochaLike };
interface RunnerLike { on(event: string, fn: (test: { fullTitle(): string; title: string; duration?: number; state?: string }, err?: Error) => void): void }

/** Reports each case to the parent; prints nothing itself (the harness's own logging goes to stdout). */
class IpcReporter {
  constructor(runner: RunnerLike) {
    const caseOf = (full: string) => full.replace(/^mineflayer_external \S+ /, '');
    runner.on('pass', (t) => send({ kind: 'case', name: caseOf(t.fullTitle()), state: 'pass', ms: t.duration ?? 0 }));
    runner.on('fail', (t, err) => send({ kind: 'case', name: caseOf(t.fullTitle()), state: 'fail', ms: t.duration ?? 0, error: String(err?.message ?? err).split('\n')[0]!.slice(0, 300) }));
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mocha = new Mocha({ reporter: IpcReporter, timeout: 90_000, retries: 0 });
if (opts.only.length) mocha.grep(new RegExp(`v (${opts.only.map(escape).join('|')})`));
else if (opts.skip.length) mocha.grep(new RegExp(`v (${opts.skip.map(escape).join('|')})(\\s|$)`)).invert();
mocha.addFile(path.join(testDir, 'externalTest.js'));
mocha.run((failures) => {
  send({ kind: 'done', failures });
  // Bots and timers the tests leave behind would keep the process alive.
  setTimeout(() => process.exit(0), 500);
});
