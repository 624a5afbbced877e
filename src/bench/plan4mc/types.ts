import type { Plan4mcGroup } from '../../tasks/plan4mc.ts';
import type { WorldKind } from '../worlds.ts';

export type PlannerName = 'graph' | 'llm' | 'hybrid';

/** One task run of the suite, as results.json keeps it. */
export interface TaskResult {
  id: number;
  name: string;
  group: Plan4mcGroup;
  seed: number;
  /** The sandbox preset of the world (drawn by the benchmark), or 'save' for a spawn point on a world save. */
  preset: WorldKind;
  /** The world as reports name it (plains:123, save@96:96); older results lack it. */
  world?: string;
  success: boolean;
  /** Why it failed, as a category (see causeOf); absent on success. */
  cause?: string;
  detail?: string;
  gameSeconds: number;
  wallSeconds: number;
  /** Skills run (steps). */
  steps: number;
  failuresRecovered: number;
  modelCalls: number;
  tokens: number;
  /** Lower bound (seconds) for the executed plan; ratio = gameSeconds / lowerBound. */
  lowerBound: number;
  ratio: number | null;
  /** Game-second budget (Plan4MC's max_steps / 20). */
  budgetSeconds: number;
  /** The skills run, in order ("craftItem oak_planks×4"), to compare re-runs. */
  plan: string[];
  /** Wall seconds of each step, beside `plan`. */
  stepSeconds: number[];
  /** The run's trace.jsonl (where it was written; failures are copied beside the report). */
  trace?: string;
  /** The most times one call ran in a row without changing anything, from the trace. */
  noChangeMax: number;
  noChangeCall?: string;
}

export interface SuiteMeta {
  suite: 'plan4mc';
  planner: PlannerName;
  /** The worlds as a --seed-list ("plains:123,forest:456"), to run the same again. */
  worlds: string;
  /** Drawn at random (--seeds N), or given (--seed-list). */
  drawn: boolean;
  /** With --world: the save the spawn points are on, and the arguments that repeat them. */
  save?: { path: string; repeat: string };
  jobs: number;
  shard?: string;
  target: string;
  startedAt: string;
  wallSeconds: number;
  node: string;
  cpus: number;
  commit?: string;
}

export interface SuiteResults {
  meta: SuiteMeta;
  results: TaskResult[];
}

/** How a report names a row's world. */
export function rowWorld(r: Pick<TaskResult, 'world' | 'preset' | 'seed'>): string {
  return r.world ?? `${r.preset}:${r.seed}`;
}
