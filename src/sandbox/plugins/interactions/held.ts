// The hand's side of using an item on a block: the filled item (a water bottle with its potion) and
// how it replaces the empty one, as vanilla's ItemUtils.createFilledResult does.
import { createRequire } from 'node:module';
import type { Item } from 'prismarine-item';
import { Vec3 } from 'vec3';
import type { BlockUse } from '../../../knowledge/interactions.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { setComponent } from '../items/components.ts';
import { dropItemEntity, itemClass } from '../items/entity.ts';
import { planInsert } from '../items/stacks.ts';
import { copyStack } from '../digging/break.ts';
import { eyesOf } from './look.ts';

const require = createRequire(import.meta.url);
const nbt = require('prismarine-nbt') as { comp(v: Record<string, unknown>, name?: string): unknown; string(v: string): unknown };

/**
 * Ids in the potion registry, which is built in (never sent to clients): 1.20.5 dropped the `empty`
 * potion, so water is the first one registered.
 */
const POTION_IDS: Readonly<Record<string, number>> = { water: 0 };

interface ComponentItem { components: { type: string; data: unknown }[]; componentMap: Map<string, { type: string; data: unknown }> }

/**
 * The item a use gives. A potion names its potion in a `potion_contents` component from 1.20.5, in
 * the `Potion` tag of its NBT before.
 */
export function usedItem(serv: SquidServer, use: BlockUse): Item {
  const id = serv.registry.itemsByName[use.gives]?.id;
  if (id === undefined) throw new Error(`this version has no ${use.gives}`);
  const ItemCls = itemClass(serv.registry);
  if (use.potion === undefined) return new ItemCls(id, 1);
  if (!serv.supportFeature('itemsWithComponents')) return new ItemCls(id, 1, 0, nbt.comp({ Potion: nbt.string(`minecraft:${use.potion}`) }, '') as object);
  const potionId = POTION_IDS[use.potion];
  if (potionId === undefined) throw new Error(`no registry id known for the ${use.potion} potion`);
  return setComponent(new ItemCls(id, 1), 'potion_contents', { potionId, customEffects: [] });
}

/** A copy of a stack, components and all (copyStack keeps the NBT only). */
function copyOf(serv: SquidServer, item: Item, count: number): Item {
  const copy = copyStack(serv, item, count);
  const from = item as Item & Partial<ComponentItem>;
  if (from.components && from.componentMap) {
    const to = copy as Item & ComponentItem;
    to.components = from.components.map((c) => ({ ...c }));
    to.componentMap = new Map(to.components.map((c) => [c.type, c]));
  }
  return copy;
}

/** Adds a stack the way pickup does; what does not fit is dropped at the player's eyes (vanilla Player.drop). */
export function addOrDrop(serv: SquidServer, player: SquidPlayer, item: Item): void {
  const plan = planInsert(player.inventory.slots, item, player.heldItemSlot, (kind, n) => copyOf(serv, kind, n));
  for (const { slot, item: stack } of plan.changes) player.inventory.updateSlot(slot, stack);
  if (plan.remainder > 0) dropItemEntity(serv, player.world, eyesOf(player).offset(0, -0.3, 0), copyOf(serv, item, plan.remainder), { pickupDelayMs: 0 });
}

function holds(player: SquidPlayer, item: Item): boolean {
  return player.inventory.slots.some((s) => s?.type === item.type);
}

/**
 * ItemUtils.createFilledResult: in survival the empty container in `slot` is used up and the filled one
 * takes its place when it was the last, or goes into the inventory; in creative the empty one stays and
 * the filled one is added unless one is carried already.
 */
export function fillHeld(serv: SquidServer, player: SquidPlayer, slot: number, filled: Item): void {
  const held = player.inventory.slots[slot];
  if (!held) return;
  if (player.gameMode === 1) {
    if (!holds(player, filled)) addOrDrop(serv, player, filled);
    return;
  }
  if (Number(held.count) === 1) {
    player.inventory.updateSlot(slot, filled);
    return;
  }
  player.inventory.updateSlot(slot, copyStack(serv, held, Number(held.count) - 1));
  addOrDrop(serv, player, filled);
}

/** Drops items beside a block: vanilla's carved pumpkin seeds come out of the carved face, 0.65 from the centre. */
export function dropBeside(serv: SquidServer, player: SquidPlayer, pos: Vec3, out: { x: number; z: number }, items: Readonly<Record<string, number>>): void {
  const at = pos.offset(0.5 + out.x * 0.65, 0.1, 0.5 + out.z * 0.65);
  // Vanilla's push is 0.05 blocks a tick outwards and up (plus a little noise, left out so runs repeat).
  const velocity = new Vec3(out.x, 1, out.z);
  for (const [name, count] of Object.entries(items)) dropItemEntity(serv, player.world, at, { name, count }, { velocity });
}
