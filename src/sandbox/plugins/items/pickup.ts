import type { Item } from 'prismarine-item';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { broadcastItemMetadata, itemClass, removeItemEntity } from './entity.ts';
import { planInsert } from './stacks.ts';
import { internals, type ItemEntity } from './types.ts';

// Vanilla: the player's box (0.6 × 1.8) grown by 1 sideways and 0.5 up and down must touch the
// item's box (0.25 × 0.25).
const REACH_XZ = 0.3 + 1 + 0.125;
const REACH_BELOW = 0.5 + 0.25;
const REACH_ABOVE = 1.8 + 0.5;

export function inPickupRange(player: SquidPlayer, entity: ItemEntity): boolean {
  const d = entity.position.minus(player.position);
  return Math.abs(d.x) < REACH_XZ && Math.abs(d.z) < REACH_XZ && d.y > -REACH_BELOW && d.y < REACH_ABOVE;
}

function canPickUp(player: SquidPlayer): boolean {
  return !player.disconnected && player.gameMode !== 3 && (player.health === undefined || player.health > 0);
}

/** Players who could take the item now, nearest first. */
export function collectors(serv: SquidServer, entity: ItemEntity): SquidPlayer[] {
  return serv.players
    .filter((p) => p.world === entity.world && canPickUp(p) && inPickupRange(p, entity))
    .sort((a, b) => a.position.distanceTo(entity.position) - b.position.distanceTo(entity.position));
}

/**
 * Moves as much of the entity's stack as fits into the player's inventory (vanilla `Inventory.add`
 * order), then plays the pickup animation and removes the entity, or leaves the rest on the ground
 * with its new count. Returns how many items were taken.
 */
export function collectItem(serv: SquidServer, player: SquidPlayer, entity: ItemEntity): number {
  const st = entity.skillcraftItem;
  if (st.gone) return 0;
  const ItemCls = itemClass(serv.registry);
  const make = (kind: Item, count: number) => new ItemCls(kind.type, count, kind.metadata, kind.nbt ?? undefined);
  const plan = planInsert(player.inventory.slots, st.item, player.heldItemSlot, make);
  const taken = st.item.count - plan.remainder;
  if (taken <= 0) return 0;
  for (const { slot, item } of plan.changes) player.inventory.updateSlot(slot, item);
  const collect = { collectedEntityId: entity.id, collectorEntityId: player.id, pickupItemCount: taken };
  const viewers = new Set([...entity.getNearbyPlayers(), player]);
  for (const p of viewers) p._client.write('collect', collect);
  internals(serv).playSound('entity.item.pickup', player.world, player.position, { volume: 0.2, pitch: 1.4 });
  if (plan.remainder === 0) {
    removeItemEntity(serv, entity);
  } else {
    st.item = make(st.item, plan.remainder);
    broadcastItemMetadata(serv, entity);
  }
  return taken;
}
