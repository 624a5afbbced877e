// Fixture skills for planner unit tests: pure data (conditions, effects, producers), never run.
// They follow the real skills' conventions: `<block>_nearby` facts, `#group` ingredients, `#fuel` in
// smelts, crafting_table_nearby / furnace_nearby stations.
import { z } from 'zod';
import type { Observation } from '../../src/bot/observation.ts';
import type { Knowledge } from '../../src/knowledge/kb.ts';
import { craftShapes, type CraftShape } from '../../src/actions/crafting/recipes.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import { defineSkill } from '../../src/skills/define.ts';
import type { AnySkill } from '../../src/skills/types.ts';

const notRun = (): Promise<never> => Promise.reject(new Error('fixture skills are data for the planner; they never run'));

/** What mining each block gives (item → the blocks that drop it), a small world. */
const MINED: Readonly<Record<string, readonly string[]>> = {
  oak_log: ['oak_log'], birch_log: ['birch_log'], cobblestone: ['stone'], raw_iron: ['iron_ore'], coal: ['coal_ore'],
  diamond: ['diamond_ore'], emerald: ['emerald_ore'], sand: ['sand'],
};

function toolsFor(kb: Knowledge, block: string): string[] {
  const req = kb.harvestRequirement(block);
  if (!req) return [];
  return kb.registry.itemsArray.map((i) => i.name).filter((n) => kb.canHarvest(block, n));
}

export const fxExplore = defineSkill({
  name: 'explore',
  summary: 'fixture: find a block.',
  params: z.object({ target: z.string() }),
  preconditions: () => ({}),
  effects: ({ target }) => ({ facts: [`${target}_nearby`] }),
  producers: (fact, _n, kb) => {
    const m = /^(.+)_nearby$/.exec(fact);
    return m && kb.isBlock(m[1]!) ? [{ target: m[1]! }] : [];
  },
  timeoutMs: 1000,
  run: notRun,
});

export const fxMine = defineSkill({
  name: 'mineBlock',
  summary: 'fixture: mine blocks for their drop.',
  params: z.object({ block: z.string(), count: z.number().int().min(1) }),
  preconditions: ({ block }, kb) => {
    const tools = toolsFor(kb, block);
    return { ...(tools.length ? { equip: tools } : {}), facts: [`${block}_nearby`] };
  },
  effects: ({ block, count }) => ({ obtain: { [Object.keys(MINED).find((i) => MINED[i]!.includes(block)) ?? block]: count } }),
  producers: (target, count) => (MINED[target] ?? []).map((block) => ({ block, count })),
  timeoutMs: 1000,
  run: notRun,
});

/** Whether a shape makes its item from another item of the same kind (`white_bed` from `black_bed`). */
function recolours(shape: CraftShape, kb: Knowledge): boolean {
  const kind = (name: string) => name.slice(name.lastIndexOf('_') + 1);
  return shape.ingredients.some((ing) => ing.ids.some((id) => {
    const name = kb.itemName(id) ?? '';
    return name !== shape.item && kind(name) === kind(shape.item);
  }));
}

export const fxCraft = defineSkill({
  name: 'craftItem',
  summary: 'fixture: craft with one of the recipes of src/skills/recipes.ts.',
  params: z.object({ item: z.string(), count: z.number().int().min(1), recipe: z.number().int().min(0).default(0) }),
  preconditions: ({ item, count, recipe }, kb) => {
    const r = craftShapes(kb, item)[recipe];
    if (!r) return {};
    const crafts = Math.ceil(count / r.outCount);
    const consume: Record<string, number> = {};
    for (const ing of r.ingredients) consume[ing.name] = (consume[ing.name] ?? 0) + ing.perCraft * crafts;
    return { consume, ...(r.requiresTable ? { facts: ['crafting_table_nearby'] } : {}) };
  },
  effects: ({ item, count, recipe }, kb) => {
    const r = craftShapes(kb, item)[recipe];
    return r ? { obtain: { [item]: Math.ceil(count / r.outCount) * r.outCount } } : {};
  },
  // Every recipe is an option (iron ingots from nuggets, or smelted) but recolouring one of a kind
  // into another (a white bed from a black one): sixteen colours of those make the search explode.
  producers: (target, count, kb) => craftShapes(kb, target).flatMap((s, recipe) => (recolours(s, kb) ? [] : [{ item: target, count, recipe }])),
  timeoutMs: 1000,
  run: notRun,
});

export const fxSmelt = defineSkill({
  name: 'smeltItem',
  summary: 'fixture: smelt.',
  params: z.object({ item: z.string(), count: z.number().int().min(1) }),
  preconditions: ({ item, count }, kb) => {
    const input = kb.smeltRecipesMaking(item)[0]?.input;
    return { consume: { ...(input ? { [input]: count } : {}), '#fuel': count }, facts: ['furnace_nearby'] };
  },
  effects: ({ item, count }) => ({ obtain: { [item]: count } }),
  producers: (target, count, kb) => (kb.smeltRecipesMaking(target).length > 0 ? [{ item: target, count }] : []),
  timeoutMs: 1000,
  run: notRun,
});

const placer = (name: string, item: string) => defineSkill({
  name,
  summary: `fixture: place a ${item}.`,
  params: z.object({}),
  preconditions: () => ({ consume: { [item]: 1 } }),
  effects: () => ({ facts: [`${item}_nearby`] }),
  producers: (target) => (target === `${item}_nearby` ? [{}] : []),
  timeoutMs: 1000,
  run: notRun,
});
export const fxPlaceTable = placer('placeCraftingTable', 'crafting_table');
export const fxPlaceFurnace = placer('placeFurnace', 'furnace');

export const fxDig = defineSkill({
  name: 'digToLevel',
  summary: 'fixture: dig a staircase to a height.',
  params: z.object({ y: z.number().int() }),
  preconditions: () => ({ equip: ['wooden_pickaxe', 'stone_pickaxe', 'iron_pickaxe', 'diamond_pickaxe'] }),
  effects: () => ({}),
  timeoutMs: 1000,
  run: notRun,
});

export const fxGoTo = defineSkill({
  name: 'goTo',
  summary: 'fixture: walk to a block.',
  params: z.object({ block: z.string(), range: z.number().optional() }),
  preconditions: ({ block }) => ({ facts: [`${block}_nearby`] }),
  effects: () => ({}),
  timeoutMs: 1000,
  run: notRun,
});

export const FIXTURE_SKILLS: readonly AnySkill[] = [fxExplore, fxMine, fxCraft, fxSmelt, fxPlaceTable, fxPlaceFurnace, fxDig, fxGoTo];

/** An observation with some blocks in sight: name → distance. */
export function observationWith(inventory: Record<string, number>, blocks: Record<string, number> = {}, y = 70): Observation {
  const obs = blankObservation(inventory, y);
  obs.blocks = Object.entries(blocks).map(([name, d]) => ({ name, count: 1, nearest: d, at: { x: Math.round(d), y, z: 0 } }));
  const station = (name: string) => {
    const d = blocks[name];
    if (d === undefined) return null;
    // On the flat ground of these fixtures a station up to 12 blocks away is a short walk.
    const access = d <= 4.5 ? 'reach' as const : d <= 12 ? 'walk' as const : 'far' as const;
    return { at: { x: Math.round(d), y, z: 0 }, distance: d, inReach: access === 'reach', access };
  };
  obs.stations = { craftingTable: station('crafting_table'), furnace: station('furnace') };
  return obs;
}
