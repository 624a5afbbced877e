import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PlannerName, TaskResult } from './types.ts';

export interface WorkerRequest {
  job: number;
  taskId: number;
  seed: number;
  planner: PlannerName;
  host?: string;
  port?: number;
}

export type WorkerReply = { job: number; result: TaskResult } | { job: number; error: string };

export interface Job { taskId: number; seed: number }

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/**
 * Runs jobs on `size` child processes, each taking the next job when it finishes one, and reports
 * every row as it arrives. A worker that dies takes its job with it as a crash row and is replaced.
 */
export async function runPool(
  jobs: readonly Job[], size: number, base: Omit<WorkerRequest, 'job' | 'taskId' | 'seed'>,
  onResult: (job: Job, reply: WorkerReply) => void, signal: AbortSignal,
): Promise<void> {
  let next = 0;
  const workers: ChildProcess[] = [];
  const runWorker = async (): Promise<void> => {
    while (next < jobs.length && !signal.aborted) {
      const index = next++;
      const job = jobs[index]!;
      const reply = await runInChild({ ...base, job: index, taskId: job.taskId, seed: job.seed }, workers, signal);
      onResult(job, reply);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(size, jobs.length)) }, runWorker));
  } finally {
    for (const w of workers) if (w.connected) w.disconnect();
  }
}

/** One job in a fresh child (a clean process per task: no state leaks from one run into the next). */
function runInChild(req: WorkerRequest, workers: ChildProcess[], signal: AbortSignal): Promise<WorkerReply> {
  return new Promise((resolve) => {
    const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    workers.push(child);
    let settled = false;
    const finish = (reply: WorkerReply) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      workers.splice(workers.indexOf(child), 1);
      if (child.connected) child.disconnect();
      resolve(reply);
    };
    const onAbort = () => { child.kill('SIGTERM'); finish({ job: req.job, error: 'stopped' }); };
    signal.addEventListener('abort', onAbort, { once: true });
    child.on('message', (msg: WorkerReply) => finish(msg));
    child.on('exit', (code, sig) => finish({ job: req.job, error: `worker exited (${sig ?? `code ${code}`}) before answering` }));
    child.on('error', (err) => finish({ job: req.job, error: `worker failed: ${err.message}` }));
    child.send(req);
  });
}
