import { chatLine } from './text.ts';

/**
 * What a message is: `reply` answers an owner's command and `final` ends a task (both always said,
 * quiet or not); `plan` and `progress` narrate a task (off with quiet), and a newer one replaces
 * one of its kind still waiting, so chat never lags behind the bot with stale news.
 */
export type ChatKind = 'reply' | 'final' | 'plan' | 'progress';

export interface ChatReporterOptions {
  /** Sends one chat line (mineflayer's bot.chat). */
  say: (text: string) => void;
  /** No narration, replies only. */
  quiet?: boolean;
  /** At most one message per this many ms (default 2000). */
  minIntervalMs?: number;
  /** Messages waiting at most (default 6); the oldest narration goes first when full. */
  maxQueue?: number;
  /** Reports a message that could not be sent (the connection closed). */
  onError?: (err: unknown) => void;
}

interface Queued { kind: ChatKind; text: string }

const NARRATION: ReadonlySet<ChatKind> = new Set(['plan', 'progress']);

/** Says things in game chat, rate-limited, with a small queue that drops stale narration. */
export class ChatReporter {
  private readonly queue: Queued[] = [];
  private readonly minIntervalMs: number;
  private readonly maxQueue: number;
  private lastSent = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** drain() calls waiting for the queue to empty. */
  private readonly idle = new Set<() => void>();
  /** Lines said so far (tests and the dashboard read it). */
  sent = 0;
  /** Narration lines dropped as stale or for room. */
  dropped = 0;

  constructor(private readonly opts: ChatReporterOptions) {
    this.minIntervalMs = opts.minIntervalMs ?? 2000;
    this.maxQueue = opts.maxQueue ?? 6;
  }

  get quiet(): boolean {
    return this.opts.quiet ?? false;
  }

  reply(text: string): void { this.push('reply', text); }
  final(text: string): void { this.push('final', text); }
  plan(text: string): void { this.push('plan', text); }
  progress(text: string): void { this.push('progress', text); }

  /** Messages waiting for their turn. */
  get pending(): number {
    return this.queue.length;
  }

  push(kind: ChatKind, raw: string): void {
    if (this.closed || (this.quiet && NARRATION.has(kind))) return;
    const text = chatLine(raw);
    if (!text) return;
    if (NARRATION.has(kind)) this.dropWhere((q) => q.kind === kind);
    this.queue.push({ kind, text });
    while (this.queue.length > this.maxQueue) {
      const i = this.queue.findIndex((q) => NARRATION.has(q.kind));
      this.queue.splice(i >= 0 ? i : 0, 1);
      this.dropped++;
    }
    this.pump();
  }

  /**
   * Drops waiting narration and resolves once the replies and final lines still waiting are said,
   * or after `timeoutMs` (then they are dropped by close()).
   */
  drain(timeoutMs = 4000): Promise<void> {
    this.dropWhere((q) => NARRATION.has(q.kind));
    if (this.queue.length === 0 || this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.idle.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.idle.add(done);
    });
  }

  /** Drops whatever is waiting and sends nothing more. */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    for (const done of [...this.idle]) done();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private dropWhere(match: (q: Queued) => boolean): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (match(this.queue[i]!)) {
        this.queue.splice(i, 1);
        this.dropped++;
      }
    }
  }

  private pump(): void {
    if (this.queue.length === 0) {
      for (const done of [...this.idle]) done();
      return;
    }
    if (this.timer) return;
    const wait = this.lastSent + this.minIntervalMs - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
      return;
    }
    const next = this.queue.shift()!;
    this.lastSent = Date.now();
    try {
      this.opts.say(next.text);
      this.sent++;
    } catch (err) {
      if (this.opts.onError) this.opts.onError(err);
      else throw err;
    }
    this.pump();
  }
}
