// Vanilla tool tiers, kinds and speeds. Pure data: the same on every version the sandbox supports.
import type { IndexedData } from 'minecraft-data';

/** The part of a prismarine-registry / minecraft-data instance the knowledge functions read. */
export type KnowledgeRegistry = Pick<IndexedData, 'blocksByName' | 'blocksArray' | 'items' | 'itemsByName'>
  & Partial<Pick<IndexedData, 'blockLoot'>>;

export const TOOL_TIERS = ['wooden', 'golden', 'stone', 'iron', 'diamond', 'netherite'] as const;
export type ToolTier = (typeof TOOL_TIERS)[number];

/** Tiers from cheapest to best by what they can harvest (gold harvests like wood). */
export const TIER_ORDER: readonly ToolTier[] = ['wooden', 'stone', 'iron', 'diamond', 'netherite'];

export const TOOL_KINDS = ['pickaxe', 'axe', 'shovel', 'hoe', 'sword'] as const;
export type ToolKind = (typeof TOOL_KINDS)[number];

export interface TierInfo {
  /** Vanilla harvest level: wood and gold 0, stone 1, iron 2, diamond 3, netherite 4. */
  harvestLevel: number;
  /** Destroy speed on blocks the tool is made for (a hand is 1). */
  speed: number;
  /** Uses before the tool breaks. */
  durability: number;
}

export const TIER_INFO: Readonly<Record<ToolTier, TierInfo>> = {
  wooden: { harvestLevel: 0, speed: 2, durability: 59 },
  golden: { harvestLevel: 0, speed: 12, durability: 32 },
  stone: { harvestLevel: 1, speed: 4, durability: 131 },
  iron: { harvestLevel: 2, speed: 6, durability: 250 },
  diamond: { harvestLevel: 3, speed: 8, durability: 1561 },
  netherite: { harvestLevel: 4, speed: 9, durability: 2031 },
};

export const SHEARS_DURABILITY = 238;

export type ToolInfo =
  | { name: string; kind: ToolKind; tier: ToolTier }
  | { name: 'shears'; kind: 'shears'; tier: null };

/** `iron_pickaxe` → { kind: 'pickaxe', tier: 'iron' }; `shears` → kind 'shears'; anything else → null. */
export function parseTool(itemName: string | null | undefined): ToolInfo | null {
  if (!itemName) return null;
  if (itemName === 'shears') return { name: 'shears', kind: 'shears', tier: null };
  const cut = itemName.indexOf('_');
  if (cut < 0) return null;
  const tier = itemName.slice(0, cut);
  const kind = itemName.slice(cut + 1);
  if (!(TOOL_TIERS as readonly string[]).includes(tier) || !(TOOL_KINDS as readonly string[]).includes(kind)) return null;
  return { name: itemName, kind: kind as ToolKind, tier: tier as ToolTier };
}

export function toolName(kind: ToolKind, tier: ToolTier): string {
  return `${tier}_${kind}`;
}

/**
 * Speeds of swords and shears on minecraft-data's non-`mineable/*` material tags (vanilla SwordItem
 * and ShearsItem). `mineable/<kind>` tags use the tier speed of that tool kind instead.
 */
const TAG_SPEEDS: Readonly<Record<string, Partial<Record<'sword' | 'shears', number>>>> = {
  coweb: { sword: 15, shears: 15 },
  leaves: { sword: 1.5, shears: 15 },
  plant: { sword: 1.5 },
  gourd: { sword: 1.5 },
  wool: { shears: 5 },
  vine_or_glow_lichen: { shears: 2 },
};

/**
 * Destroy speed of a held item on a block whose minecraft-data `material` is `material`
 * (tags joined by ';'); 1 for a hand, a non-tool or the wrong tool. Enchantments not included.
 */
export function toolSpeed(material: string | undefined, itemName: string | null | undefined): number {
  const tool = parseTool(itemName);
  if (!tool || !material) return 1;
  let best = 1;
  for (const tag of material.split(';')) {
    let speed: number | undefined;
    if (tag.startsWith('mineable/')) {
      if (tool.tier !== null && tag.slice('mineable/'.length) === tool.kind) speed = TIER_INFO[tool.tier].speed;
    } else if (tool.kind === 'sword' || tool.kind === 'shears') {
      speed = TAG_SPEEDS[tag]?.[tool.kind];
    }
    if (speed !== undefined && speed > best) best = speed;
  }
  return best;
}

/** The tool kind that mines a material fastest (from its `mineable/*` tag), or null. */
export function bestToolKind(material: string | undefined): ToolKind | null {
  for (const tag of (material ?? '').split(';')) {
    if (!tag.startsWith('mineable/')) continue;
    const kind = tag.slice('mineable/'.length);
    if ((TOOL_KINDS as readonly string[]).includes(kind)) return kind as ToolKind;
  }
  return null;
}

/**
 * Durability a tool loses for mining one block (vanilla 1.20): digging tools 1 and swords 2, but
 * nothing for blocks that break instantly (hardness 0); shears 1 on anything but fire.
 */
export function toolWear(itemName: string | null | undefined, blockName: string, hardness: number | null): number {
  const tool = parseTool(itemName);
  if (!tool) return 0;
  if (tool.kind === 'shears') return blockName === 'fire' || blockName === 'soul_fire' ? 0 : 1;
  if (!hardness || hardness < 0) return 0;
  return tool.kind === 'sword' ? 2 : 1;
}
