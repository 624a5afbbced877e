// One stream of what happens in a run. The loop, the resilience wrapper and the model planners emit;
// the terminal, the dashboard, chat narration and the trace subscribe (src/agent/run.ts wires them).
import type { Bot } from 'mineflayer';
import { EventStream } from '../base/stream.ts';
import type { ModelEvent } from '../llm/usage.ts';
import type { Decision } from '../planner/types.ts';
import type { Goal } from '../tasks/goal/goal.ts';
import type { BuildView } from '../build/survey.ts';
import type { RunSummary, StepReport, StopLimits } from './loop.ts';
import type { ReflexRecord } from './reflexes/monitor.ts';
import type { ResilienceEvent } from './resilience/run.ts';
import type { ResilientSummary } from './resilience/summary.ts';
import type { ObservationDigest } from './trace.ts';

/** A finished step, with what the trace keeps of it. */
export type StepEvent = { event: 'step' } & StepReport & {
  /** How many times in a row this call changed nothing (src/agent/noEffect.ts); absent when it did. */
  unchanged?: number;
  planMs: number;
  observation: ObservationDigest;
  gameSeconds: number;
  /** How many of the goal's items are held. */
  progress: number;
};

export type RunEvent =
  /** A task was taken (before its first plan): the text as given and the goal read from it. */
  | { event: 'task'; text: string; goal: string }
  /** A stretch of the loop started (the first, and again after each reconnect or respawn). */
  | { event: 'start'; goal: Goal; limits: StopLimits; planner: string }
  /** The plan changed (not when a finished step simply came off its front). */
  | { event: 'plan'; plan: Decision[] }
  | { event: 'step_start'; step: number; decision: Decision }
  | StepEvent
  /** A reflex took over: between steps, or cutting a step short (`interrupted`). */
  | ({ event: 'reflex'; step: number; interrupted?: Decision; observation: ObservationDigest } & ReflexRecord)
  | (ModelEvent & { step?: number })
  | (ResilienceEvent & { segment: number })
  /** The loop ended a stretch. */
  | { event: 'end'; summary: RunSummary }
  /** A new bot after a reconnect: whatever holds the old one (dashboard, chat) moves to this one. */
  | { event: 'bot'; bot: Bot }
  /** The task is over, all stretches added up. */
  | { event: 'resilient_end'; summary: ResilientSummary }
  /** Something other than a task started (`following Alice`) or ended (null): skillcraft agent's session. */
  | { event: 'activity'; text: string | null }
  /** How a walk or a follow ended (`here`, `lost sight of Alice`), for chat. */
  | { event: 'notice'; text: string }
  /** A structure's build against the world, after every survey: the terminal's progress line, the dashboard's ghost. */
  | ({ event: 'build' } & BuildView)
  /** A block the build placed (the trace's record that no block was placed twice). */
  | { event: 'placed'; x: number; y: number; z: number; block: string };

export type RunListener = (e: RunEvent) => void;

/** The subscribers of one run (or of a session's runs). A listener that throws is logged, never the run's problem. */
export class RunEvents extends EventStream<RunEvent> {}

/** Passes a stretch's events on with its step numbers moved past the earlier stretches' steps. */
export function offsetSteps(out: RunEvents, offset: () => number): RunListener {
  return (e) => {
    if (e.event === 'step') out.emit({ ...e, step: e.step + offset() });
    else if (e.event === 'step_start' || e.event === 'reflex') out.emit({ ...e, step: e.step + offset() });
    else out.emit(e);
  };
}

export type { StepReport };
