// The one way to run a task: `skillcraft run`, `agent`, `demo` and every benchmark call runTask. Recovery
// (reconnect, death, stuck, full inventory) is on unless turned off; everything the run does goes to one
// stream of events that the caller's terminal, dashboard and chat subscribe to, and the trace writes.
import type { Bot } from 'mineflayer';
import { SeenMemory } from '../bot/seen.ts';
import { RunEvents, type RunEvent } from './events.ts';
import { runResilient, type ResilientOptions, type ResilientRun } from './resilience/run.ts';
import { TraceWriter } from './trace.ts';
import { describeGoal, type Goal } from '../tasks/goal/goal.ts';

/** Where a task runs: the bot connected now, and how to connect again to the same server. */
export interface TaskWorld {
  bot: Bot;
  /** Connects a new bot to the same server; without it a lost connection ends the task. */
  connect?: (signal: AbortSignal) => Promise<Bot>;
}

export interface RunTaskOptions extends Omit<ResilientOptions, 'bot' | 'goal' | 'connect' | 'events' | 'traceDir'> {
  /** The task as the user said it, for the `task` event (default: the goal). */
  text?: string;
  /** The run's subscribers; a new stream when absent. */
  events?: RunEvents;
  /** Writes a JSONL trace and summary.json under a new folder in here. */
  traceRoot?: string;
}

export interface TaskRun extends ResilientRun {
  /** The trace's folder, when one was written. */
  traceDir?: string;
}

export async function runTask(world: TaskWorld, goal: Goal, opts: RunTaskOptions): Promise<TaskRun> {
  const events = opts.events ?? new RunEvents(opts.log);
  const trace = opts.traceRoot === undefined ? undefined : new TraceWriter(opts.traceRoot);
  const offTrace = trace ? events.on(traceSink(trace)) : undefined;
  // After a reconnect the world's bot is the new one, for the caller's next task.
  const offBot = events.on((e) => { if (e.event === 'bot') world.bot = e.bot; });
  try {
    events.emit({ event: 'task', text: opts.text ?? describeGoal(goal), goal: describeGoal(goal) });
    const run = await runResilient({
      seen: new SeenMemory(), ...opts, bot: world.bot, goal, events, ...(world.connect ? { connect: world.connect } : {}), ...(trace ? { traceDir: trace.dir } : {}),
    });
    return { ...run, ...(trace ? { traceDir: trace.dir } : {}) };
  } finally {
    offBot();
    offTrace?.();
    trace?.close();
  }
}

/** Writes a run's events to its trace: every event a line (a step without the plan it carried), the summaries to summary.json. */
export function traceSink(trace: TraceWriter): (e: RunEvent) => void {
  let building = '';
  return (e) => {
    if (e.event === 'bot' || e.event === 'activity' || e.event === 'notice') return;
    if (e.event === 'build') {
      // The counts when they change; the cells are the dashboard's (the `placed` events record each block).
      const { cells: _cells, ...counts } = e;
      const line = JSON.stringify(counts);
      if (line !== building) trace.write(counts);
      building = line;
      return;
    }
    if (e.event === 'step') {
      const { plan: _plan, ...step } = e;
      trace.write(step);
      return;
    }
    trace.write(e as unknown as Record<string, unknown>);
    if (e.event === 'end' || e.event === 'resilient_end') trace.summary(e.summary as unknown as Record<string, unknown>);
  };
}
