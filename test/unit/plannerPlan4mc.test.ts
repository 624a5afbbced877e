import { describe, expect, it } from 'vitest';
import { goalMet } from '../../src/tasks/goal/check.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import type { Decision, StepRecord } from '../../src/planner/types.ts';
import { parseTask } from '../../src/tasks/parse.ts';
import { plan4mcGoal, PLAN4MC_TASKS } from '../../src/tasks/plan4mc.ts';
import { createSkillRegistry, SKILLS } from '../../skills/index.ts';

// The real skill registry: these tests say what the planner does with the skills the agent runs.
const kb = createKnowledge('1.20.1');
const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb });

/** Without the mob skills (an older registry), the planner names the one a mob task lacks. */
const MOB_SKILLS = new Set(['killMob', 'shearSheep', 'milkCow']);
const withoutMobs = createGraphPlanner({ skills: SKILLS.filter((s) => !MOB_SKILLS.has(s.name)), knowledge: kb });
const MOB_TASKS: Readonly<Record<number, { missing: string; missingSkill: string }>> = {
  21: { missing: 'milk_bucket', missingSkill: 'milkCow' },
  22: { missing: 'white_wool', missingSkill: 'shearSheep' },
  23: { missing: 'white_wool', missingSkill: 'shearSheep' },
  24: { missing: 'white_wool', missingSkill: 'shearSheep' },
  25: { missing: 'white_wool', missingSkill: 'shearSheep' },
  26: { missing: 'leather', missingSkill: 'killMob' },
  27: { missing: 'beef', missingSkill: 'killMob' },
  28: { missing: 'beef', missingSkill: 'killMob' },
  29: { missing: 'mutton', missingSkill: 'killMob' },
  30: { missing: 'mutton', missingSkill: 'killMob' },
};

describe('graph planner with the real skills: the 40 Plan4MC tasks', () => {
  it('registers the skills the plans need', () => {
    const names = createSkillRegistry().names();
    for (const s of ['explore', 'mineBlock', 'craftItem', 'smeltItem', 'placeCraftingTable', 'placeFurnace', 'digToLevel', 'goTo', 'killMob', 'shearSheep', 'milkCow']) expect(names).toContain(s);
  });

  for (const task of PLAN4MC_TASKS) {
    it(`${task.id} ${task.name}: a complete plan from ${JSON.stringify(task.inventory)}`, () => {
      const goal = plan4mcGoal(kb, task);
      const start = blankObservation(task.inventory);
      const v = planner.plan(goal, start);
      if (v.kind !== 'next') throw new Error(`expected a plan, got ${JSON.stringify(v)}`);
      const plan = v.plan ?? [];
      // Played forward as the skills' effects say, the first plan alone reaches the goal.
      let obs = start;
      for (const d of plan) obs = planner.simulate(obs, d);
      expect(goalMet(goal, obs)).toBe(true);
      // Re-planned after every step, it gets there too, and says done.
      obs = start;
      const history: StepRecord[] = [];
      for (let i = 0; i < plan.length + 5; i++) {
        const next = planner.plan(goal, obs, history);
        if (next.kind === 'done') break;
        if (next.kind !== 'next') throw new Error(`step ${i}: ${JSON.stringify(next)}`);
        obs = planner.simulate(obs, next.decision);
        history.push({ decision: next.decision, ok: true });
      }
      expect(goalMet(goal, obs)).toBe(true);
      expect(history.length).toBeLessThanOrEqual(plan.length);
    });
  }

  for (const task of PLAN4MC_TASKS.filter((t) => MOB_TASKS[t.id])) {
    it(`${task.id} ${task.name}: without the mob skills, unplannable naming the missing one`, () => {
      const v = withoutMobs.plan(plan4mcGoal(kb, task), blankObservation(task.inventory));
      expect(v).toMatchObject({ kind: 'unplannable', ...MOB_TASKS[task.id] });
      expect(v.kind === 'unplannable' && v.reason).toBe(
        `needs ${MOB_TASKS[task.id]!.missing}, which needs the ${MOB_TASKS[task.id]!.missingSkill} skill (from a ${/wool/.test(MOB_TASKS[task.id]!.missing) || MOB_TASKS[task.id]!.missing === 'mutton' ? 'sheep' : 'cow'}); no such skill is registered yet`,
      );
    });
  }
});

describe('graph planner with the real skills: shapes of plans', () => {
  const steps = (text: string, inventory: Record<string, number> = {}): Decision[] => {
    const v = planner.plan(parseTask(kb, text).goal, blankObservation(inventory));
    if (v.kind !== 'next') throw new Error(JSON.stringify(v));
    return v.plan ?? [];
  };

  it('mines 3 logs for a wooden pickaxe and crafts 2 sticks and a table on the way', () => {
    const plan = steps('craft a wooden pickaxe');
    expect(plan.map((d) => d.skill)).toEqual(['explore', 'mineBlock', 'craftItem', 'craftItem', 'craftItem', 'placeCraftingTable', 'craftItem']);
    expect(plan[1]).toMatchObject({ args: { block: 'oak_log', count: 3 } });
    expect(plan.slice(2).filter((d) => d.skill === 'craftItem').map((d) => d.args.item)).toEqual(['oak_planks', 'stick', 'crafting_table', 'wooden_pickaxe']);
  });

  it('digs to y 16 for iron and to y -58 for diamonds in stages, after the surface work', () => {
    const plan = steps('mine a diamond', { stone_pickaxe: 1 });
    const digs = plan.filter((d) => d.skill === 'digToLevel').map((d) => d.args.y);
    expect(digs).toEqual([38, 16, -16, -48, -58]);
    // Pickaxes for about 3.5 uses per level, made up here: a stone one besides the iron one.
    const before = plan.slice(0, plan.findIndex((d) => d.skill === 'digToLevel'));
    expect(before.some((d) => d.skill === 'craftItem' && d.args.item === 'stone_pickaxe')).toBe(true);
    const firstDig = plan.findIndex((d) => d.skill === 'digToLevel');
    expect(plan.slice(firstDig).some((d) => d.skill === 'mineBlock' && d.args.block === 'oak_log')).toBe(false);
    expect(plan.at(-1)).toMatchObject({ skill: 'mineBlock', args: { block: 'diamond_ore', count: 1 } });
  });

  it('says what a world without the nether cannot give', () => {
    expect(planner.plan(parseTask(kb, 'blaze powder').goal, blankObservation())).toEqual({
      kind: 'unplannable', reason: 'needs blaze_rod, which this world does not have (nether)', missing: 'blaze_rod',
    });
  });
});
