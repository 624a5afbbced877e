// A child process of `bench team --jobs N`: runs the team runs its parent sends, one at a time, each on a
// sandbox of its own, and sends back each result. Separate processes, because one Node thread cannot run
// two sandboxes and their bots' path searches at full speed.
import { createLogger } from '../../log/logger.ts';
import { crashResult, runTeamJob } from './run.ts';
import type { TeamReply, TeamRequest } from './pool.ts';

const log = createLogger({ level: (process.env.SKILLCRAFT_BENCH_LOG as 'debug' | undefined) ?? 'error', format: 'json' });

// The parent sends the next job only after the reply to this one, so jobs never overlap.
process.on('message', (msg: TeamRequest) => {
  void runTeamJob(msg.run, log)
    .catch((err: unknown) => crashResult(msg.run, err instanceof Error ? err.message : String(err)))
    .then((result) => process.send?.({ job: msg.job, worker: process.pid, result } satisfies TeamReply));
});
// The parent went away (Ctrl-C, crash, or the suite is over): nothing is left to report to.
process.on('disconnect', () => process.exit(0));
