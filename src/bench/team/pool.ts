// Worker processes for `bench team`: each takes the next run when it finishes one (a sandbox and a team
// per run, the process kept: forking and compiling cost seconds). A worker that dies takes its run with
// it as an error reply and is replaced for the next one.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TeamJob, TeamRunResult } from './run.ts';

export interface TeamRequest { job: number; run: TeamJob }
export type TeamReply = { job: number; worker?: number } & ({ result: TeamRunResult } | { error: string });

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export async function runTeamPool(jobs: readonly TeamJob[], size: number, onReply: (job: TeamJob, reply: TeamReply) => void, signal: AbortSignal): Promise<void> {
  let next = 0;
  const runWorker = async (): Promise<void> => {
    let child: ChildProcess | null = null;
    try {
      while (next < jobs.length && !signal.aborted) {
        const index = next++;
        const job = jobs[index]!;
        child ??= fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
        const { reply, alive } = await ask(child, { job: index, run: job }, signal);
        if (!alive) child = null;
        onReply(job, reply);
      }
    } finally {
      if (child?.connected) child.disconnect();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, jobs.length)) }, runWorker));
}

/** Sends one run to a worker and waits for its answer, its death or the abort; removes its listeners. */
function ask(child: ChildProcess, req: TeamRequest, signal: AbortSignal): Promise<{ reply: TeamReply; alive: boolean }> {
  return new Promise((resolve) => {
    const finish = (reply: TeamReply, alive: boolean) => {
      signal.removeEventListener('abort', onAbort);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
      resolve({ reply, alive });
    };
    const onAbort = () => { child.kill('SIGTERM'); finish({ job: req.job, error: 'stopped' }, false); };
    const onMessage = (msg: TeamReply) => { if (msg.job === req.job) finish(msg, true); };
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
