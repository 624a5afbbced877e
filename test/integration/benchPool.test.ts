import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPool, type WorkerReply } from '../../src/bench/plan4mc/pool.ts';

const traceRoot = mkdtempSync(join(tmpdir(), 'benchpool-'));

describe('bench workers', () => {
  it('one worker process runs jobs in turn, each on its own sandbox, and answers a job it cannot do with an error', async () => {
    const replies: [number, WorkerReply][] = [];
    const jobs = [27, 99, 29];
    await runPool(jobs, 1, (taskId) => ({ kind: 'plan4mc', taskId, world: { preset: 'plains', seed: 1 }, planner: 'graph', traceRoot }), (taskId, reply) => { replies.push([taskId, reply]); }, AbortSignal.timeout(100_000));
    expect(replies.map(([id]) => id)).toEqual(jobs);
    const [beef, none, mutton] = replies.map(([, r]) => r);
    expect(beef && 'result' in beef && beef.result.success).toBe(true);
    expect(none && 'error' in none && none.error).toBe('no Plan4MC task 99');
    expect(mutton && 'result' in mutton && mutton.result.success).toBe(true);
    // The same process answered all three: no fork and compile per job.
    expect(new Set(replies.map(([, r]) => r.worker)).size).toBe(1);
    expect(beef?.worker).toBeGreaterThan(0);
  }, 120_000);

  it('stops on the signal: the running job comes back as stopped and no other starts', async () => {
    const replies: WorkerReply[] = [];
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 1500);
    await runPool([40, 39], 1, (taskId) => ({ kind: 'plan4mc', taskId, world: { preset: 'plains', seed: 1 }, planner: 'graph', traceRoot }), (_id, reply) => { replies.push(reply); }, ac.signal);
    expect(replies).toEqual([{ job: 0, error: 'stopped' }]);
  }, 30_000);
});
