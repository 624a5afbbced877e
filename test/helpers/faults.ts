// Fault injection for the resilience tests: a sandbox in its own process that can be killed
// (SIGKILL, as a crash or a power cut would) and started again on the same port.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { createLogger, type LogLevel } from '../../src/log/logger.ts';
import { startServeProcess, type ServeProcess } from '../../src/world/serveProcess.ts';


/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export interface RestartableServer {
  readonly port: number;
  /** Starts the sandbox (again) on the same port and resolves once it listens; rejects after `timeoutMs`. */
  start(timeoutMs?: number): Promise<void>;
  /** SIGKILL: no goodbye to the players, no state saved. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, as an operator's restart: the server stops as it should (a served save with --save is written back). */
  stop(): Promise<void>;
  /** How many times it was started. */
  readonly starts: number;
}

/** `skillcraft serve` (src/world/serveProcess.ts) on a fixed port, to kill and start again. */
export function serveProcess(opts: { port: number; seed: number; extra?: string[] }): RestartableServer {
  let current: ServeProcess | undefined;
  let starts = 0;
  return {
    port: opts.port,
    get starts() { return starts; },
    // The start's bound is startServeProcess's own: a restart on a loaded machine takes no less than the first start.
    async start(timeoutMs?: number) {
      if (current) throw new Error('the sandbox process is already running');
      starts++;
      current = await startServeProcess({ seed: opts.seed, port: opts.port, ...(opts.extra ? { extra: opts.extra } : {}) }, timeoutMs);
    },
    async kill() {
      const proc = current;
      current = undefined;
      await proc?.kill();
    },
    async stop() {
      const proc = current;
      current = undefined;
      await proc?.stop();
    },
  };
}

/** The servers a test file started, all killed by `killAll` (in afterAll), and a runs folder it removes. */
export function restartFixture(): { servers: RestartableServer[]; runs: { dir: string; remove: () => void }; killAll(): Promise<void> } {
  const servers: RestartableServer[] = [];
  const runs = tempRunsDir();
  return {
    servers, runs,
    async killAll() {
      for (const s of servers) await s.kill();
      runs.remove();
    },
  };
}

/** The environment a child `skillcraft` gets: none of the developer's SKILLCRAFT_* or OPENAI_* settings. */
export const CHILD_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SKILLCRAFT_') && !k.startsWith('OPENAI_')));
export const BIN = fileURLToPath(new URL('../../bin/skillcraft.js', import.meta.url));

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
