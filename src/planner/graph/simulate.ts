import type { BlockGroup, Observation } from '../../bot/observation.ts';
import type { Decision } from '../types.ts';
import { SANDBOX_OVERWORLD, type WorldModel } from '../../knowledge/world.ts';
import { movesFar } from './costs.ts';
import type { SkillModel } from './model.ts';
import { applyAction, nearbySubject, stateFromObservation } from './state.ts';

/** Distances the simulated observation reports for things nearby and things placed next to the bot. */
const SEEN_AT = 12;
const PLACED_AT = 2;

/**
 * The observation after a decision, if the skill does exactly what its effects say: a stand-in world
 * for planning benchmarks, `skillcraft plan` and tests of re-planning. Never used to run a task.
 */
export function simulateStep(obs: Observation, decision: Decision, model: SkillModel, world: WorldModel = SANDBOX_OVERWORLD): Observation {
  const action = model.action(decision.skill, decision.args);
  if (!action) throw new Error(`cannot simulate ${decision.skill} ${JSON.stringify(decision.args)}: not a valid call of a registered skill`);
  const state = stateFromObservation(obs);
  applyAction(state, action, model.kb, movesFar(action, model.kb, world, state));
  const near = new Set(state.nearby);
  for (const f of state.facts) {
    const subject = nearbySubject(f);
    if (subject !== undefined) near.add(subject);
  }
  const at = (d: number) => ({ x: Math.round(obs.position.x) + d, y: Math.round(state.y), z: Math.round(obs.position.z) });
  const blocks: BlockGroup[] = [];
  const entities: Observation['entities'] = [];
  for (const name of near) {
    const d = state.inReach.has(name) ? PLACED_AT : SEEN_AT;
    if (model.kb.isBlock(name)) blocks.push({ name, count: 1, nearest: d, at: at(d) });
    else entities.push({ type: 'animal', name, count: 1, nearest: d, at: at(d) });
  }
  const inventory: Record<string, number> = {};
  for (const [item, n] of state.inv) if (model.kb.isItem(item) && Math.floor(n) > 0) inventory[item] = Math.floor(n);
  const station = (name: string): Observation['stations']['craftingTable'] => {
    const b = blocks.find((g) => g.name === name);
    if (!b) return null;
    // Placed next to the bot: in reach; seen: a walk away, as far as the effects can tell.
    const access = b.nearest <= PLACED_AT ? 'reach' as const : state.far.has(name) ? 'far' as const : 'walk' as const;
    return { at: b.at, distance: b.nearest, inReach: access === 'reach', access };
  };
  return {
    ...obs,
    position: { ...obs.position, y: state.y },
    inventory,
    blocks: blocks.sort((a, b) => a.nearest - b.nearest),
    entities,
    stations: { craftingTable: station('crafting_table'), furnace: station('furnace') },
  };
}

/** An observation with nothing in sight: the world's resources are there to be found by exploring. */
export function blankObservation(inventory: Readonly<Record<string, number>> = {}, y = 70): Observation {
  return {
    position: { x: 0, y, z: 0 }, dimension: 'overworld', biome: 'forest',
    time: { timeOfDay: 1000, day: 0, phase: 'day' }, health: 20, food: 20, saturation: 5, heldItem: null,
    equipment: { head: null, chest: null, legs: null, feet: null, offhand: null },
    inventory: { ...inventory }, radius: 32, blocks: [], entities: [], stations: { craftingTable: null, furnace: null },
  };
}
