import http from 'node:http';
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { startDashboard, type Dashboard } from '../../src/viewer/dashboard.ts';
import type { DashboardSnapshot } from '../../src/viewer/types.ts';
import { quit, testBot, testSandbox } from '../helpers/sandbox.ts';

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string }

/** A request with the path sent as written (fetch would normalise `..` away). */
function request(url: string, rawPath: string, method = 'GET', hostHeader?: string, origin?: string): Promise<Reply> {
  const { hostname, port } = new URL(url);
  const headers = { ...(hostHeader ? { host: hostHeader } : {}), ...(origin ? { origin } : {}) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: rawPath, method, headers, timeout: 5000, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${rawPath} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/** Opens the event stream and hands back each snapshot as it arrives. */
function events(url: string): { next(timeoutMs?: number): Promise<DashboardSnapshot>; ended: Promise<void>; close(): void } {
  const queue: DashboardSnapshot[] = [];
  const waiting: ((s: DashboardSnapshot) => void)[] = [];
  let buffer = '';
  let res: http.IncomingMessage | undefined;
  let endStream: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => { endStream = resolve; });
  const req = http.get(`${url}events`, (r) => {
    res = r;
    r.setEncoding('utf8');
    r.on('data', (d: string) => {
      buffer += d;
      let i: number;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (!frame.startsWith('data: ')) continue;
        const snap = JSON.parse(frame.slice(6)) as DashboardSnapshot;
        const w = waiting.shift();
        if (w) w(snap);
        else queue.push(snap);
      }
    });
    r.on('end', endStream);
    r.on('close', endStream);
  });
  req.on('error', endStream);
  return {
    next(timeoutMs = 5000) {
      const ready = queue.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no snapshot within ${timeoutMs} ms`)), timeoutMs);
        waiting.push((s) => { clearTimeout(timer); resolve(s); });
      });
    },
    ended,
    close: () => { res?.destroy(); req.destroy(); },
  };
}

describe('the dashboard server', () => {
  let sb: Sandbox;
  let bot: Bot;
  let dash: Dashboard;
  let moveListeners: number;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 5 });
    bot = await testBot(sb, 'dashboarded');
    moveListeners = bot.listenerCount('move');
    dash = await startDashboard({ bot, log: silentLogger() });
  });
  afterAll(async () => {
    await dash?.close();
    quit(bot);
    await sb?.stop();
  });

  it('listens on 127.0.0.1 and serves the page, its files and the 3D view', async () => {
    expect(dash.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await request(dash.url, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<script src="app.js">');
    expect((await request(dash.url, '/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request(dash.url, '/style.css')).status).toBe(200);
    const view = await request(dash.url, '/view/');
    expect(view.body).toMatch(/<script src="follow.js"><\/script>\s*<script src="ghost.js"><\/script>\s*<script src="index.js"><\/script>/);
    expect((await request(dash.url, '/view/follow.js')).status).toBe(200);
    const worker = await request(dash.url, '/view/worker.js', 'HEAD');
    expect(worker).toMatchObject({ status: 200, headers: { 'cache-control': 'no-store' } });
    expect(Number(worker.headers['content-length'])).toBeGreaterThan(4 * 1024 * 1024);
    expect((await request(dash.url, '/view/textures/1.16.4/entity/steve.png', 'HEAD')).headers['content-type']).toBe('image/png');
  });

  it('answers nothing outside its files', async () => {
    for (const path of ['/nope', '/view/../../package.json', '/view/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/view/%E0%A4%A', '/dashboard.ts']) {
      expect((await request(dash.url, path)).status, path).toBe(404);
    }
    expect((await request(dash.url, '/', 'POST')).status).toBe(405);
    expect((await request(dash.url, '/state', 'GET', 'attacker.example:80')).status).toBe(403);
    expect((await request(dash.url, '/state', 'GET', `localhost:${new URL(dash.url).port}`)).status).toBe(200);
    // The 3D view's socket: its own page may connect, another site's page may not.
    const handshake = '/view/socket.io/?EIO=4&transport=polling';
    expect((await request(dash.url, handshake)).status).toBe(200);
    expect((await request(dash.url, handshake, 'GET', undefined, 'http://attacker.example')).status).toBe(403);
  });

  it('streams a snapshot on connect and after each change', async () => {
    const stream = events(dash.url);
    try {
      const first = await stream.next();
      expect(first).toMatchObject({ view: { enabled: true, path: '/view/' }, task: null, steps: [], bot: { username: 'dashboarded', health: 20 } });
      dash.publish({ type: 'task', text: 'wooden pickaxe', goal: '1 wooden_pickaxe' });
      dash.publish({ type: 'plan', plan: [{ skill: 'mineBlock', args: { block: 'oak_log', count: 3 } }] });
      const next = await stream.next();
      // Both changes arrive together, as one snapshot.
      expect(next.task).toMatchObject({ text: 'wooden pickaxe', goal: '1 wooden_pickaxe' });
      expect(next.steps).toEqual([{ skill: 'mineBlock', text: 'mineBlock(block=oak_log count=3)', status: 'pending' }]);
      await sb.command('give dashboarded oak_log 2');
      let snap = next;
      while (!snap.bot?.inventory.oak_log) snap = await stream.next();
      expect(snap.bot.inventory).toEqual({ oak_log: 2 });
      const state = JSON.parse((await request(dash.url, '/state')).body) as DashboardSnapshot;
      expect(state.bot?.inventory).toEqual({ oak_log: 2 });
      expect(dash.pages).toBe(1);
    } finally {
      stream.close();
    }
  });

  it('close() ends the streams, stops listening and leaves no listener on the bot', async () => {
    const stream = events(dash.url);
    await stream.next();
    await dash.close();
    await stream.ended;
    await expect(request(dash.url, '/')).rejects.toThrow(/ECONNREFUSED/);
    expect(bot.listenerCount('move')).toBe(moveListeners);
  });
});

describe('the dashboard without the 3D view', () => {
  let sb: Sandbox;
  let bot: Bot;
  beforeAll(async () => {
    sb = await testSandbox({ seed: 5 });
    bot = await testBot(sb, 'plain');
  });
  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('serves the page and says the view is off', async () => {
    const dash = await startDashboard({ bot, log: silentLogger(), view: false });
    try {
      expect((await request(dash.url, '/view/')).status).toBe(404);
      const state = JSON.parse((await request(dash.url, '/state')).body) as DashboardSnapshot;
      expect(state.view.enabled).toBe(false);
    } finally {
      await dash.close();
    }
  });
});
