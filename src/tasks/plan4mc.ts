// The Plan4MC 40-task suite (Yuan et al., arXiv 2303.16563; envs/hard_task_conf.yaml), as task text
// our parser reads, with the initial inventories. "log" there is oak_log here (the sandbox's trees).

import type { Knowledge } from '../knowledge/kb.ts';
import type { Goal } from './goal/goal.ts';
import { parseTask } from './parse.ts';

export type Plan4mcGroup = 'cut-trees' | 'mine-stones' | 'interact-mobs' | 'mine-ores';

export interface Plan4mcTask {
  id: number;
  name: string;
  group: Plan4mcGroup;
  /** Plan4MC's biome, mapped to a sandbox preset. */
  preset: 'plains' | 'forest' | 'extreme_hills' | 'forest_hills';
  task: string;
  inventory: Readonly<Record<string, number>>;
  /** MineDojo steps (20 per game second). */
  maxSteps: number;
}

type Row = [id: number, name: string, preset: Plan4mcTask['preset'], task: string, inventory: Record<string, number>, maxSteps: number];

const LOGS = { oak_log: 10 };
const WOODEN_PICKAXE = { wooden_pickaxe: 1 };
const STONE_PICKAXE = { stone_pickaxe: 1 };

const ROWS: readonly Row[] = [
  [1, 'craft_stick', 'plains', 'craft a stick', {}, 3000],
  [2, 'place_crafting_table_nearby', 'plains', 'crafting_table nearby', {}, 3000],
  [3, 'craft_bowl', 'forest', 'craft a bowl', {}, 3000],
  [4, 'craft_chest', 'forest', 'craft a chest', {}, 3000],
  [5, 'craft_trapdoor', 'forest', 'craft an oak trapdoor', {}, 3000],
  [6, 'craft_sign', 'forest', 'craft an oak sign', {}, 3000],
  [7, 'craft_wooden_pickaxe', 'forest', 'craft a wooden pickaxe', {}, 3000],
  [8, 'craft_wooden_axe', 'forest', 'craft a wooden axe', {}, 3000],
  [9, 'craft_wooden_sword', 'forest', 'craft a wooden sword', {}, 3000],
  [10, 'craft_wooden_shovel', 'forest', 'craft a wooden shovel', {}, 3000],
  [11, 'place_furnace_nearby_with_logs', 'extreme_hills', 'place a furnace', LOGS, 5000],
  // Minecraft 1.11's `stone_stairs` is the cobblestone stairs, and its `stone_slab` item covers the
  // cobblestone slab too (a variant); 1.13 renamed them. The targets keep Plan4MC's meaning.
  [12, 'craft_stone_stairs_with_logs', 'extreme_hills', 'craft cobblestone stairs', LOGS, 5000],
  [13, 'craft_stone_slab_with_logs', 'extreme_hills', 'craft a stone slab or a cobblestone slab', LOGS, 3000],
  [14, 'craft_cobblestone_wall_with_logs', 'extreme_hills', 'craft a cobblestone wall', LOGS, 5000],
  [15, 'craft_torch_with_logs', 'extreme_hills', 'craft a torch', LOGS, 5000],
  [16, 'craft_lever_with_wooden_pickaxe', 'forest_hills', 'craft a lever', WOODEN_PICKAXE, 5000],
  [17, 'craft_stone_pickaxe_with_wooden_pickaxe', 'forest_hills', 'craft a stone pickaxe', WOODEN_PICKAXE, 10000],
  [18, 'craft_stone_axe_with_wooden_pickaxe', 'forest_hills', 'craft a stone axe', WOODEN_PICKAXE, 10000],
  [19, 'craft_stone_sword_with_wooden_pickaxe', 'forest_hills', 'craft a stone sword', WOODEN_PICKAXE, 10000],
  [20, 'craft_stone_shovel_with_wooden_pickaxe', 'forest_hills', 'craft a stone shovel', WOODEN_PICKAXE, 10000],
  [21, 'harvest_milk_with_crafting_table_and_iron_ingot', 'plains', 'harvest milk', { crafting_table: 1, iron_ingot: 3 }, 3000],
  [22, 'harvest_wool_with_crafting_table_and_iron_ingot', 'plains', 'harvest wool', { crafting_table: 1, iron_ingot: 2 }, 3000],
  [23, 'craft_bed_with_crafting_table_and_shears', 'plains', 'craft a bed', { crafting_table: 1, shears: 1 }, 10000],
  [24, 'craft_painting_with_crafting_table_and_shears', 'plains', 'craft a painting', { crafting_table: 1, shears: 1 }, 10000],
  [25, 'craft_carpet_with_shears', 'plains', 'craft a carpet', { shears: 1 }, 3000],
  [26, 'craft_item_frame_with_crafting_table_and_diamond_sword', 'plains', 'craft an item frame', { crafting_table: 1, diamond_sword: 1 }, 10000],
  [27, 'harvest_beef_with_diamond_sword', 'plains', 'harvest beef', { diamond_sword: 1 }, 3000],
  [28, 'harvest_cooked_beef_with_furnace_and_diamond_sword', 'plains', 'cook beef', { furnace: 1, diamond_sword: 1 }, 10000],
  [29, 'harvest_mutton_with_diamond_sword', 'plains', 'harvest mutton', { diamond_sword: 1 }, 3000],
  [30, 'harvest_cooked_mutton_with_furnace_and_diamond_sword', 'plains', 'cook mutton', { furnace: 1, diamond_sword: 1 }, 10000],
  [31, 'craft_iron_ingot_with_stone_pickaxe', 'forest', 'smelt iron', STONE_PICKAXE, 3000],
  [32, 'craft_shears_with_stone_pickaxe', 'forest', 'craft shears', STONE_PICKAXE, 5000],
  [33, 'craft_bucket_with_stone_pickaxe', 'forest', 'craft a bucket', STONE_PICKAXE, 5000],
  [34, 'craft_iron_pickaxe_with_stone_pickaxe', 'forest', 'craft an iron pickaxe', STONE_PICKAXE, 8000],
  [35, 'craft_iron_sword_with_stone_pickaxe', 'forest', 'craft an iron sword', STONE_PICKAXE, 8000],
  [36, 'craft_tripwire_hook_with_stone_pickaxe', 'forest', 'craft a tripwire hook', STONE_PICKAXE, 5000],
  [37, 'craft_heavy_weighted_pressure_plate_with_stone_pickaxe', 'forest', 'craft a heavy weighted pressure plate', STONE_PICKAXE, 5000],
  [38, 'craft_minecart_with_stone_pickaxe', 'forest', 'craft a minecart', STONE_PICKAXE, 10000],
  [39, 'craft_hopper_with_stone_pickaxe', 'forest', 'craft a hopper', STONE_PICKAXE, 10000],
  [40, 'harvest_diamond_with_stone_pickaxe', 'forest', 'mine a diamond', STONE_PICKAXE, 10000],
];

function groupOf(id: number): Plan4mcGroup {
  return id <= 10 ? 'cut-trees' : id <= 20 ? 'mine-stones' : id <= 30 ? 'interact-mobs' : 'mine-ores';
}

export const PLAN4MC_TASKS: readonly Plan4mcTask[] = ROWS.map(([id, name, preset, task, inventory, maxSteps]) => ({
  id, name, group: groupOf(id), preset, task, inventory, maxSteps,
}));

/** The goal of a Plan4MC task: its text through the offline parser, except where 1.11 names differ (see above). */
export function plan4mcGoal(kb: Knowledge, task: Plan4mcTask): Goal {
  if (task.id === 13) return { kind: 'item', items: ['stone_slab', 'cobblestone_slab'], count: 1 };
  return parseTask(kb, task.task).goal;
}
