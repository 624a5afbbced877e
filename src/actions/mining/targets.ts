import type { Knowledge } from '../../knowledge/kb.ts';
import { SkillError } from '../../base/errors.ts';
import { GENERATED_CRAFTABLE } from '../../knowledge/patches.ts';
import { harvestTools } from '../items/inventory.ts';
import { holdsFor, plannedHold } from './dropTools.ts';

/**
 * Block groups `mineBlock` accepts besides plain block names. A group stands for any of its blocks
 * and counts any of their drops; its effects are named by the item tag of those drops, in the
 * planner's `#tag` convention (src/skills/groups.ts):
 * - `log` (or `#logs`): every natural log (`oak_log`, `birch_log`…; stripped logs are not found
 *   in the wild) → `#logs`;
 * - `planks` (or `#planks`): every `*_planks` → `#planks`;
 * - `stone_like` (or `#stone_tool_materials`): stone, cobblestone, deepslate, cobbled_deepslate,
 *   blackstone, whose drops make stone tools and furnaces → `#stone_tool_materials`.
 * Besides, an ore name also matches its deepslate twin (`iron_ore` finds `deepslate_iron_ore`),
 * since both drop the same item and need the same tool.
 */
interface BlockGroup {
  tag: string;
  members: (kb: Knowledge) => string[];
}

export const BLOCK_GROUPS: Readonly<Record<string, BlockGroup>> = {
  log: { tag: '#logs', members: (kb) => blockNames(kb).filter((n) => n.endsWith('_log') && !n.startsWith('stripped_')) },
  planks: { tag: '#planks', members: (kb) => blockNames(kb).filter((n) => n.endsWith('_planks')) },
  stone_like: {
    tag: '#stone_tool_materials',
    members: (kb) => ['stone', 'cobblestone', 'deepslate', 'cobbled_deepslate', 'blackstone'].filter((n) => kb.isBlock(n)),
  },
};

/** The group `block` names, by its own name or its tag (`#logs` → log). */
export function groupOf(block: string): BlockGroup | undefined {
  if (Object.hasOwn(BLOCK_GROUPS, block)) return BLOCK_GROUPS[block];
  return Object.values(BLOCK_GROUPS).find((g) => g.tag === block);
}

/**
 * Where the planner should look first for an item that several blocks drop: the block that
 * generates in the world rather than one a player places (cobblestone comes from stone).
 */
const NATURAL_SOURCE: Readonly<Record<string, string>> = {
  cobblestone: 'stone',
  cobbled_deepslate: 'deepslate',
};

function blockNames(kb: Knowledge): string[] {
  return kb.registry.blocksArray.map((b) => b.name);
}

export function isBlockGroup(block: string): boolean {
  return groupOf(block) !== undefined;
}

/** The block names `block` stands for (a name, its deepslate ore twin, or a group); BAD_ARGS when none. */
export function resolveBlocks(kb: Knowledge, block: string): string[] {
  const group = groupOf(block);
  if (group) return group.members(kb);
  if (!kb.isBlock(block)) throw new SkillError('BAD_ARGS', `unknown block "${block}" (groups: ${Object.keys(BLOCK_GROUPS).join(', ')})`, { block });
  const twin = oreTwin(block);
  return twin && kb.isBlock(twin) ? [block, twin] : [block];
}

function oreTwin(block: string): string | null {
  if (!block.endsWith('_ore')) return null;
  return block.startsWith('deepslate_') ? block.slice('deepslate_'.length) : `deepslate_${block}`;
}

/** The tool the planner should assume: the cheapest that harvests the block (null: a hand). */
function plannedTool(kb: Knowledge, block: string): string | null {
  return harvestTools(kb, block)[0] ?? null;
}

/**
 * The item a block is mined for: itself when it drops itself (oak_log), otherwise its most
 * plentiful drop with the cheapest harvesting tool (stone → cobblestone, iron_ore → raw_iron);
 * null when it drops nothing.
 */
export function primaryDrop(kb: Knowledge, block: string): string | null {
  const drops = kb.expectedDrops(block, plannedTool(kb, block));
  if ((drops[block] ?? 0) > 0) return block;
  let best: string | null = null;
  let bestN = 0;
  for (const [item, n] of Object.entries(drops)) if (n > bestN) { best = item; bestN = n; }
  return best;
}

export interface MinePlan {
  /** Block names to look for. */
  blocks: string[];
  /** Items whose gain counts towards `count`. */
  counted: string[];
  /** What the count is named in effects and messages ("oak_log", "#logs", "raw_iron"). */
  label: string;
}

/** What to look for and what to count, for `block` and an optional `item` to count instead of the primary drop. */
export function minePlan(kb: Knowledge, block: string, item?: string): MinePlan {
  const blocks = resolveBlocks(kb, block);
  if (item !== undefined) {
    const dropping = blocks.filter((b) => holdsFor(kb, b, [item]).length > 0);
    if (dropping.length === 0) throw new SkillError('BAD_ARGS', `${block} never drops ${item}`, { block, item });
    return { blocks: dropping, counted: [item], label: item };
  }
  const counted = [...new Set(blocks.map((b) => primaryDrop(kb, b)).filter((d): d is string => d !== null))];
  if (counted.length === 0) throw new SkillError('BAD_ARGS', `${block} drops nothing when mined`, { block });
  const kept = blocks.filter((b) => primaryDrop(kb, b) !== null);
  return { blocks: kept, counted, label: counted.length === 1 ? counted[0]! : groupOf(block)?.tag ?? block };
}

/** Blocks players make rather than find: never worth a search (dirt comes from dirt, not farmland). */
const PLACED = /^(dirt_path|farmland|(?!bamboo_).*_sapling|redstone_wire|tripwire|potted_.*|infested_.*|.*_slab|.*_stairs|.*_wall|.*_carpet|.*_bed|.*_door|.*_sign)$/;
/** Sources giving less than this per block (sticks from leaves) are left to other skills; a sapling (1 in 20 leaves) is not. */
const MIN_PER_BLOCK = 0.05;
/** ...unless nothing gives more: apples (1 in 200 oak leaves), jungle saplings, a poisonous potato from a field. */
const MIN_PER_BLOCK_LAST_RESORT = 0.005;

/**
 * Blocks to name as producers of `item` (or of a `#tag` group): natural sources first, ore twins
 * folded into one, placed blocks, craftable ones and stingy sources left out; at most three.
 */
export function producingBlocks(kb: Knowledge, item: string): string[] {
  const group = Object.entries(BLOCK_GROUPS).find(([, g]) => g.tag === item);
  if (group) return [group[0]];
  if (!kb.isItem(item)) return [];
  // A craftable block (crafting table, planks) is made, not searched for; its placed copies are the
  // agent's own. Those the world generates as well (granite, sandstone, hay bales) are both.
  const craftable = kb.registry.recipes[kb.itemId(item) ?? -1] !== undefined && !GENERATED_CRAFTABLE.has(item);
  const candidates = kb.blocksDropping(item).filter((b) => !PLACED.test(b) && !(craftable && b === item));
  const giving = (min: number) => candidates.filter((b) => (kb.expectedDrops(b, plannedHold(kb, b, item))[item] ?? 0) >= min);
  const generous = giving(MIN_PER_BLOCK);
  const found = generous.length > 0 ? generous : giving(MIN_PER_BLOCK_LAST_RESORT);
  const primary = found.filter((b) => primaryDrop(kb, b) === item);
  const pool = primary.length > 0 ? primary : found;
  const folded = pool.filter((b) => !(b.startsWith('deepslate_') && b.endsWith('_ore') && pool.includes(b.slice('deepslate_'.length))));
  const rank = (b: string) => (NATURAL_SOURCE[item] === b ? 0 : b === item ? 1 : b.endsWith('_ore') ? 2 : 3);
  return folded.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).slice(0, 3);
}

/** Mean count of `item` one block gives with the cheapest thing to hold that gives it (shears for leaves as leaves). */
export function perBlock(kb: Knowledge, block: string, item: string): number {
  const blocks = resolveBlocks(kb, block);
  const means = blocks.map((b) => kb.expectedDrops(b, plannedHold(kb, b, item))[item] ?? 0).filter((n) => n > 0);
  return means.length === 0 ? 0 : Math.min(...means);
}
