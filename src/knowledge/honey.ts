// Vanilla's bee nests and beehives (BeehiveBlock, BeehiveBlockEntity): the honey_level the bees fill, what
// a harvest gives, and how fast a nest fills. Read by the planner (what a harvest costs), the sandbox
// (which fills its nests at this pace and answers the harvests) and the recipes (honey is a source).

/** The blocks bees fill; both have `honey_level` 0..5 and a horizontal `facing`. */
export const NEST_BLOCKS = ['bee_nest', 'beehive'] as const;

/** honey_level of a full nest (BeehiveBlock.MAX_HONEY_LEVELS): only then does a harvest work. */
export const FULL_HONEY_LEVEL = 5;

/** What one harvest of a full nest gives: shears drop 3 honeycomb, a glass bottle becomes a honey bottle. */
export const HARVEST_GIVES: Readonly<Record<'honeycomb' | 'honey_bottle', { use: 'shears' | 'glass_bottle'; count: number }>> = {
  honeycomb: { use: 'shears', count: 3 },
  honey_bottle: { use: 'glass_bottle', count: 1 },
};

/** Items only a harvest gives (no block drops them, nothing smelts into them): a source, not a recipe loop. */
export const HARVESTED_ITEMS: ReadonlySet<string> = new Set(Object.keys(HARVEST_GIVES));

/**
 * Game ticks of the bees' work per honey level, the least and the most: a bee back with nectar stays in
 * 2400 ticks and adds a level as it leaves, and 2 or 3 bees a nest fill one from empty in 5 to 10
 * minutes. Bees stay in by night and in the rain.
 */
export const TICKS_PER_LEVEL = { min: 1200, max: 2400 } as const;

/** The mean seconds of the bees' work to fill an empty nest. */
export const NEST_FILL_SECONDS = (FULL_HONEY_LEVEL * (TICKS_PER_LEVEL.min + TICKS_PER_LEVEL.max)) / 2 / 20;
