import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { overworldFor } from '../../src/knowledge/vanillaOverworld.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import { describeGoal, goalSchema } from '../../src/tasks/goal/goal.ts';
import { goalMet, goalProgress } from '../../src/tasks/goal/check.ts';
import { createSkillRegistry } from '../../skills/index.ts';

const kb = createKnowledge('1.20.1');
const planner = () => createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: overworldFor(kb, 'sandbox'), prime: false });

describe('a goal of every item in its count (a bill of materials)', () => {
  const goal = goalSchema.parse({ kind: 'items', counts: { oak_planks: 20, oak_door: 1, glass: 2 } });

  it('is met only when every count is held, and says how far it got', () => {
    const some = blankObservation({ oak_planks: 25, glass: 1 });
    expect(goalMet(goal, some)).toBe(false);
    expect(goalProgress(goal, some)).toBe(21);
    expect(goalMet(goal, blankObservation({ oak_planks: 20, oak_door: 1, glass: 2 }))).toBe(true);
    expect(describeGoal(goal)).toBe('20 oak_planks, 1 oak_door, 2 glass');
  });

  it('is planned from an empty inventory, every item in one plan', () => {
    const v = planner().plan(goal, blankObservation({}));
    expect(v.kind).toBe('next');
    const steps = v.kind === 'next' ? (v.plan ?? [v.decision]).map((d) => `${d.skill} ${String((d.args as { item?: string; block?: string }).item ?? (d.args as { block?: string }).block ?? '')}`) : [];
    expect(steps).toContain('craftItem oak_door');
    expect(steps).toContain('smeltItem glass');
    expect(steps.some((s) => s.startsWith('craftItem oak_planks'))).toBe(true);
  });

  it('is refused at once when an item cannot be had in survival, naming it', () => {
    const v = planner().plan({ kind: 'items', counts: { oak_planks: 4, bedrock: 1 } }, blankObservation({}));
    expect(v.kind).toBe('unplannable');
    expect(v.kind === 'unplannable' && v.reason).toMatch(/^bedrock cannot be obtained in survival/);
  });
});
