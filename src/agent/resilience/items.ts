// Which carried items a run may give up (dropped when the inventory is full, placed as scaffolding
// to climb out of a pit) and which it must keep: the goal's, and everything the plan uses or makes.
import type { Knowledge } from '../../knowledge/kb.ts';
import type { Decision } from '../../planner/types.ts';
import type { SkillRegistry } from '../../skills/define.ts';
import type { Goal } from '../../tasks/goal/goal.ts';

/** Items never given up during this step: the goal's, and what the plan's steps consume, require, hold or obtain. */
export function keptItems(goal: Goal, plan: readonly Decision[], skills: SkillRegistry, kb: Knowledge): Set<string> {
  const kept = new Set<string>();
  if (goal.kind === 'item') goal.items.forEach((i) => kept.add(i));
  if (goal.kind === 'items') Object.keys(goal.counts).forEach((i) => kept.add(i));
  if (goal.kind === 'placed') kept.add(goal.block);
  for (const d of plan) {
    const skill = skills.get(d.skill);
    const parsed = skill?.params.safeParse(d.args);
    if (!skill || !parsed?.success) continue;
    const pre = skill.preconditions(parsed.data, kb);
    const eff = skill.effects(parsed.data, kb);
    for (const name of [...Object.keys(pre.consume ?? {}), ...Object.keys(pre.require ?? {}), ...(pre.equip ?? []), ...Object.keys(eff.obtain ?? {})]) kept.add(name);
    // Arguments name items too (craftItem's item, smeltItem's input and fuel, placeBlock's block).
    for (const v of Object.values(d.args)) if (typeof v === 'string' && kb.isItem(v)) kept.add(v);
  }
  return kept;
}

/** Blocks a survival player digs through by the stack and rarely needs: dropped first, and fit to pillar with. */
export const THROWAWAY_BLOCKS: readonly string[] = [
  'dirt', 'coarse_dirt', 'rooted_dirt', 'grass_block', 'cobblestone', 'cobbled_deepslate', 'netherrack', 'andesite', 'diorite',
  'granite', 'tuff', 'calcite', 'stone', 'deepslate', 'blackstone', 'basalt', 'end_stone', 'sandstone', 'mud',
];
const THROWAWAY = new Set(THROWAWAY_BLOCKS);
const JUNK = new Set(['gravel', 'sand', 'red_sand', 'rotten_flesh', 'poisonous_potato', 'spider_eye', 'wheat_seeds', 'beetroot_seeds', 'dead_bush', 'flint', 'clay_ball', 'kelp', 'seagrass']);
const TOOL = /_(pickaxe|axe|shovel|hoe|sword|helmet|chestplate|leggings|boots)$|^(shears|bow|crossbow|shield|flint_and_steel|bucket|water_bucket|lava_bucket|fishing_rod|trident)$/;
const VALUABLE = /_ingot$|_nugget$|^raw_|_ore$|^(diamond|emerald|coal|charcoal|redstone|lapis_lazuli|quartz|netherite_scrap|ancient_debris|obsidian)$/;
const MATERIAL = /_log$|_planks$|_wood$|_stem$|^(stick|crafting_table|furnace|chest|barrel|torch|string|leather|feather|bone|wool|white_wool|iron_block|gold_block)$/;

/** 0 (dropped first) to 9 (dropped last): junk, throwaway blocks, other, food, materials, valuables, tools. */
export function usefulness(name: string, kb: Knowledge, isFood: (name: string) => boolean): number {
  if (JUNK.has(name)) return 0;
  if (THROWAWAY.has(name)) return 1;
  if (TOOL.test(name)) return 9;
  if (VALUABLE.test(name)) return 8;
  if (MATERIAL.test(name)) return 6;
  if (isFood(name)) return 5;
  return kb.isBlock(name) ? 2 : 3;
}

export interface CarriedStack {
  slot: number;
  name: string;
  count: number;
}

/**
 * The stacks to give up so that `free` slots are empty, least useful first (then the item with the
 * most stacks, then the smallest stack); never a kept item. Fewer when not enough can go.
 */
export function stacksToDrop(stacks: readonly CarriedStack[], freeNow: number, free: number, kept: ReadonlySet<string>, score: (name: string) => number): CarriedStack[] {
  const need = free - freeNow;
  if (need <= 0) return [];
  const perName = new Map<string, number>();
  for (const s of stacks) perName.set(s.name, (perName.get(s.name) ?? 0) + 1);
  const candidates = stacks
    .filter((s) => !kept.has(s.name))
    .sort((a, b) => score(a.name) - score(b.name) || perName.get(b.name)! - perName.get(a.name)! || a.count - b.count || a.slot - b.slot);
  return candidates.slice(0, need);
}

/** Carried blocks the pathfinder may place to climb or bridge out of a pit: throwaway blocks not kept. */
export function scaffoldingItems(carried: readonly string[], kept: ReadonlySet<string>): string[] {
  return [...new Set(carried)].filter((n) => THROWAWAY.has(n) && !kept.has(n));
}
