import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/bot/observation.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { meanLoot, plannedLoot } from '../../src/knowledge/mobs.ts';
import { SANDBOX_OVERWORLD } from '../../src/knowledge/world.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import type { Decision } from '../../src/planner/types.ts';
import { parseTask } from '../../src/tasks/parse.ts';
import { createSkillRegistry } from '../../skills/index.ts';
import { killMob } from '../../skills/killMob.ts';
import { milkCow } from '../../skills/milkCow.ts';
import { shearSheep } from '../../skills/shearSheep.ts';

const kb = createKnowledge('1.20.1');
const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb });

/** An observation with animals 10 blocks away. */
function seeing(inventory: Record<string, number>, animals: string[] = []): Observation {
  const obs = blankObservation(inventory);
  obs.entities = animals.map((name) => ({ type: 'animal', name, count: 1, nearest: 10, at: { x: 10, y: 70, z: 0 } }));
  return obs;
}

function plan(task: string, obs: Observation): Decision[] {
  const v = planner.plan(parseTask(kb, task).goal, obs);
  if (v.kind !== 'next') throw new Error(JSON.stringify(v));
  return v.plan ?? [];
}

const calls = (p: Decision[]) => p.map((d) => `${d.skill} ${JSON.stringify(d.args)}`);

describe('mob loot as the planner counts it', () => {
  it('counts on the minimum a kill always gives, else the mean', () => {
    expect(plannedLoot('cow')).toEqual({ beef: 1, leather: 1 });
    expect(plannedLoot('sheep')).toEqual({ mutton: 1 });
    expect(plannedLoot('chicken')).toEqual({ chicken: 1, feather: 1 });
    expect(plannedLoot('zombie')).toEqual({ rotten_flesh: 1 });
    expect(plannedLoot('spider')).toEqual({ string: 1, spider_eye: 1 / 3 });
    expect(plannedLoot('ghast')).toEqual({});
  });

  it('the world model lists the farm animals with their mean loot and the salmon of its rivers', () => {
    expect(SANDBOX_OVERWORLD.mobs.map((m) => m.mob)).toEqual(['cow', 'sheep', 'pig', 'chicken', 'salmon']);
    expect(SANDBOX_OVERWORLD.mobs.find((m) => m.mob === 'cow')?.drops).toEqual(meanLoot('cow'));
  });

  it('killMob plans kills for a count of an item, and a sheep of a colour for its wool', () => {
    expect(killMob.producers?.('beef', 3, kb)).toEqual([{ mob: 'cow', count: 3, radius: 32 }]);
    expect(killMob.producers?.('leather', 2, kb)).toEqual([{ mob: 'cow', count: 2, radius: 32 }]);
    expect(killMob.producers?.('black_wool', 2, kb)).toEqual([{ mob: 'sheep', count: 2, colour: 'black', radius: 32 }]);
    // Monsters for what no animal drops; the world model decides whether there are any.
    expect(killMob.producers?.('rotten_flesh', 1, kb)).toEqual(['zombie', 'husk', 'drowned'].map((mob) => ({ mob, count: 1, radius: 32 })));
    expect(killMob.producers?.('steel_wool', 1, kb)).toEqual([]);
    expect(killMob.effects({ mob: 'sheep', count: 2, colour: 'black', radius: 32 }, kb)).toEqual({ obtain: { mutton: 2, black_wool: 2 } });
    expect(killMob.preconditions({ mob: 'cow', count: 1, radius: 32 }, kb)).toEqual({ facts: ['cow_nearby'] });
  });

  it('shearSheep holds shears; milkCow uses up a bucket per milk bucket', () => {
    expect(shearSheep.preconditions({ colour: 'white', count: 3, radius: 32 }, kb)).toEqual({ equip: ['shears'], facts: ['sheep_nearby'] });
    expect(shearSheep.producers?.('red_wool', 2, kb)).toEqual([{ colour: 'red', count: 2, radius: 32 }]);
    expect(shearSheep.producers?.('mutton', 2, kb)).toEqual([]);
    expect(milkCow.preconditions({ count: 2, radius: 32 }, kb)).toEqual({ consume: { bucket: 2 }, facts: ['cow_nearby'] });
    expect(milkCow.producers?.('milk_bucket', 1, kb)).toEqual([{ count: 1, radius: 32 }]);
  });
});

describe('graph planner: mob tasks', () => {
  it('shears white wool when it holds shears, with a sheep in sight', () => {
    expect(calls(plan('wool', seeing({ shears: 1 }, ['sheep'])))).toEqual(['shearSheep {"colour":"white","count":1,"radius":32}']);
  });

  it('crafts shears from 2 iron ingots rather than killing a sheep for its wool', () => {
    const p = plan('wool', seeing({ iron_ingot: 2 }, ['sheep']));
    expect(calls(p)).toEqual(['craftItem {"item":"shears","count":1}', 'shearSheep {"colour":"white","count":1,"radius":32}']);
  });

  it('kills a white sheep for wool when shears would mean mining iron first', () => {
    const p = plan('wool', seeing({}, ['sheep']));
    expect(calls(p)).toEqual(['killMob {"mob":"sheep","count":1,"colour":"white","radius":32}']);
  });

  it('plans 3 cow kills for 3 beef (a kill gives at least 1), and explores for a cow first when none is in sight', () => {
    expect(calls(plan('3 beef', seeing({ diamond_sword: 1 }, ['cow'])))).toEqual(['killMob {"mob":"cow","count":3,"radius":32}']);
    expect(calls(plan('3 beef', seeing({})))).toEqual([
      'explore {"target":"cow","kind":"entity","maxDistance":160}', 'killMob {"mob":"cow","count":3,"radius":32}',
    ]);
  });

  it('re-plans the rest after a kill that gave less than asked', () => {
    expect(calls(plan('3 beef', seeing({ beef: 2, leather: 1 }, ['cow'])))).toEqual(['killMob {"mob":"cow","count":1,"radius":32}']);
  });

  it('crafts the bucket before milking, and the milking uses it up', () => {
    const start = seeing({ iron_ingot: 3, crafting_table: 1 }, ['cow']);
    const p = plan('harvest milk', start);
    expect(calls(p)).toEqual(['placeCraftingTable {}', 'craftItem {"item":"bucket","count":1}', 'milkCow {"count":1,"radius":32}']);
    let obs = start;
    for (const d of p) obs = planner.simulate(obs, d);
    expect(obs.inventory).toEqual({ milk_bucket: 1 });
  });

  it('makes a bed in the colour of the wool it already has', () => {
    const p = plan('bed', seeing({ black_wool: 2, shears: 1, oak_planks: 3, crafting_table: 1 }, ['sheep']));
    expect(calls(p)).toEqual(['shearSheep {"colour":"black","count":1,"radius":32}', 'placeCraftingTable {}', 'craftItem {"item":"black_bed","count":1}']);
  });

  it('plans white wool for a bed from nothing but shears', () => {
    const p = plan('bed', seeing({ shears: 1, oak_planks: 3 }, ['sheep']));
    expect(p.find((d) => d.skill === 'shearSheep')?.args).toEqual({ colour: 'white', count: 3, radius: 32 });
    expect(p.at(-1)).toMatchObject({ skill: 'craftItem', args: { item: 'white_bed' } });
  });
});
