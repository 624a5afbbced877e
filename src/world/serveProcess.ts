// `skillcraft serve` in a process of its own, as users run it: the bot and the server share no event
// loop and talk over TCP only. Benchmarks (`--latency`) and tests start it here; a dying parent takes
// its servers with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/skillcraft.js', import.meta.url));
const LISTENING = /Skillcraft sandbox listening on (\S+):(\d+) /;
// No SKILLCRAFT_* or OPENAI_* variable of the caller's changes what the server does.
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SKILLCRAFT_') && !k.startsWith('OPENAI_')));

export interface ServeOptions {
  seed: number;
  preset?: string;
  /** 0 (default): a free port, read from what the server prints. */
  port?: number;
  peaceful?: boolean;
  smeltSpeed?: number;
  /** More `serve` arguments. */
  extra?: readonly string[];
}

export interface ServeProcess {
  readonly host: string;
  readonly port: number;
  /** The server's stderr so far (its logs), for failure messages. */
  log(): string;
  /** SIGKILL, as a crash or a power cut would: no goodbye to the players. Resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts `skillcraft serve` and resolves once it listens, with the address it printed. */
export async function startServeProcess(o: ServeOptions, timeoutMs = 30_000): Promise<ServeProcess> {
  const args = [BIN, 'serve', '--port', String(o.port ?? 0), '--seed', String(o.seed), '--log-level', 'warn'];
  if (o.preset) args.push('--preset', o.preset);
  if (o.peaceful) args.push('--peaceful');
  if (o.smeltSpeed !== undefined) args.push('--smelt-speed', String(o.smeltSpeed));
  args.push(...(o.extra ?? []));
  const child = spawn(process.execPath, args, { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-20_000); });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let ending: Promise<void> | undefined;
  const end = (signal: 'SIGTERM' | 'SIGKILL') => (ending ??= endChild(child, signal).finally(() => process.off('exit', killOnExit)));
  try {
    const { host, port } = await address(child, timeoutMs);
    return { host, port, log: () => stderr, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
  } catch (err) {
    await end('SIGKILL');
    throw new Error(`skillcraft serve did not start: ${(err as Error).message}\n${stderr.slice(-2000)}`, { cause: err });
  }
}

function address(child: ChildProcess, timeoutMs: number): Promise<{ host: string; port: number }> {
  return new Promise((resolve, reject) => {
    let out = '';
    const done = (err?: Error, v?: { host: string; port: number }) => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(v!);
    };
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = LISTENING.exec(out);
      if (m) done(undefined, { host: m[1]!, port: Number(m[2]) });
    };
    const onExit = (code: number | null) => done(new Error(`exited with ${code} before listening; stdout: ${out}`));
    const timer = setTimeout(() => done(new Error(`no address printed within ${timeoutMs} ms; stdout: ${out}`)), timeoutMs);
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

async function endChild(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = signal === 'SIGTERM' ? setTimeout(() => child.kill('SIGKILL'), 5000) : undefined;
  await exited;
  clearTimeout(timer);
}
