import { describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import minecraftData from 'minecraft-data';
import { createRequire } from 'node:module';
import { Vec3 } from 'vec3';
import { droppedItems } from '../../src/actions/items/drops.ts';

// Under latency an item entity's spawn arrives before its metadata: prismarine-entity's getDroppedItem then
// reads the missing slot and throws (it failed a mineBlock through a lagging proxy).
describe('droppedItems', () => {
  it('lists an item entity whose metadata has not arrived as an unnamed stack instead of throwing', () => {
    const registry = minecraftData('1.20.1');
    type ItemClass = { new (type: number, count: number): unknown; fromNotch(n: unknown): unknown; toNotch(i: unknown): unknown };
    const Item = (createRequire(import.meta.url)('prismarine-item') as (v: string) => ItemClass)('1.20.1');
    const slot = registry.supportFeature('metadataIxOfItem') as unknown as number;
    const entity = (id: number, metadata: unknown[]) => ({
      id, name: 'item', isValid: true, position: new Vec3(1, 64, 0), metadata,
      getDroppedItem: () => Item.fromNotch(metadata[slot]),
    });
    const named: unknown[] = [];
    named[slot] = Item.toNotch(new Item(registry.itemsByName.oak_log!.id, 3));
    const bot = { registry, entity: { position: new Vec3(0, 64, 0) }, entities: { 1: entity(1, []), 2: entity(2, named) } } as unknown as Bot;
    const drops = droppedItems({ bot }, { radius: 8 });
    expect(drops.map((d) => [d.entity.id, d.item, d.count]).sort()).toEqual([[1, null, 0], [2, 'oak_log', 3]]);
    expect(droppedItems({ bot }, { radius: 8, item: 'oak_log' }).map((d) => d.entity.id)).toEqual([2]);
  });
});
