import { describe, expect, it } from 'vitest';
import { hardenConcrete } from '../../skills/hardenConcrete.ts';
import { createSkillRegistry } from '../../skills/index.ts';
import { useItemOnBlock } from '../../skills/useItemOnBlock.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { overworldFor } from '../../src/knowledge/vanillaOverworld.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import type { PlannerVerdict } from '../../src/planner/types.ts';

const kb = createKnowledge('1.20.1');
const R = 32;
const use = (args: Record<string, unknown>) => useItemOnBlock.params.parse(args);

describe('useItemOnBlock as planner data', () => {
  it('produces stripped logs, carved pumpkins, filled buckets and water bottles from the table', () => {
    expect(useItemOnBlock.producers!('stripped_oak_log', 3, kb)).toEqual([{ block: 'oak_log', use: 'axe', count: 3, radius: R, place: false }]);
    // Blocks only crafting makes are put down first; found ones are used where they stand.
    expect(useItemOnBlock.producers!('stripped_oak_wood', 1, kb)).toEqual([
      { block: 'oak_wood', use: 'axe', count: 1, radius: R, place: false }, { block: 'oak_wood', use: 'axe', count: 1, radius: R, place: true },
    ]);
    expect(useItemOnBlock.producers!('stripped_bamboo_block', 1, kb).map((a) => a.place)).toEqual([false, true]);
    expect(useItemOnBlock.producers!('carved_pumpkin', 1, kb)).toEqual([{ block: 'pumpkin', use: 'shears', count: 1, radius: R, place: false }]);
    expect(useItemOnBlock.producers!('powder_snow_bucket', 2, kb)).toEqual([{ block: 'powder_snow', use: 'bucket', count: 2, radius: R, place: false }]);
    expect(useItemOnBlock.producers!('potion', 1, kb)).toEqual([{ block: 'water', use: 'glass_bottle', count: 1, radius: R, place: false }]);
    expect(useItemOnBlock.producers!('oak_log', 1, kb)).toEqual([]);
    expect(useItemOnBlock.producers!('stripped_pale_oak_log', 1, kb)).toEqual([]);
    expect(useItemOnBlock.producers!('stripped_pale_oak_log', 1, createKnowledge('1.21.4'))).toHaveLength(1);
  });

  it('needs the tool held and the block nearby, or the container used up at the fluid', () => {
    // Any axe strips: one already carried serves.
    const axes = ['wooden_axe', 'stone_axe', 'golden_axe', 'iron_axe', 'diamond_axe', 'netherite_axe'];
    expect(useItemOnBlock.preconditions(use({ block: 'oak_log', use: 'axe', count: 2 }), kb)).toEqual({ equip: expect.arrayContaining(axes) as unknown, facts: ['oak_log_nearby'] });
    expect(useItemOnBlock.preconditions(use({ block: 'oak_wood', use: 'axe', count: 2, place: true }), kb)).toMatchObject({ consume: { oak_wood: 2 } });
    expect(useItemOnBlock.preconditions(use({ block: 'pumpkin', use: 'shears' }), kb)).toEqual({ equip: ['shears'], facts: ['pumpkin_nearby'] });
    expect(useItemOnBlock.preconditions(use({ block: 'lava', use: 'bucket', count: 2 }), kb)).toEqual({ consume: { bucket: 2 }, facts: ['lava_nearby'] });
    expect(useItemOnBlock.effects(use({ block: 'water', use: 'glass_bottle', count: 3 }), kb)).toEqual({ obtain: { potion: 3 } });
    expect(() => useItemOnBlock.preconditions(use({ block: 'oak_log', use: 'bucket' }), kb)).toThrow(/using bucket on oak_log gives nothing/);
    expect(() => useItemOnBlock.preconditions(use({ block: 'water', use: 'bucket', place: true }), kb)).toThrow(/cannot be placed/);
  });

  it('hardenConcrete uses up powder at water with a pickaxe', () => {
    const args = hardenConcrete.params.parse({ item: 'lime_concrete', count: 2 });
    expect(hardenConcrete.preconditions(args, kb)).toEqual({
      consume: { lime_concrete_powder: 2 }, equip: ['wooden_pickaxe', 'stone_pickaxe', 'iron_pickaxe', 'golden_pickaxe', 'diamond_pickaxe', 'netherite_pickaxe'], facts: ['water_nearby'],
    });
    expect(hardenConcrete.effects(args, kb)).toEqual({ obtain: { lime_concrete: 2 } });
    expect(hardenConcrete.producers!('lime_concrete', 2, kb)).toEqual([{ item: 'lime_concrete', count: 2, radius: R }]);
    expect(hardenConcrete.producers!('lime_concrete_powder', 2, kb)).toEqual([]);
  });
});

describe('the planner with block uses, on vanilla terrain', () => {
  const skills = createSkillRegistry();
  const subject = (args: Record<string, unknown>) => [args.block, args.item, args.target].find((a): a is string => typeof a === 'string') ?? '';
  const steps = (v: PlannerVerdict) => (v.kind === 'next' ? (v.plan ?? [v.decision]).map((d) => `${d.skill} ${subject(d.args)}${d.args.place === true ? ' (placed)' : ''}`) : [v.kind === 'unplannable' ? v.reason : v.kind]);

  it.each(['1.20.1', '1.21.4'])('plans what using items on blocks gives (%s)', (version) => {
    const k = createKnowledge(version);
    const planner = createGraphPlanner({ skills, knowledge: k, world: overworldFor(k, 'vanilla'), prime: false });
    const plan = (item: string) => steps(planner.plan({ kind: 'item', items: [item], count: 1 }, blankObservation({})));
    expect(plan('stripped_oak_log')).toContain('useItemOnBlock oak_log');
    expect(plan('oak_hanging_sign')).toContain('useItemOnBlock oak_log');
    expect(plan('stripped_bamboo_block')).toContain('useItemOnBlock bamboo_block (placed)');
    expect(plan('water_bucket')).toContain('useItemOnBlock water');
    expect(plan('lava_bucket')).toContain('useItemOnBlock lava');
    expect(plan('jack_o_lantern')).toContain('useItemOnBlock pumpkin');
    expect(plan('white_concrete')).toContain('hardenConcrete white_concrete');
    if (version === '1.21.4') expect(plan('pale_oak_hanging_sign')).toContain('useItemOnBlock pale_oak_log');
  });
});

describe('stripping with the axe carried', () => {
  it('makes no wooden axe when an iron one is in the inventory', () => {
    const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: overworldFor(kb, 'vanilla'), prime: false });
    const v = planner.plan({ kind: 'item', items: ['stripped_oak_log'], count: 1 }, blankObservation({ iron_axe: 1 }));
    const calls = v.kind === 'next' ? (v.plan ?? [v.decision]).map((d) => `${d.skill} ${JSON.stringify(d.args)}`) : [v.kind];
    expect(calls.some((c) => c.includes('wooden_axe'))).toBe(false);
    expect(calls.at(-1)).toMatch(/^useItemOnBlock .*"oak_log"/);
  });
});
