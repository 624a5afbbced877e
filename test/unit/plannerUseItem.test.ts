import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { specialSource } from '../../src/knowledge/specialSources.ts';
import { overworldFor } from '../../src/knowledge/vanillaOverworld.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import type { PlannerVerdict } from '../../src/planner/types.ts';
import { createSkillRegistry } from '../../skills/index.ts';
import { useItem } from '../../skills/useItem.ts';
import { observationWith } from '../helpers/planner.ts';

const item = (name: string, count = 1) => ({ kind: 'item' as const, items: [name], count });
const steps = (v: PlannerVerdict) => (v.kind === 'next' ? (v.plan ?? [v.decision]) : []);

describe.each(['1.20.1', '1.21.4'])('maps and signed books on vanilla terrain (%s)', (version) => {
  const kb = createKnowledge(version);
  const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: overworldFor(kb, 'vanilla'), prime: false });

  it('plans a filled map from nothing: paper and a compass crafted into a map, then the map used', () => {
    const plan = steps(planner.plan(item('filled_map'), blankObservation({})));
    const crafted = plan.filter((d) => d.skill === 'craftItem').map((d) => d.args.item);
    expect(crafted).toEqual(expect.arrayContaining(['paper', 'compass', 'map']));
    expect(plan.at(-1)).toMatchObject({ skill: 'useItem', args: { item: 'map', count: 1 } });
  });

  it('plans a written book from nothing: a book and quill (leather, a feather, an ink sac) signed last', () => {
    const plan = steps(planner.plan(item('written_book'), blankObservation({})));
    expect(plan.map((d) => d.args.item)).toContain('writable_book');
    expect(plan.at(-1)).toMatchObject({ skill: 'useItem', args: { item: 'writable_book', count: 1 } });
  });

  it('uses what is carried: three maps held are three uses, no crafting', () => {
    const plan = steps(planner.plan(item('filled_map', 3), observationWith({ map: 3 })));
    expect(plan).toEqual([expect.objectContaining({ skill: 'useItem', args: expect.objectContaining({ item: 'map', count: 3 }) as unknown })]);
  });

  it('no longer names either as a mechanic no skill performs', () => {
    expect(specialSource('filled_map')).toBeUndefined();
    expect(specialSource('written_book')).toBeUndefined();
  });
});

describe('useItem as data', () => {
  it('consumes the item used and gives what it makes; produces only those two', () => {
    const kb = createKnowledge('1.20.1');
    const args = useItem.params.parse({ item: 'writable_book' });
    expect(useItem.preconditions(args, kb)).toEqual({ consume: { writable_book: 1 } });
    expect(useItem.effects(args, kb)).toEqual({ obtain: { written_book: 1 } });
    expect(useItem.producers?.('filled_map', 40, kb)).toEqual([{ item: 'map', count: 16, title: 'Notes', text: '' }]);
    expect(useItem.producers?.('map', 1, kb)).toEqual([]);
    expect(() => useItem.params.parse({ item: 'compass' })).toThrow();
  });
});
