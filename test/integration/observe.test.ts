import { once } from 'node:events';
import net from 'node:net';
import mc from 'minecraft-protocol';
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBot, disconnectBot } from '../../src/bot/connect.ts';
import { BotConnectError } from '../../src/bot/errors.ts';
import { observe } from '../../src/bot/observe.ts';
import { observationSchema } from '../../src/bot/observation.ts';
import { renderObservation } from '../../src/bot/render.ts';
import { createLogger } from '../../src/log/logger.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';

const log = createLogger({ level: (process.env.SKILLCRAFT_TEST_LOG as 'debug' | undefined) ?? 'error', format: 'json' });

describe('observation of a real bot', () => {
  let sb: Sandbox;
  let bot: Bot;
  let other: Bot | undefined;
  beforeAll(async () => {
    sb = await testSandbox({ seed: 42, preset: 'forest' });
    bot = await connectBot({ host: sb.host, port: sb.port, username: 'watcher', auth: 'offline', mcVersion: 'auto' }, { log, timeoutMs: 20_000 });
  });
  afterAll(async () => {
    quit(other);
    if (bot) await disconnectBot(bot);
    await sb?.stop();
  });

  it('connectBot detects the version, loads pathfinder and leaves only its logging listeners', () => {
    expect(bot.version).toBe(sb.options.version);
    expect(bot.pathfinder).toBeDefined();
    // mineflayer itself listens to none of these; the one left on each is connectBot's logger.
    expect(bot.listenerCount('error')).toBe(1);
    expect(bot.listenerCount('kicked')).toBe(1);
  });

  it('stands on solid ground, with parseable and consistent fields', async () => {
    await waitFor(() => bot.entity.onGround, 5000, 'the bot to land');
    const obs = observationSchema.parse(observe(bot));
    const below = bot.blockAt(bot.entity.position.offset(0, -0.5, 0).floored());
    expect(below?.boundingBox).toBe('block');
    expect(obs.position.y).toBeCloseTo(bot.entity.position.y, 1);
    expect(obs.dimension).toBe('overworld');
    expect(obs.health).toBeGreaterThan(0);
    expect(obs.time.timeOfDay).toBeGreaterThanOrEqual(0);
    expect(obs.radius).toBe(32);
    // The block under the feet is the nearest of its type, half a block below.
    const under = obs.blocks.find((b) => b.name === below!.name)!;
    expect(under.nearest).toBeLessThanOrEqual(1);
  });

  it('groups blocks by type: no air, nearest first, counts that add up to a plausible half-sphere', () => {
    const obs = observe(bot);
    const names = obs.blocks.map((b) => b.name);
    expect(new Set(names).size).toBe(names.length);
    for (const air of ['air', 'cave_air', 'void_air']) expect(names).not.toContain(air);
    const distances = obs.blocks.map((b) => b.nearest);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const total = obs.blocks.reduce((n, b) => n + b.count, 0);
    const sphere = (4 / 3) * Math.PI * 32 ** 3;
    // Standing on the surface, roughly the lower half of the sphere is solid ground.
    expect(total).toBeGreaterThan(sphere * 0.3);
    expect(total).toBeLessThan(sphere);
    for (const b of obs.blocks) {
      expect(bot.blockAt(bot.entity.position.clone().set(b.at.x, b.at.y, b.at.z))?.name).toBe(b.name);
    }
  });

  it('counts the inventory after /give', async () => {
    await sb.command('give watcher oak_log 3');
    await sb.command('give watcher stick 2');
    await waitFor(() => bot.inventory.items().length >= 2, 5000, 'the given items');
    const obs = observe(bot);
    expect(obs.inventory).toEqual({ oak_log: 3, stick: 2 });
    expect(renderObservation(obs)).toMatch(/oak_log 3/);
  });

  it('flags a crafting table in reach and a furnace out of reach, with positions', async () => {
    const p = bot.entity.position.floored();
    await sb.command(`setblock ${p.x + 2} ${p.y} ${p.z} crafting_table`);
    await sb.command(`setblock ${p.x + 9} ${p.y} ${p.z} furnace`);
    await waitFor(() => bot.blockAt(p.offset(2, 0, 0))?.name === 'crafting_table' && bot.blockAt(p.offset(9, 0, 0))?.name === 'furnace', 5000, 'the placed blocks');
    const obs = observe(bot);
    expect(obs.stations.craftingTable).toMatchObject({ at: { x: p.x + 2, y: p.y, z: p.z }, inReach: true });
    expect(obs.stations.furnace).toMatchObject({ at: { x: p.x + 9, y: p.y, z: p.z }, inReach: false });
    expect(obs.stations.furnace!.distance).toBeGreaterThan(8);
    expect(obs.blocks.find((b) => b.name === 'crafting_table')).toMatchObject({ count: 1, at: { x: p.x + 2, y: p.y, z: p.z } });
  });

  it('lists a second bot among the entities', async () => {
    other = await testBot(sb, 'visitor');
    await waitFor(() => Object.values(bot.entities).some((e) => e.username === 'visitor'), 5000, 'the visitor entity');
    const obs = observe(bot);
    const visitor = obs.entities.find((e) => e.type === 'player' && e.name === 'visitor');
    expect(visitor).toBeDefined();
    expect(visitor!.count).toBe(1);
    expect(obs.entities.find((e) => e.name === 'watcher')).toBeUndefined();
  });

  it('a radius-32 scan stays fast (median of 5 under 150 ms on a shared 2-core machine)', () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      observe(bot);
      times.push(performance.now() - t);
    }
    expect(times.sort((a, b) => a - b)[2]).toBeLessThan(150);
  });

  it('disconnectBot resolves once the socket is closed, and again at once', async () => {
    const extra = await connectBot({ host: sb.host, port: sb.port, username: 'leaver', auth: 'offline', mcVersion: sb.options.version }, { log });
    await disconnectBot(extra, { timeoutMs: 3000 });
    expect(extra._client.ended).toBe(true);
    await disconnectBot(extra);
  });
});

describe('connectBot failures are typed, one-line errors', () => {
  const servers: net.Server[] = [];
  const sockets: net.Socket[] = [];
  afterAll(() => {
    sockets.forEach((s) => s.destroy());
    servers.forEach((s) => s.close());
  });

  async function tcpServer(onConnection: (s: net.Socket) => void): Promise<number> {
    const server = net.createServer((s) => { sockets.push(s); onConnection(s); });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as net.AddressInfo).port;
  }

  const conn = (port: number, mcVersion = 'auto') => ({ host: '127.0.0.1', port, username: 'probe', auth: 'offline' as const, mcVersion });

  async function failure(p: Promise<unknown>): Promise<BotConnectError> {
    const err = await p.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(BotConnectError);
    expect((err as Error).message).not.toContain('\n');
    return err as BotConnectError;
  }

  it('connection refused', async () => {
    const port = await tcpServer(() => undefined);
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    const err = await failure(connectBot(conn(port), { log }));
    expect(err.code).toBe('REFUSED');
    expect(err.message).toBe(`cannot reach 127.0.0.1:${port}: connection refused`);
  });

  it('host not found', async () => {
    const err = await failure(connectBot({ ...conn(25565), host: 'no-such-host.invalid' }, { log }));
    expect(err.code).toBe('NOT_FOUND');
  });

  it('a server that never answers times out at the stage it was in', async () => {
    const port = await tcpServer(() => undefined);
    const ping = await failure(connectBot(conn(port), { log, timeoutMs: 400 }));
    expect(ping.code).toBe('TIMEOUT');
    expect(ping.message).toBe(`cannot reach 127.0.0.1:${port}: timed out after 400 ms waiting for the server status`);
    const login = await failure(connectBot(conn(port, '1.20.1'), { log, timeoutMs: 400 }));
    expect(login.message).toContain('waiting for spawn');
  });

  it('a server that closes the socket', async () => {
    const port = await tcpServer((s) => s.destroy());
    const err = await failure(connectBot(conn(port, '1.20.1'), { log, timeoutMs: 5000 }));
    expect(err.code).toBe('CLOSED');
  });

  it('kicked during login, with the reason as text', async () => {
    const server = mc.createServer({ 'online-mode': false, version: '1.20.1', port: 0, host: '127.0.0.1' });
    try {
      await once(server, 'listening');
      // minecraft-protocol's typings leave out the underlying net.Server.
      const port = ((server as unknown as { socketServer: net.Server }).socketServer.address() as net.AddressInfo).port;
      server.on('login', (client) => client.end('Not today'));
      const err = await failure(connectBot(conn(port), { log, timeoutMs: 5000 }));
      expect(err.code).toBe('KICKED');
      expect(err.message).toBe(`kicked by 127.0.0.1:${port} during login: Not today`);
    } finally {
      server.close();
    }
  });

  it('aborted by the caller', async () => {
    const port = await tcpServer(() => undefined);
    const ac = new AbortController();
    const pending = connectBot(conn(port, '1.20.1'), { log, signal: ac.signal, timeoutMs: 10_000 });
    setTimeout(() => ac.abort(), 50);
    const err = await failure(pending);
    expect(err.code).toBe('ABORTED');
  });
});
