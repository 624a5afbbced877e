// Every wait of the project: sleeps, event waits, polls and backoff, each with a timeout or an
// AbortSignal, each leaving no timer or listener behind.
import type { EventEmitter } from 'node:events';
import { SkillError } from './errors.ts';

/** The reason a signal was aborted, as a typed error. */
export function abortReason(signal: AbortSignal): Error {
  const r: unknown = signal.reason;
  if (r instanceof Error) return r;
  return new SkillError('ABORTED', typeof r === 'string' ? r : 'aborted');
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortReason(signal);
}

/** Resolves after `ms`, or rejects with the abort reason; the timer and listener are always removed. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const onAbort = () => { clearTimeout(timer); reject(abortReason(signal)); };
    const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `fn` with a signal that aborts when `signal` does or after `timeoutMs` (a `TimeoutError`), and
 * removes its timer and listener after. Not `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: on
 * Node 20 the combined signal holds the timeout's weakly, and after a garbage collection it never fires
 * (a team member's walk bounded at 45 s went on for 18 minutes).
 */
export async function withTimeout<T>(signal: AbortSignal, timeoutMs: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort(signal.reason);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => ctrl.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  try {
    return await fn(ctrl.signal);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/** Races a promise that cannot be cancelled (a mineflayer call) against the signal. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      // The call has started all the same (bot.dig digs): its later rejection ("Digging aborted" when the
      // next dig stops it) must still have a handler, or it ends the process as an unhandled rejection.
      promise.catch(() => undefined);
      return reject(abortReason(signal));
    }
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e instanceof Error ? e : new Error(String(e))); },
    );
  });
}

export interface WaitOptions<A extends unknown[]> {
  signal: AbortSignal;
  timeoutMs: number;
  /** What is awaited, for the timeout message. */
  what: string;
  filter?: (...args: A) => boolean;
}

/** Waits for `event` (optionally matching `filter`) with a timeout and the signal; removes its listeners. */
export function waitForEvent<A extends unknown[]>(emitter: EventEmitter, event: string, opts: WaitOptions<A>): Promise<A> {
  return new Promise<A>((resolve, reject) => {
    if (opts.signal.aborted) return reject(abortReason(opts.signal));
    const cleanup = () => {
      clearTimeout(timer);
      emitter.removeListener(event, onEvent);
      opts.signal.removeEventListener('abort', onAbort);
    };
    const onEvent = (...args: A) => {
      if (opts.filter && !opts.filter(...args)) return;
      cleanup();
      resolve(args);
    };
    const onAbort = () => { cleanup(); reject(abortReason(opts.signal)); };
    const timer = setTimeout(() => { cleanup(); reject(new SkillError('TIMEOUT', `no ${opts.what} within ${opts.timeoutMs} ms`)); }, opts.timeoutMs);
    emitter.on(event, onEvent);
    opts.signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Polls `check` every `everyMs` until it is true; TIMEOUT after `timeoutMs`. */
export async function waitUntil(check: () => boolean, opts: { signal: AbortSignal; timeoutMs: number; what: string; everyMs?: number; gameAge?: () => number }): Promise<void> {
  const overdue = opts.gameAge ? lagAwareDeadline(opts.timeoutMs, opts.gameAge) : deadline(opts.timeoutMs);
  while (!check()) {
    if (overdue()) throw new SkillError('TIMEOUT', `no ${opts.what} within ${opts.timeoutMs} ms`);
    await sleep(opts.everyMs ?? 50, opts.signal);
  }
}

function deadline(timeoutMs: number): () => boolean {
  const end = Date.now() + timeoutMs;
  return () => Date.now() > end;
}

/** How many times the clock's bound a wait on a lagging server's game time may last. */
export const LAG_FACTOR = 3;

/**
 * A bound for a wait on something the server does in its own ticks (a smelt, a pickup delay): past
 * `timeoutMs` of the clock only once as many game ticks have passed too (`gameAge`: the world's age in
 * ticks), and at the latest LAG_FACTOR times the clock's bound. A server that lags behind the clock
 * (a busy machine, a crowded user's server) is not mistaken for one that never answers.
 */
export function lagAwareDeadline(timeoutMs: number, gameAge: () => number): () => boolean {
  const started = Date.now();
  const startAge = gameAge();
  return () => {
    const wall = Date.now() - started;
    return wall > timeoutMs && ((gameAge() - startAge) * 50 > timeoutMs || wall > timeoutMs * LAG_FACTOR);
  };
}

/** Exponential backoff for try `attempt` (1-based): base, 2×base, 4×base … capped at `capMs`. */
export function backoffMs(attempt: number, baseMs: number, capMs = 8000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
