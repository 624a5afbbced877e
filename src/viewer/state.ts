import { formatDecision } from '../agent/format.ts';
import type { Decision } from '../planner/types.ts';
import type { BotStatus, DashboardEvent, DashboardSnapshot, LogLine, ModelTotals, PlanStep, RunEnd } from './types.ts';

export const LOG_LINES = 20;

/** The dashboard's model of a run, changed only through `apply` (pure, so the page logic is unit-tested). */
export class DashboardState {
  private task: DashboardSnapshot['task'] = null;
  private done: PlanStep[] = [];
  private pending: PlanStep[] = [];
  private running: DashboardSnapshot['running'] = null;
  private activity: string | null = null;
  private bot: BotStatus | null = null;
  private logs: LogLine[] = [];
  private model: ModelTotals | null = null;
  private end: RunEnd | null = null;

  constructor(private readonly view: DashboardSnapshot['view'], private readonly clock: () => number = Date.now) {}

  apply(e: DashboardEvent): void {
    switch (e.type) {
      case 'task':
        this.task = { text: e.text, goal: e.goal, startedAt: this.clock() };
        this.done = [];
        this.pending = [];
        this.running = null;
        this.end = null;
        return;
      case 'plan':
        this.pending = e.plan.map((d) => pendingStep(d));
        return;
      case 'skillStart': {
        const text = formatDecision(e.decision);
        // The planner's plan starts with the step it chose; a planner without a plan leaves the list as it was.
        if (this.pending[0]?.text === text) this.pending.shift();
        this.running = { step: e.step, skill: e.decision.skill, text, startedAt: this.clock() };
        return;
      }
      case 'step':
        this.done.push({
          step: e.step, skill: e.decision.skill, text: formatDecision(e.decision), status: e.ok ? 'ok' : 'failed', elapsedMs: e.elapsedMs,
          ...(e.message === undefined ? {} : { message: e.message }),
        });
        this.running = null;
        return;
      case 'end':
        this.end = e.summary;
        this.running = null;
        return;
      case 'bot':
        this.bot = e.status;
        return;
      case 'log':
        this.logs.push(e.line);
        if (this.logs.length > LOG_LINES) this.logs.splice(0, this.logs.length - LOG_LINES);
        return;
      case 'model':
        this.model = e.totals;
        return;
      case 'activity':
        this.activity = e.text;
        return;
    }
  }

  snapshot(): DashboardSnapshot {
    const running: PlanStep[] = this.running
      ? [{ step: this.running.step, skill: this.running.skill, text: this.running.text, status: 'running', startedAt: this.running.startedAt }]
      : [];
    return {
      now: this.clock(),
      view: this.view,
      task: this.task,
      steps: [...this.done, ...running, ...this.pending],
      running: this.running,
      activity: this.activity,
      bot: this.bot,
      logs: [...this.logs],
      model: this.model,
      end: this.end,
    };
  }
}

function pendingStep(d: Decision): PlanStep {
  return { skill: d.skill, text: formatDecision(d), status: 'pending' };
}
