import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { BenchDeps } from '../index.ts';
import { formatTable, median } from '../table.ts';

const probeResult = z.object({
  readyMs: z.number(), readyFromCallMs: z.number(), spawnedMs: z.number(), spawnedFromReadyMs: z.number(),
  rss1MB: z.number(), rss5MB: z.number(), msPerChunk: z.number(),
});
type ProbeResult = z.infer<typeof probeResult>;

const TARGETS = { readyMs: 1000, spawnedMs: 2000, rss1MB: 200, rss5MB: 300 } as const;

function runProbe(seed: number, timeoutMs: number): Promise<ProbeResult> {
  const probe = fileURLToPath(new URL('./probe.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', probe, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`sandbox probe exited ${code}: ${err.trim().split('\n').pop() ?? ''}`));
      const parsed = probeResult.safeParse(JSON.parse(out.trim().split('\n').pop() ?? '{}'));
      if (parsed.success) resolve(parsed.data);
      else reject(new Error(`sandbox probe printed unexpected output: ${out.slice(0, 200)}`));
    });
  });
}

/** `npm run bench -- sandbox [--runs N]`: each run is a fresh process (timings from process start). */
export async function benchSandbox(args: string[], { out }: BenchDeps): Promise<number> {
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error('--runs takes a whole number from 1 to 20');
  const results: ProbeResult[] = [];
  for (let i = 0; i < runs; i++) {
    results.push(await runProbe(i + 1, 120_000));
    out(`run ${i + 1}/${runs} done`);
  }
  const m = (k: keyof ProbeResult) => median(results.map((r) => r[k]));
  const rows = [
    ['server ready (from process start)', `${(m('readyMs') / 1000).toFixed(2)} s`, '< 1 s', m('readyMs') < TARGETS.readyMs],
    ['  of which startSandbox() call', `${(m('readyFromCallMs') / 1000).toFixed(2)} s`, '', true],
    ['bot spawned with chunks (from process start)', `${(m('spawnedMs') / 1000).toFixed(2)} s`, '< 2 s', m('spawnedMs') < TARGETS.spawnedMs],
    ['RSS, server + 1 bot', `${m('rss1MB').toFixed(0)} MB`, '≤ 200 MB', m('rss1MB') <= TARGETS.rss1MB],
    ['RSS, server + 5 bots', `${m('rss5MB').toFixed(0)} MB`, '≤ 300 MB', m('rss5MB') <= TARGETS.rss5MB],
    ['world generation', `${m('msPerChunk').toFixed(2)} ms/chunk`, '', true],
  ] as const;
  out(`sandbox benchmark: median of ${runs} fresh processes`);
  out(formatTable(['figure', 'value', 'target', 'met'], rows.map(([a, b, c, ok]) => [a, b, c, c ? (ok ? 'yes' : 'NO') : ''])));
  return rows.every((r) => r[3]) ? 0 : 1;
}
