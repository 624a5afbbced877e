import { Vec3 } from 'vec3';
import type { SquidServer } from '../../squid/types.ts';
import type { ItemEntity } from './types.ts';

// Vanilla ItemEntity per-tick constants (blocks per tick).
const GRAVITY = 0.04;
const AIR_DRAG = 0.98;
const GROUND_FRICTION = 0.6 * 0.98;
const STILL = 1e-3;
const ITEM_HEIGHT = 0.25;
/** How often a resting item checks that the block under it is still there. */
const REST_CHECK_TICKS = 10;

/** Below this the item has fallen out of the world (vanilla removes entities 64 blocks under the floor). */
export function voidLevel(serv: SquidServer): number {
  return (serv.supportFeature('tallWorld') ? -64 : 0) - 64;
}

async function solidAt(serv: SquidServer, entity: ItemEntity, x: number, y: number, z: number): Promise<boolean> {
  const id = await entity.world.getBlockType(new Vec3(Math.floor(x), Math.floor(y), Math.floor(z)));
  return serv.registry.blocks[id]?.boundingBox === 'block';
}

/**
 * One tick of a simplified vanilla item motion: gravity, drag, landing on full blocks and stopping
 * against walls; an item at rest only re-checks its support now and then. Returns the new position
 * and whether it changed.
 */
export async function stepItem(serv: SquidServer, entity: ItemEntity): Promise<{ position: Vec3; moved: boolean }> {
  const st = entity.skillcraftItem;
  const pos = entity.position;
  if (st.resting) {
    if (++st.ticksResting % REST_CHECK_TICKS !== 0 || (await solidAt(serv, entity, pos.x, Math.ceil(pos.y) - 1, pos.z))) {
      return { position: pos, moved: false };
    }
    st.resting = false;
    st.onGround = false;
  }
  if (await solidAt(serv, entity, pos.x, pos.y, pos.z)) {
    // Spawned inside a block (a drop at a block that is still there): pop out on top of it.
    const up = new Vec3(pos.x, Math.floor(pos.y) + 1, pos.z);
    entity.velocity = new Vec3(0, 0, 0);
    return { position: up, moved: true };
  }
  const v = entity.velocity.scaled(1 / 20);
  v.y -= GRAVITY;
  const next = pos.plus(v);
  let onGround = false;
  if (v.y < 0) {
    for (let by = Math.ceil(pos.y) - 1; by >= Math.floor(next.y); by--) {
      if (await solidAt(serv, entity, pos.x, by, pos.z)) {
        next.y = by + 1;
        v.y = 0;
        onGround = true;
        break;
      }
    }
  } else if (v.y > 0 && (await solidAt(serv, entity, pos.x, next.y + ITEM_HEIGHT, pos.z))) {
    next.y = pos.y;
    v.y = 0;
  }
  if (v.x !== 0 && (await solidAt(serv, entity, next.x, next.y + 0.1, pos.z))) {
    next.x = pos.x;
    v.x = 0;
  }
  if (v.z !== 0 && (await solidAt(serv, entity, next.x, next.y + 0.1, next.z))) {
    next.z = pos.z;
    v.z = 0;
  }
  const friction = onGround ? GROUND_FRICTION : AIR_DRAG;
  v.x *= friction;
  v.z *= friction;
  v.y *= AIR_DRAG;
  st.onGround = onGround;
  if (onGround && Math.abs(v.x) < STILL && Math.abs(v.z) < STILL) {
    st.resting = true;
    st.ticksResting = 0;
    v.set(0, 0, 0);
  }
  entity.velocity = v.scaled(20);
  return { position: next, moved: !next.equals(pos) };
}
