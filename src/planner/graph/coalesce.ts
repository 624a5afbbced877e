import type { Knowledge } from '../../knowledge/kb.ts';
import type { Goal } from '../../tasks/goal/goal.ts';
import type { WorldModel } from '../../knowledge/world.ts';
import { movesFar } from './costs.ts';
import type { Action, SkillModel } from './model.ts';
import type { PlanStep } from './search.ts';
import { applyAction, cloneState, countOf, holds, type PlanState } from './state.ts';

/**
 * Merges repeated steps of one kind (8 planks now, 2 more later) into the first when the plan still
 * works played forward: one craft instead of two. Plans made after a windfall or a failure can split
 * a batch that way.
 */
export function coalesce(
  steps: readonly PlanStep[], start: PlanState, goal: Goal, model: SkillModel, world: WorldModel, done: (g: Goal, s: PlanState) => boolean,
): PlanStep[] {
  let plan = [...steps];
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < plan.length && !changed; i++) {
      for (let j = i + 1; j < plan.length && !changed; j++) {
        const merged = mergeTwo(plan[i]!.action, plan[j]!.action, model);
        if (!merged) continue;
        const candidate = plan.map((s, k) => (k === i ? { ...s, action: merged } : s)).filter((_, k) => k !== j);
        if (works(candidate, start, goal, model.kb, world, done)) {
          plan = candidate;
          changed = true;
        }
      }
    }
  }
  return plan;
}

function mergeTwo(a: Action, b: Action, model: SkillModel): Action | null {
  if (a.kind !== b.kind || typeof a.args.count !== 'number' || typeof b.args.count !== 'number') return null;
  return model.action(a.skill, { ...a.args, count: a.args.count + b.args.count });
}

/** Every step's conditions hold when it comes, and the goal is met at the end. */
export function works(
  plan: readonly PlanStep[], start: PlanState, goal: Goal, kb: Knowledge, world: WorldModel, done: (g: Goal, s: PlanState) => boolean,
): boolean {
  const s = cloneState(start);
  for (const { action: a } of plan) {
    for (const [name, n] of [...a.consume, ...a.require]) if (countOf(s, name, kb) < n) return false;
    if (a.equip.length > 0 && !a.equip.some((t) => (s.inv.get(t) ?? 0) > 0)) return false;
    if (!a.facts.every((f) => holds(s, f, kb, a.skill === 'goTo'))) return false;
    applyAction(s, a, kb, movesFar(a, kb, world, s));
  }
  return done(goal, s);
}
