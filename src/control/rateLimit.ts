/**
 * A token bucket: `capacity` actions at once, then one more every `refillMs`. Used per owner for chat
 * commands, so a burst of a few is fine and a flood is not.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(private readonly capacity: number, private readonly refillMs: number, private readonly clock: () => number = Date.now) {
    if (!(capacity >= 1) || !(refillMs > 0)) throw new RangeError(`a token bucket needs capacity >= 1 and refillMs > 0 (got ${capacity}, ${refillMs})`);
    this.tokens = capacity;
    this.last = clock();
  }

  /** Takes one token; false when none is left (the action should be refused). */
  take(): boolean {
    const now = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) / this.refillMs);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One bucket per key (player name), made on first use. */
export class KeyedLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly capacity: number, private readonly refillMs: number, private readonly clock: () => number = Date.now) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.capacity, this.refillMs, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}
