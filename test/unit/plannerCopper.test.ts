import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { secondsToStage } from '../../src/knowledge/copper.ts';
import { specialSource } from '../../src/knowledge/specialSources.ts';
import { overworldFor } from '../../src/knowledge/vanillaOverworld.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { skillSeconds } from '../../src/planner/graph/costs.ts';
import { SkillModel } from '../../src/planner/graph/model.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import type { PlannerVerdict } from '../../src/planner/types.ts';
import { createSkillRegistry, SKILLS } from '../../skills/index.ts';
import { weatherCopper } from '../../skills/weatherCopper.ts';
import { observationWith } from '../helpers/planner.ts';

const item = (name: string, count = 1) => ({ kind: 'item' as const, items: [name], count });
// weatherCopper's subject is its stage, with the piece when it is not a plain block.
const subject = (args: Record<string, unknown>) => (typeof args.stage === 'string' ? [args.stage, args.block].filter((a) => a !== 'copper_block').join(' ')
  : [args.block, args.item, args.target].find((a): a is string => typeof a === 'string') ?? '');
const calls = (v: PlannerVerdict) => (v.kind === 'next' ? (v.plan ?? [v.decision]).map((d) => `${d.skill} ${subject(d.args)}`.trim()) : [`${v.kind}: ${v.kind === 'unplannable' ? v.reason : ''}`]);

describe.each(['1.20.1', '1.21.4'])('weathered copper on vanilla terrain (%s)', (version) => {
  const kb = createKnowledge(version);
  const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: overworldFor(kb, 'vanilla'), prime: false });

  it('plans exposed copper from nothing: copper ore smelted, a copper block crafted, set out to weather with a stone pickaxe at hand', () => {
    const plan = calls(planner.plan(item('exposed_copper'), blankObservation({})));
    expect(plan).toContain('mineBlock copper_ore');
    expect(plan.indexOf('craftItem copper_block')).toBeLessThan(plan.indexOf('weatherCopper exposed'));
    expect(plan.indexOf('craftItem stone_pickaxe')).toBeLessThan(plan.indexOf('weatherCopper exposed'));
    expect(plan.at(-1)).toBe('weatherCopper exposed');
  });

  it('crafts oxidized cut copper from 4 oxidized blocks, and waxes weathered copper with harvested honeycomb', () => {
    const cut = planner.plan(item('oxidized_cut_copper'), blankObservation({}));
    expect(calls(cut).slice(-2)).toEqual(['weatherCopper oxidized', 'craftItem oxidized_cut_copper']);
    const weathering = cut.kind === 'next' ? (cut.plan ?? []).find((d) => d.skill === 'weatherCopper') : undefined;
    expect(weathering?.args).toMatchObject({ stage: 'oxidized', count: 4 });
    const waxed = calls(planner.plan(item('waxed_weathered_copper'), blankObservation({})));
    expect(waxed).toContain('harvestHoney honeycomb');
    expect(waxed).toContain('weatherCopper weathered');
    expect(waxed.at(-1)).toBe('craftItem waxed_weathered_copper');
  });

  it('with copper blocks and a pickaxe at hand, only waits; never refuses a form that a recipe makes from weathered blocks', () => {
    expect(calls(planner.plan(item('weathered_copper', 2), observationWith({ copper_block: 2, stone_pickaxe: 1 }, { grass_block: 1 })))).toEqual(['weatherCopper weathered']);
    const forms = ['exposed_cut_copper', 'weathered_cut_copper_stairs', 'oxidized_cut_copper_slab', 'waxed_exposed_cut_copper'];
    if (version === '1.21.4') forms.push('oxidized_chiseled_copper', 'exposed_copper_grate', 'waxed_oxidized_copper_grate');
    for (const name of forms) {
      const v = planner.plan(item(name), blankObservation({}));
      expect(v.kind === 'unplannable' ? v.reason : 'planned', name).toBe('planned');
      expect(specialSource(name), name).toBeUndefined();
    }
    // A bulb still waits for the nether's blaze rods, not for the weather.
    if (version === '1.21.4') expect(calls(planner.plan(item('weathered_copper_bulb'), blankObservation({})))[0]).toMatch(/needs blaze_rod/);
  });
});

describe('what weathering costs and gives', () => {
  const kb = createKnowledge('1.21.4');
  const model = new SkillModel(SKILLS, kb);

  it('produces the three stages of plain copper blocks, one block set out per item, with a pickaxe held', () => {
    const a = model.producers('oxidized_copper', 3).find((p) => p.skill === 'weatherCopper');
    expect([a?.skill, Object.fromEntries(a!.consume), Object.fromEntries(a!.obtain), a?.equip.includes('stone_pickaxe'), a?.equip.includes('wooden_pickaxe')])
      .toEqual(['weatherCopper', { copper_block: 3 }, { oxidized_copper: 3 }, true, false]);
    expect(model.producers('oxidized_cut_copper', 1).filter((p) => p.skill === 'weatherCopper')).toEqual([]);
    expect(model.producers('copper_block', 1).filter((p) => p.skill === 'weatherCopper')).toEqual([]);
  });

  it('costs the mean game time to the stage (over an hour for oxidized), once for the blocks set out side by side', () => {
    const one = skillSeconds(model.action('weatherCopper', { stage: 'oxidized', count: 1, waitSeconds: 12_000 })!, kb);
    const four = skillSeconds(model.action('weatherCopper', { stage: 'oxidized', count: 4, waitSeconds: 12_000 })!, kb);
    expect(one).toBeGreaterThan(3600);
    expect(one).toBeGreaterThanOrEqual(secondsToStage('oxidized'));
    expect(four - one).toBeLessThan(60);
    expect(skillSeconds(model.action('weatherCopper', { stage: 'exposed', count: 1, waitSeconds: 4800 })!, kb)).toBeLessThan(one / 2);
    // The runner's bound covers the wait it is given.
    const timeout = weatherCopper.timeoutMs;
    expect(typeof timeout === 'function' && timeout({ stage: 'oxidized', block: 'copper_block', count: 4, waitSeconds: 12_000 }, kb)).toBeGreaterThan(12_000_000);
  });

  it('sets doors and trapdoors out for their weathered items, a door costing four times the wait, its plan waiting three times the mean', () => {
    const door = model.producers('weathered_copper_door', 2).find((p) => p.skill === 'weatherCopper');
    expect([Object.fromEntries(door!.consume), Object.fromEntries(door!.obtain), door?.equip.includes('wooden_pickaxe')])
      .toEqual([{ copper_door: 2 }, { weathered_copper_door: 2 }, false]);
    expect(door?.args).toEqual({ stage: 'weathered', block: 'copper_door', count: 2, waitSeconds: Math.ceil(3 * secondsToStage('weathered', 3, 'copper_door')) });
    const trap = model.producers('oxidized_copper_trapdoor', 1).find((p) => p.skill === 'weatherCopper');
    expect(Object.fromEntries(trap!.consume)).toEqual({ copper_trapdoor: 1 });
    const seconds = (block: string) => skillSeconds(model.action('weatherCopper', { stage: 'exposed', block, count: 1, waitSeconds: 4800 })!, kb);
    expect(seconds('copper_door') - 6).toBeCloseTo(4 * (seconds('copper_trapdoor') - 6));
    expect(seconds('copper_trapdoor')).toBeCloseTo(seconds('copper_block'));
    // Waxed doors are not left to weather: they come from a recipe.
    expect(model.producers('waxed_exposed_copper_door', 1).filter((p) => p.skill === 'weatherCopper')).toEqual([]);
  });
});

describe('weathered copper doors and trapdoors on vanilla terrain', () => {
  it('plans all twelve on 1.21.4: a crafted door or trapdoor set out to weather, waxed with honeycomb', () => {
    const kb = createKnowledge('1.21.4');
    const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: overworldFor(kb, 'vanilla'), prime: false });
    const door = calls(planner.plan(item('exposed_copper_door'), blankObservation({})));
    expect(door.indexOf('craftItem copper_door')).toBeLessThan(door.indexOf('weatherCopper exposed copper_door'));
    expect(door.at(-1)).toBe('weatherCopper exposed copper_door');
    const waxed = calls(planner.plan(item('waxed_oxidized_copper_trapdoor'), blankObservation({})));
    expect(waxed).toContain('harvestHoney honeycomb');
    expect(waxed.slice(-2)).toEqual(['weatherCopper oxidized copper_trapdoor', 'craftItem waxed_oxidized_copper_trapdoor']);
    for (const waxing of ['', 'waxed_']) {
      for (const stage of ['exposed', 'weathered', 'oxidized']) {
        for (const piece of ['door', 'trapdoor']) {
          const name = `${waxing}${stage}_copper_${piece}`;
          const v = planner.plan(item(name), blankObservation({}));
          expect(v.kind === 'unplannable' ? v.reason : 'planned', name).toBe('planned');
        }
      }
    }
  });

  it('refuses them on 1.20.4, whose doors are experimental only, saying they weather from 1.21', () => {
    const kb = createKnowledge('1.20.4');
    const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: overworldFor(kb, 'vanilla'), prime: false });
    expect(new SkillModel(SKILLS, kb).producers('exposed_copper_door', 1).filter((p) => p.skill === 'weatherCopper')).toEqual([]);
    expect(calls(planner.plan(item('oxidized_copper_trapdoor'), blankObservation({})))[0]).toMatch(/^unplannable: .*left to weather \(in 1\.21 and later; an experimental item before\)/);
  });
});
