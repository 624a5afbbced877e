// Removing a dug block from the world: its drops, the other half of tall blocks, plants that lose
// their support, and the wear on the tool that broke it.
import { createRequire } from 'node:module';
import { Vec3 } from 'vec3';
import type { Block } from 'prismarine-block';
import type { Item } from 'prismarine-item';
import { needsSupportBelow, otherHalfOffset, rollDrops, toolWear, type Rng } from '../../../knowledge/index.ts';
import type { SquidEntity, SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';

const require = createRequire(import.meta.url);
const loadItem = require('prismarine-item') as (registry: unknown) => typeof Item;
const itemClasses = new WeakMap<object, typeof Item>();

/**
 * A copy of a stack with a new count. Slots must get a new object: the window code remembers what
 * the client was sent by reference, so a stack changed in place would never be resent.
 */
export function copyStack(serv: SquidServer, item: Item, count = Number(item.count)): Item {
  let ItemClass = itemClasses.get(serv.registry);
  if (!ItemClass) {
    ItemClass = loadItem(serv.registry);
    itemClasses.set(serv.registry, ItemClass);
  }
  return new ItemClass(item.type, count, item.metadata, item.nbt ? structuredClone(item.nbt) : undefined);
}

/** Vanilla pickup delay of a block drop (10 ticks) and despawn time (5 minutes). */
const BLOCK_DROP_PICKUP_MS = 500;
const DESPAWN_MS = 5 * 60 * 1000;

export interface DropOptions {
  velocity?: Vec3;
  pickupMs?: number;
}

/** Spawns an item entity of `count` × `itemName` at `pos` (an exact position, not a block corner). */
export function dropItem(serv: SquidServer, world: SquidWorld, pos: Vec3, itemName: string, count: number, opts: DropOptions = {}): SquidEntity {
  const item = serv.registry.itemsByName[itemName];
  if (!item) throw new Error(`cannot drop unknown item ${itemName}`);
  const entityType = serv.registry.entitiesByName.item;
  if (!entityType) throw new Error('this version has no item entity');
  return serv.spawnObject(entityType.id, world, pos, {
    velocity: opts.velocity ?? new Vec3(0, 0, 0),
    itemId: item.id,
    itemDamage: 0,
    itemCount: count,
    pickupTime: opts.pickupMs ?? BLOCK_DROP_PICKUP_MS,
    deathTime: DESPAWN_MS,
  });
}

/** Rolls and spawns what `block` drops when broken holding `toolName` (null: by hand). */
export function spawnBlockDrops(serv: SquidServer, world: SquidWorld, block: Block, pos: Vec3, toolName: string | null, rng: Rng): void {
  for (const { item, count } of rollDrops(serv.registry, block.name, toolName, rng, block.getProperties())) {
    // A small hop like vanilla's, kept gentle: flying-squid's item physics has no drag in the air.
    const velocity = new Vec3(rng.next() * 2 - 1, 2 + rng.next(), rng.next() * 2 - 1);
    dropItem(serv, world, pos.offset(0.5, 0.25, 0.5), item, count, { velocity });
  }
}

export interface BreakOptions {
  /** Held item that broke it (drops need the harvest tool); null: empty hand. */
  toolName: string | null;
  /** False in creative mode: the block itself drops nothing. */
  drops: boolean;
  rng: Rng;
}

/** Breaks the block at `pos` (already read as `block`) for everyone in `world`. */
export async function breakBlock(serv: SquidServer, world: SquidWorld, pos: Vec3, block: Block, opts: BreakOptions): Promise<void> {
  await serv.setBlock(world, pos, 0);
  let top = pos;
  const dy = otherHalfOffset(block.getProperties().half);
  if (dy !== 0) {
    const otherPos = pos.offset(0, dy, 0);
    // Vanilla removes the other half of a door or tall plant without a second drop.
    if ((await world.getBlock(otherPos)).name === block.name) {
      await serv.setBlock(world, otherPos, 0);
      if (dy > 0) top = otherPos;
    }
  }
  if (opts.drops) spawnBlockDrops(serv, world, block, pos, opts.toolName, opts.rng);
  await popUnsupported(serv, world, top.offset(0, 1, 0), opts.rng);
}

/** Breaks, bottom up, every block from `start` upwards that no longer stands on anything. */
async function popUnsupported(serv: SquidServer, world: SquidWorld, start: Vec3, rng: Rng): Promise<void> {
  const maxY = 320;
  let previous: string | null = null;
  for (let pos = start; pos.y < maxY; pos = pos.offset(0, 1, 0)) {
    const block = await world.getBlock(pos);
    if (!needsSupportBelow(block.name)) return;
    await serv.setBlock(world, pos, 0);
    // The upper half of a tall plant popping with its lower half drops nothing of its own.
    const upperHalf = block.getProperties().half === 'upper' && previous === block.name;
    if (!upperHalf) spawnBlockDrops(serv, world, block, pos, null, rng);
    previous = block.name;
  }
}

/** Wears the held tool for one mined block; it breaks (slot emptied) when it runs out. */
export function wearHeldTool(serv: SquidServer, player: SquidPlayer, block: Block): void {
  const slot = 36 + player.heldItemSlot;
  const held = player.inventory.slots[slot];
  if (!held || !held.maxDurability) return;
  const wear = toolWear(held.name, block.name, serv.registry.blocksByName[block.name]?.hardness ?? null);
  if (wear === 0) return;
  const used = (held.durabilityUsed ?? 0) + wear;
  if (used >= held.maxDurability) {
    player.inventory.updateSlot(slot, null);
    return;
  }
  const worn = copyStack(serv, held);
  worn.durabilityUsed = used;
  player.inventory.updateSlot(slot, worn);
}
