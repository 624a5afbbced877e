// Which held items harvest a block (make it drop anything), from minecraft-data's `harvestTools`.
import { parseTool, TIER_INFO, TIER_ORDER, type KnowledgeRegistry, type ToolKind, type ToolTier } from './tools.ts';

export interface HarvestRequirement {
  /** The tool kind needed (cobweb: sword; shears also work, see `harvestTools`). */
  tool: ToolKind | 'shears';
  /** The cheapest tier of that kind that harvests the block. */
  minTier: ToolTier | null;
}

/** Names of the items that harvest the block, or null when anything (a hand too) does. */
export function harvestTools(registry: KnowledgeRegistry, blockName: string): string[] | null {
  const block = registry.blocksByName[blockName];
  if (!block) throw new Error(`unknown block ${blockName}`);
  if (!block.harvestTools) return null;
  const names: string[] = [];
  for (const id of Object.keys(block.harvestTools)) {
    const item = registry.items[Number(id)];
    if (item) names.push(item.name);
  }
  return names;
}

/** True when mining the block while holding `itemName` (null: empty hand) makes it drop its loot. */
export function canHarvest(registry: KnowledgeRegistry, blockName: string, itemName: string | null | undefined): boolean {
  const tools = harvestTools(registry, blockName);
  if (tools === null) return true;
  return itemName ? tools.includes(itemName) : false;
}

/**
 * The weakest tool that harvests the block, e.g. iron_ore → { pickaxe, stone }, obsidian →
 * { pickaxe, diamond }; null when a hand is enough.
 */
export function harvestRequirement(registry: KnowledgeRegistry, blockName: string): HarvestRequirement | null {
  const tools = harvestTools(registry, blockName);
  if (tools === null) return null;
  let best: HarvestRequirement | null = null;
  let bestRank = Infinity;
  for (const name of tools) {
    const tool = parseTool(name);
    if (!tool) continue;
    // Prefer a real tier over shears, then the lowest harvest level, then the cheaper tier (wood over gold).
    const rank = tool.tier === null ? 1000 : TIER_INFO[tool.tier].harvestLevel * 10 + (TIER_ORDER.includes(tool.tier) ? 0 : 1);
    if (rank < bestRank) {
      bestRank = rank;
      best = { tool: tool.kind, minTier: tool.tier };
    }
  }
  if (!best) throw new Error(`block ${blockName} needs tools that are not tools: ${tools.join(', ')}`);
  return best;
}

/** True when `itemName` is at least `minTier` (by harvest level; gold counts as wood). */
export function tierAtLeast(tier: ToolTier, minTier: ToolTier): boolean {
  return TIER_INFO[tier].harvestLevel >= TIER_INFO[minTier].harvestLevel;
}
