import type { Knowledge } from '../../knowledge/kb.ts';
import { cookTicks } from '../../knowledge/smelting.ts';
import { generatedAnywhere } from '../../knowledge/vanillaOverworld.ts';
import { FUEL_GROUP } from '../../knowledge/groups.ts';
import type { CostTable } from './costs.ts';
import type { Action } from './model.ts';
import { membersOf } from './members.ts';
import { scoreAction } from './score.ts';
import { countOf, nearbySubject, type PlanState } from './state.ts';
import { Unplannable } from './unplannable.ts';

/** Options tried per need, at most. */
const ALTERNATIVES = 3;

export interface RankContext {
  kb: Knowledge;
  costs: CostTable;
  penalty: ReadonlyMap<string, number>;
  state: PlanState;
  /** Needs being worked on. */
  active: readonly string[];
  factHolds: (fact: string) => boolean;
}

/**
 * The options worth trying, cheapest first from this state. When none is finite, the one closest to
 * working, so that the search goes on down to the missing resource and names it; Unplannable when
 * there is none.
 */
export function rankOptions(ctx: RankContext, options: readonly Action[], deeper: boolean, need: string, gives?: (a: Action) => number): Action[] {
  const { costs, kb, penalty, state } = ctx;
  const scored: { a: Action; c: number }[] = [];
  for (const a of options) {
    // Per unit obtained: a producer asked for more (to batch) is not dearer for it.
    const per = gives ? Math.max(1, gives(a)) : 1;
    const c = scoreAction(a, state, costs, kb, deeper) / per + (penalty.get(a.kind) ?? 0);
    if (Number.isFinite(c)) scored.push({ a, c });
  }
  // Stable: equal costs keep the skills' order (oak before birch).
  if (scored.length > 0) return scored.sort((x, y) => x.c - y.c).slice(0, ALTERNATIVES).map((x) => x.a);
  const open = options.filter((a) => penalty.get(a.kind) !== Infinity);
  if (options.length > 0 && open.length === 0) {
    throw new Unplannable(need, `every way to get ${need} failed repeatedly (${options.map(describeAction).join(', ')})`);
  }
  let closest: Action | undefined;
  let fewest = Infinity;
  for (const a of open) {
    const blocked = blockers(ctx, a);
    if (blocked.some((b) => ctx.active.includes(b))) continue;
    // Missing facts (a resource the world lacks) explain more than missing items made from them; but a
    // block that no world generates (a candle cake, glazed terracotta) is the player's own, and the
    // recipe for it names the real missing piece (honeycomb, an ink sac).
    const n = blocked.reduce((k, b) => {
      const subject = nearbySubject(b);
      return k + (subject === undefined ? 2 : generatedAnywhere(kb, subject) ? 1 : 10);
    }, 0);
    if (n < fewest) {
      closest = a;
      fewest = n;
    }
  }
  if (!closest) throw new Unplannable(need, noWay(need));
  return [closest];
}

/** The conditions of an action that cannot be met at any cost. */
function blockers(ctx: RankContext, a: Action): string[] {
  const { costs, state, kb } = ctx;
  const out: string[] = [];
  for (const [name, n] of [...a.consume, ...a.require]) {
    if (!Number.isFinite(costs.items(name, n - Math.min(n, countOf(state, name, kb))))) out.push(name);
  }
  const held = a.equip.some((t) => (state.inv.get(t) ?? 0) > 0);
  if (a.equip.length > 0 && !held && !Number.isFinite(costs.cheapest(a.equip).cost)) out.push(a.equip[0]!);
  for (const f of a.facts) if (!ctx.factHolds(f) && !Number.isFinite(costs.fact(f, state.y))) out.push(f);
  return out;
}

/** What an action obtains of a need, in its units (smelts for `#fuel`). */
export function unitsOf(a: Action, need: string, kb: Knowledge): number {
  let n = 0;
  for (const [item, k] of a.obtain) {
    if (item === need) n += k;
    else if (membersOf(need, kb).includes(item)) n += need === FUEL_GROUP ? (k * kb.fuelTicks(item)) / cookTicks('furnace') : k;
  }
  return n;
}

/** What an action uses up of a group need, in its units (a plank is 1.5 smelts of `#fuel`). */
export function usesOf(a: Action, need: string, kb: Knowledge): number {
  const members = membersOf(need, kb);
  const per = (item: string) => (need === FUEL_GROUP ? kb.fuelTicks(item) / cookTicks('furnace') : 1);
  let n = 0;
  for (const [name, k] of a.consume) {
    if (name === need) n += k;
    else if (members.includes(name)) n += k * per(name);
    else {
      const shared = membersOf(name, kb).find((m) => members.includes(m));
      if (shared !== undefined) n += k * per(shared);
    }
  }
  return n;
}

/** "no registered skill obtains stick", "… makes furnace_nearby true". */
export function noWay(need: string): string {
  return nearbySubject(need) === undefined ? `no registered skill obtains ${need}` : `no registered skill makes ${need} true`;
}

/** "craftItem wooden_pickaxe", "mineBlock stone": the skill and its first name-like argument. */
export function describeAction(a: Action): string {
  const main = Object.values(a.args).find((v) => typeof v === 'string');
  return typeof main === 'string' ? `${a.skill} ${main}` : a.skill;
}

/** Stations before things found in the world; both after items. */
export function factRank(search: { factHolds(fact: string): boolean }, fact: string): number {
  return search.factHolds(fact) ? 0 : nearbySubject(fact) !== undefined && /crafting_table|furnace/.test(fact) ? 1 : 2;
}
