import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAG_FACTOR, lagAwareDeadline, untilAborted, waitUntil } from '../../src/base/wait.ts';

describe('untilAborted', () => {
  it('rejects at once on an aborted signal, and a call that fails later is still handled (no unhandled rejection)', async () => {
    const ac = new AbortController();
    ac.abort(new Error('stopped'));
    let fail!: (e: Error) => void;
    const call = new Promise<never>((_, reject) => { fail = reject; });
    await expect(untilAborted(call, ac.signal)).rejects.toThrow('stopped');
    const unhandled: unknown[] = [];
    const onUnhandled = (r: unknown) => unhandled.push(r);
    process.on('unhandledRejection', onUnhandled);
    try {
      fail(new Error('Digging aborted'));
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('passes the call\'s result and error through while the signal holds', async () => {
    const ac = new AbortController();
    await expect(untilAborted(Promise.resolve(3), ac.signal)).resolves.toBe(3);
    await expect(untilAborted(Promise.reject(new Error('no path')), ac.signal)).rejects.toThrow('no path');
  });
});

describe('a wait on the server\'s own time', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('outlasts the clock\'s bound while the server lags behind it, up to LAG_FACTOR times it', () => {
    vi.useFakeTimers();
    let age = 1000;
    const overdue = lagAwareDeadline(1000, () => age);
    vi.advanceTimersByTime(999);
    age += 20;
    expect(overdue()).toBe(false);
    // 1.2 s of the clock, but only 1 s of the server's ticks (a server at 1/1.2 speed): waited on.
    vi.advanceTimersByTime(201);
    expect(overdue()).toBe(false);
    age += 1;
    expect(overdue()).toBe(true);
    // A server that stopped: given up at LAG_FACTOR times the bound.
    const frozen = lagAwareDeadline(1000, () => 5);
    vi.advanceTimersByTime(1000 * LAG_FACTOR);
    expect(frozen()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(frozen()).toBe(true);
  });

  it('waitUntil with a game clock times out on a server that keeps time, as without one', async () => {
    const started = Date.now();
    const age = () => (Date.now() - started) / 50;
    await expect(waitUntil(() => false, { signal: AbortSignal.timeout(5000), timeoutMs: 100, what: 'nothing', gameAge: age })).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
