import type { RunListener } from '../agent/events.ts';
import type { RunSummary, StepReport } from '../agent/loop.ts';
import type { Decision } from '../planner/types.ts';
import { planLine, seconds, shortDecision } from './chat/text.ts';

export interface TaskProgress {
  text: string;
  goal: string;
  startedAt: number;
  /** Steps finished so far. */
  steps: number;
  failures: number;
  running: { step: number; decision: Decision; startedAt: number } | null;
  /** The planner's latest plan from the running step on. */
  plan: Decision[];
}

/** Follows one task through the agent's callbacks, for !status and !plan. */
export class RunTracker {
  current: TaskProgress | null = null;
  last: RunSummary | null = null;

  constructor(private readonly clock: () => number = Date.now) {}

  begin(text: string, goal: string): void {
    this.current = { text, goal, startedAt: this.clock(), steps: 0, failures: 0, running: null, plan: [] };
  }

  plan(plan: readonly Decision[]): void {
    if (this.current) this.current.plan = [...plan];
  }

  skillStart(step: number, decision: Decision): void {
    if (this.current) this.current.running = { step, decision, startedAt: this.clock() };
  }

  step(r: StepReport): void {
    const c = this.current;
    if (!c) return;
    c.steps = r.step;
    if (!r.outcome.ok) c.failures++;
    c.running = null;
    // The plan's head was this step; what is left starts after it.
    if (c.plan[0] && shortDecision(c.plan[0]) === shortDecision(r.decision)) c.plan.shift();
  }

  end(summary: RunSummary): void {
    this.current = null;
    this.last = summary;
  }

  statusLine(): string {
    const c = this.current;
    if (!c) {
      const l = this.last;
      if (!l) return 'idle';
      return `idle; last task ${l.goal}: ${l.success ? 'done' : `not done (${l.reason})`} in ${l.wallSeconds} s, ${l.steps} steps`;
    }
    const now = this.clock();
    const doing = c.running ? `step ${c.running.step}: ${shortDecision(c.running.decision)} for ${seconds(now - c.running.startedAt)}` : 'planning';
    return `task ${c.goal} (${seconds(now - c.startedAt)}): ${doing}; ${c.steps} steps done, ${c.failures} failed`;
  }

  planLine(): string {
    const c = this.current;
    if (!c) return 'no task, no plan';
    return c.plan.length ? planLine(c.plan) : 'no plan yet';
  }
}

/** Keeps a tracker up to date from a run's events. */
export function trackerSink(tracker: RunTracker): RunListener {
  return (e) => {
    switch (e.event) {
      case 'task': tracker.begin(e.text, e.goal); return;
      case 'plan': tracker.plan(e.plan); return;
      case 'step_start': tracker.skillStart(e.step, e.decision); return;
      case 'step': tracker.step(e); return;
      case 'resilient_end': tracker.end(e.summary); return;
      default:
    }
  };
}
