import type { Plan4mcGroup } from '../../tasks/plan4mc.ts';

export type PlannerName = 'graph' | 'llm' | 'hybrid';

/** One task run of the suite, as results.json keeps it. */
export interface TaskResult {
  id: number;
  name: string;
  group: Plan4mcGroup;
  seed: number;
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
}

export interface SuiteMeta {
  suite: 'plan4mc';
  planner: PlannerName;
  seeds: number[];
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
