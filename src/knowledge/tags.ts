// The vanilla item tags that crafting recipes and fuels use, recognised by item name: one home for the
// agent's groups (`#planks` in skill conditions), its recipe folding and the sandbox's crafting grid.

/** Wood types whose planks, slabs and logs make the wooden tags (bamboo and the nether stems included). */
export const WOODEN = /^(oak|spruce|birch|jungle|acacia|dark_oak|mangrove|cherry|bamboo|crimson|warped|pale_oak)_/;

/** The vanilla item tag an item belongs to, among the tags crafting recipes use. */
export function tagOf(name: string): string | undefined {
  if (name.endsWith('_planks')) return 'planks';
  if (name.endsWith('_wool')) return 'wool';
  if (name === 'coal' || name === 'charcoal') return 'coals';
  if (name === 'cobblestone' || name === 'cobbled_deepslate' || name === 'blackstone') return 'stone_tool_materials';
  // A mushroom stem is a block of a mushroom, not wood: vanilla's #logs leaves it out.
  if (name !== 'mushroom_stem' && /_(log|wood|stem|hyphae)$/.test(name)) return 'logs';
  // #wooden_slabs has every wood's slab but the bamboo mosaic's (and the petrified oak slab, which WOODEN skips).
  if (name.endsWith('_slab') && WOODEN.test(name) && name !== 'bamboo_mosaic_slab') return 'wooden_slabs';
  return undefined;
}

/** An item's tag, or the item itself: what recipe variants may differ in and still be one recipe. */
export function tagOrName(name: string): string {
  return tagOf(name) ?? name;
}
