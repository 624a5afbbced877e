// What vanilla gives for using an item on a block (right-click): an axe strips a log, shears carve a
// pumpkin, an empty bucket takes up a fluid source or powder snow, a glass bottle fills from water.
// One table, built from the registry of the connected version, read by the sandbox (which does the
// interactions) and by the skills and the planner (which plan with them). Concrete powder touching
// water hardens into concrete: placing, not using, but the same kind of fact, so it lives here too.
import type { IndexedData } from 'minecraft-data';

type Registry = Pick<IndexedData, 'blocksByName' | 'itemsByName'>;

/** What is used: any axe, shears, an empty bucket, a glass bottle. */
export const USES = ['axe', 'shears', 'bucket', 'glass_bottle'] as const;
export type Use = (typeof USES)[number];

/**
 * Tools are used on a block face (use_item_on), are worn by one use, and the block changes in place (mined
 * afterwards for the item); containers cast a ray from the eyes (use_item), are used up one at a time,
 * and the filled item takes their place in the inventory.
 */
export const USE_KIND: Readonly<Record<Use, 'tool' | 'container'>> = { axe: 'tool', shears: 'tool', bucket: 'container', glass_bottle: 'container' };

export interface BlockUse {
  use: Use;
  /** The block used on. */
  block: string;
  /** What the block becomes (a stripped log, a carved pumpkin, air for a source taken up); null: it stays. */
  becomes: string | null;
  /** The item the player ends up with: in hand for a container, by mining `becomes` for a tool. */
  gives: string;
  /** Items dropped beside the block (a carved pumpkin's seeds). */
  drops?: Readonly<Record<string, number>>;
  /** The potion `gives` holds (a water bottle is a `potion` of `water`). */
  potion?: string;
  /** The sound vanilla plays. */
  sound: string;
}

const FLUID_USES: readonly BlockUse[] = [
  { use: 'bucket', block: 'water', becomes: 'air', gives: 'water_bucket', sound: 'item.bucket.fill' },
  { use: 'bucket', block: 'lava', becomes: 'air', gives: 'lava_bucket', sound: 'item.bucket.fill_lava' },
  { use: 'bucket', block: 'powder_snow', becomes: 'air', gives: 'powder_snow_bucket', sound: 'item.bucket.fill_powder_snow' },
  { use: 'glass_bottle', block: 'water', becomes: null, gives: 'potion', potion: 'water', sound: 'item.bottle.fill' },
];

const PUMPKIN: BlockUse = { use: 'shears', block: 'pumpkin', becomes: 'carved_pumpkin', gives: 'carved_pumpkin', drops: { pumpkin_seeds: 4 }, sound: 'block.pumpkin.carve' };

const tables = new WeakMap<object, readonly BlockUse[]>();

/**
 * Every block use of this version. Vanilla's AxeItem.STRIPPABLES pairs each log, wood, stem, hyphae and
 * the bamboo block with its `stripped_` twin, and every `stripped_` block of a version is one of them.
 */
export function blockUses(registry: Registry): readonly BlockUse[] {
  const hit = tables.get(registry);
  if (hit) return hit;
  const out: BlockUse[] = [];
  for (const name of Object.keys(registry.blocksByName)) {
    if (!name.startsWith('stripped_')) continue;
    const block = name.slice('stripped_'.length);
    if (registry.blocksByName[block]) out.push({ use: 'axe', block, becomes: name, gives: name, sound: 'item.axe.strip' });
  }
  out.sort((a, b) => a.block.localeCompare(b.block));
  out.push(PUMPKIN, ...FLUID_USES);
  const table = out.filter((u) => registry.blocksByName[u.block] && registry.itemsByName[u.gives] && (u.becomes === null || registry.blocksByName[u.becomes]));
  tables.set(registry, table);
  return table;
}

/** The use of `use` on `block`, or undefined when vanilla does nothing with it. */
export function blockUse(registry: Registry, use: Use, block: string): BlockUse | undefined {
  return blockUses(registry).find((u) => u.use === use && u.block === block);
}

/** The uses that end in `item`. */
export function usesGiving(registry: Registry, item: string): BlockUse[] {
  return blockUses(registry).filter((u) => u.gives === item);
}

/** The items that count as `use` in this version, cheapest first (the order harvest tools are listed in). */
export function itemsFor(registry: Registry, use: Use): string[] {
  if (use !== 'axe') return registry.itemsByName[use] ? [use] : [];
  return ['wooden', 'stone', 'iron', 'golden', 'diamond', 'netherite'].map((t) => `${t}_axe`).filter((n) => registry.itemsByName[n]);
}

/** Which use a held item is (an axe of any tier is `axe`), or undefined. */
export function useOf(item: string | undefined): Use | undefined {
  if (item === undefined) return undefined;
  if (item.endsWith('_axe')) return 'axe';
  return (USES as readonly string[]).includes(item) ? (item as Use) : undefined;
}

/**
 * How far a container's ray reaches: Item.getPlayerPOVHitResult cast 5 blocks up to 1.20.4 and the
 * player's block interaction range (4.5) from 1.20.5. Blocks a tool is used on count as reached
 * within 6 blocks of the feet (1.20.4 and before) or 1 block beyond that range from the eyes.
 */
export function useReach(registry: Pick<IndexedData, 'version'>): { ray: number; block: number; fromEyes: boolean } {
  return registry.version['>=']('1.20.5') ? { ray: 4.5, block: 5.5, fromEyes: true } : { ray: 5, block: 6, fromEyes: false };
}

// Concrete powder touching water (placed next to it or into it) sets into concrete of its colour.

/** The concrete a powder sets into (`white_concrete_powder` → `white_concrete`), or undefined. */
export function concreteOf(registry: Registry, powder: string): string | undefined {
  const m = /^(\w+)_concrete_powder$/.exec(powder);
  const concrete = m ? `${m[1]}_concrete` : undefined;
  return concrete && registry.blocksByName[concrete] && registry.blocksByName[powder] ? concrete : undefined;
}

/** The powder that sets into `concrete`, or undefined. */
export function powderOf(registry: Registry, concrete: string): string | undefined {
  const m = /^(\w+)_concrete$/.exec(concrete);
  const powder = m ? `${m[1]}_concrete_powder` : undefined;
  return powder && concreteOf(registry, powder) === concrete ? powder : undefined;
}

/** Every powder of this version. */
export function concretePowders(registry: Registry): string[] {
  return Object.keys(registry.blocksByName).filter((n) => concreteOf(registry, n) !== undefined).sort();
}

/** A cell as concrete powder sees it. */
export interface WetCell {
  name: string;
  properties: Readonly<Record<string, unknown>>;
}

function holdsWater(cell: WetCell): boolean {
  return cell.name === 'water' || cell.name === 'bubble_column' || cell.properties.waterlogged === true;
}

/** Offsets of the sides whose water sets the powder: above and the four around (below only counts in water). */
export const WETTING_SIDES: readonly (readonly [number, number, number])[] = [[0, 1, 0], [0, 0, -1], [0, 0, 1], [-1, 0, 0], [1, 0, 0]];

/**
 * Vanilla ConcretePowderBlock.shouldSolidify for powder put into `replaced`: placed into water, or water
 * beside or above it. Water below counts only when the cell itself holds water, which already answers.
 * (Vanilla also lets a sturdy face of a waterlogged neighbour hold its water back; no full-faced block
 * is waterloggable but stairs, left out here.)
 */
export function setsIntoConcrete(replaced: WetCell, neighbour: (dx: number, dy: number, dz: number) => WetCell): boolean {
  return holdsWater(replaced) || WETTING_SIDES.some(([dx, dy, dz]) => holdsWater(neighbour(dx, dy, dz)));
}
