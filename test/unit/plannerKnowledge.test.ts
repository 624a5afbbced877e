import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { craftConsumption, craftShapes } from '../../src/actions/crafting/recipes.ts';
import { otherDimension, SANDBOX_OVERWORLD, worldWith } from '../../src/knowledge/world.ts';
import { targetDepth } from '../../src/planner/graph/depth.ts';
import { adviceFrom } from '../../src/planner/graph/history.ts';
import { SkillModel } from '../../src/planner/graph/model.ts';
import { simulateStep } from '../../src/planner/graph/simulate.ts';
import { FIXTURE_SKILLS, observationWith } from '../helpers/planner.ts';

const kb = createKnowledge('1.20.1');
const names = (ids: readonly number[]) => ids.map((id) => kb.itemName(id) ?? String(id));
const summary = (item: string) => craftShapes(kb, item).map((r) => ({
  count: r.outCount, table: r.requiresTable, ingredients: r.ingredients.map((i) => `${i.perCraft} ${i.ids.length > 2 ? `${names(i.ids)[0]!}|…(${i.ids.length})` : names(i.ids).join('|')}`),
}));

describe('planning recipes', () => {
  it('merges wood and colour variants into "any of" ingredients, with output counts', () => {
    expect(summary('stick')).toEqual([
      { count: 4, table: false, ingredients: ['2 oak_planks|…(11)'] },
      { count: 1, table: false, ingredients: ['2 bamboo'] },
    ]);
    expect(summary('oak_planks')).toEqual([{ count: 4, table: false, ingredients: ['1 oak_log|…(4)'] }]);
    expect(names(craftShapes(kb, 'oak_planks')[0]!.ingredients[0]!.ids)).toEqual(['oak_log', 'oak_wood', 'stripped_oak_log', 'stripped_oak_wood']);
    expect(summary('chest')).toEqual([{ count: 1, table: true, ingredients: ['8 oak_planks|…(11)'] }]);
    expect(summary('torch')).toEqual([{ count: 4, table: false, ingredients: ['1 coal|charcoal', '1 stick'] }]);
    expect(summary('oak_trapdoor')).toEqual([{ count: 2, table: true, ingredients: ['6 oak_planks'] }]);
    expect(summary('painting')).toEqual([{ count: 1, table: true, ingredients: ['8 stick', '1 white_wool|…(16)'] }]);
  });

  it('keeps real alternatives apart and knows what needs a table', () => {
    expect(summary('iron_ingot')).toEqual([
      { count: 9, table: false, ingredients: ['1 iron_block'] },
      { count: 1, table: true, ingredients: ['9 iron_nugget'] },
    ]);
    // A bed dyed white from another colour is no tag of vanilla's: each colour stays its own recipe.
    const beds = summary('white_bed').map((r) => r.ingredients);
    expect(beds).toHaveLength(16);
    expect(beds[0]).toEqual(['1 black_bed', '1 white_dye']);
    expect(beds.at(-1)).toEqual(['3 white_wool', '3 oak_planks|…(11)']);
    expect(summary('crafting_table')).toEqual([{ count: 1, table: false, ingredients: ['4 oak_planks|…(11)'] }]);
    expect(summary('stone_stairs')).toEqual([{ count: 4, table: true, ingredients: ['6 stone'] }]);
    expect(craftShapes(kb, 'diamond_ore')).toEqual([]);
    expect(craftShapes(kb, 'no_such_item')).toEqual([]);
    expect(craftConsumption(kb, 'stick', 9)).toMatchObject({ crafts: 3, made: 12 });
  });
});

describe('world model', () => {
  it('knows what only other dimensions have', () => {
    expect(otherDimension('blaze_rod')).toBe('nether');
    expect(otherDimension('crimson_planks')).toBe('nether');
    expect(otherDimension('shulker_shell')).toBe('the end');
    expect(otherDimension('iron_ingot')).toBeUndefined();
  });

  it('says how deep to dig for what is not in sight', () => {
    expect(targetDepth(kb, SANDBOX_OVERWORLD, 'diamond_ore', 70)).toBe(-58);
    expect(targetDepth(kb, SANDBOX_OVERWORLD, 'diamond_ore', -50)).toBeUndefined();
    expect(targetDepth(kb, SANDBOX_OVERWORLD, 'iron_ore', 70)).toBe(16);
    expect(targetDepth(kb, SANDBOX_OVERWORLD, 'iron_ore', 20)).toBeUndefined();
    expect(targetDepth(kb, SANDBOX_OVERWORLD, 'oak_log', 70)).toBeUndefined();
    expect(targetDepth(kb, SANDBOX_OVERWORLD, 'oak_log', 12)).toBe(64);
    expect(targetDepth(kb, SANDBOX_OVERWORLD, 'stone', 12)).toBeUndefined();
    expect(targetDepth(kb, SANDBOX_OVERWORLD, 'emerald_ore', 70)).toBeUndefined();
    const spruce = worldWith(SANDBOX_OVERWORLD, [{ block: 'spruce_log', minY: 40, maxY: 200, bestY: 64, surface: true }], ['birch_log']);
    expect(spruce.resources.has('spruce_log')).toBe(true);
    expect(spruce.resources.has('birch_log')).toBe(false);
    expect(SANDBOX_OVERWORLD.resources.has('spruce_log')).toBe(false);
  });
});

describe('history advice', () => {
  const model = new SkillModel(FIXTURE_SKILLS, kb);
  const factsOf = (step: { decision: { skill: string; args: unknown } }) => model.action(step.decision.skill, step.decision.args);
  const mine = (count: number) => ({ skill: 'mineBlock', args: { block: 'stone', count } });

  it('penalises what just failed, doubts the facts behind it, and bans it after three failures of one kind', () => {
    const one = adviceFrom([{ decision: mine(3), ok: false, code: 'NO_PATH', message: 'no path to stone' }], factsOf);
    expect(one.penalty.get('mineBlock {"block":"stone"}')).toBe(1200);
    expect([...one.distrust]).toEqual(['stone_nearby']);
    const three = adviceFrom([1, 2, 3].map((n) => ({ decision: mine(n), ok: false, code: 'NO_PATH', message: 'no path to stone' })), factsOf);
    expect(three.penalty.get('mineBlock {"block":"stone"}')).toBe(Infinity);
    expect(three.banned.get('mineBlock {"block":"stone"}')).toBe('NO_PATH: no path to stone');
    const mixed = adviceFrom([
      { decision: mine(1), ok: false, code: 'NO_PATH' }, { decision: mine(1), ok: false, code: 'TIMEOUT' },
      { decision: mine(1), ok: true }, { decision: mine(2), ok: false, code: 'NO_TOOL' },
    ], factsOf);
    expect(mixed.penalty.get('mineBlock {"block":"stone"}')).toBe(1200);
    expect(mixed.distrust.size).toBe(0);
  });
});

describe('simulated observations', () => {
  it('plays a step forward as its effects say', () => {
    const model = new SkillModel(FIXTURE_SKILLS, kb);
    const obs = simulateStep(observationWith({ oak_planks: 4 }), { skill: 'craftItem', args: { item: 'crafting_table', count: 1 } }, model);
    expect(obs.inventory).toEqual({ crafting_table: 1 });
    const placed = simulateStep(obs, { skill: 'placeCraftingTable', args: {} }, model);
    expect(placed.inventory).toEqual({});
    expect(placed.stations.craftingTable).toMatchObject({ inReach: true });
    expect(() => simulateStep(obs, { skill: 'noSuchSkill', args: {} }, model)).toThrow('cannot simulate noSuchSkill');
  });
});
