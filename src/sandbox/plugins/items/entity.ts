import { createRequire } from 'node:module';
import { metadataType } from '../../metadataTypes.ts';
import type { Item } from 'prismarine-item';
import type { Registry } from 'prismarine-registry';
import { Vec3 } from 'vec3';
import type { SquidEntity, SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';
import { findItem } from './stacks.ts';
import { internals, type ItemEntity, type SquidEntityInternals } from './types.ts';

/** A stack to drop: a prismarine Item, or an item named (`oak_log`, `minecraft:oak_log`) or given by id. */
export type DropStack = Item | { name: string; count: number } | { id: number; count: number; metadata?: number };

export interface DropOptions {
  /** Blocks per second, like flying-squid's entity velocity. */
  velocity?: Vec3;
  /** Vanilla: 10 ticks for block drops, 40 for items a player throws. */
  pickupDelayMs?: number;
  /** Vanilla despawns items after 5 minutes. */
  lifetimeMs?: number;
}

export const DEFAULT_PICKUP_DELAY_MS = 500;
export const THROWN_PICKUP_DELAY_MS = 2000;
export const ITEM_LIFETIME_MS = 5 * 60 * 1000;

const require = createRequire(import.meta.url);
// prismarine-item is CommonJS (`module.exports = loader`) while its typings declare an ES default export.
const itemLoader = require('prismarine-item') as (registry: Registry) => typeof Item;

const itemClasses = new WeakMap<Registry, typeof Item>();

export function itemClass(registry: Registry): typeof Item {
  let cls = itemClasses.get(registry);
  if (!cls) {
    cls = itemLoader(registry);
    itemClasses.set(registry, cls);
  }
  return cls;
}

interface MetadataLayout { key: number; type: number | string }
const layouts = new WeakMap<Registry, MetadataLayout>();

/**
 * Where the item stack sits in an item entity's metadata, read from the protocol definition: the
 * index moved (6, 7, then 8 from 1.17) and the type changed from a number (6 until 1.19.2) to the
 * name `item_stack` (1.19.3+, when protocol types became a mapper). flying-squid hard-codes key 6
 * type 6, which mineflayer cannot read on any of the versions we run, and from 1.20.2 sends no
 * entity metadata at all (the type: src/sandbox/metadataTypes.ts).
 */
export function itemMetadataLayout(registry: Registry): MetadataLayout {
  const cached = layouts.get(registry);
  if (cached) return cached;
  const keys = registry.entitiesByName.item?.metadataKeys;
  const keyFromNames = keys ? keys.indexOf('item') : -1;
  const key = keyFromNames >= 0 ? keyFromNames : Number(registry.supportFeature('metadataIxOfItem'));
  if (!Number.isInteger(key)) throw new Error(`no item-stack entity metadata for ${registry.version.minecraftVersion}`);
  const layout = { key, type: metadataType(registry, ['slot', 'Slot']) };
  layouts.set(registry, layout);
  return layout;
}

export function isDroppedItem(entity: SquidEntity): entity is ItemEntity {
  return (entity as SquidEntityInternals).skillcraftItem !== undefined;
}

/** The stack an item entity carries, or undefined for any other entity. */
export function droppedItemOf(entity: SquidEntity): Item | undefined {
  return isDroppedItem(entity) && !entity.skillcraftItem.gone ? entity.skillcraftItem.item : undefined;
}

function toItem(serv: SquidServer, stack: DropStack): Item {
  const ItemCls = itemClass(serv.registry);
  // Items from flying-squid's own prismarine-item loader are another class: recognise them by shape.
  if ('type' in stack) return new ItemCls(stack.type, stack.count, stack.metadata, stack.nbt ?? undefined);
  if ('name' in stack) {
    const info = findItem(serv.registry, stack.name);
    if (!info) throw new Error(`unknown item '${stack.name}'`);
    return new ItemCls(info.id, stack.count);
  }
  if ('id' in stack) {
    if (!serv.registry.items[stack.id]) throw new Error(`unknown item id ${stack.id}`);
    return new ItemCls(stack.id, stack.count, stack.metadata ?? 0);
  }
  throw new Error('a dropped stack needs an item name or id');
}

/** The `entity_metadata` packet that tells a client which stack an item entity carries. */
export function itemMetadataPacket(registry: Registry, entityId: number, item: Item): Record<string, unknown> {
  const { key, type } = itemMetadataLayout(registry);
  return { entityId, metadata: [{ key, type, value: itemClass(registry).toNotch(item) }] };
}

function metadataPacket(serv: SquidServer, entity: ItemEntity): Record<string, unknown> {
  return itemMetadataPacket(serv.registry, entity.id, entity.skillcraftItem.item);
}

/** Spawns the entity for one player, with the metadata that names its item. */
export function spawnItemFor(serv: SquidServer, player: SquidPlayer, entity: ItemEntity): void {
  player._client.write(entity.spawnPacketName, entity.getSpawnPacket());
  player._client.write('entity_metadata', metadataPacket(serv, entity));
}

/** Tells every player who sees the entity about its (new) stack. */
export function broadcastItemMetadata(serv: SquidServer, entity: ItemEntity): void {
  const packet = metadataPacket(serv, entity);
  for (const p of entity.getNearbyPlayers()) p._client.write('entity_metadata', packet);
}

/**
 * Drops a stack as an item entity that every client can name (`entity.getDroppedItem()`), which
 * falls, rests on blocks, can be picked up after `pickupDelayMs` and despawns after `lifetimeMs`.
 */
export function dropItemEntity(serv: SquidServer, world: SquidWorld, position: Vec3, stack: DropStack, opts: DropOptions = {}): ItemEntity {
  const item = toItem(serv, stack);
  if (!Number.isInteger(item.count) || item.count < 1) throw new Error(`cannot drop ${item.count} ${item.name}`);
  const typeId = serv.registry.entitiesByName.item?.id;
  if (typeId === undefined) throw new Error('this version has no item entity');
  const s = internals(serv);
  const entity = s.initEntity('object', typeId, world, position.clone()) as ItemEntity;
  const now = Date.now();
  entity.uuid = crypto.randomUUID();
  entity.name = 'item';
  entity.data = 1;
  entity.velocity = opts.velocity?.clone() ?? new Vec3(0, 0, 0);
  entity.yaw = 0;
  entity.pitch = 0;
  entity.metadata = [];
  // No `size`, `pickupTime` or `deathTime`: flying-squid's entity tick then leaves physics, pickup
  // and despawn of this entity to the items plugin.
  entity.skillcraftItem = {
    item,
    pickupAt: now + (opts.pickupDelayMs ?? DEFAULT_PICKUP_DELAY_MS),
    despawnAt: now + (opts.lifetimeMs ?? ITEM_LIFETIME_MS),
    onGround: false,
    resting: false,
    ticksResting: 0,
    gone: false,
  };
  entity.updateAndSpawn();
  return entity;
}

/**
 * Throws a stack out of a player's hands the way vanilla `Player.drop` does: from 0.3 below the eyes,
 * 0.3 blocks per tick along the look direction plus 0.1 up, pickable after 2 s. (Vanilla adds a small
 * random spread; it is left out so runs repeat exactly.)
 */
export function tossFromPlayer(serv: SquidServer, player: SquidPlayer, stack: DropStack): ItemEntity {
  const p = player as SquidPlayer & { yaw: number; pitch: number };
  // flying-squid stores the player's look as protocol angle bytes (256 per turn).
  const yaw = (p.yaw * 2 * Math.PI) / 256;
  const pitch = (p.pitch * 2 * Math.PI) / 256;
  const perTick = new Vec3(-Math.sin(yaw) * Math.cos(pitch) * 0.3, -Math.sin(pitch) * 0.3 + 0.1, Math.cos(yaw) * Math.cos(pitch) * 0.3);
  return dropItemEntity(serv, player.world, player.position.offset(0, 1.62 - 0.3, 0), stack, {
    velocity: perTick.scaled(20),
    pickupDelayMs: THROWN_PICKUP_DELAY_MS,
  });
}

/** Removes an item entity for every client. */
export function removeItemEntity(serv: SquidServer, entity: ItemEntity): void {
  if (entity.skillcraftItem.gone) return;
  entity.skillcraftItem.gone = true;
  internals(serv).destroyEntity(entity);
}
