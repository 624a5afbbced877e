// Fault injection for the resilience tests: a sandbox in its own process that can be killed
// (SIGKILL, as a crash or a power cut would) and started again on the same port.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { createLogger, type LogLevel } from '../../src/log/logger.ts';

const BIN = fileURLToPath(new URL('../../bin/skillcraft.js', import.meta.url));
const READY = /^Skillcraft sandbox listening on /m;
// No SKILLCRAFT_* or OPENAI_* variable of the developer's changes what the child does.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SKILLCRAFT_') && !k.startsWith('OPENAI_')));

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export interface ServeProcess {
  readonly port: number;
  /** Starts the sandbox (again) and resolves once it listens; rejects after `timeoutMs`. */
  start(timeoutMs?: number): Promise<void>;
  /** SIGKILL: no goodbye to the players, no state saved. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** How many times it was started. */
  readonly starts: number;
}

export function serveProcess(opts: { port: number; seed: number; extra?: string[] }): ServeProcess {
  let child: ChildProcess | undefined;
  let starts = 0;
  return {
    port: opts.port,
    get starts() { return starts; },
    async start(timeoutMs = 20_000) {
      if (child) throw new Error('the sandbox process is already running');
      const args = [BIN, 'serve', '--port', String(opts.port), '--seed', String(opts.seed), '--log-level', 'warn', ...(opts.extra ?? [])];
      const proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      starts++;
      let out = '';
      let err = '';
      proc.stderr.on('data', (d: Buffer) => { err += d.toString(); });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => { cleanup(); reject(new Error(`the sandbox did not listen within ${timeoutMs} ms: ${err.slice(-500)}`)); }, timeoutMs);
        const onData = (d: Buffer) => { out += d.toString(); if (READY.test(out)) { cleanup(); resolve(); } };
        const onExit = (code: number | null) => { cleanup(); child = undefined; reject(new Error(`the sandbox exited with ${code} before it listened: ${err.slice(-500)}`)); };
        const cleanup = () => { clearTimeout(timer); proc.stdout.removeListener('data', onData); proc.removeListener('exit', onExit); };
        proc.stdout.on('data', onData);
        proc.once('exit', onExit);
      });
    },
    async kill() {
      const proc = child;
      if (!proc) return;
      child = undefined;
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = once(proc, 'exit');
      proc.kill('SIGKILL');
      await exited;
    },
  };
}

/** A JSON logger that keeps every line in memory (the redaction is the real one). */
export function memoryLogger(level: LogLevel = 'debug'): { logger: Logger; text: () => string } {
  const lines: string[] = [];
  const logger = createLogger({ level, format: 'json', destination: { write: (s: string) => { lines.push(s); } } });
  return { logger, text: () => lines.join('') };
}

/** Every line of every file a trace directory holds. */
export function traceText(dir: string): string {
  return readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8')).join('');
}

/** The trace's events as objects. */
export function traceEvents(dir: string): ({ event: string } & Record<string, unknown>)[] {
  return readFileSync(path.join(dir, 'trace.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string } & Record<string, unknown>);
}

/** A fresh directory for traces, removed by the returned function. */
export function tempRunsDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'skillcraft-faults-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The run events that are the resilience wrapper's own (reconnects, deaths, recoveries). */
export const RESILIENCE: ReadonlySet<string> = new Set([
  'disconnected', 'reconnect_attempt', 'reconnected', 'gave_up', 'died', 'respawned', 'recover_drops', 'stuck_recovery', 'inventory_full',
]);
