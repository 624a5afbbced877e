import { createKnowledge } from '../knowledge/kb.ts';
import { createGraphPlanner, type GraphPlanner } from '../planner/graph/index.ts';
import { blankObservation } from '../planner/graph/simulate.ts';
import type { StepRecord } from '../planner/types.ts';
import { plan4mcGoal, PLAN4MC_TASKS, type Plan4mcTask } from '../tasks/plan4mc.ts';
import { createSkillRegistry } from '../../skills/index.ts';
import type { BenchDeps } from './index.ts';
import { plannerCoverage } from './plannerCoverage.ts';
import { formatTable } from './table.ts';

/** Target: p95 planning time per decision over the 40 Plan4MC tasks. */
const P95_TARGET_MS = 10;
/** A simulated run stops after this many decisions. */
const MAX_DECISIONS = 80;

interface TaskRun { task: Plan4mcTask; decisions: number[]; steps: number; end: string }

/**
 * `npm run bench -- planner`: plans each Plan4MC task from its initial inventory in a simulated world
 * (each skill does what its effects say), re-planning after every step as the agent does. Pass 1
 * starts from a freshly set-up planner (other caches fill as it goes); pass 2 runs the same tasks again.
 */
export function benchPlanner(_args: string[], { out }: BenchDeps): Promise<number> {
  const kb = createKnowledge('1.20.1');
  const registry = createSkillRegistry();
  if (registry.list().length === 0) {
    out('planner benchmark: skills/index.ts registers no skills yet; nothing to plan with');
    return Promise.resolve(1);
  }
  const t0 = performance.now();
  const planner = createGraphPlanner({ skills: registry, knowledge: kb, prime: false });
  const reachable = planner.prime();
  const setupMs = performance.now() - t0;
  const cold = PLAN4MC_TASKS.map((t) => runTask(planner, t, kb));
  const warm = PLAN4MC_TASKS.map((t) => runTask(planner, t, kb));
  out(`planner benchmark: ${PLAN4MC_TASKS.length} Plan4MC tasks, simulated runs, re-planned after every step`);
  out(`set-up: ${setupMs.toFixed(0)} ms (static costs of every item; ${reachable} of ${kb.registry.itemsArray.length} items obtainable with ${registry.list().length} skills)`);
  out(formatTable(['#', 'task', 'steps', 'end', 'first decision', 'max'], cold.map((r) => [
    String(r.task.id), r.task.name, String(r.steps), r.end, ms(r.decisions[0] ?? 0), ms(Math.max(...r.decisions)),
  ])));
  out('');
  const rows = [['pass 1 (fresh planner)', cold], ['pass 2 (warm caches)', warm]] as const;
  out(formatTable(['pass', 'decisions', 'p50', 'p95', 'max', `p95 ≤ ${P95_TARGET_MS} ms`], rows.map(([name, runs]) => {
    const all = runs.flatMap((r) => r.decisions);
    const p95 = percentile(all, 0.95);
    return [name, String(all.length), ms(percentile(all, 0.5)), ms(p95), ms(Math.max(...all)), p95 <= P95_TARGET_MS ? 'yes' : 'NO'];
  })));
  out('');
  out('items planned from an empty inventory on vanilla terrain (a server), and why the rest are refused:');
  for (const version of ['1.20.1', '1.21.4']) {
    const c = plannerCoverage(version);
    const obtainable = c.items - c.unobtainable;
    out(`${version}: ${c.planned} of ${c.items} items planned; ${c.unobtainable} cannot be had in survival, so ${c.planned} of ${obtainable} obtainable (${(100 * c.planned / obtainable).toFixed(1)} %)`);
    out(formatTable(['refused because', 'items', 'e.g.'], c.refused.map((r) => [r.why, String(r.count), r.examples.join(', ')])));
  }
  const met = rows.every(([, runs]) => percentile(runs.flatMap((r) => r.decisions), 0.95) <= P95_TARGET_MS);
  return Promise.resolve(met ? 0 : 1);
}

function runTask(planner: GraphPlanner, task: Plan4mcTask, kb: ReturnType<typeof createKnowledge>): TaskRun {
  const goal = plan4mcGoal(kb, task);
  let obs = blankObservation(task.inventory);
  const history: StepRecord[] = [];
  const decisions: number[] = [];
  for (let i = 0; i < MAX_DECISIONS; i++) {
    const t0 = performance.now();
    const v = planner.plan(goal, obs, history);
    decisions.push(performance.now() - t0);
    if (v.kind === 'done') return { task, decisions, steps: history.length, end: 'done' };
    if (v.kind === 'unplannable') return { task, decisions, steps: history.length, end: `unplannable (${v.missingSkill ?? v.missing ?? '?'})` };
    obs = planner.simulate(obs, v.decision);
    history.push({ decision: v.decision, ok: true });
  }
  return { task, decisions, steps: history.length, end: 'step limit' };
}

/** Nearest-rank percentile. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

function ms(x: number): string {
  return `${x.toFixed(2)} ms`;
}
