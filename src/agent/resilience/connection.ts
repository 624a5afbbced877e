// The connection side of a resilient run: a watch that ends the running task the moment the bot
// dies or loses its connection, and reconnection with bounded exponential backoff.
import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import { SkillError } from '../../base/errors.ts';
import { backoffMs, sleep } from '../../base/wait.ts';

export interface BackoffOptions {
  /** Wait before the first try (default 500 ms). */
  initialMs: number;
  /** Longest wait between tries (default 8 s). */
  maxMs: number;
  /** No new try starts this long after the connection was lost (default 2 min). */
  giveUpMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 8000, giveUpMs: 120_000 };

/** The wait before try `n` (1-based): doubling from `initialMs`, capped at `maxMs`. */
export function backoffDelay(n: number, o: BackoffOptions = DEFAULT_BACKOFF): number {
  return backoffMs(n, o.initialMs, o.maxMs);
}

/** The connection could not be made again within the give-up time. */
export class ReconnectError extends Error {
  constructor(message: string, readonly attempts: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReconnectError';
  }
}

export interface ReconnectAttempt {
  attempt: number;
  waitedMs: number;
  ok: boolean;
  error?: string;
}

/**
 * Calls `connect` until it gives a bot: waits 0.5 s, 1 s, 2 s … 8 s between tries, and gives up
 * (ReconnectError naming the last failure) once a try would start after `giveUpMs`.
 */
export async function reconnect(connect: (signal: AbortSignal) => Promise<Bot>, signal: AbortSignal, opts: Partial<BackoffOptions> = {}, onAttempt?: (a: ReconnectAttempt) => void): Promise<Bot> {
  const o = { ...DEFAULT_BACKOFF, ...opts };
  const started = Date.now();
  let last: unknown;
  for (let attempt = 1; ; attempt++) {
    const wait = backoffDelay(attempt, o);
    if (Date.now() - started + wait > o.giveUpMs) {
      const why = last instanceof Error ? last.message : String(last);
      throw new ReconnectError(`lost the connection and could not reconnect within ${Math.round(o.giveUpMs / 1000)} s (${attempt - 1} tries; last: ${why})`, attempt - 1, { cause: last });
    }
    await sleep(wait, signal);
    try {
      const bot = await connect(signal);
      onAttempt?.({ attempt, waitedMs: wait, ok: true });
      return bot;
    } catch (err) {
      if (signal.aborted) throw err;
      last = err;
      onAttempt?.({ attempt, waitedMs: wait, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }
}

export type Interruption = { kind: 'died'; at: [number, number, number]; atMs: number } | { kind: 'disconnected'; reason: string };

/**
 * Watches one bot for one stretch of a task: its signal is aborted with DIED when the bot dies and
 * DISCONNECTED when the connection ends (or with the parent's reason), so the skill running then
 * stops at once instead of waiting for its own timeout.
 */
export class BotWatch {
  readonly signal: AbortSignal;
  interruption: Interruption | undefined;
  private readonly ac = new AbortController();
  private kickReason: string | undefined;
  private readonly onParent = () => this.ac.abort(this.parent.reason);
  private readonly onDeath = () => {
    const p = this.bot.entity.position;
    const r = (n: number) => Math.round(n * 10) / 10;
    this.interrupt({ kind: 'died', at: [r(p.x), r(p.y), r(p.z)], atMs: Date.now() }, new SkillError('DIED', `the bot died at ${Math.floor(p.x)},${Math.floor(p.y)},${Math.floor(p.z)}`));
  };
  private readonly onKicked = (reason: unknown) => { this.kickReason = typeof reason === 'string' ? reason : JSON.stringify(reason); };
  private readonly onEnd = (reason: string) => {
    const why = this.kickReason ? `kicked: ${this.kickReason}` : reason;
    this.interrupt({ kind: 'disconnected', reason: why }, new SkillError('DISCONNECTED', `lost the connection to the server (${why})`));
  };

  constructor(private readonly bot: Bot, private readonly parent: AbortSignal, private readonly log: Logger) {
    this.signal = this.ac.signal;
    if (parent.aborted) this.onParent();
    else parent.addEventListener('abort', this.onParent, { once: true });
    bot.on('death', this.onDeath);
    bot.on('kicked', this.onKicked);
    bot.on('end', this.onEnd);
    if (bot._client.ended) this.onEnd('the connection was already closed');
  }

  dispose(): void {
    this.parent.removeEventListener('abort', this.onParent);
    this.bot.removeListener('death', this.onDeath);
    this.bot.removeListener('kicked', this.onKicked);
    this.bot.removeListener('end', this.onEnd);
  }

  private interrupt(what: Interruption, reason: SkillError): void {
    // A disconnect after a death still matters: the bot that died can no longer respawn.
    if (this.interruption && !(what.kind === 'disconnected' && this.interruption.kind === 'died')) return;
    this.interruption = what;
    this.log.info({ interruption: what }, reason.message);
    if (!this.ac.signal.aborted) this.ac.abort(reason);
  }
}
