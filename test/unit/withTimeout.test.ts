// withTimeout: a bound that fires, follows its parent signal, leaves nothing behind, and survives a
// garbage collection (AbortSignal.any with AbortSignal.timeout does not on Node 20).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sleep, withTimeout } from '../../src/base/wait.ts';

const WAIT_TS = fileURLToPath(new URL('../../src/base/wait.ts', import.meta.url));

describe('withTimeout', () => {
  it('aborts the inner signal with a TimeoutError once the time is up', async () => {
    const err = await withTimeout(new AbortController().signal, 50, (s) => sleep(5000, s)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe('TimeoutError');
  });

  it('follows its parent, returns what the function returns, and leaves no listener on the parent', async () => {
    const parent = new AbortController();
    let added = 0;
    let removed = 0;
    const add = parent.signal.addEventListener.bind(parent.signal);
    const remove = parent.signal.removeEventListener.bind(parent.signal);
    parent.signal.addEventListener = ((...a: Parameters<typeof add>) => { added++; add(...a); });
    parent.signal.removeEventListener = ((...a: Parameters<typeof remove>) => { removed++; remove(...a); });
    expect(await withTimeout(parent.signal, 1000, () => Promise.resolve(7))).toBe(7);
    expect([added, removed]).toEqual([1, 1]);
    setTimeout(() => parent.abort(new Error('stopped')), 20);
    await expect(withTimeout(parent.signal, 5000, (s) => sleep(5000, s))).rejects.toThrow('stopped');
  });

  it('still fires after a garbage collection (a fresh node with --expose-gc)', () => {
    const code = `
      const { withTimeout } = await import(${JSON.stringify(WAIT_TS)});
      const t0 = Date.now();
      const r = await withTimeout(new AbortController().signal, 300, (s) => new Promise((resolve) => {
        s.addEventListener('abort', () => resolve('fired'));
        for (let i = 0; i < 5; i++) setTimeout(() => globalThis.gc(), 50 * i);
        setTimeout(() => resolve('never fired'), 2000);
      }));
      console.log(r, Date.now() - t0 < 1500);`;
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 20_000 });
    expect(out.trim()).toBe('fired true');
  });
});
