// `skillcraft agent` runs owners' chat tasks through the same runTask as `skillcraft run`: a server
// killed and restarted mid-task is reconnected to, and the task finishes.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Bot } from 'mineflayer';
import mineflayer from 'mineflayer';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, CHILD_ENV as env, freePort, restartFixture, serveProcess, traceEvents } from '../helpers/faults.ts';
import { quit, waitFor } from '../helpers/sandbox.ts';

const fixture = restartFixture();
const { servers, runs } = fixture;
afterAll(() => fixture.killAll());

describe('skillcraft agent and a server restart', () => {
  it("finishes an owner's !task stone pickaxe although the server is killed and restarted once mid-task", async () => {
    const port = await freePort();
    const server = serveProcess({ port, seed: 1 });
    servers.push(server);
    await server.start();
    const agent = spawn(process.execPath, [BIN, 'agent', '--host', '127.0.0.1', '--port', String(port), '--owner', 'boss', '--no-view', '--runs-dir', runs.dir, '--log-level', 'error'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    agent.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    agent.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const done = new Promise<number | null>((resolve) => agent.once('close', (c) => resolve(c)));
    const killer = setTimeout(() => agent.kill('SIGKILL'), 170_000);
    let owner: Bot | undefined;
    try {
      await waitFor(() => /takes chat commands from boss/.test(out) || agent.exitCode !== null, 30_000, 'the agent to be ready');
      owner = mineflayer.createBot({ host: '127.0.0.1', port, username: 'boss', version: '1.20.1', auth: 'offline', hideErrors: true });
      await once(owner, 'spawn', { signal: AbortSignal.timeout(15_000) });
      owner.chat('!task stone pickaxe');
      await waitFor(() => /^task: stone pickaxe/m.test(out), 15_000, 'the task to start');
      // Mid-task: the server dies (SIGKILL, no goodbye) and comes back on the same port a second later.
      await new Promise((r) => setTimeout(r, 5000));
      await server.kill();
      await new Promise((r) => setTimeout(r, 1000));
      await server.start();
      await waitFor(() => /^(done|not done): /m.test(out), 140_000, 'the task to end');
    } finally {
      quit(owner);
      agent.kill('SIGINT');
    }
    const code = await done.finally(() => clearTimeout(killer));
    const lines = out.split('\n').filter(Boolean);
    expect(lines.some((l) => l.startsWith('connection lost')), out).toBe(true);
    expect(lines.some((l) => l.startsWith('reconnected after')), out).toBe(true);
    const end = lines.find((l) => /^(done|not done): /.test(l));
    expect(end, `${out}\n${err.slice(-2000)}`).toMatch(/^done: 1 stone_pickaxe — .*; 1 reconnect$/);
    const trace = traceEvents(/trace (\S+?)[;,]/.exec(end!)?.[1] ?? '');
    expect(trace.filter((e) => e.event === 'reconnected')).toHaveLength(1);
    expect(trace.at(-1)).toMatchObject({ event: 'resilient_end', summary: { success: true, resilience: { reconnects: 1 } } });
    // Ctrl-C after the task: a clean exit.
    expect(code).toBe(0);
  }, 180_000);
});
