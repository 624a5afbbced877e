import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { NEST_FILL_SECONDS } from '../../src/knowledge/honey.ts';
import { specialSource } from '../../src/knowledge/specialSources.ts';
import { overworldFor, vanillaOverworld } from '../../src/knowledge/vanillaOverworld.ts';
import { SANDBOX_OVERWORLD } from '../../src/knowledge/world.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { skillSeconds } from '../../src/planner/graph/costs.ts';
import { SkillModel } from '../../src/planner/graph/model.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import type { PlannerVerdict } from '../../src/planner/types.ts';
import { createSkillRegistry, SKILLS } from '../../skills/index.ts';
import { harvestHoney } from '../../skills/harvestHoney.ts';
import { observationWith } from '../helpers/planner.ts';

const item = (name: string, count = 1) => ({ kind: 'item' as const, items: [name], count });
const subject = (args: Record<string, unknown>) => [args.block, args.item, args.target].find((a): a is string => typeof a === 'string') ?? '';
const calls = (v: PlannerVerdict) => (v.kind === 'next' ? (v.plan ?? [v.decision]).map((d) => `${d.skill} ${subject(d.args)}`.trim()) : [`${v.kind}: ${v.kind === 'unplannable' ? v.reason : ''}`]);

describe.each(['1.20.1', '1.21.4'])('honey on vanilla terrain (%s)', (version) => {
  const kb = createKnowledge(version);
  const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: overworldFor(kb, 'vanilla'), prime: false });

  it('plans a candle from nothing: shears, a bee nest found, its honeycomb harvested, string from a spider', () => {
    const plan = calls(planner.plan(item('candle'), blankObservation({})));
    expect(plan).toContain('explore bee_nest');
    expect(plan).toContain('harvestHoney honeycomb');
    expect(plan.indexOf('craftItem shears')).toBeLessThan(plan.indexOf('harvestHoney honeycomb'));
    expect(plan.at(-1)).toBe('craftItem candle');
  });

  it('plans honeycomb for a beehive, a honeycomb block and waxed copper; honey bottles for a honey block and from a bottle', () => {
    for (const name of ['beehive', 'honeycomb_block', 'waxed_copper_block', 'honeycomb']) {
      expect(calls(planner.plan(item(name), blankObservation({}))), name).toContain('harvestHoney honeycomb');
    }
    const bottle = calls(planner.plan(item('honey_bottle'), blankObservation({})));
    expect(bottle).toContain('craftItem glass_bottle');
    expect(bottle).toContain('harvestHoney honey_bottle');
    const block = planner.plan(item('honey_block'), blankObservation({}));
    expect(calls(block)).toContain('harvestHoney honey_bottle');
    expect(calls(block).at(-1)).toBe('craftItem honey_block');
  });

  it('harvests a nest in sight at once, and never refuses an item for want of honey', () => {
    const plan = calls(planner.plan(item('candle'), observationWith({ shears: 1, string: 1 }, { bee_nest: 6, grass_block: 1 })));
    expect(plan).toEqual(['harvestHoney honeycomb', 'craftItem candle']);
    for (const name of ['candle', 'honey_block', 'honeycomb', 'honey_bottle', 'beehive', 'honeycomb_block', 'waxed_copper_block', 'white_candle']) {
      const v = planner.plan(item(name), blankObservation({}));
      expect(v.kind === 'unplannable' ? v.reason : '', name).not.toMatch(/honey/);
    }
    expect(specialSource('honeycomb')).toBeUndefined();
    expect(specialSource('honey_bottle')).toBeUndefined();
  });

  it('takes sugar from sugar cane, cheaper than honey that takes a nest to fill', () => {
    expect(calls(planner.plan(item('sugar'), blankObservation({})))).not.toContain('harvestHoney honey_bottle');
  });
});

describe('what a harvest costs and gives', () => {
  const kb = createKnowledge('1.21.4');
  const model = new SkillModel(SKILLS, kb);

  it('gives whole nests: 3 honeycomb a nest (1 wanted still takes one nest), a bottle each', () => {
    expect(model.producers('honeycomb', 1).map((a) => [a.skill, Object.fromEntries(a.obtain), a.equip, a.facts])).toEqual([
      ['harvestHoney', { honeycomb: 3 }, ['shears'], ['bee_nest_nearby']],
    ]);
    const bottles = model.producers('honey_bottle', 4)[0]!;
    expect([Object.fromEntries(bottles.consume), Object.fromEntries(bottles.obtain), bottles.args.waitSeconds]).toEqual([{ glass_bottle: 4 }, { honey_bottle: 4 }, 2400]);
  });

  it('counts the wait for each nest to fill: about 7.5 minutes of the bees\' work', () => {
    expect(NEST_FILL_SECONDS).toBe(450);
    const one = skillSeconds(model.action('harvestHoney', { item: 'honeycomb', count: 3 })!, kb);
    const two = skillSeconds(model.action('harvestHoney', { item: 'honeycomb', count: 4 })!, kb);
    expect(one).toBeGreaterThanOrEqual(NEST_FILL_SECONDS);
    expect(two).toBeCloseTo(2 * one);
    expect(skillSeconds(model.action('harvestHoney', { item: 'honey_bottle', count: 4 })!, kb)).toBeCloseTo(4 * one);
    // The runner's bound covers the wait it is given.
    expect(typeof harvestHoney.timeoutMs === 'function' && harvestHoney.timeoutMs({ item: 'honey_bottle', count: 4, radius: 32, waitSeconds: 2400 }, kb)).toBeGreaterThan(2400_000);
  });

  it('bee nests are a rare find in vanilla and in the sandbox, which grows them on plains and forest trees', () => {
    expect(vanillaOverworld(kb).resources.get('bee_nest')?.findSeconds).toBeGreaterThan(0);
    expect(SANDBOX_OVERWORLD.resources.get('bee_nest')?.findSeconds).toBeGreaterThan(0);
  });

  it('without the skill registered, the refusal names harvestHoney', () => {
    const without = createSkillRegistry(SKILLS.filter((s) => s.name !== 'harvestHoney'));
    const p = createGraphPlanner({ skills: without, knowledge: kb, world: overworldFor(kb, 'vanilla'), prime: false });
    const v = p.plan(item('candle'), blankObservation({}));
    expect(v).toMatchObject({ kind: 'unplannable', missingSkill: 'harvestHoney' });
    expect(v.kind === 'unplannable' && v.reason).toMatch(/needs honeycomb, which needs the harvestHoney skill \(from a bee nest\)/);
  });
});
