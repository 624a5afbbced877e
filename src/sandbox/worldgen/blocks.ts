// Resolves the block states and biome ids the generator writes, once per registry.
import { TREE_KINDS, type TreeKind } from './biomes.ts';

/** The part of a prismarine-registry (minecraft-data) the generator reads. */
export interface WorldRegistry {
  blocksByName: Record<string, RegistryBlock | undefined>;
  biomesByName: Record<string, { id: number } | undefined>;
}

interface RegistryBlock {
  id: number;
  minStateId?: number;
  defaultState?: number;
  states?: { name: string; type: string; values?: unknown[]; num_values: number }[];
}

export interface BlockStates {
  air: number;
  stone: number;
  deepslate: number;
  bedrock: number;
  dirt: number;
  grassBlock: number;
  sand: number;
  gravel: number;
  clay: number;
  water: number;
  lava: number;
  granite: number;
  diorite: number;
  andesite: number;
  tuff: number;
  /** Upright logs of each tree kind. */
  logs: Record<TreeKind, number>;
  /** Index = leaf distance to the nearest log (1..7; 0 acts as 1), not persistent, not waterlogged. */
  leaves: Record<TreeKind, number[]>;
  shortGrass: number;
  fern: number;
  sugarCane: number;
  sandstone: number;
  snowyGrassBlock: number;
  /** One layer of snow. */
  snow: number;
  cactus: number;
  deadBush: number;
  melon: number;
  ores: Record<OreName, { stone: number; deepslate: number }>;
}

export const ORE_NAMES = ['coal', 'copper', 'iron', 'gold', 'redstone', 'lapis', 'diamond'] as const;
export type OreName = (typeof ORE_NAMES)[number];

function block(registry: WorldRegistry, ...names: string[]): RegistryBlock {
  for (const name of names) {
    const b = registry.blocksByName[name];
    if (b) return b;
  }
  throw new Error(`world generator: block ${names.join('/')} is missing from this Minecraft version`);
}

function defaultState(registry: WorldRegistry, ...names: string[]): number {
  const b = block(registry, ...names);
  if (b.defaultState === undefined) throw new Error(`world generator: block ${names[0]} has no block states (pre-1.13 data?)`);
  return b.defaultState;
}

/**
 * The state id of a block with some properties set, the rest at index 0. minecraft-data lists
 * properties in state order with the last one varying fastest; booleans run true, false.
 */
export function stateWith(b: RegistryBlock, props: Record<string, string>): number {
  if (b.minStateId === undefined) throw new Error(`world generator: block ${b.id} has no block states`);
  let offset = 0;
  for (const prop of b.states ?? []) {
    const values = prop.type === 'bool' ? ['true', 'false'] : (prop.values ?? intValues(prop.name, prop.num_values)).map(String);
    const wanted = props[prop.name];
    const idx = wanted === undefined ? 0 : values.indexOf(wanted);
    if (idx < 0) throw new Error(`world generator: ${prop.name}=${wanted} is not a state of block ${b.id}`);
    offset = offset * prop.num_values + idx;
  }
  return b.minStateId + offset;
}

// Older minecraft-data (1.18.2) lists int properties without their values; these few start at 1.
const ONE_BASED = new Set(['layers', 'delay', 'eggs', 'pickles', 'candles']);
function intValues(name: string, count: number): number[] {
  const start = ONE_BASED.has(name) || (name === 'distance' && count === 7) ? 1 : 0;
  return Array.from({ length: count }, (_, i) => start + i);
}

function leaves(registry: WorldRegistry, name: string): number[] {
  const b = block(registry, name);
  return [1, 1, 2, 3, 4, 5, 6, 7].map((d) => stateWith(b, { distance: String(d), persistent: 'false', waterlogged: 'false' }));
}

export function resolveBlockStates(registry: WorldRegistry): BlockStates {
  const ore = (name: OreName) => ({ stone: defaultState(registry, `${name}_ore`), deepslate: defaultState(registry, `deepslate_${name}_ore`) });
  return {
    air: defaultState(registry, 'air'),
    stone: defaultState(registry, 'stone'),
    deepslate: stateWith(block(registry, 'deepslate'), { axis: 'y' }),
    bedrock: defaultState(registry, 'bedrock'),
    dirt: defaultState(registry, 'dirt'),
    grassBlock: stateWith(block(registry, 'grass_block'), { snowy: 'false' }),
    sand: defaultState(registry, 'sand'),
    gravel: defaultState(registry, 'gravel'),
    clay: defaultState(registry, 'clay'),
    water: stateWith(block(registry, 'water'), { level: '0' }),
    lava: stateWith(block(registry, 'lava'), { level: '0' }),
    granite: defaultState(registry, 'granite'),
    diorite: defaultState(registry, 'diorite'),
    andesite: defaultState(registry, 'andesite'),
    tuff: defaultState(registry, 'tuff'),
    logs: Object.fromEntries(TREE_KINDS.map((k) => [k, stateWith(block(registry, `${k}_log`), { axis: 'y' })])) as Record<TreeKind, number>,
    leaves: Object.fromEntries(TREE_KINDS.map((k) => [k, leaves(registry, `${k}_leaves`)])) as Record<TreeKind, number[]>,
    // Renamed from `grass` to `short_grass` in 1.20.3.
    shortGrass: defaultState(registry, 'short_grass', 'grass'),
    fern: defaultState(registry, 'fern'),
    sugarCane: stateWith(block(registry, 'sugar_cane'), { age: '0' }),
    sandstone: defaultState(registry, 'sandstone'),
    snowyGrassBlock: stateWith(block(registry, 'grass_block'), { snowy: 'true' }),
    snow: stateWith(block(registry, 'snow'), { layers: '1' }),
    cactus: stateWith(block(registry, 'cactus'), { age: '0' }),
    deadBush: defaultState(registry, 'dead_bush'),
    melon: defaultState(registry, 'melon'),
    ores: {
      coal: ore('coal'), copper: ore('copper'), iron: ore('iron'), gold: ore('gold'),
      redstone: { stone: stateWith(block(registry, 'redstone_ore'), { lit: 'false' }), deepslate: stateWith(block(registry, 'deepslate_redstone_ore'), { lit: 'false' }) },
      lapis: ore('lapis'), diamond: ore('diamond'),
    },
  };
}

export function biomeId(registry: WorldRegistry, name: string): number {
  const b = registry.biomesByName[name];
  if (!b) throw new Error(`world generator: biome ${name} is missing from this Minecraft version`);
  return b.id;
}
