// Worker processes for `bench team` (src/bench/workerPool.ts): a sandbox and a team per run.
import { fileURLToPath } from 'node:url';
import type { TeamJob, TeamRunResult } from './run.ts';
import { runWorkerPool } from '../workerPool.ts';

export interface TeamRequest { job: number; run: TeamJob }
export type TeamReply = { job: number; worker?: number } & ({ result: TeamRunResult } | { error: string });

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export function runTeamPool(jobs: readonly TeamJob[], size: number, onReply: (job: TeamJob, reply: TeamReply) => void, signal: AbortSignal): Promise<void> {
  return runWorkerPool<TeamJob, TeamRequest, TeamReply>(WORKER, jobs, size, (run, job) => ({ job, run }), onReply, signal);
}
