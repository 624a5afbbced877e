import { createRequire } from 'node:module';
import type { IndexedData } from 'minecraft-data';
import { digTimeMs } from './digTime.ts';
import { blocksDropping, expectedDrops } from './drops.ts';
import { patchRegistry } from './patches.ts';
import { canHarvest, harvestRequirement, type HarvestRequirement } from './harvest.ts';
import { fuelTicks, smeltRecipeFor, smeltRecipesMaking, type FurnaceKind, type SmeltRecipe } from './smelting.ts';

const require = createRequire(import.meta.url);

/**
 * The knowledge base one bot or planner works with: Minecraft facts for one version. Pure functions
 * over minecraft-data plus our tables; shared by the sandbox, the skills and the planner.
 */
export interface Knowledge {
  readonly version: string;
  readonly registry: IndexedData;
  itemId(name: string): number | undefined;
  itemName(id: number): string | undefined;
  isItem(name: string): boolean;
  isBlock(name: string): boolean;
  stackSize(name: string): number;
  canHarvest(block: string, heldItem: string | null | undefined): boolean;
  /** The weakest tool that harvests `block`, or null when a hand does. */
  harvestRequirement(block: string): HarvestRequirement | null;
  /** Of the items offered, the one that digs `block` fastest while still harvesting it (null: the hand). */
  bestTool(block: string, items: readonly string[]): string | null;
  digTimeMs(block: string, heldItem: string | null | undefined): number;
  /** Blocks that drop `item` when broken with the right tool. */
  blocksDropping(item: string): string[];
  /** Mean number of each item one broken block gives with `heldItem`. */
  expectedDrops(block: string, heldItem: string | null | undefined): Record<string, number>;
  smeltRecipe(input: string, kind?: FurnaceKind): SmeltRecipe | undefined;
  smeltRecipesMaking(output: string): SmeltRecipe[];
  fuelTicks(item: string): number;
}

const cache = new Map<string, Knowledge>();

export function createKnowledge(version: string): Knowledge {
  const cached = cache.get(version);
  if (cached) return cached;
  const registry = (require('minecraft-data') as (v: string) => IndexedData | undefined)(version);
  if (!registry) throw new Error(`no Minecraft data for version ${version}`);
  patchRegistry(registry);
  const kb: Knowledge = {
    version,
    registry,
    itemId: (name) => registry.itemsByName[name]?.id,
    itemName: (id) => registry.items[id]?.name,
    isItem: (name) => registry.itemsByName[name] !== undefined,
    isBlock: (name) => registry.blocksByName[name] !== undefined,
    stackSize: (name) => registry.itemsByName[name]?.stackSize ?? 64,
    canHarvest: (block, held) => canHarvest(registry, block, held),
    harvestRequirement: (block) => harvestRequirement(registry, block),
    bestTool(block, items) {
      let best: string | null = null;
      let bestMs = canHarvest(registry, block, null) ? digTimeMs(registry, block, null) : Infinity;
      for (const item of new Set(items)) {
        if (!canHarvest(registry, block, item)) continue;
        const ms = digTimeMs(registry, block, item);
        if (ms < bestMs) { best = item; bestMs = ms; }
      }
      return best;
    },
    digTimeMs: (block, held) => digTimeMs(registry, block, held),
    blocksDropping: (item) => blocksDropping(registry, item),
    expectedDrops: (block, held) => expectedDrops(registry, block, held),
    smeltRecipe: (input, kind) => (registry.itemsByName[input] ? smeltRecipeFor(input, kind) : undefined),
    smeltRecipesMaking: (output) => smeltRecipesMaking(output).filter((r) => registry.itemsByName[r.input] && registry.itemsByName[r.output]),
    fuelTicks: (item) => fuelTicks(item),
  };
  cache.set(version, kb);
  return kb;
}
