// The split-inventory tasks of `bench team` (MineCollab-style crafting and cooking): every ingredient is
// already in the team's pockets, spread over the members, and the goal is an item in the first member's
// (the assembler's) inventory. Pooled, the inventories make the goal without gathering anything (a unit
// test plans each one on the pooled inventory); split, nothing gets made without a hand-over.
import type { Items } from '../../team/types.ts';
import { BenchInputError } from '../plan4mc/args.ts';

export interface SplitTask {
  /** Short name, unique: the report's row and `--tasks`. */
  name: string;
  /** Members (the inventories' length). */
  bots: number;
  /** What each member holds at the start; the first is the assembler. */
  inventories: Items[];
  /** The goal as `skillcraft run --task` reads it. */
  goal: string;
  /** What the task exercises beyond a plain craft (for the report). */
  note?: string;
}

const task = (name: string, goal: string, inventories: Items[], note?: string): SplitTask =>
  ({ name, bots: inventories.length, inventories, goal, ...(note ? { note } : {}) });

export const SPLIT_TASKS: readonly SplitTask[] = [
  // Tools and weapons.
  task('wooden pickaxe', 'craft a wooden pickaxe', [{ oak_planks: 3, crafting_table: 1 }, { stick: 2 }]),
  task('wooden axe', 'craft a wooden axe', [{ stick: 2 }, { oak_log: 2 }], 'crafting table made from a team mate\'s logs'),
  task('stone pickaxe', 'craft a stone pickaxe', [{ crafting_table: 1 }, { cobblestone: 3 }, { stick: 2 }]),
  task('stone sword', 'craft a stone sword', [{ crafting_table: 1 }, { cobblestone: 2 }, { stick: 1 }]),
  task('iron pickaxe', 'craft an iron pickaxe', [{ crafting_table: 1 }, { iron_ingot: 3 }, { stick: 2 }]),
  task('iron pickaxe from logs', 'craft an iron pickaxe', [{}, { iron_ingot: 3 }, { oak_log: 2 }], 'table and sticks from a team mate\'s logs'),
  task('iron axe', 'craft an iron axe', [{ crafting_table: 1, stick: 2 }, { iron_ingot: 3 }]),
  task('iron sword', 'craft an iron sword', [{ stick: 1 }, { iron_ingot: 2 }, { oak_log: 1 }], 'crafting table from a team mate\'s log'),
  task('shears', 'craft shears', [{ iron_ingot: 1 }, { iron_ingot: 1 }], 'one ingredient split 1/1, no table'),
  task('bucket', 'craft a bucket', [{ crafting_table: 1, iron_ingot: 1 }, { iron_ingot: 2 }], 'one ingredient split 1/2'),
  task('flint and steel', 'craft a flint_and_steel', [{ iron_ingot: 1 }, { flint: 1 }]),
  task('bow', 'craft a bow', [{ crafting_table: 1, stick: 3 }, { string: 3 }]),
  task('fishing rod', 'craft a fishing rod', [{ crafting_table: 1 }, { stick: 3 }, { string: 2 }]),
  // Blocks and things to place.
  task('torches', 'craft 4 torches', [{ stick: 1 }, { coal: 1 }]),
  task('chest', 'craft a chest', [{ crafting_table: 1, oak_planks: 4 }, { oak_planks: 4 }], 'planks split 4/4'),
  task('furnace', 'craft a furnace', [{ crafting_table: 1 }, { cobblestone: 4 }, { cobblestone: 4 }], 'cobblestone split 4/4 over two helpers'),
  task('ladder', 'craft a ladder', [{ crafting_table: 1, stick: 3 }, { stick: 4 }]),
  task('oak fence', 'craft an oak fence', [{ crafting_table: 1 }, { oak_planks: 4 }, { stick: 2 }]),
  task('oak boat', 'craft an oak boat', [{ crafting_table: 1, oak_planks: 2 }, { oak_planks: 3 }]),
  task('oak sign', 'craft an oak sign', [{ crafting_table: 1, stick: 1 }, { oak_planks: 6 }]),
  task('bowl', 'craft a bowl', [{ oak_planks: 3 }, { oak_log: 1 }], 'crafting table from a team mate\'s log'),
  task('painting', 'craft a painting', [{ crafting_table: 1, stick: 8 }, { white_wool: 1 }]),
  task('white bed', 'craft a white bed', [{ crafting_table: 1, oak_planks: 3 }, { white_wool: 3 }]),
  task('lever', 'craft a lever', [{ cobblestone: 1 }, { stick: 1 }]),
  task('minecart', 'craft a minecart', [{ crafting_table: 1 }, { iron_ingot: 3 }, { iron_ingot: 2 }], 'ingots split 3/2 over two helpers'),
  task('campfire', 'craft a campfire', [{ crafting_table: 1, oak_log: 3 }, { stick: 3 }, { coal: 1 }]),
  // Food and smelting.
  task('bread', 'craft bread', [{ crafting_table: 1 }, { wheat: 3 }]),
  task('golden carrot', 'craft a golden carrot', [{ crafting_table: 1, carrot: 1 }, { gold_nugget: 8 }]),
  task('mushroom stew', 'craft a mushroom stew', [{ bowl: 1 }, { red_mushroom: 1 }, { brown_mushroom: 1 }], 'shapeless, no table'),
  task('cooked beef', 'cook beef', [{ furnace: 1 }, { beef: 1 }, { coal: 1 }], 'furnace with the assembler, fuel with a third member'),
  task('baked potato', 'cook a potato', [{ furnace: 1, coal: 1 }, { potato: 1 }]),
  task('iron ingot', 'smelt iron', [{ furnace: 1 }, { raw_iron: 1 }, { coal: 1 }]),
  task('glass', 'smelt sand', [{ furnace: 1, coal: 1 }, { sand: 1 }]),
];

/** The tasks `--tasks a,b` names (all when not given); an unknown name is an error naming the known ones. */
export function selectTasks(text: string | undefined, all: readonly SplitTask[] = SPLIT_TASKS): SplitTask[] {
  if (text === undefined) return [...all];
  const names = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const out: SplitTask[] = [];
  for (const name of names) {
    const t = all.find((x) => x.name === name);
    if (!t) throw new BenchInputError(`--tasks: no split-inventory task "${name}" (known: ${all.map((x) => x.name).join(', ')})`);
    if (!out.includes(t)) out.push(t);
  }
  if (out.length === 0) throw new BenchInputError('--tasks is empty');
  return out;
}

/** The team's inventories added up: what the goal is made from. */
export function pooledInventory(t: SplitTask): Items {
  const out: Items = {};
  for (const inv of t.inventories) for (const [k, n] of Object.entries(inv)) out[k] = (out[k] ?? 0) + n;
  return out;
}
