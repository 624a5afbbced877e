import type { Knowledge } from '../../knowledge/kb.ts';
import { cookTicks } from '../../knowledge/smelting.ts';
import { FUEL_GROUP } from '../../knowledge/groups.ts';
import { skillSeconds, type CostTable } from './costs.ts';
import { membersOf } from './members.ts';
import type { Action } from './model.ts';
import { countOf, holds, type PlanState } from './state.ts';

/** How many of `member` cover `units` of a need (smelts for `#fuel`, items otherwise). */
export function itemsFor(need: string, member: string, units: number, kb: Knowledge): number {
  if (need !== FUEL_GROUP) return units;
  const ticks = kb.fuelTicks(member);
  return ticks > 0 ? Math.ceil((units * cookTicks('furnace')) / ticks - 1e-9) : Infinity;
}

/**
 * What an action costs from this state: its own time, what it needs and the state lacks (priced one
 * level deeper from the state, then by the static table), a tool when none of its tools is held,
 * facts that do not hold yet. `extra` adds history penalties and digging.
 */
export function scoreAction(a: Action, s: PlanState, costs: CostTable, kb: Knowledge, deeper: boolean): number {
  let c = skillSeconds(a, kb);
  for (const [name, n] of [...a.consume, ...a.require]) {
    const missing = n - Math.min(n, countOf(s, name, kb));
    if (missing > 0) c += deeper ? lookahead(name, missing, s, costs, kb) : costs.items(name, missing);
  }
  if (a.equip.length > 0 && !a.equip.some((t) => (s.inv.get(t) ?? 0) > 0)) {
    c += deeper ? Math.min(...a.equip.map((t) => lookahead(t, 1, s, costs, kb))) : costs.cheapest(a.equip).cost;
  }
  for (const f of a.facts) if (!holds(s, f, kb, a.skill === 'goTo')) c += costs.fact(f, s.y);
  return c;
}

/** The cost of `missing` more of an item, one producer deep from the state, static below. */
export function lookahead(name: string, missing: number, s: PlanState, costs: CostTable, kb: Knowledge): number {
  let best = costs.items(name, missing);
  for (const m of membersOf(name, kb)) {
    const want = itemsFor(name, m, missing, kb);
    if (!Number.isFinite(want)) continue;
    for (const a of costs.producersOf(m, want)) {
      const got = a.obtain.get(m) ?? 0;
      if (got <= 0) continue;
      const runs = Math.ceil(want / got - 1e-9);
      best = Math.min(best, runs * scoreAction(a, s, costs, kb, false));
    }
  }
  return best;
}
