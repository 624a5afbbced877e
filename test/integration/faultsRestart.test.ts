import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createSkillRegistry } from '../../skills/index.ts';
import { RunEvents } from '../../src/agent/events.ts';
import type { ResilienceEvent } from '../../src/agent/resilience/run.ts';
import { runTask } from '../../src/agent/run.ts';
import { connectBot } from '../../src/bot/connect.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { parseTask } from '../../src/tasks/parse.ts';
import { BIN, CHILD_ENV as env, freePort, RESILIENCE, restartFixture, serveProcess, traceEvents } from '../helpers/faults.ts';

const fixture = restartFixture();
const { servers, runs } = fixture;
afterAll(() => fixture.killAll());

describe('the server killed and restarted during a task', () => {
  it('skillcraft run --host survives three SIGKILLs of the sandbox during a stone-pickaxe run and completes', async () => {
    const port = await freePort();
    const server = serveProcess({ port, seed: 1 });
    servers.push(server);
    await server.start();
    const child = spawn(process.execPath, [BIN, 'run', '--host', '127.0.0.1', '--port', String(port), '--task', 'stone pickaxe', '--runs-dir', runs.dir, '--log-level', 'error'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // After each (re)connection the server is killed a little later each time, so the kills fall at different points of the run.
    const killAfterMs = [3000, 5000, 8000];
    let kills = 0;
    const killLater = () => {
      const ms = killAfterMs[kills++];
      if (ms === undefined) return;
      setTimeout(() => {
        void server.kill().then(() => new Promise((r) => setTimeout(r, 1000))).then(() => server.start());
      }, ms);
    };
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      stdout += text;
      for (const line of text.split('\n')) if (/^task: |^reconnected after /.test(line)) killLater();
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`the run took over 150 s:\n${stdout}\n${stderr.slice(-2000)}`)); }, 150_000);
      child.once('close', (c) => { clearTimeout(timer); resolve(c); });
    });
    const lines = stdout.split('\n').filter(Boolean);
    expect(code, `${stdout}\n${stderr.slice(-2000)}`).toBe(0);
    expect(server.starts).toBe(4);
    expect(lines.filter((l) => l.startsWith('connection lost'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('reconnected after'))).toHaveLength(3);
    // Every interrupted step ended as the connection went, not at its own timeout.
    const cut = lines.filter((l) => / DISCONNECTED: /.test(l));
    expect(cut).toHaveLength(3);
    for (const l of cut) expect(Number(/ (\d+\.\d) s {2}DISCONNECTED/.exec(l)?.[1])).toBeLessThan(10);
    expect(lines.at(-1)).toMatch(/^done: 1 stone_pickaxe — \d+ steps, \d+ failed \(\d+ recovered\), .*; 3 reconnects$/);
    const dir = /trace (\S+?);/.exec(lines.at(-1)!)?.[1];
    const events = traceEvents(dir!);
    expect(events.filter((e) => e.event === 'start')).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({ event: 'resilient_end', summary: { success: true, segments: 4, resilience: { reconnects: 3 } } });
  }, 160_000);

  it('a server that does not come back: the task ends with one clear reason once the backoff gives up', async () => {
    const port = await freePort();
    const server = serveProcess({ port, seed: 1 });
    servers.push(server);
    await server.start();
    const target = { host: '127.0.0.1', port, username: 'waiter', auth: 'offline' as const, mcVersion: '1.20.1' };
    const bot = await connectBot(target, { log: silentLogger(), signal: AbortSignal.timeout(20_000) });
    const kb = createKnowledge('1.20.1');
    const skills = createSkillRegistry();
    const events: ResilienceEvent[] = [];
    const timer = setTimeout(() => { void server.kill(); }, 2000);
    try {
      const stream = new RunEvents();
      stream.on((e) => { if (RESILIENCE.has(e.event)) events.push(e as ResilienceEvent); });
      const { summary } = await runTask({ bot, connect: (signal) => connectBot(target, { log: silentLogger(), signal }) }, parseTask(kb, 'stone pickaxe').goal, {
        planner: createGraphPlanner({ skills, knowledge: kb }), skills, knowledge: kb,
        log: silentLogger(), signal: AbortSignal.timeout(60_000), events: stream, backoff: { initialMs: 200, maxMs: 800, giveUpMs: 3000 },
      });
      expect(summary).toMatchObject({ success: false, reason: 'disconnected', resilience: { reconnects: 0 } });
      expect(summary.detail).toMatch(/^lost the connection and could not reconnect within 3 s \(\d+ tries; last: cannot reach 127\.0\.0\.1:\d+: connection refused\)$/);
      const tries = events.filter((e) => e.event === 'reconnect_attempt');
      expect(tries.map((e) => (e as { waitedMs: number }).waitedMs)).toEqual([200, 400, 800, 800].slice(0, tries.length));
      expect(events.at(-1)).toMatchObject({ event: 'gave_up' });
    } finally {
      clearTimeout(timer);
      bot.quit();
    }
  });
});
