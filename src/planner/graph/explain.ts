import { specialSource } from '../../knowledge/specialSources.ts';
import { MOBS } from '../../knowledge/mobs.ts';
import { generatedAnywhere } from '../../knowledge/vanillaOverworld.ts';
import { HABITAT, isBucketMob, SPECIAL_SOURCE } from '../../knowledge/waterMobs.ts';
import { otherDimension } from '../../knowledge/world.ts';
import type { Goal } from '../../tasks/goal/goal.ts';
import { Search, type SearchContext } from './search.ts';
import { Unplannable } from './unplannable.ts';
import { resourcesOf } from './depth.ts';
import { cloneState, nearbySubject, type PlanState } from './state.ts';

export interface Explanation {
  reason: string;
  /** The item or block that cannot be had. */
  missing: string;
  /** A skill that would make the goal plannable (killMob, shearSheep, milkCow, harvestHoney, digToLevel). */
  missingSkill?: string;
}

const MOB_OF: Readonly<Record<string, string>> = { shearSheep: 'sheep', milkCow: 'cow', harvestHoney: 'bee nest', collectEggs: 'chicken' };

/**
 * Why a goal cannot be planned. The search is run again with the mob skills the registry lacks
 * assumed; if that works, the first assumed step names the missing skill. Otherwise the need the
 * search got stuck on is the missing resource (nether items, ores this world does not have).
 */
export function explain(err: Unplannable, goal: Goal, state: PlanState, ctx: SearchContext, hypothetical: SearchContext): Explanation {
  const trial = new Search(hypothetical, cloneState(state));
  try {
    runGoal(trial, goal);
    const step = trial.steps.find((s) => s.action.virtual);
    if (step) {
      const a = step.action;
      const item = [...a.obtain.keys()][0] ?? a.skill;
      const mob = typeof a.args.mob === 'string' ? a.args.mob : MOB_OF[a.skill] ?? 'mob';
      return { reason: `needs ${item}, which needs the ${a.skill} skill (from a ${mob}); no such skill is registered yet`, missing: item, missingSkill: a.skill };
    }
  } catch (deeper) {
    if (!(deeper instanceof Unplannable)) throw deeper;
    return leaf(deeper, ctx);
  }
  return leaf(err, ctx);
}

function leaf(err: Unplannable, ctx: SearchContext): Explanation {
  const need = err.need;
  const subject = nearbySubject(need) ?? need;
  const dim = otherDimension(subject.replace(/^#/, ''));
  if (dim) return { reason: `needs ${subject}, which this world does not have (${dim})`, missing: subject };
  // An item (or a block no world generates) that only a mechanic without a skill gives: diamond_ore the
  // item needs Silk Touch, diamond_ore the block is found by digging; oxidized copper is never found.
  const item = nearbySubject(need) === undefined || !generatedAnywhere(ctx.kb, subject);
  const special = item ? specialSource(subject) : undefined;
  if (special) return { reason: `needs ${subject}, which only ${special} gives; no skill does that yet`, missing: subject };
  if (err.message.includes('no digToLevel skill')) {
    return { reason: `needs ${subject}, which lies underground, and no digToLevel skill is registered`, missing: subject, missingSkill: 'digToLevel' };
  }
  if (nearbySubject(need) !== undefined && resourcesOf(ctx.kb, ctx.world, subject).length === 0 && ctx.kb.isBlock(subject)) {
    return { reason: `needs ${subject}, which this world does not have`, missing: subject };
  }
  // A fish the world model has none of: where it lives; an axolotl or a tadpole: what would bring one.
  if (nearbySubject(need) !== undefined && isBucketMob(subject) && !ctx.world.mobs.some((m) => m.mob === subject)) {
    const source = SPECIAL_SOURCE[subject];
    if (source) return { reason: `needs ${subject}, which only ${source} gives; no skill does that yet`, missing: subject };
    return { reason: `needs ${subject}, which ${HABITAT[subject] ?? 'lives in water'}; ${ctx.world.name} has none`, missing: subject };
  }
  // An animal the world model has none of (chickens for eggs where none spawn).
  if (nearbySubject(need) !== undefined && MOBS[subject] !== undefined && !ctx.world.mobs.some((m) => m.mob === subject)) {
    return { reason: `needs ${subject}, which this world does not have (no ${subject} spawns in it)`, missing: subject };
  }
  return { reason: `needs ${subject}: ${err.message}`, missing: subject };
}

export function runGoal(search: Search, goal: Goal): void {
  if (goal.kind === 'item') {
    const label = goal.label ?? (goal.items.length === 1 ? goal.items[0]! : goal.items.join('/'));
    if (goal.items.length === 1) search.item(goal.items[0]!, goal.count, `goal ${goal.count} ${label}`, 0);
    else search.items(label, goal.items, goal.count, `goal ${goal.count} ${label}`, 0);
  } else if (goal.kind === 'items') {
    // Dearest first: what is left over from it (planks, sticks) then counts towards the rest.
    for (const [item, n] of Object.entries(goal.counts)) search.item(item, n, `goal ${n} ${item}`, 0);
  } else if (goal.kind === 'placed') {
    search.placed(goal.block, 0);
  } else {
    throw new Unplannable(goal.text, 'a text goal needs a chat model');
  }
}

