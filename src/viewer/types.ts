import type { RunSummary } from '../agent/loop.ts';
import type { BuildView, CellState } from '../build/survey.ts';
import type { Decision } from '../planner/types.ts';
import type { SubGoal } from '../team/types.ts';

export type StepStatus = 'pending' | 'running' | 'ok' | 'failed';

/** One line of the plan as the page shows it. */
export interface PlanStep {
  /** The step number once the step has started. */
  step?: number;
  skill: string;
  /** `skill(arg=value …)`, as the terminal prints it. */
  text: string;
  status: StepStatus;
  elapsedMs?: number;
  /** Why a failed step failed (`NO_PATH: no path to …`). */
  message?: string;
  /** Epoch ms when a running step started; the page ticks its elapsed time from it. */
  startedAt?: number;
}

export interface BotStatus {
  username: string;
  health: number;
  food: number;
  position: { x: number; y: number; z: number };
  inventory: Record<string, number>;
}

export interface LogLine {
  time: number;
  level: string;
  msg: string;
  component?: string;
  /** The team member whose logger wrote the line (a `who` binding), on a team run. */
  who?: string;
}

export interface ModelTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

/** How a run ended, as the page shows it. */
export type RunEnd = Pick<RunSummary, 'goal' | 'success' | 'detail' | 'steps' | 'failures' | 'failuresRecovered' | 'wallSeconds'> & {
  /** A run's StopReason, or a team's (the assembler's last run's). */
  reason: string;
};

/** What producers tell the dashboard; every field is shown as text, never as markup. */
export type DashboardEvent =
  | { type: 'task'; text: string; goal: string }
  | { type: 'plan'; plan: readonly Decision[] }
  | { type: 'skillStart'; step: number; decision: Decision }
  | { type: 'step'; step: number; decision: Decision; ok: boolean; elapsedMs: number; message?: string }
  | { type: 'end'; summary: RunEnd }
  | { type: 'bot'; status: BotStatus }
  | { type: 'log'; line: LogLine }
  | { type: 'model'; totals: ModelTotals }
  /** Something other than a task is going on (`following Alice`), or null when that ended. */
  | { type: 'activity'; text: string | null }
  /** A structure's build after a survey: the build panel's counts and the 3D view's ghost. */
  | { type: 'build'; build: BuildView }
  | TeamDashboardEvent;

/** What one member's own run tells the dashboard: the single-run events, kept apart per member. */
export type MemberEvent = Extract<DashboardEvent, { type: 'task' | 'plan' | 'skillStart' | 'step' | 'end' | 'bot' | 'activity' }>;

/** A team's events (src/viewer/teamWatch.ts turns TeamEvents into these). */
export type TeamDashboardEvent =
  /** The members, in the order their rows show: makes the dashboard a team's. */
  | { type: 'team'; names: readonly string[] }
  | { type: 'teamPlan'; goal: string; assembler: string; assignments: readonly { who: string; subGoals: readonly SubGoal[] }[]; estimate: { team: number; alone: number } }
  | { type: 'assign'; who: string; subGoal: SubGoal }
  | { type: 'reassign'; from: string; to: string; subGoal: SubGoal }
  | { type: 'memberLost'; who: string; why: string }
  /** A lost or reconnected member is connected again (a new Bot). */
  | { type: 'memberBack'; who: string }
  /** A passing condition of a member shown in its row (`connection lost; reconnecting`), or null when over. */
  | { type: 'memberNote'; who: string; text: string | null }
  | { type: 'handover'; from: string; to: string; ok: boolean }
  | { type: 'teamEnd'; summary: TeamEnd }
  | { type: 'member'; who: string; event: MemberEvent };

/** What a team member's row shows it doing. */
export type MemberState = 'working' | 'waiting' | 'handing over' | 'lost';

export interface MemberSnapshot {
  name: string;
  state: MemberState;
  /** A hand-over in progress, why it was lost, or a reconnect or respawn under way. */
  note: string | null;
  /** The sub-goal it works on (or was just given). */
  subGoal: SubGoal | null;
  /** Sub-goals given to it in the team's plan or later, by id, and those it finished or failed. */
  assigned: number[];
  done: number[];
  failed: number[];
  /** Its own run, as a single bot's dashboard shows it. */
  task: DashboardSnapshot['task'];
  steps: PlanStep[];
  running: DashboardSnapshot['running'];
  bot: BotStatus | null;
  end: RunEnd | null;
}

/** How a team's task ended, as the page shows it. */
export type TeamEnd = RunEnd & { bots: number; assembler: string; handovers: number; itemsLost: number; reassigned: number; gameSeconds: number };

export interface TeamSnapshot {
  goal: string | null;
  assembler: string | null;
  /** Game seconds the split was expected to take, as a team and for one bot alone. */
  estimate: { team: number; alone: number } | null;
  members: MemberSnapshot[];
  handovers: { ok: number; failed: number };
  reassigned: number;
  end: TeamEnd | null;
}

/** The whole page state: sent on connect and after every change. */
export interface DashboardSnapshot {
  /** Server clock when the snapshot was made, so the page can tick elapsed times without clock skew. */
  now: number;
  view: { enabled: boolean; path: string };
  task: { text: string; goal: string; startedAt: number } | null;
  steps: PlanStep[];
  running: { step: number; skill: string; text: string; startedAt: number } | null;
  activity: string | null;
  bot: BotStatus | null;
  logs: LogLine[];
  model: ModelTotals | null;
  end: RunEnd | null;
  /** The last build, kept after it ends so the finished result stays in view; null before any. */
  build: BuildSnapshot | null;
  /** A team run: a row per member (the page shows the picked member's plan, status and 3D view); null for one bot. */
  team: TeamSnapshot | null;
}

/** A build as the page shows it: the panel's name and counts, and every cell for the 3D view's ghost. */
export type BuildSnapshot = Omit<BuildView, 'cells'> & {
  /** "12 / 40 placed, wrong: 0", as the terminal prints it. */
  line: string;
  /** Goes up when a cell's state changes: the page redraws the ghost only then. */
  rev: number;
  /** Each cell as [dx, dy, dz, state] from `origin`: the cells not right come first. */
  cells: [number, number, number, CellState][];
  /** Cells of a structure too big to send whole on every snapshot: left out of `cells`, still in the counts. */
  cellsLeftOut: number;
};
