import { BuildBoard } from './buildState.ts';
import { RunState } from './runState.ts';
import { TeamBoard } from './teamState.ts';
import type { DashboardEvent, DashboardSnapshot, LogLine, ModelTotals, RunEnd } from './types.ts';

export const LOG_LINES = 20;

/** The dashboard's model of a run (or of a team's), changed only through `apply` (pure, so the page logic is unit-tested). */
export class DashboardState {
  private readonly run: RunState;
  private logs: LogLine[] = [];
  private model: ModelTotals | null = null;
  private team: TeamBoard | null = null;
  private readonly build = new BuildBoard();
  /** A team's goal and end: the page's task panel shows them as a single run's. */
  private teamTask: DashboardSnapshot['task'] = null;
  private teamEnd: RunEnd | null = null;

  constructor(private readonly view: DashboardSnapshot['view'], private readonly clock: () => number = Date.now) {
    this.run = new RunState(clock);
  }

  apply(e: DashboardEvent): void {
    switch (e.type) {
      case 'task': case 'plan': case 'skillStart': case 'step': case 'end': case 'bot': case 'activity':
        this.run.apply(e);
        return;
      case 'log':
        this.logs.push(e.line);
        if (this.logs.length > LOG_LINES) this.logs.splice(0, this.logs.length - LOG_LINES);
        return;
      case 'model':
        this.model = e.totals;
        return;
      case 'build':
        this.build.apply(e.build);
        return;
      default:
        this.applyTeam(e);
    }
  }

  snapshot(): DashboardSnapshot {
    const run = this.run.view();
    return {
      now: this.clock(),
      view: this.view,
      ...run,
      ...(this.team ? { task: this.teamTask, end: this.teamEnd } : {}),
      logs: [...this.logs],
      model: this.model,
      build: this.build.snapshot(),
      team: this.team?.snapshot() ?? null,
    };
  }

  private applyTeam(e: Exclude<DashboardEvent, { type: 'task' | 'plan' | 'skillStart' | 'step' | 'end' | 'bot' | 'activity' | 'log' | 'model' | 'build' }>): void {
    this.team ??= new TeamBoard([], this.clock);
    this.team.apply(e);
    if (e.type === 'teamPlan') {
      this.teamTask = { text: e.goal, goal: e.goal, startedAt: this.teamTask?.startedAt ?? this.clock() };
      this.teamEnd = null;
    } else if (e.type === 'teamEnd') {
      const { goal, success, reason, detail, steps, failures, failuresRecovered, wallSeconds } = e.summary;
      this.teamEnd = { goal, success, reason, steps, failures, failuresRecovered, wallSeconds, ...(detail ? { detail } : {}) };
    }
  }
}
