// A structure's bill of materials: which items place each block, as the version's registry names them. Most
// blocks come from the item of their own name; the exceptions are data below. Whether an item can be had in
// survival at all is the project's one list (src/knowledge/unobtainable.ts), not a second one here.
import type { Knowledge } from '../knowledge/kb.ts';
import { survivalUnobtainable } from '../knowledge/unobtainable.ts';
import type { BillOfMaterials, Structure, StructureBlock } from './types.ts';

/** The bill, plus tools used but not used up (a hoe for farmland) and notes a person should read. */
export interface BuildBill extends BillOfMaterials {
  /** Tools the build needs besides the items, e.g. wooden_hoe (any hoe does) for farmland. */
  tools: string[];
  notes: string[];
}

/** What one block takes: items used up (the first is the one placed; a pot before its plant), a tool, a note. */
export interface Cost { items: Record<string, number>; tool?: string; note?: string }
/** A block's cost, or why no survival player can place it. */
export type BlockCost = Cost | { refused: string };

/** Blocks placed by an item of another name (seeds, berries, a bucket). */
const PLACED_BY: Readonly<Record<string, string>> = {
  wheat: 'wheat_seeds', carrots: 'carrot', potatoes: 'potato', beetroots: 'beetroot_seeds',
  melon_stem: 'melon_seeds', attached_melon_stem: 'melon_seeds', pumpkin_stem: 'pumpkin_seeds', attached_pumpkin_stem: 'pumpkin_seeds',
  torchflower_crop: 'torchflower_seeds', pitcher_crop: 'pitcher_pod', cocoa: 'cocoa_beans', sweet_berry_bush: 'sweet_berries',
  cave_vines: 'glow_berries', cave_vines_plant: 'glow_berries', kelp_plant: 'kelp', twisting_vines_plant: 'twisting_vines',
  weeping_vines_plant: 'weeping_vines', bamboo_sapling: 'bamboo', big_dripleaf_stem: 'big_dripleaf',
  redstone_wire: 'redstone', tripwire: 'string', powder_snow: 'powder_snow_bucket',
  // Water over soul sand or magma turns into a bubble column by itself.
  bubble_column: 'water_bucket',
};

/** Blocks made from other items or with a tool. */
const MADE: Readonly<Record<string, Cost>> = {
  farmland: { items: { dirt: 1 }, tool: 'wooden_hoe', note: 'farmland is dirt tilled with a hoe (any hoe)' },
  dirt_path: { items: { dirt: 1 }, tool: 'wooden_shovel', note: 'a dirt path is dirt flattened with a shovel (any shovel)' },
  water_cauldron: { items: { cauldron: 1, water_bucket: 1 } },
  lava_cauldron: { items: { cauldron: 1, lava_bucket: 1 } },
  powder_snow_cauldron: { items: { cauldron: 1, powder_snow_bucket: 1 } },
  fire: { items: {}, tool: 'flint_and_steel', note: 'fire is lit with flint and steel' },
  soul_fire: { items: {}, tool: 'flint_and_steel', note: 'soul fire is lit with flint and steel on soul sand or soul soil' },
  // The head and the moving block are parts of a piston's own state, not placed.
  piston_head: { items: {} },
  moving_piston: { items: {} },
};

/** Cells that ask for nothing: air, and structure files' "leave the world as it is". */
const NOTHING = new Set(['air', 'cave_air', 'void_air', 'structure_void']);

/** Plants that are always under water though they have no waterlogged property: the water is poured first. */
const UNDERWATER = new Set(['kelp', 'kelp_plant', 'seagrass', 'tall_seagrass']);

/** Potted plants whose plant item has another name than the pot's suffix. */
const POTTED_PLANT: Readonly<Record<string, string>> = { azalea_bush: 'azalea', flowering_azalea_bush: 'flowering_azalea' };

/** Properties that say how many items one block holds (three candles, four sea pickles). */
const COUNT_PROPS: readonly string[] = ['candles', 'pickles', 'eggs', 'flower_amount', 'segment_amount'];
/** Blocks that take one item per covered face. */
const PER_FACE = new Set(['glow_lichen', 'sculk_vein', 'resin_clump', 'vine']);
const FACES = ['north', 'east', 'south', 'west', 'up', 'down'];

/** What one block (name and state) takes on this version. */
export function blockCost(block: Pick<StructureBlock, 'name' | 'props'>, kb: Knowledge): BlockCost {
  const { name, props } = block;
  if (!kb.isBlock(name)) return { refused: `not a block in Minecraft ${kb.version}` };
  if (NOTHING.has(name)) return { items: {} };
  // The other half of a door, a tall plant or a bed comes with the item that places the first.
  if (props.half === 'upper' || props.part === 'head') return { items: {} };
  const cost = baseCost(name, props, kb);
  if ('refused' in cost) return cost;
  if (props.waterlogged === 'true' || UNDERWATER.has(name)) cost.items.water_bucket = (cost.items.water_bucket ?? 0) + 1;
  for (const item of Object.keys(cost.items)) {
    if (!kb.isItem(item)) return { refused: `no item ${item} in Minecraft ${kb.version} to place it` };
    const why = survivalUnobtainable(item, kb.registry);
    if (why) return { refused: item === name ? why : `needs ${item}: ${why}` };
  }
  if (cost.tool && !kb.isItem(cost.tool)) return { refused: `no ${cost.tool} in Minecraft ${kb.version}` };
  return cost;
}

function baseCost(name: string, props: Readonly<Record<string, string>>, kb: Knowledge): BlockCost {
  const made = MADE[name];
  if (made) return { ...made, items: { ...made.items } };
  if (name === 'water' || name === 'lava') {
    // A flowing block comes from its source; only the source is poured.
    return props.level === undefined || props.level === '0' ? { items: { [`${name}_bucket`]: 1 } } : { items: {} };
  }
  const by = PLACED_BY[name];
  if (by) return { items: { [by]: 1 } };
  const potted = /^potted_(.+)$/.exec(name);
  if (potted) return { items: { flower_pot: 1, [POTTED_PLANT[potted[1]!] ?? potted[1]!]: 1 } };
  const candleCake = /^(?:(.+)_)?candle_cake$/.exec(name);
  if (candleCake) return { items: { cake: 1, [candleCake[1] ? `${candleCake[1]}_candle` : 'candle']: 1 } };
  let item = name;
  if (!kb.isItem(item)) {
    // Wall torches, signs, banners, heads and coral fans are placed by their standing item.
    const standing = name.replace(/(^|_)wall_/, '$1');
    if (standing === name || !kb.isItem(standing)) return { refused: 'no item places this block' };
    item = standing;
  }
  return { items: { [item]: countOf(name, props) } };
}

/** How many of its item one block holds. */
function countOf(name: string, props: Readonly<Record<string, string>>): number {
  if (name.endsWith('_slab') && props.type === 'double') return 2;
  if (name === 'snow' && props.layers) return Number(props.layers);
  if (PER_FACE.has(name)) return Math.max(1, FACES.filter((f) => props[f] === 'true').length);
  for (const p of COUNT_PROPS) if (props[p] !== undefined) return Number(props[p]);
  return 1;
}

/**
 * Every item the structure takes and every block no survival player can place (with how many and why),
 * sorted by name so two bills of one structure compare equal.
 */
export function billOfMaterials(s: Structure, kb: Knowledge): BuildBill {
  const items = new Map<string, number>();
  const refused = new Map<string, { block: string; count: number; why: string }>();
  const tools = new Set<string>();
  const notes = new Set<string>();
  for (const block of s.blocks) {
    const cost = blockCost(block, kb);
    if ('refused' in cost) {
      const key = `${block.name}\n${cost.refused}`;
      const entry = refused.get(key) ?? { block: block.name, count: 0, why: cost.refused };
      entry.count++;
      refused.set(key, entry);
      continue;
    }
    for (const [item, n] of Object.entries(cost.items)) items.set(item, (items.get(item) ?? 0) + n);
    if (cost.tool) tools.add(cost.tool);
    if (cost.note) notes.add(cost.note);
  }
  const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    items: Object.fromEntries([...items].filter(([, n]) => n > 0).sort(([a], [b]) => byName(a, b))),
    refused: [...refused.values()].sort((a, b) => byName(a.block, b.block) || byName(a.why, b.why)),
    tools: [...tools].sort(byName),
    notes: [...notes].sort(byName),
  };
}

/** Blocks a version renamed, older name first: a file saved on one version, built on another. */
const RENAMED: readonly (readonly [string, string])[] = [['grass', 'short_grass'], ['grass_path', 'dirt_path']];

/** The structure with each renamed block under the name this version knows (1.20.1's grass is 1.21's short_grass). */
export function renameForVersion(s: Structure, kb: Knowledge): Structure {
  const rename = (name: string): string => {
    if (kb.isBlock(name)) return name;
    const other = RENAMED.find((pair) => pair.includes(name))?.find((n) => n !== name);
    return other !== undefined && kb.isBlock(other) ? other : name;
  };
  return { ...s, blocks: s.blocks.map((b) => ({ ...b, name: rename(b.name) })) };
}

/** One line naming what is refused, for the CLI and the skill: "bedrock ×2 (a block that never drops itself …)". */
export function describeRefusals(bill: BillOfMaterials): string {
  return bill.refused.map((r) => `${r.block} ×${r.count} (${r.why})`).join(', ');
}
