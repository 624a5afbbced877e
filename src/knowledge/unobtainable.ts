// Items a survival player can never hold, whatever they do: creative-inventory and operator items, blocks
// that never drop themselves (not even with Silk Touch) and block forms with no item of their own. The
// planner refuses them at once and says so; they are not counted as refusals of what vanilla gives.

/** Why an item cannot be had in survival, by kind. */
const EXACT: Readonly<Record<string, string>> = {
  ...Object.fromEntries([
    'command_block', 'chain_command_block', 'repeating_command_block', 'command_block_minecart', 'barrier', 'light',
    'jigsaw', 'structure_block', 'structure_void', 'debug_stick', 'knowledge_book', 'test_block', 'test_instance_block',
  ].map((n) => [n, 'an operator item (creative or commands only)'])),
  ...Object.fromEntries([
    'bedrock', 'spawner', 'trial_spawner', 'vault', 'budding_amethyst', 'reinforced_deepslate', 'end_portal_frame',
    'farmland', 'dirt_path', 'suspicious_sand', 'suspicious_gravel', 'frogspawn', 'chorus_plant', 'petrified_oak_slab',
    'player_head', 'end_gateway', 'end_portal', 'nether_portal',
  ].map((n) => [n, 'a block that never drops itself, not even with Silk Touch'])),
  // Java's loot gives two short plants for a tall one, even to shears; only Bedrock drops the tall item.
  ...Object.fromEntries(['tall_grass', 'large_fern'].map((n) => [n, 'a tall plant that drops two short ones, even to shears'])),
  ...Object.fromEntries(['torchflower_crop', 'pitcher_crop', 'bubble_column', 'moving_piston', 'piston_head'].map((n) => [n, 'a block form with no item of its own'])),
};

/** Item names the creative inventory alone offers, by pattern. */
const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/_spawn_egg$/, 'a spawn egg (creative or commands only)'],
  [/^infested_/, 'an infested block, which breaks into a silverfish'],
  [/candle_cake$/, 'a cake with a candle on it, which drops the candle, not itself'],
];

/** The part of a version's data this needs: minecraft-data's version test. */
export interface VersionTest {
  isOlderThan(version: string): boolean;
}

/**
 * Why `item` can never be obtained in survival on this version, or undefined when it can. The bundle
 * became craftable in 1.21.2; before that it was an experimental, creative-only item.
 */
export function survivalUnobtainable(item: string, registry: VersionTest): string | undefined {
  const exact = EXACT[item];
  if (exact) return exact;
  if (item === 'bundle' && registry.isOlderThan('1.21.2')) return 'an experimental item before 1.21.2, not craftable';
  return PATTERNS.find(([re]) => re.test(item))?.[1];
}
