import { describe, expect, it } from 'vitest';
import { untilAborted } from '../../src/base/wait.ts';

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
