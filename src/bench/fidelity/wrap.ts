// Stands in for `minecraft-wrap` when mineflayer's external tests run: the one part of their harness
// that changes. Instead of downloading and starting a vanilla jar it starts `skillcraft serve` with
// what the harness asks of vanilla (superflat, creative, no mobs) and feeds console commands to its
// stdin, as minecraft-wrap does with the jar's console.
import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const BIN = fileURLToPath(new URL('../../../bin/skillcraft.js', import.meta.url));
const READY_TIMEOUT_MS = 30_000;

type Callback = (err?: Error | null) => void;

export class Wrap extends EventEmitter {
  private child: ChildProcess | undefined;

  /** minecraft-wrap's (jar, serverDir): neither is used; the sandbox keeps its world in a temporary copy. */
  constructor(readonly jar: string, readonly serverDir: string, readonly options: unknown = {}) {
    super();
  }

  startServer(props: Record<string, string | number>, done: Callback): void {
    const version = process.env.SKILLCRAFT_FIDELITY_VERSION;
    if (!version) { done(new Error('SKILLCRAFT_FIDELITY_VERSION is not set')); return; }
    const args = [BIN, '--log-level', 'warn', 'serve', '--port', String(props['server-port'] ?? 25565), '--mc-version', version,
      '--preset', props['level-type'] === 'FLAT' ? 'flat' : 'forest', '--gamemode', String(props.gamemode) === '1' ? 'creative' : 'survival'];
    if (props['spawn-monsters'] === 'false') args.push('--peaceful');
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    let ready = false;
    const timer = setTimeout(() => { if (!ready) finish(new Error(`skillcraft serve did not start within ${READY_TIMEOUT_MS / 1000} s`)); }, READY_TIMEOUT_MS);
    const finish = (err?: Error) => { clearTimeout(timer); ready = true; done(err ?? null); };
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        this.emit('line', line);
        if (!ready && line.startsWith('Skillcraft sandbox listening')) {
          // vanilla's spawn-animals/spawn-monsters=false: nothing spawns by itself.
          if (props['spawn-animals'] === 'false' && props['spawn-monsters'] === 'false') this.writeServer('gamerule doMobSpawning false\n');
          finish();
        }
      });
    }
    child.once('exit', (code) => { if (!ready) finish(new Error(`skillcraft serve exited with code ${String(code)} before it was ready`)); });
  }

  writeServer(line: string): void {
    this.child?.stdin?.write(line.endsWith('\n') ? line : `${line}\n`);
  }

  stopServer(done: Callback): void {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) { done(null); return; }
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => { clearTimeout(kill); done(null); });
    child.kill('SIGTERM');
  }

  deleteServerData(done: Callback): void {
    done(null);
  }
}

/** minecraft-wrap's jar download: nothing to fetch. */
export function download(_version: string, _jar: string, done: Callback): void {
  done(null);
}
