import { formatDecision } from '../agent/format.ts';
import type { Decision } from '../planner/types.ts';
import type { BotStatus, DashboardSnapshot, MemberEvent, PlanStep, RunEnd } from './types.ts';

/** What the page shows of one bot's run: task, plan with each step's status, running step, bot, end. */
export interface RunView {
  task: DashboardSnapshot['task'];
  steps: PlanStep[];
  running: DashboardSnapshot['running'];
  activity: string | null;
  bot: BotStatus | null;
  end: RunEnd | null;
}

/** One bot's run, changed only through `apply`: the single bot's dashboard has one, a team one per member. */
export class RunState {
  private task: RunView['task'] = null;
  private done: PlanStep[] = [];
  private pending: PlanStep[] = [];
  private running: RunView['running'] = null;
  private activity: string | null = null;
  private bot: BotStatus | null = null;
  private end: RunEnd | null = null;

  constructor(private readonly clock: () => number = Date.now) {}

  apply(e: MemberEvent): void {
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
      case 'activity':
        this.activity = e.text;
        return;
    }
  }

  view(): RunView {
    const running: PlanStep[] = this.running
      ? [{ step: this.running.step, skill: this.running.skill, text: this.running.text, status: 'running', startedAt: this.running.startedAt }]
      : [];
    return {
      task: this.task,
      steps: [...this.done, ...running, ...this.pending],
      running: this.running,
      activity: this.activity,
      bot: this.bot,
      end: this.end,
    };
  }
}

function pendingStep(d: Decision): PlanStep {
  return { skill: d.skill, text: formatDecision(d), status: 'pending' };
}
