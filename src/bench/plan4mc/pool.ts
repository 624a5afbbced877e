import { fileURLToPath } from 'node:url';
import type { Route, WorldTaskJob, WorldTaskResult } from '../worldTask.ts';
import { runWorkerPool } from '../workerPool.ts';
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

/** Runs jobs on `size` worker processes (src/bench/workerPool.ts), reporting every reply as it arrives. */
export function runPool<J>(
  jobs: readonly J[], size: number, request: (job: J) => WorkRequest,
  onResult: (job: J, reply: WorkerReply) => void, signal: AbortSignal,
): Promise<void> {
  return runWorkerPool<J, WorkerRequest, WorkerReply>(WORKER, jobs, size, (job, index) => ({ ...request(job), job: index }), onResult, signal);
}
