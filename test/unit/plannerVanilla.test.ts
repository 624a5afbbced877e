import { describe, expect, it } from 'vitest';
import { SeenMemory } from '../../src/bot/seen.ts';
import { renderObservation } from '../../src/bot/render.ts';
import { createKnowledge, type Knowledge } from '../../src/knowledge/kb.ts';
import { overworldFor, vanillaOverworld, type Terrain } from '../../src/knowledge/vanillaOverworld.ts';
import { learnedNames, learnedWorld, SANDBOX_OVERWORLD } from '../../src/knowledge/world.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import type { PlannerVerdict } from '../../src/planner/types.ts';
import { createSkillRegistry } from '../../skills/index.ts';
import { observationWith } from '../helpers/planner.ts';

const skills = createSkillRegistry();
const kb = createKnowledge('1.20.1');
const plannerFor = (terrain: Terrain, k: Knowledge = kb) => createGraphPlanner({ skills, knowledge: k, world: overworldFor(k, terrain), prime: false });
const item = (name: string, count = 1) => ({ kind: 'item' as const, items: [name], count });
const subject = (args: Record<string, unknown>) => [args.block, args.item, args.target].find((a): a is string => typeof a === 'string') ?? '';
const calls = (v: PlannerVerdict) => (v.kind === 'next' ? (v.plan ?? [v.decision]).map((d) => `${d.skill} ${subject(d.args)}`.trim()) : [v.kind]);

// Scenes as the observation lists them (block type → distance of the nearest one).
const SPRUCE_FOREST = { spruce_log: 6, spruce_leaves: 4, podzol: 2, grass_block: 1, dirt: 1, stone: 5, fern: 3, large_fern: 7, sweet_berry_bush: 8, mossy_cobblestone: 14 };
const DESERT_VILLAGE = {
  sand: 1, sandstone: 3, cut_sandstone: 10, smooth_sandstone: 11, terracotta: 12, cactus: 9, dead_bush: 6, hay_block: 14, water: 20, stone: 8,
};

describe("vanilla's overworld, from the connected version's registry", () => {
  it('has every wood of the version and its names for grass', () => {
    const logs = (v: string) => [...vanillaOverworld(createKnowledge(v)).resources.keys()].filter((n) => n.endsWith('_log')).sort();
    expect(logs('1.20.1')).toEqual(['acacia_log', 'birch_log', 'cherry_log', 'dark_oak_log', 'jungle_log', 'mangrove_log', 'oak_log', 'spruce_log']);
    expect(logs('1.21.4')).toContain('pale_oak_log');
    expect(vanillaOverworld(kb).resources.has('grass')).toBe(true);
    expect(vanillaOverworld(kb).resources.has('short_grass')).toBe(false);
    const v1214 = vanillaOverworld(createKnowledge('1.21.4'));
    expect([v1214.resources.has('grass'), v1214.resources.has('short_grass')]).toEqual([false, true]);
    expect(vanillaOverworld(kb).mobs.map((m) => m.mob)).toEqual(expect.arrayContaining(['cow', 'sheep', 'spider']));
  });

  it("is the planner's on a server; the sandbox keeps its own narrower model", () => {
    expect(overworldFor(kb, 'sandbox')).toBe(SANDBOX_OVERWORLD);
    expect(overworldFor(kb, 'vanilla').name).toBe('vanilla overworld 1.20.1');
    // Nothing the sandbox's model holds costs extra to find, so what the bot sees never changes it.
    expect(learnedNames(SANDBOX_OVERWORLD, ['spruce_log', 'oak_log', 'sand'])).toEqual([]);
    expect(learnedWorld(SANDBOX_OVERWORLD, ['spruce_log'])).toBe(SANDBOX_OVERWORLD);
  });

  it('never refuses what vanilla terrain gives on a server (the sandbox model cannot plan them)', () => {
    const vanillaOnly = ['red_sandstone', 'cactus', 'bamboo', 'pumpkin', 'snowball', 'emerald', 'amethyst_shard', 'jungle_planks', 'cherry_planks', 'mangrove_planks', 'string', 'melon_slice', 'dark_oak_planks', 'obsidian', 'kelp', 'rotten_flesh', 'spider_eye', 'carrot', 'baked_potato', 'cocoa_beans'];
    const server = plannerFor('vanilla');
    const sandbox = plannerFor('sandbox');
    for (const name of vanillaOnly) {
      expect(server.plan(item(name), blankObservation({})).kind, name).toBe('next');
      expect(sandbox.plan(item(name), blankObservation({})).kind, name).toBe('unplannable');
    }
    // Blocks that have a recipe and generate too are mined as found; wheat comes from a village's hay bales.
    for (const name of ['granite', 'diorite', 'andesite', 'sandstone', 'hay_block', 'wheat', 'bread', 'oak_sapling', 'spruce_sapling', 'iron_nugget', 'chain', 'iron_block', 'copper_block']) {
      expect(server.plan(item(name), blankObservation({})).kind, name).toBe('next');
    }
    // Where the first recipe's ingredient cannot be had (beetroot, honey), another recipe is planned; bone
    // meal comes from a skeleton's bones, met any night.
    const first = (name: string) => calls(server.plan(item(name), blankObservation({})))[0];
    expect([first('white_dye'), first('red_dye'), first('sugar')]).toEqual(['explore skeleton', 'explore poppy', 'explore sugar_cane']);
    // Without silk touch these give nothing, in vanilla as here.
    expect(server.plan(item('packed_ice'), blankObservation({})).kind).toBe('unplannable');
  });
});

describe('planning with what this world has', () => {
  it('in a spruce forest uses spruce for everything and never goes looking for oak', () => {
    const plan = calls(plannerFor('vanilla').plan(item('glass'), observationWith({}, SPRUCE_FOREST)));
    expect(plan[0]).toBe('mineBlock spruce_log');
    expect(plan.filter((c) => /oak/.test(c))).toEqual([]);
    expect(plan).toContain('smeltItem glass');
    // The sandbox model knows no spruce beyond what is in sight, and fetches oak for the rest.
    expect(calls(plannerFor('sandbox').plan(item('glass'), observationWith({}, SPRUCE_FOREST)))).toContain('explore oak_log');
  });

  it('in a desert village takes sticks from dead bushes and sand from under its feet', () => {
    const planner = plannerFor('vanilla');
    expect(calls(planner.plan(item('wooden_pickaxe'), observationWith({}, DESERT_VILLAGE)))[0]).toBe('mineBlock dead_bush');
    const glass = calls(planner.plan(item('glass'), observationWith({}, DESERT_VILLAGE)));
    expect(glass).toContain('mineBlock sand');
    expect(glass).not.toContain('explore sand');
  });

  it('looks for the wood it has seen here before one it has not', () => {
    const planner = plannerFor('vanilla');
    const obs = observationWith({}, { grass_block: 1, stone: 5, sand: 9 });
    expect(calls(planner.plan(item('wooden_pickaxe'), obs))[0]).toBe('explore oak_log');
    obs.seen = [{ name: 'acacia_log', at: { x: 60, y: 70, z: 5 }, distance: 60 }];
    expect(calls(planner.plan(item('wooden_pickaxe'), obs)).slice(0, 3)).toEqual(['explore acacia_log', 'mineBlock acacia_log', 'craftItem acacia_planks']);
  });
});

describe('using a station in reach before walking away', () => {
  it('smelts by the furnace it placed deep down before it climbs for a log for the last table', () => {
    // Seen in a run on the vanilla 1.20.2 save: the bot climbed first, its pickaxes broke, and it made a second furnace.
    const deep = observationWith({ raw_iron: 3, coal: 1, stick: 2, stone_pickaxe: 1, cobblestone: 20 }, { furnace: 2, stone: 1, deepslate: 3 }, 37);
    for (const terrain of ['vanilla', 'sandbox'] as const) {
      const plan = calls(plannerFor(terrain).plan(item('iron_pickaxe'), deep));
      expect(plan[0]).toBe('smeltItem iron_ingot');
      expect(plan.filter((c) => /furnace/.test(c))).toEqual([]);
      expect(plan.at(-1)).toBe('craftItem iron_pickaxe');
    }
  });

  it('smelts first when the log for the last table is up at the surface, even in sight (the bot at y 41)', () => {
    // Seen on sandbox 1.21.4: it went up for the log, lost its way back, and made a second furnace up there.
    const obs = observationWith({ raw_iron: 3, coal: 1, stick: 2, oak_planks: 1, stone_pickaxe: 1, cobblestone: 129 }, { furnace: 1, stone: 1, iron_ore: 1, coal_ore: 3, crafting_table: 14, oak_log: 27 }, 41);
    const plan = calls(plannerFor('sandbox').plan(item('iron_pickaxe'), obs));
    expect(plan[0]).toBe('smeltItem iron_ingot');
    expect(plan).toContain('mineBlock oak_log');
    expect(plan.filter((c) => /furnace/.test(c))).toEqual([]);
  });

  it('beside a table, with nothing to walk away for, plans as before: the furnace first, then the smelt', () => {
    const plan = calls(plannerFor('sandbox').plan(item('iron_pickaxe'), observationWith({ raw_iron: 3, coal: 1, stick: 2, cobblestone: 8 }, { crafting_table: 2, oak_log: 5, stone: 3 })));
    expect(plan).toEqual(['craftItem furnace', 'placeFurnace', 'smeltItem iron_ingot', 'craftItem iron_pickaxe']);
  });
});

describe('what the bot has seen this session', () => {
  it('remembers where each block type was seen last and lists those out of sight, nearest first', () => {
    const seen = new SeenMemory();
    const here = observationWith({}, { acacia_log: 10, sand: 3 });
    seen.record(here);
    const later = { ...observationWith({}, { sand: 2 }), position: { x: 100, y: 70, z: 0 } };
    seen.record(later);
    expect(seen.outOfSight(later)).toEqual([{ name: 'acacia_log', at: { x: 10, y: 70, z: 0 }, distance: 90 }]);
    expect(seen.names('overworld').sort()).toEqual(['acacia_log', 'sand']);
    expect(seen.outOfSight({ ...later, dimension: 'the_nether' })).toEqual([]);
    later.seen = seen.outOfSight(later);
    expect(renderObservation(later)).toContain('Seen earlier, out of sight now (distance, at): acacia_log 90 10,70,0.');
    expect(renderObservation(here)).not.toContain('Seen earlier');
  });
});
