import { describe, expect, it } from 'vitest';
import { createKnowledge, type Knowledge } from '../../src/knowledge/kb.ts';
import { smeltRecipeFor } from '../../src/knowledge/smelting.ts';
import { specialSource } from '../../src/knowledge/specialSources.ts';
import { survivalUnobtainable } from '../../src/knowledge/unobtainable.ts';
import { overworldFor } from '../../src/knowledge/vanillaOverworld.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import type { PlannerVerdict } from '../../src/planner/types.ts';
import { createSkillRegistry } from '../../skills/index.ts';

const skills = createSkillRegistry();
const kb = createKnowledge('1.20.1');
const kb1214 = createKnowledge('1.21.4');
const serverPlanner = (k: Knowledge) => createGraphPlanner({ skills, knowledge: k, world: overworldFor(k, 'vanilla'), prime: false });
const item = (name: string) => ({ kind: 'item' as const, items: [name], count: 1 });
const reason = (v: PlannerVerdict) => (v.kind === 'unplannable' ? v.reason : v.kind);

describe('what no survival player can have', () => {
  it('is refused at once, saying why, and never searched for', () => {
    const planner = serverPlanner(kb);
    expect(reason(planner.plan(item('bedrock'), blankObservation({})))).toBe('bedrock cannot be obtained in survival: a block that never drops itself, not even with Silk Touch');
    expect(reason(planner.plan(item('zombie_spawn_egg'), blankObservation({})))).toMatch(/zombie_spawn_egg cannot be obtained in survival: a spawn egg/);
    expect(reason(planner.plan(item('infested_stone'), blankObservation({})))).toMatch(/cannot be obtained in survival: an infested block/);
    // Either of two items is fine when one can be had.
    expect(planner.plan({ kind: 'item', items: ['bedrock', 'cobblestone'], count: 1 }, blankObservation({})).kind).toBe('next');
  });

  it("follows the version: the bundle is craftable from 1.21.2 on", () => {
    expect(survivalUnobtainable('bundle', kb.registry)).toMatch(/experimental/);
    expect(survivalUnobtainable('bundle', kb1214.registry)).toBeUndefined();
    expect(serverPlanner(kb1214).plan(item('bundle'), blankObservation({})).kind).toBe('next');
    // Everything else a survival player can hold is not on the list.
    for (const name of ['cobblestone', 'diamond_pickaxe', 'grass_block', 'netherite_ingot', 'elytra', 'dragon_egg']) expect(survivalUnobtainable(name, kb.registry), name).toBeUndefined();
  });
});

describe('refusals name what is really missing', () => {
  it('follows the recipe down to the ingredient no skill gives, not a placed block no world has', () => {
    const planner = serverPlanner(kb);
    // A candle (also what a candle cake drops, which no world generates) is harvested honeycomb now.
    expect(planner.plan(item('candle'), blankObservation({})).kind).toBe('next');
    expect(reason(planner.plan(item('creeper_banner_pattern'), blankObservation({})))).toMatch(/^needs creeper_head, which only the mob it belongs to, killed by a charged creeper gives/);
    expect(reason(planner.plan(item('grass_block'), blankObservation({})))).toMatch(/Silk Touch/);
    // Oxidized copper is weathered copper blocks now; a weathered door is a door left out, from 1.21 (experimental before).
    expect(planner.plan(item('oxidized_copper'), blankObservation({})).kind).toBe('next');
    expect(serverPlanner(kb1214).plan(item('exposed_copper_door'), blankObservation({})).kind).toBe('next');
    expect(reason(serverPlanner(createKnowledge('1.20.4')).plan(item('exposed_copper_door'), blankObservation({})))).toMatch(/copper door or trapdoor left to weather \(in 1\.21 and later/);
    expect(reason(planner.plan(item('purpur_block'), blankObservation({})))).toMatch(/\(the end\)$/);
    expect(reason(planner.plan(item('white_shulker_box'), blankObservation({})))).toMatch(/\(the end\)$/);
  });

  it('names special sources for items only, not for blocks to be found', () => {
    expect(specialSource('diamond_ore')).toMatch(/Silk Touch/);
    expect(specialSource('diamond')).toBeUndefined();
    // The block to dig for is still found by digging (plannerGraph tests the refusal for a world without it).
    expect(serverPlanner(kb).plan(item('diamond'), blankObservation({})).kind).toBe('next');
  });
});

describe('more of what vanilla gives, planned', () => {
  it("smelts what vanilla's furnaces smelt, with the names of the connected version", () => {
    const planner = serverPlanner(kb);
    for (const name of ['white_glazed_terracotta', 'smooth_red_sandstone', 'cracked_deepslate_tiles', 'smooth_basalt', 'lime_dye']) {
      expect(planner.plan(item(name), blankObservation({})).kind, name).toBe('next');
    }
    expect(kb.smeltRecipesMaking('resin_brick')).toEqual([]);
    expect(kb1214.smeltRecipesMaking('resin_brick').map((r) => r.input)).toEqual(['resin_clump']);
  });

  it('melts worn gear into nuggets in a furnace, but never plans an ingot by first making a tool of ingots', () => {
    expect(smeltRecipeFor('iron_pickaxe', 'blast_furnace')?.output).toBe('iron_nugget');
    expect(smeltRecipeFor('golden_helmet')?.output).toBe('gold_nugget');
    expect(kb.smeltRecipesMaking('iron_nugget')).toEqual([]);
  });

  it('crafts from an ingredient that has another recipe (chiseled sandstone from slabs of sandstone)', () => {
    expect(serverPlanner(kb).plan(item('chiseled_sandstone'), blankObservation({})).kind).toBe('next');
  });

  it("finds what vanilla's biomes and caves have: reefs, lush caves, geodes, fossils", () => {
    const planner = serverPlanner(kb);
    for (const name of ['dead_tube_coral_block', 'sea_pickle', 'rooted_dirt', 'big_dripleaf', 'bone_block', 'bone_meal', 'prismarine_crystals']) {
      expect(planner.plan(item(name), blankObservation({})).kind, name).toBe('next');
    }
  });
});

describe('nothing vanilla generates is refused as missing from the world', () => {
  it('mines stingy drops when nothing gives more: an apple from oak leaves, a jungle sapling, a poisonous potato', () => {
    const planner = serverPlanner(kb);
    const mined = (name: string) => {
      const v = planner.plan(item(name), blankObservation({}));
      return v.kind === 'next' ? (v.plan ?? [v.decision]).filter((d) => d.skill === 'mineBlock').map((d) => `${String(d.args.block)}/${typeof d.args.item === 'string' ? d.args.item : ''}`) : [reason(v)];
    };
    expect(mined('apple')).toEqual([expect.stringMatching(/^(dark_)?oak_leaves\/apple$/)]);
    expect(mined('jungle_sapling')).toEqual(['jungle_leaves/jungle_sapling']);
    expect(mined('poisonous_potato')).toEqual(['potatoes/poisonous_potato']);
    // A sapling is planted by players, never generated: its leaves are the source, not the block.
    expect(mined('oak_sapling')).toEqual([expect.stringMatching(/^oak_leaves\//)]);
    // Sticks still come from planks (or dead bushes), never from 50 leaves each.
    expect(mined('stick').every((m) => !m.includes('leaves'))).toBe(true);
  });

  it('finds glow berries on cave vines, propagules under mangroves and, on 1.21.4, the pale garden', () => {
    expect(kb.expectedDrops('cave_vines', null)).toEqual({ glow_berries: 1 });
    for (const name of ['glow_berries', 'mangrove_propagule', 'golden_apple']) expect(serverPlanner(kb).plan(item(name), blankObservation({})).kind, name).toBe('next');
    for (const name of ['pale_moss_carpet', 'pale_hanging_moss', 'open_eyeblossom', 'resin_clump', 'resin_brick']) {
      expect(serverPlanner(kb1214).plan(item(name), blankObservation({})).kind, name).toBe('next');
    }
  });

  it('says which mechanic the rest needs (trial chambers, smithing, the end), or that Java never drops it', () => {
    const planner = serverPlanner(kb1214);
    expect(reason(planner.plan(item('heavy_core'), blankObservation({})))).toMatch(/ominous vaults in trial chambers/);
    expect(reason(planner.plan(item('netherite_pickaxe'), blankObservation({})))).toMatch(/smithing table .*\(nether\)/);
    // Dyeing is a recipe (src/knowledge/recipePatches.ts); the box itself needs shells from the end.
    expect(reason(planner.plan(item('red_shulker_box'), blankObservation({})))).toMatch(/^needs shulker_shell, .*\(the end\)$/);
    expect(reason(planner.plan(item('tall_grass'), blankObservation({})))).toMatch(/cannot be obtained in survival: a tall plant/);
  });
});

describe("the skill graph's costs", () => {
  it('price every item of a version in one pass although the graph has cycles (an axe of planks for stripped logs for planks)', () => {
    // Recursion cut at each cycle caches nothing inside one and took minutes here; the fixed point takes well under a second.
    const planner = createGraphPlanner({ skills, knowledge: kb1214, world: overworldFor(kb1214, 'vanilla'), prime: false });
    const reachable = planner.prime();
    expect(reachable).toBeGreaterThan(700);
  });
});
