import { NEARBY_BLOCKS } from '../../tasks/goal/check.ts';
import type { Observation, Station } from '../../bot/observation.ts';
import type { Knowledge } from '../../knowledge/kb.ts';
import { SkillError } from '../../base/errors.ts';
import { FUEL_GROUP, fuelRank, groupCount, isGroup, smeltsFrom } from '../../knowledge/groups.ts';
import { resolveBlocks } from '../../actions/mining/targets.ts';
import { membersOf } from './members.ts';
import type { Action } from './model.ts';

/** The `<name>_nearby` radius of the skills (src/skills/scan.ts NEARBY_RADIUS). */
export const NEARBY_RADIUS = 32;
/** Blocks this close count as placed nearby for a placed goal (as the agent's goal check says). */
export const PLACED_NEAR = NEARBY_BLOCKS;
const NEARBY = '_nearby';
/** Below this height the bot is taken to be inside the rock. */
const UNDERGROUND_Y = 40;

/** What the planner believes while it plays a plan forward: inventory, facts, depth. */
export interface PlanState {
  inv: Map<string, number>;
  /** Facts made true by planned steps (`crafting_table_nearby` after placing one). */
  facts: Set<string>;
  /** Block and entity names within the nearby radius. */
  nearby: Set<string>;
  /** Blocks placed nearby (a placed goal is met by one). */
  inReach: Set<string>;
  /** Stations in sight but not near (see stationAccess). */
  far: Set<string>;
  y: number;
}

/**
 * Stations are used where they stand, so one counts for a craft or a smelt only when the observation
 * says it is near (src/bot/stationAccess.ts: in reach, or a short walk over the blocks as they are):
 * a new table costs 4 planks, while walking back to a table up a cliff or out of the pit the bot has
 * dug fails. One in sight farther away can still be walked to on purpose (goTo).
 */
function stationAccess(obs: Observation, name: string): Station | null | undefined {
  return name === 'crafting_table' ? obs.stations.craftingTable : name === 'furnace' ? obs.stations.furnace : undefined;
}

export function stateFromObservation(obs: Observation): PlanState {
  const nearby = new Set<string>();
  const inReach = new Set<string>();
  const far = new Set<string>();
  for (const b of obs.blocks) {
    const station = stationAccess(obs, b.name);
    // A furnace in sight that is none the bot may use (a team mate's, src/bot/claims.ts): not near.
    if (station === null && b.name === 'furnace') continue;
    if (b.nearest <= NEARBY_RADIUS) nearby.add(b.name);
    if (station?.access === 'far') far.add(b.name);
    if (b.nearest <= PLACED_NEAR) inReach.add(b.name);
  }
  for (const e of obs.entities) if (e.nearest <= NEARBY_RADIUS) nearby.add(e.name);
  return { inv: new Map(Object.entries(obs.inventory)), facts: new Set(), nearby, inReach, far, y: obs.position.y };
}

export function cloneState(s: PlanState): PlanState {
  return { inv: new Map(s.inv), facts: new Set(s.facts), nearby: new Set(s.nearby), inReach: new Set(s.inReach), far: new Set(s.far), y: s.y };
}

/** How much of an item or `#group` the state holds (smelts for `#fuel`). */
export function countOf(s: PlanState, name: string, kb: Knowledge): number {
  if (!isGroup(name)) return s.inv.get(name) ?? 0;
  if (name === FUEL_GROUP) return groupCount(name, s.inv, kb);
  let n = 0;
  for (const m of membersOf(name, kb)) n += s.inv.get(m) ?? 0;
  return n;
}

/** Block names a `<name>_nearby` fact is about: a block, its deepslate ore twin, or a mining group. */
export function factBlocks(kb: Knowledge, name: string): readonly string[] {
  let byName = factBlockCache.get(kb);
  if (!byName) factBlockCache.set(kb, (byName = new Map<string, readonly string[]>()));
  let found = byName.get(name);
  if (!found) {
    try {
      found = resolveBlocks(kb, name);
    } catch (err) {
      // Not a block or a group mineBlock knows: an entity name (cow_nearby) stands for itself.
      if (!(err instanceof SkillError) || err.code !== 'BAD_ARGS') throw err;
      found = [name];
    }
    byName.set(name, found);
  }
  return found;
}
const factBlockCache = new WeakMap<Knowledge, Map<string, readonly string[]>>();

/** The thing a `<name>_nearby` fact is about, or undefined for other facts. */
export function nearbySubject(fact: string): string | undefined {
  return fact.endsWith(NEARBY) ? fact.slice(0, -NEARBY.length) : undefined;
}

/** Whether a fact holds; `walking`: for a walk to the thing (goTo), a station anywhere in sight will do. */
export function holds(s: PlanState, fact: string, kb: Knowledge, walking = false): boolean {
  if (s.facts.has(fact)) return true;
  const subject = nearbySubject(fact);
  if (subject === undefined) return false;
  return factBlocks(kb, subject).some((b) => s.nearby.has(b) && (walking || !s.far.has(b)));
}

function take(s: PlanState, item: string, n: number): void {
  const left = (s.inv.get(item) ?? 0) - n;
  if (left > 0) s.inv.set(item, left);
  else s.inv.delete(item);
}

/** Uses up `n` of an item or group: most plentiful members first; fuel by the skills' preference. */
export function consume(s: PlanState, name: string, n: number, kb: Knowledge): Map<string, number> {
  const used = new Map<string, number>();
  if (!isGroup(name)) {
    take(s, name, n);
    used.set(name, n);
    return used;
  }
  if (name === FUEL_GROUP) {
    let smelts = n;
    const fuels = [...s.inv.keys()].filter((i) => fuelRank(i) >= 0).sort((a, b) => fuelRank(a) - fuelRank(b));
    for (const f of fuels) {
      if (smelts <= 1e-9) break;
      const per = smeltsFrom(f, 1, kb);
      const k = Math.min(s.inv.get(f) ?? 0, Math.ceil(smelts / per - 1e-9));
      take(s, f, k);
      used.set(f, k);
      smelts -= k * per;
    }
    return used;
  }
  let left = n;
  const members = new Set(membersOf(name, kb));
  const held = [...s.inv].filter(([i]) => members.has(i)).sort((a, b) => b[1] - a[1]);
  for (const [item, have] of held) {
    if (left <= 0) break;
    const k = Math.min(have, left);
    take(s, item, k);
    used.set(item, k);
    left -= k;
  }
  return used;
}

/**
 * Plays an action forward: uses up its inputs, adds what it obtains and the facts it makes true.
 * A skill that walks far (`movesFar`) leaves everything that was nearby behind.
 */
export function applyAction(s: PlanState, a: Action, kb: Knowledge, movesFar: boolean): Map<string, number> {
  const used = new Map<string, number>();
  for (const [name, n] of a.consume) for (const [item, k] of consume(s, name, n, kb)) used.set(item, (used.get(item) ?? 0) + k);
  for (const [name, n] of a.obtain) {
    const item = isGroup(name) ? membersOf(name, kb)[0] ?? name : name;
    s.inv.set(item, (s.inv.get(item) ?? 0) + n);
  }
  if (movesFar) {
    s.nearby.clear();
    s.inReach.clear();
    s.far.clear();
    for (const f of [...s.facts]) if (nearbySubject(f) !== undefined) s.facts.delete(f);
  }
  const y = a.skill === 'digToLevel' && typeof a.args.y === 'number' ? a.args.y : undefined;
  if (y !== undefined) s.y = y;
  // Deep down, wherever the bot goes it is in the rock: stone (or deepslate) all around.
  if (movesFar && s.y < UNDERGROUND_Y) s.nearby.add(s.y < 0 ? 'deepslate' : 'stone');
  for (const f of a.factsOut) {
    s.facts.add(f);
    const subject = nearbySubject(f);
    // A block the action used up and now stands next to the bot: it was placed (a crafting table).
    if (subject !== undefined && a.consume.has(subject)) s.inReach.add(subject);
  }
  return used;
}
