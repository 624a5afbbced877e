import { BotConnectError } from './errors.ts';

/**
 * One time budget for a multi-step operation (ping, login, spawn, chunks), cancelled early by an
 * outer AbortSignal. Each step waits through `wait()`, which names the step in the timeout error.
 */
export class Deadline {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly started = Date.now();
  private timedOut = false;
  private readonly onOuterAbort: () => void;

  constructor(timeoutMs: number, private readonly address: string, private readonly outer?: AbortSignal) {
    this.timeoutMs = timeoutMs;
    this.signal = this.controller.signal;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, timeoutMs);
    this.onOuterAbort = () => this.controller.abort();
    if (outer?.aborted) this.controller.abort();
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  /** Milliseconds left, at least 1. */
  remaining(): number {
    return Math.max(1, this.timeoutMs - (Date.now() - this.started));
  }

  /** The error to report when the budget ran out (or the caller aborted) during `stage`. */
  error(stage: string): BotConnectError {
    if (this.timedOut) {
      return new BotConnectError('TIMEOUT', this.address, `cannot reach ${this.address}: timed out after ${this.timeoutMs} ms waiting for ${stage}`);
    }
    return new BotConnectError('ABORTED', this.address, `connecting to ${this.address} was aborted while waiting for ${stage}`, { cause: this.outer?.reason });
  }

  /**
   * Waits for `start` to settle. `start` subscribes to whatever it needs and returns the function that
   * unsubscribes; that function always runs, whichever way the wait ends.
   */
  wait<T>(stage: string, start: (resolve: (value: T) => void, reject: (err: Error) => void) => () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.signal.aborted) {
        reject(this.error(stage));
        return;
      }
      let settled = false;
      // A holder rather than a const: `start` may settle before it returns its cleanup function.
      const subscription: { cleanup?: () => void } = {};
      const finish = (): void => {
        settled = true;
        this.signal.removeEventListener('abort', onAbort);
        subscription.cleanup?.();
      };
      const onAbort = (): void => {
        finish();
        reject(this.error(stage));
      };
      this.signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = start(
        (value) => { if (!settled) { finish(); resolve(value); } },
        (err) => { if (!settled) { finish(); reject(err); } },
      );
      if (settled) cleanup();
      else subscription.cleanup = cleanup;
    });
  }

  /** Races a promise against the budget (the promise itself is not cancelled). */
  race<T>(stage: string, promise: Promise<T>): Promise<T> {
    return this.wait<T>(stage, (resolve, reject) => {
      promise.then(resolve, reject);
      return () => undefined;
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}
