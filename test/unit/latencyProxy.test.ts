import { once } from 'node:events';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startLatencyProxy, type LatencyProxy } from '../../src/net/latencyProxy.ts';

interface Echo { port: number; arrivals: number[]; connections: Set<net.Socket>; server: net.Server }

/** A plain TCP echo server that notes when each chunk arrives; it ends its side when the client ends. */
async function echoServer(): Promise<Echo> {
  const arrivals: number[] = [];
  const connections = new Set<net.Socket>();
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    connections.add(s);
    s.on('data', (d) => { arrivals.push(performance.now()); s.write(d); });
    s.on('end', () => s.end());
    s.on('close', () => connections.delete(s));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: (server.address() as net.AddressInfo).port, arrivals, connections, server };
}

/** A client of the proxy; `gone` settles when it closes (a reset by the proxy is expected, not an error). */
const gone = new WeakMap<net.Socket, Promise<void>>();

async function connect(p: LatencyProxy): Promise<net.Socket> {
  const s = net.connect({ host: p.host, port: p.port });
  const errors: Error[] = [];
  s.on('error', (e) => errors.push(e));
  gone.set(s, new Promise<void>((resolve) => s.once('close', () => resolve())));
  s.setNoDelay(true);
  await new Promise<void>((resolve, reject) => { s.once('connect', resolve); s.once('close', () => reject(errors[0] ?? new Error('closed before connecting'))); });
  return s;
}

/** Everything the socket receives until the other side ends. */
function readAll(s: net.Socket): Promise<Buffer> {
  const parts: Buffer[] = [];
  s.on('data', (d: Buffer) => parts.push(d));
  return new Promise((resolve, reject) => { s.once('end', () => resolve(Buffer.concat(parts))); s.once('error', reject); });
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('latency proxy', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => { for (const c of cleanup.splice(0)) await c(); });
  async function setup(opts: { delayMs: number; jitterMs?: number; chunkBytes?: number }) {
    const echo = await echoServer();
    const proxy = await startLatencyProxy({ targetHost: '127.0.0.1', targetPort: echo.port, seed: 7, ...opts });
    cleanup.push(async () => { await proxy.close(); echo.server.close(); });
    return { echo, proxy };
  }

  it('delays each direction by the chosen one-way latency', async () => {
    const { echo, proxy } = await setup({ delayMs: 60 });
    const s = await connect(proxy);
    const sent = performance.now();
    s.write('ping');
    await once(s, 'data');
    const back = performance.now();
    const oneWay = echo.arrivals[0]! - sent;
    expect(oneWay).toBeGreaterThanOrEqual(59);
    // Upper bounds leave room for a loaded machine, but not for the delay being added twice.
    expect(oneWay).toBeLessThan(60 + 55);
    expect(back - sent).toBeGreaterThanOrEqual(119);
    expect(back - sent).toBeLessThan(120 + 110);
    s.destroy();
  });

  it('never reorders: with jitter wider than the gaps, and cut into pieces, the bytes come back as sent', async () => {
    for (const opts of [{ delayMs: 15, jitterMs: 15 }, { delayMs: 10, jitterMs: 10, chunkBytes: 3 }]) {
      const { echo, proxy } = await setup(opts);
      const s = await connect(proxy);
      const received = readAll(s);
      const sent: string[] = [];
      for (let i = 0; i < 150; i++) {
        sent.push(`<${i}>`);
        s.write(`<${i}>`);
        // Separate chunks on the wire, each with its own drawn delay.
        await new Promise((r) => setImmediate(r));
      }
      s.end();
      expect((await received).toString()).toBe(sent.join(''));
      // The chunks reached the server spread over time by their own delays, not in one go.
      expect(echo.arrivals.length).toBeGreaterThan(1);
      expect(echo.arrivals[echo.arrivals.length - 1]! - echo.arrivals[0]!).toBeGreaterThan(0);
    }
  });

  it('close() destroys every socket, clears every timer and stops listening', async () => {
    const { echo, proxy } = await setup({ delayMs: 300 });
    const baseline = timers();
    const clients = [await connect(proxy), await connect(proxy)];
    await new Promise((r) => setTimeout(r, 20));
    for (const c of clients) c.write('queued behind a 300 ms delay');
    // Let the proxy read the writes, so they sit in its queues on their timers.
    await new Promise((r) => setTimeout(r, 30));
    expect(proxy.stats()).toEqual({ accepted: 2, open: 2 });
    expect(timers()).toBeGreaterThan(baseline);
    await proxy.close();
    await Promise.all(clients.map((c) => gone.get(c)!));
    expect(proxy.stats().open).toBe(0);
    expect(timers()).toBe(baseline);
    // The upstream side is gone too, and nothing queued was delivered after the close.
    await new Promise((r) => setTimeout(r, 350));
    expect(echo.connections.size).toBe(0);
    expect(echo.arrivals).toEqual([]);
    await expect(connect(proxy)).rejects.toThrow(/ECONNREFUSED/);
    // A second close is the same close.
    await proxy.close();
  });

  it('closes the client when the target refuses, and rejects bad settings', async () => {
    const dead = net.createServer();
    dead.listen(0, '127.0.0.1');
    await once(dead, 'listening');
    const port = (dead.address() as net.AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const proxy = await startLatencyProxy({ targetHost: '127.0.0.1', targetPort: port, delayMs: 5 });
    cleanup.push(() => proxy.close());
    // The proxy accepts, then drops the client as soon as the target refuses: that may come before
    // or after the client sees its own connection established.
    const s = net.connect({ host: proxy.host, port: proxy.port });
    s.on('error', () => undefined);
    await once(s, 'close');
    expect(proxy.stats()).toEqual({ accepted: 1, open: 0 });
    await expect(startLatencyProxy({ targetHost: '127.0.0.1', targetPort: port, delayMs: -1 })).rejects.toThrow(RangeError);
    await expect(startLatencyProxy({ targetHost: '127.0.0.1', targetPort: port, delayMs: 1, chunkBytes: 0 })).rejects.toThrow(RangeError);
  });
});
