// What each member does: items team mates hold that the goal uses (handed to the assembler first), and
// the split of the rest (src/team/split.ts), estimated with each member's graph planner from its own
// inventory and surroundings.
import { inventoryCounts } from '../actions/index.ts';
import { observe } from '../bot/observe.ts';
import type { Observation } from '../bot/observation.ts';
import type { GraphPlanner } from '../planner/graph/index.ts';
import type { Goal } from '../tasks/goal/goal.ts';
import { splitWork, type Part } from './split.ts';
import type { Items, SubGoal, TeamMember } from './types.ts';

/** Seconds a hand-over adds to a helper's share: the walk back to the assembler, the throw, the pick-up delay. */
export const HANDOVER_SECONDS = 10;

/** The plan's run on an observation: the inventory after every step, as the skills' effects say. */
function simulatePlan(planner: GraphPlanner, goal: Goal, obs: Observation): { obs: Observation; seconds: number } | undefined {
  const est = planner.estimate(goal, obs);
  if (!est) return undefined;
  let o = obs;
  for (const d of est.plan) o = planner.simulate(o, d);
  return { obs: o, seconds: est.seconds };
}

/**
 * Items the goal's plan would take from the team's pooled inventories that the assembler lacks, and
 * who holds them: bot B's sticks for the wooden pickaxe bot A makes.
 */
export function pooledTransfers(goal: Goal, assembler: TeamMember, members: readonly TeamMember[], planner: GraphPlanner): { from: string; items: Items }[] {
  if (goal.kind !== 'item' || members.length < 2) return [];
  const own = observe(assembler.bot);
  const holdings = members.filter((m) => m !== assembler).map((m) => ({ name: m.name, inv: Object.fromEntries(inventoryCounts(m.bot)) }));
  const pooled: Items = { ...own.inventory };
  for (const h of holdings) for (const [k, n] of Object.entries(h.inv)) pooled[k] = (pooled[k] ?? 0) + n;
  const run = simulatePlan(planner, goal, { ...own, inventory: pooled });
  if (!run) return [];
  const out = new Map<string, Items>();
  for (const [item, before] of Object.entries(pooled)) {
    // The goal's own items are kept, not used.
    const used = before - (run.obs.inventory[item] ?? 0);
    let need = used - (own.inventory[item] ?? 0);
    for (const h of holdings.sort((a, b) => (b.inv[item] ?? 0) - (a.inv[item] ?? 0))) {
      if (need <= 0) break;
      const n = Math.min(need, h.inv[item] ?? 0);
      if (n <= 0) continue;
      out.set(h.name, { ...(out.get(h.name) ?? {}), [item]: n });
      need -= n;
    }
  }
  return [...out].map(([from, items]) => ({ from, items }));
}

export interface GoalSplit {
  shares: Map<string, SubGoal[]>;
  team: number;
  alone: number;
}

/**
 * Splits an item goal between `members`: the last step's ingredients (or, for several of an item, the
 * count itself) are spread so that the longest share is shortest. Group ingredients (fuel) stay with
 * the assembler. An empty split: the assembler does it all.
 */
export function splitGoal(goal: Goal, assembler: TeamMember, members: readonly TeamMember[], plannerOf: (m: TeamMember) => GraphPlanner): GoalSplit {
  const none = (alone: number): GoalSplit => ({ shares: new Map(), team: alone, alone });
  if (goal.kind !== 'item' || goal.items.length !== 1 || members.length < 2) return none(0);
  const item = goal.items[0]!;
  const obs = new Map(members.map((m) => [m.name, observe(m.bot)]));
  const aObs = obs.get(assembler.name)!;
  const whole = plannerOf(assembler).estimate(goal, aObs);
  if (!whole || whole.steps === 0) return none(whole?.seconds ?? 0);
  const ways: { parts: Record<string, number>; finalSeconds: number }[] = [];
  const missing = goal.count - (aObs.inventory[item] ?? 0);
  if (missing >= 2) ways.push({ parts: { [item]: missing }, finalSeconds: 0 });
  const ingredients = Object.fromEntries(Object.entries(whole.lastConsumes).filter(([k]) => !k.startsWith('#')));
  const lastSeconds = whole.plan.length > 0 ? plannerOf(assembler).estimate({ kind: 'item', items: [item], count: goal.count }, { ...aObs, inventory: { ...aObs.inventory, ...ingredients } })?.seconds ?? 5 : 5;
  if (Object.keys(ingredients).length > 0) ways.push({ parts: ingredients, finalSeconds: lastSeconds });
  const byName = new Map(members.map((m) => [m.name, m]));
  const estimate = (who: string, parts: readonly Part[]): number | undefined => {
    const m = byName.get(who)!;
    const planner = plannerOf(m);
    let o = obs.get(who)!;
    let total = 0;
    for (const p of parts) {
      const run = simulatePlan(planner, { kind: 'item', items: [p.item], count: (o.inventory[p.item] ?? 0) + p.count }, o);
      if (!run) return undefined;
      total += run.seconds;
      o = run.obs;
    }
    return total;
  };
  const split = splitWork({ members: members.map((m) => m.name), assembler: assembler.name, ways, alone: whole.seconds, handoverSeconds: HANDOVER_SECONDS }, estimate);
  let id = 0;
  const shares = new Map<string, SubGoal[]>();
  for (const [who, parts] of split.shares) {
    shares.set(who, parts.map((p) => ({ id: ++id, item: p.item, count: p.count, estimate: Math.round(estimate(who, [p]) ?? 0) })));
  }
  return { shares, team: split.team, alone: split.alone };
}

/**
 * The givers' gifts, each with what else of its own the assembler's last run would use (planks for a table
 * for the last craft: the assembler's own table may be far behind it), so that the run does not go and
 * fetch it. Only givers that hand over anyway give more: no extra walk for a few planks.
 */
export function withExtras<G extends { giver: { member: TeamMember }; items: Items }>(gifts: readonly G[], goal: Goal, assembler: TeamMember, planner: GraphPlanner, wanted: Items): G[] {
  if (gifts.length === 0) return [];
  const extras = new Map(pooledTransfers(goal, assembler, [assembler, ...gifts.map((g) => g.giver.member)], planner).map((t) => [t.from, t.items]));
  return gifts.map((g) => {
    const more = Object.entries(extras.get(g.giver.member.name) ?? {}).filter(([item]) => wanted[item] === undefined);
    return more.length === 0 ? g : { ...g, items: { ...g.items, ...Object.fromEntries(more) } };
  });
}

/**
 * Estimated seconds for a member to make the goal from what it holds plus the gifts (with the planks a
 * giver brings beside them, `withExtras`), planned from where it stands; Infinity when it cannot. The
 * assembler's choice weighs this against the mates' walks, for many sets of gifts: each member is
 * observed once per estimator.
 */
export function finishEstimator(goal: Goal, plannerOf: (m: TeamMember) => GraphPlanner, wanted: Items): (receiver: { member: TeamMember }, gifts: readonly { giver: { member: TeamMember }; items: Items }[]) => number {
  const seen = new Map<string, Observation>();
  return ({ member }, gifts) => {
    const planner = plannerOf(member);
    const obs = seen.get(member.name) ?? observe(member.bot);
    seen.set(member.name, obs);
    const inventory = { ...obs.inventory };
    for (const g of withExtras(gifts, goal, member, planner, wanted)) for (const [item, n] of Object.entries(g.items)) inventory[item] = (inventory[item] ?? 0) + n;
    return planner.estimate(goal, { ...obs, inventory })?.seconds ?? Infinity;
  };
}
