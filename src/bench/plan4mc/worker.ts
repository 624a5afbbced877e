// A child process of `bench plan4mc --jobs N`, `bench techtree` and `bench tasks`: runs the jobs its parent sends, one
// at a time, each on a sandbox of its own, and sends back each reply. Separate processes, because one
// Node thread cannot run two sandboxes, two bots and their path searches at full speed.
import { createLogger } from '../../log/logger.ts';
import { PLAN4MC_TASKS } from '../../tasks/plan4mc.ts';
import { runPlan4mcTask } from './runOne.ts';
import type { WorkerReply, WorkerRequest } from './pool.ts';
import { techtreeSeed } from './techtree/run.ts';
import { runWorldTask } from '../worldTask.ts';

const log = createLogger({ level: (process.env.SKILLCRAFT_BENCH_LOG as 'debug' | undefined) ?? 'error', format: 'json' });

// The parent sends the next job only after the reply to this one, so jobs never overlap.
process.on('message', (msg: WorkerRequest) => {
  void handle(msg).then((reply) => process.send?.({ ...reply, worker: process.pid }));
});
// The parent went away (Ctrl-C, crash, or the suite is over): nothing is left to report to.
process.on('disconnect', () => process.exit(0));

async function handle(msg: WorkerRequest): Promise<WorkerReply> {
  try {
    if (msg.kind === 'techtree') return { job: msg.job, tiers: await techtreeSeed(msg.world, log, msg.traceRoot) };
    if (msg.kind === 'task') return { job: msg.job, task: await runWorldTask(msg, log) };
    const task = PLAN4MC_TASKS.find((t) => t.id === msg.taskId);
    if (!task) return { job: msg.job, error: `no Plan4MC task ${msg.taskId}` };
    const result = await runPlan4mcTask(task, msg.world, {
      planner: msg.planner, log, traceRoot: msg.traceRoot, ...(msg.host ? { host: msg.host, port: msg.port } : {}), ...(msg.route ? { route: msg.route } : {}),
    });
    return { job: msg.job, result };
  } catch (err) {
    return { job: msg.job, error: err instanceof Error ? err.message : String(err) };
  }
}
