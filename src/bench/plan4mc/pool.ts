import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Route, WorldTaskJob, WorldTaskResult } from '../worldTask.ts';
import type { World } from '../worlds.ts';
import type { TierResult } from './techtree/run.ts';
import type { PlannerName, TaskResult } from './types.ts';

/** What a bench worker is asked to do: one Plan4MC task in one world, one world's whole tech tree, or one task in one world. */
export type WorkRequest =
  | { kind: 'plan4mc'; taskId: number; world: World; planner: PlannerName; traceRoot: string; host?: string; port?: number; route?: Route }
  | { kind: 'techtree'; world: World; traceRoot: string }
  | ({ kind: 'task' } & WorldTaskJob);

export type WorkerRequest = WorkRequest & { job: number };

/** A worker's answer; `worker` is its process id (absent when the worker died before answering). */
export type WorkerReply = { job: number; worker?: number } & ({ result: TaskResult } | { tiers: TierResult[] } | { task: WorldTaskResult } | { error: string });

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/**
 * Runs jobs on `size` child processes, each taking the next job when it finishes one, and reports
 * every reply as it arrives. A worker lives for many jobs (each job still gets a sandbox, a bot and a
 * planner of its own): forking and compiling per job cost 1.5 s each. A worker that dies takes its
 * job with it as an error reply and is replaced for the next one.
 */
export async function runPool<J>(
  jobs: readonly J[], size: number, request: (job: J) => WorkRequest,
  onResult: (job: J, reply: WorkerReply) => void, signal: AbortSignal,
): Promise<void> {
  let next = 0;
  const runWorker = async (): Promise<void> => {
    let child: ChildProcess | null = null;
    try {
      while (next < jobs.length && !signal.aborted) {
        const index = next++;
        const job = jobs[index]!;
        child ??= fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
        const { reply, alive } = await ask(child, { ...request(job), job: index }, signal);
        if (!alive) child = null;
        onResult(job, reply);
      }
    } finally {
      if (child?.connected) child.disconnect();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, jobs.length)) }, runWorker));
}

/** Sends one job to a worker and waits for its answer, its death or the abort; removes its listeners. */
function ask(child: ChildProcess, req: WorkerRequest, signal: AbortSignal): Promise<{ reply: WorkerReply; alive: boolean }> {
  return new Promise((resolve) => {
    const finish = (reply: WorkerReply, alive: boolean) => {
      signal.removeEventListener('abort', onAbort);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
      resolve({ reply, alive });
    };
    const onAbort = () => { child.kill('SIGTERM'); finish({ job: req.job, error: 'stopped' }, false); };
    const onMessage = (msg: WorkerReply) => { if (msg.job === req.job) finish(msg, true); };
    const onExit = (code: number | null, sig: NodeJS.Signals | null) => finish({ job: req.job, error: `worker exited (${sig ?? `code ${code}`}) before answering` }, false);
    const onError = (err: Error) => { child.kill('SIGKILL'); finish({ job: req.job, error: `worker failed: ${err.message}` }, false); };
    if (signal.aborted) { onAbort(); return; }
    signal.addEventListener('abort', onAbort, { once: true });
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.on('error', onError);
    child.send(req);
  });
}
