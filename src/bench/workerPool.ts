// Worker processes for the benchmarks that run many worlds (`plan4mc`, `techtree`, `tasks`, `team`): each
// takes the next job when it finishes one. A worker lives for many jobs (each job still gets a sandbox, its
// bots and planners of its own): forking and compiling per job cost 1.5 s each. A worker that dies takes its
// job with it as an error reply and is replaced for the next one.
import { fork, type ChildProcess } from 'node:child_process';

/** Every request and reply carries the job's index, so that a late reply is never taken for another job's. */
export interface Numbered { job: number }
export type ErrorReply = Numbered & { error: string };

export async function runWorkerPool<J, Req extends Numbered, Reply extends Numbered>(
  worker: string, jobs: readonly J[], size: number, request: (job: J, index: number) => Req,
  onReply: (job: J, reply: Reply | ErrorReply) => void, signal: AbortSignal,
): Promise<void> {
  let next = 0;
  const runWorker = async (): Promise<void> => {
    let child: ChildProcess | null = null;
    try {
      while (next < jobs.length && !signal.aborted) {
        const index = next++;
        const job = jobs[index]!;
        child ??= fork(worker, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
        const { reply, alive } = await ask<Req, Reply>(child, request(job, index), signal);
        if (!alive) child = null;
        onReply(job, reply);
      }
    } finally {
      if (child?.connected) child.disconnect();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, jobs.length)) }, runWorker));
}

/** Sends one job to a worker and waits for its answer, its death or the abort; removes its listeners. */
function ask<Req extends Numbered, Reply extends Numbered>(child: ChildProcess, req: Req, signal: AbortSignal): Promise<{ reply: Reply | ErrorReply; alive: boolean }> {
  return new Promise((resolve) => {
    const finish = (reply: Reply | ErrorReply, alive: boolean) => {
      signal.removeEventListener('abort', onAbort);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
      resolve({ reply, alive });
    };
    const onAbort = () => { child.kill('SIGTERM'); finish({ job: req.job, error: 'stopped' }, false); };
    const onMessage = (msg: Reply) => { if (msg.job === req.job) finish(msg, true); };
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
