import type { Observation } from '../bot/observation.ts';
import type { Goal } from '../tasks/goal/goal.ts';

/** The next skill to run. */
export interface Decision {
  skill: string;
  args: Record<string, unknown>;
  /** Why (for traces and people), e.g. "need 3 cobblestone for stone_pickaxe". */
  reason?: string;
}

/** A step already taken, as planners see the history. */
export interface StepRecord {
  decision: Decision;
  ok: boolean;
  code?: string;
  message?: string;
  /** An ok step that changed nothing the planner looks at (src/agent/noEffect.ts). */
  unchanged?: boolean;
}

export type PlannerVerdict =
  | { kind: 'next'; decision: Decision; plan?: Decision[] }
  | { kind: 'done' }
  /** The goal cannot be reached from here; `missing` names the resource (e.g. "no diamond_ore in this world"). */
  | {
    kind: 'unplannable';
    reason: string;
    missing?: string;
    /** A skill that is not registered but would make the goal plannable (e.g. killMob for beef). */
    missingSkill?: string;
  };

export interface PlannerInput {
  goal: Goal;
  observation: Observation;
  history: readonly StepRecord[];
  signal: AbortSignal;
}

/** Picks the next skill from the real observation; called again after every skill (re-planning). */
export interface Planner {
  readonly name: string;
  decide(input: PlannerInput): Promise<PlannerVerdict>;
}
