// A child process of `bench plan4mc --jobs N`: runs the tasks its parent sends, one at a time, each on a
// sandbox of its own, and sends back each row. Separate processes, because one Node thread cannot run
// two sandboxes, two bots and their path searches at full speed.
import { createLogger } from '../../log/logger.ts';
import { PLAN4MC_TASKS } from '../../tasks/plan4mc.ts';
import { runPlan4mcTask } from './runOne.ts';
import type { WorkerReply, WorkerRequest } from './pool.ts';

const log = createLogger({ level: (process.env.SKILLCRAFT_BENCH_LOG as 'debug' | undefined) ?? 'error', format: 'json' });

process.on('message', (msg: WorkerRequest) => {
  void handle(msg);
});
// The parent went away (Ctrl-C, crash): nothing is left to report to.
process.on('disconnect', () => process.exit(0));

async function handle(msg: WorkerRequest): Promise<void> {
  const task = PLAN4MC_TASKS.find((t) => t.id === msg.taskId);
  let reply: WorkerReply;
  if (!task) {
    reply = { job: msg.job, error: `no Plan4MC task ${msg.taskId}` };
  } else {
    try {
      const result = await runPlan4mcTask(task, msg.seed, { planner: msg.planner, log, ...(msg.host ? { host: msg.host, port: msg.port } : {}) });
      reply = { job: msg.job, result };
    } catch (err) {
      reply = { job: msg.job, error: err instanceof Error ? err.message : String(err) };
    }
  }
  process.send?.(reply);
}
