// What a broken block drops: our vanilla table for the exceptions, minecraft-data's `drops` otherwise.
import { DROP_TABLE, type DropEntry, type StateValue } from './dropData.ts';
import { canHarvest } from './harvest.ts';
import { lacksDropsData, lootItemNames } from './lootFallback.ts';
import type { Rng } from './rng.ts';
import type { KnowledgeRegistry } from './tools.ts';

export interface BlockDrops {
  block: string;
  /** 'table': our vanilla table; 'minecraft-data': one of each item in the block's `drops` list. */
  source: 'table' | 'minecraft-data';
  entries: readonly DropEntry[];
}

export interface ItemStack {
  item: string;
  count: number;
}

export type BlockState = Readonly<Record<string, StateValue>>;

/** Every drop entry of a block, whatever the tool (see `shears`) and state. Items the version lacks are left out. */
export function blockDrops(registry: KnowledgeRegistry, blockName: string): BlockDrops {
  const block = registry.blocksByName[blockName];
  if (!block) throw new Error(`unknown block ${blockName}`);
  const own = DROP_TABLE[blockName];
  if (own) {
    const entries = own.filter((e) => registry.itemsByName[e.item] && (!e.otherwise || registry.itemsByName[e.otherwise.item]));
    return { block: blockName, source: 'table', entries };
  }
  if (lacksDropsData(registry)) {
    const names = lootItemNames(registry, blockName).filter((n) => registry.itemsByName[n]);
    return { block: blockName, source: 'minecraft-data', entries: names.map((item) => ({ item, min: 1, max: 1, chance: 1 })) };
  }
  const entries: DropEntry[] = [];
  for (const d of block.drops) {
    const id = typeof d === 'number' ? d : typeof d.drop === 'number' ? d.drop : d.drop.id;
    const item = registry.items[id];
    // Some stems and mushroom blocks list `air`: they drop nothing.
    if (!item || item.name === 'air') continue;
    const min = typeof d === 'number' ? 1 : d.minCount ?? 1;
    const max = typeof d === 'number' ? 1 : d.maxCount ?? min;
    entries.push({ item: item.name, min, max, chance: 1 });
  }
  return { block: blockName, source: 'minecraft-data', entries };
}

function stateMatches(entry: DropEntry, state: BlockState | undefined): boolean {
  if (!entry.when) return true;
  if (!state) return false;
  return Object.entries(entry.when).every(([prop, values]) => {
    const v = state[prop];
    return v !== undefined && values.some((w) => String(w) === String(v));
  });
}

/**
 * The entries that apply when the block (in `state`, its prismarine-block properties) is broken
 * while holding `itemName` (null: empty hand): none unless the item harvests the block; with shears,
 * a block's shears drop instead of its others.
 */
export function dropsFor(
  registry: KnowledgeRegistry,
  blockName: string,
  itemName: string | null | undefined,
  state?: BlockState,
): DropEntry[] {
  if (!canHarvest(registry, blockName, itemName)) return [];
  const sheared = itemName === 'shears';
  return blockDrops(registry, blockName).entries.filter((e) => (e.shears === undefined || e.shears === sheared) && stateMatches(e, state));
}

/** Rolls what one broken block drops; stacks of the same item are merged, empty rolls left out. */
export function rollDrops(
  registry: KnowledgeRegistry,
  blockName: string,
  itemName: string | null | undefined,
  rng: Rng,
  state?: BlockState,
): ItemStack[] {
  const counts = new Map<string, number>();
  for (const entry of dropsFor(registry, blockName, itemName, state)) {
    const chosen = entry.chance >= 1 || rng.next() < entry.chance ? entry : entry.otherwise;
    if (!chosen) continue;
    const count = chosen.min === chosen.max ? chosen.min : rng.int(chosen.min, chosen.max);
    if (count > 0) counts.set(chosen.item, (counts.get(chosen.item) ?? 0) + count);
  }
  // Vanilla's slab loot tables: set_count 2 for a double slab.
  if (blockName.endsWith('_slab') && state?.type === 'double' && counts.has(blockName)) counts.set(blockName, counts.get(blockName)! * 2);
  return [...counts].map(([item, count]) => ({ item, count }));
}

/** Mean count of each item per block broken (for planning: how many blocks for N items). */
export function expectedDrops(
  registry: KnowledgeRegistry,
  blockName: string,
  itemName: string | null | undefined,
  state?: BlockState,
): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (e: DropEntry, p: number) => { out[e.item] = (out[e.item] ?? 0) + p * (e.min + e.max) / 2; };
  for (const entry of dropsFor(registry, blockName, itemName, state ?? grownState(blockDrops(registry, blockName).entries))) {
    add(entry, Math.min(entry.chance, 1));
    if (entry.otherwise && entry.chance < 1) add(entry.otherwise, 1 - entry.chance);
  }
  return out;
}

/**
 * The state planning assumes for a block whose drops depend on it, when none is given: each property at
 * its highest listed value (true for a flag), i.e. a grown crop, cocoa pod, berry bush or cave vine with berries
 * (the skill that harvests them counts what really dropped).
 */
function grownState(entries: readonly DropEntry[]): BlockState | undefined {
  const out: Record<string, StateValue> = {};
  for (const e of entries) {
    for (const [prop, values] of Object.entries(e.when ?? {})) {
      for (const v of values) {
        if (typeof v === 'number' && (typeof out[prop] !== 'number' || v > out[prop])) out[prop] = v;
        if (v === true) out[prop] = true;
      }
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Blocks that can drop `itemName` (in some state, with the right tool), sorted by name. */
export function blocksDropping(registry: KnowledgeRegistry, itemName: string): string[] {
  const found: string[] = [];
  for (const block of registry.blocksArray) {
    const { entries } = blockDrops(registry, block.name);
    if (entries.some((e) => e.item === itemName || e.otherwise?.item === itemName)) found.push(block.name);
  }
  return found.sort();
}
