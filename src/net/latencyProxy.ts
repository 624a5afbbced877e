// A TCP proxy that delays every chunk by a chosen one-way latency with jitter, in both directions, for
// tests and benchmarks that must see the bot and the server as a network would, not as one process.
import net from 'node:net';

export interface LatencyProxyOptions {
  targetHost: string;
  targetPort: number;
  /** Mean one-way delay added to every chunk, in each direction (ms). */
  delayMs: number;
  /** Each chunk's delay is drawn uniformly from delayMs ± jitterMs (never below 0). */
  jitterMs?: number;
  /** Seed of the jitter draws, so a run can be repeated. */
  seed?: number;
  /** Address to listen on (default 127.0.0.1); the port is always picked by the system. */
  host?: string;
  /**
   * Cut every chunk into pieces of at most this many bytes, each with its own delay (still in order):
   * what a client sees of a server that flushes packet by packet over a network that spreads them out.
   */
  chunkBytes?: number;
}

export interface LatencyProxy {
  readonly host: string;
  readonly port: number;
  /** Connections accepted so far and connections still open. */
  stats(): { accepted: number; open: number };
  /** Stops listening, destroys every socket and clears every timer. */
  close(): Promise<void>;
}

/** mulberry32: small, fast and good enough for jitter; Math.random could not be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Entry = { at: number; chunk: Buffer | null };

/**
 * One direction of a connection. Chunks leave in arrival order: each is due at its own arrival time
 * plus a drawn delay, but never before the chunk ahead of it, and one timer serves the whole queue so
 * two chunks due at the same millisecond cannot swap. A null chunk is the sender's end of stream.
 */
class Lane {
  private queue: Entry[] = [];
  private last = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly from: net.Socket, private readonly to: net.Socket, private readonly delay: () => number, private readonly piece: number) {
    from.on('data', (chunk: Buffer) => {
      for (let i = 0; i < chunk.length; i += this.piece) this.push(chunk.subarray(i, i + this.piece));
    });
    from.on('end', () => this.push(null));
    to.on('drain', () => from.resume());
  }

  private push(chunk: Buffer | null): void {
    const at = Math.max(Date.now() + this.delay(), this.last);
    this.last = at;
    this.queue.push({ at, chunk });
    if (this.queue.length === 1) this.arm();
  }

  private arm(): void {
    const head = this.queue[0];
    if (!head || this.timer) return;
    this.timer = setTimeout(() => { this.timer = undefined; this.release(); }, Math.max(0, head.at - Date.now()));
  }

  private release(): void {
    const now = Date.now();
    while (this.queue.length > 0 && this.queue[0]!.at <= now) {
      const { chunk } = this.queue.shift()!;
      if (this.to.destroyed) continue;
      if (chunk === null) this.to.end();
      // The sender waits while the receiver's buffer is full, so a slow reader bounds the memory held.
      else if (!this.to.write(chunk)) this.from.pause();
    }
    this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
  }
}

/** Starts a proxy to `targetHost:targetPort` on a free port of `host`. */
export async function startLatencyProxy(opts: LatencyProxyOptions): Promise<LatencyProxy> {
  const { targetHost, targetPort, delayMs } = opts;
  const jitterMs = opts.jitterMs ?? 0;
  if (!(delayMs >= 0) || !(jitterMs >= 0)) throw new RangeError(`delay and jitter must be >= 0 (got ${delayMs} ± ${jitterMs})`);
  const random = prng(opts.seed ?? 1);
  const delay = () => Math.max(0, delayMs + (random() * 2 - 1) * jitterMs);
  const piece = opts.chunkBytes ?? Infinity;
  if (!(piece >= 1)) throw new RangeError(`chunkBytes must be >= 1 (got ${piece})`);
  const pairs = new Set<{ sockets: net.Socket[]; lanes: Lane[] }>();
  let accepted = 0;

  // Half-open sockets: one side's end must reach the other only after the data queued ahead of it.
  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    accepted++;
    const upstream = net.connect({ host: targetHost, port: targetPort, allowHalfOpen: true });
    // Latency is what we add; Nagle's algorithm would add its own on top.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const pair = { sockets: [client, upstream], lanes: [new Lane(client, upstream, delay, piece), new Lane(upstream, client, delay, piece)] };
    pairs.add(pair);
    const teardown = () => {
      if (!pairs.delete(pair)) return;
      for (const lane of pair.lanes) lane.stop();
      for (const s of pair.sockets) s.destroy();
    };
    // An error on either side ends the connection for both, as a broken link would.
    for (const s of pair.sockets) {
      s.on('error', teardown);
      s.on('close', () => { if (pair.sockets.every((x) => x.destroyed || x.writableEnded)) teardown(); });
    }
    client.on('close', () => { if (upstream.pending) teardown(); });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, opts.host ?? '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const address = server.address() as net.AddressInfo;
  let closed: Promise<void> | undefined;

  return {
    host: address.address,
    port: address.port,
    stats: () => ({ accepted, open: pairs.size }),
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const pair of [...pairs]) {
          pairs.delete(pair);
          for (const lane of pair.lanes) lane.stop();
          for (const s of pair.sockets) s.destroy();
        }
      });
      return closed;
    },
  };
}
