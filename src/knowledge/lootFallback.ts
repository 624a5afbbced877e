// minecraft-data 1.18.2 lists no `drops` for any block; its blockLoot names the items instead.
import type { KnowledgeRegistry } from './tools.ts';

const emptyDropsData = new WeakMap<object, boolean>();

/** True when the registry's blocks carry no `drops` at all (then blockLoot is the only source). */
export function lacksDropsData(registry: KnowledgeRegistry): boolean {
  let lacks = emptyDropsData.get(registry);
  if (lacks === undefined) {
    lacks = !registry.blocksArray.some((b) => b.drops.length > 0);
    emptyDropsData.set(registry, lacks);
  }
  return lacks;
}

/**
 * Item names a block drops without Silk Touch, from blockLoot: one of each (its stack sizes count
 * Fortune and multi-block states, so they are not used). Wall torches, signs, banners and heads
 * have no loot entry of their own and drop their standing form.
 */
export function lootItemNames(registry: KnowledgeRegistry, blockName: string): string[] {
  const loot = registry.blockLoot?.[blockName];
  if (!loot) {
    const standing = /_?wall_(torch|sign|banner|skull|head)$/.test(blockName) ? blockName.replace(/_?wall_/, blockName.startsWith('wall_') ? '' : '_') : null;
    return standing && registry.itemsByName[standing] ? [standing] : [];
  }
  return [...new Set(loot.drops.filter((d) => !d.silkTouch).map((d) => d.item))];
}
