// Which of mineflayer's external test files concern a survival player (the yardstick: ≥ 90 %
// of those pass on every served version), and which cannot apply to the sandbox, with why, once.

/** Test file → the survival topic it exercises; files not listed are counted under "other". */
export const SURVIVAL_TOPICS: Record<string, string> = {
  digAndBuild: 'digging, building',
  digWaterSpeed: 'digging',
  exampleDigger: 'digging',
  exampleBlockFinder: 'digging',
  crafting: 'crafting',
  furnace: 'furnace',
  useChests: 'chests',
  exampleInventory: 'inventory',
  consume: 'consume',
  bed: 'bed',
  chat: 'chat',
  time: 'time',
  heldItem: 'held item',
  heldItemChanged: 'held item',
  activateItem: 'held item',
  spawnEvent: 'spawn',
  exampleBee: 'entities',
  rayTrace: 'physics',
  breath: 'physics',
};

/** Files the harness itself leaves out (`excludedTests` in externalTest.js): mineflayer's maintainers do not run them either. */
export const HARNESS_EXCLUDED = ['digEverything', 'book', 'anvil', 'placeEntity'];

/** Test files that cannot apply to the sandbox, with the reason (stated once in the report). */
export const NOT_APPLICABLE: Record<string, string> = {
  nether: 'the sandbox serves the overworld only: a nether_portal block takes no one anywhere (no Nether world is served, no dimension change or respawn)',
};

/** The file a case belongs to: "chat test parse" → "chat". */
export function fileOf(caseName: string): string {
  return caseName.split(' ')[0]!;
}
