import type { RunSummary } from '../agent/loop.ts';
import type { Decision } from '../planner/types.ts';

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
}

export interface ModelTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

/** How a run ended, as the page shows it. */
export type RunEnd = Pick<RunSummary, 'goal' | 'success' | 'reason' | 'detail' | 'steps' | 'failures' | 'failuresRecovered' | 'wallSeconds'>;

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
  | { type: 'activity'; text: string | null };

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
}
