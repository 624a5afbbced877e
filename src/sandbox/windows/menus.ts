import type { Registry } from 'prismarine-registry';

// The menu-type registry ids `open_window` carries, in vanilla's registration order (1.14+).
const BEFORE_CRAFTER = ['generic_9x1', 'generic_9x2', 'generic_9x3', 'generic_9x4', 'generic_9x5', 'generic_9x6', 'generic_3x3'];
const AFTER_CRAFTER = ['anvil', 'beacon', 'blast_furnace', 'brewing_stand', 'crafting', 'enchantment', 'furnace', 'grindstone',
  'hopper', 'lectern', 'loom', 'merchant', 'shulker_box'];

export type MenuKind = 'generic_9x3' | 'generic_9x6' | 'crafting' | 'furnace' | 'smoker' | 'blast_furnace' | 'enchantment' | 'merchant';

/** The protocol id of a menu type for this version (the crafter, added in 1.20.3, shifts later ids). */
export function menuTypeId(registry: Registry, kind: MenuKind): number {
  const order = [...BEFORE_CRAFTER, ...(registry.version['>=']('1.20.3') ? ['crafter_3x3'] : []), ...AFTER_CRAFTER,
    ...(registry.supportFeature('netherUpdateInventoryWindows') ? ['smithing'] : []), 'smoker', 'cartography', 'stonecutter'];
  const id = order.indexOf(kind);
  if (id < 0) throw new Error(`unknown menu type ${kind}`);
  return id;
}

export const MENU_TITLES: Record<MenuKind, string> = {
  generic_9x3: 'container.chest',
  generic_9x6: 'container.chestDouble',
  crafting: 'container.crafting',
  furnace: 'container.furnace',
  smoker: 'container.smoker',
  blast_furnace: 'container.blast_furnace',
  enchantment: 'container.enchant',
  merchant: 'entity.minecraft.villager',
};
