import type { Observation } from '../../bot/observation.ts';
import type { Goal } from './goal.ts';

/** Blocks count as "placed nearby" within this distance of the bot (Plan4MC's `*_nearby` facts). */
export const NEARBY_BLOCKS = 8;

/** How many of the goal's items the inventory holds. */
export function goalProgress(goal: Goal, obs: Observation): number {
  if (goal.kind === 'items') return Object.entries(goal.counts).reduce((n, [item, c]) => n + Math.min(c, obs.inventory[item] ?? 0), 0);
  if (goal.kind !== 'item') return 0;
  return goal.items.reduce((n, item) => n + (obs.inventory[item] ?? 0), 0);
}

/** The goal predicate, checked on the real observation after every step. */
export function goalMet(goal: Goal, obs: Observation): boolean {
  if (goal.kind === 'item') return goalProgress(goal, obs) >= goal.count;
  if (goal.kind === 'items') return Object.entries(goal.counts).every(([item, c]) => (obs.inventory[item] ?? 0) >= c);
  if (goal.kind === 'placed') return obs.blocks.some((b) => b.name === goal.block && b.nearest <= NEARBY_BLOCKS);
  return false;
}
