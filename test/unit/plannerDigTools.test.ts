// A big dig is planned with tools for all of it: the pickaxes it wears out are made before it starts,
// not after one breaks halfway (the house's 136 cobblestone broke two wooden pickaxes in bench build).
import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { TIER_INFO } from '../../src/knowledge/tools.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import type { Decision, PlannerVerdict } from '../../src/planner/types.ts';
import { FIXTURE_SKILLS, observationWith } from '../helpers/planner.ts';

const kb = createKnowledge('1.20.1');
const planner = createGraphPlanner({ skills: FIXTURE_SKILLS, knowledge: kb });

function planOf(v: PlannerVerdict): Decision[] {
  if (v.kind !== 'next') throw new Error(`expected a plan, got ${JSON.stringify(v)}`);
  return v.plan ?? [];
}
const pickaxesMade = (plan: Decision[]) => plan.filter((d) => d.skill === 'craftItem' && String(d.args.item).endsWith('_pickaxe'))
  .map((d) => ({ item: String(d.args.item), count: Number(d.args.count) }));
/** Digs the pickaxes made (and carried) last for, at full durability. */
const uses = (made: { item: string; count: number }[]) => made.reduce((n, p) => n + p.count * TIER_INFO[p.item.split('_')[0] as 'wooden'].durability, 0);

describe('graph planner: tools for a big dig', () => {
  it('makes pickaxes enough for 136 cobblestone before it digs', () => {
    const plan = planOf(planner.plan({ kind: 'item', items: ['cobblestone'], count: 136 }, observationWith({})));
    const dig = plan.findIndex((d) => d.skill === 'mineBlock' && d.args.block === 'stone');
    expect(dig).toBeGreaterThan(0);
    const made = pickaxesMade(plan.slice(0, dig));
    expect(uses(made)).toBeGreaterThanOrEqual(136);
  });

  it('a small dig takes one pickaxe, and a carried one that lasts takes none', () => {
    expect(pickaxesMade(planOf(planner.plan({ kind: 'item', items: ['cobblestone'], count: 8 }, observationWith({}))))).toEqual([{ item: 'wooden_pickaxe', count: 1 }]);
    expect(pickaxesMade(planOf(planner.plan({ kind: 'item', items: ['cobblestone'], count: 100 }, observationWith({ stone_pickaxe: 1 }))))).toEqual([]);
  });

  it('counts the pickaxes carried: one stone pickaxe and 200 cobblestone to dig take one more pickaxe', () => {
    const made = pickaxesMade(planOf(planner.plan({ kind: 'item', items: ['cobblestone'], count: 200 }, observationWith({ stone_pickaxe: 1 }))));
    expect(made).toHaveLength(1);
    expect(131 + uses(made)).toBeGreaterThanOrEqual(200);
  });
});
