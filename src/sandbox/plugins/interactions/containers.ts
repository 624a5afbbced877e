// Containers used on what the eyes look at (use_item): an empty bucket takes up a water or lava source,
// powder snow or the water of a waterlogged block (BucketItem.use → BucketPickup), a glass bottle fills
// from water (GlassBottleItem.use) and leaves it. The ray is vanilla's (src/knowledge/useRay.ts) along
// the look the client last sent, or the one a 1.21 use_item carries.
import { createRequire } from 'node:module';
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import { blockUse, USE_KIND, useOf, useReach, type BlockUse } from '../../../knowledge/interactions.ts';
import { castRay, isSource, lookVector, type RayCell } from '../../../knowledge/useRay.ts';
import type { SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';
import { handSlot, itemIn } from '../../mobs/hands.ts';
import { internals } from '../items/types.ts';
import { fillHeld, usedItem } from './held.ts';
import { eyesOf, lookOf, setLook } from './look.ts';
import type { FluidTicks } from './refill.ts';

const require = createRequire(import.meta.url);

interface BlockClass {
  fromStateId(stateId: number, biome: number): Block;
  fromProperties(name: string, props: Record<string, unknown>, biome: number): { stateId: number };
}

export interface UseItemPacket {
  hand?: number;
  /** 1.21+: the look (degrees) the item was used with. */
  rotation?: { x: number; y: number };
}

/** What a container takes from the block it hit, and what is left there (undefined: the block stays). */
interface Taking {
  use: BlockUse;
  after?: number;
  fluid?: 'water' | 'lava';
}

export function containerUses(serv: SquidServer, refill: FluidTicks): (player: SquidPlayer, packet: UseItemPacket) => Promise<void> {
  const registry = serv.registry;
  const BlockCls = (require('prismarine-block') as (r: unknown) => BlockClass)(registry);
  const air = registry.blocksByName.air!.defaultState;
  const blockIn = (world: SquidWorld, x: number, y: number, z: number) => BlockCls.fromStateId(world.sync.getBlockStateId(new Vec3(x, y, z)), 0);
  const cellOf = (b: Block): RayCell => ({ name: b.name, shapes: b.shapes, properties: b.getProperties() });

  function taking(use: 'bucket' | 'glass_bottle', block: Block): Taking | undefined {
    const props = block.getProperties();
    const waterlogged = props.waterlogged === true;
    if (use === 'glass_bottle') {
      const bottle = blockUse(registry, use, 'water');
      return bottle && (block.name === 'water' || waterlogged) ? { use: bottle } : undefined;
    }
    if (waterlogged) {
      const bucket = blockUse(registry, use, 'water');
      return bucket && { use: bucket, after: BlockCls.fromProperties(block.name, { ...props, waterlogged: false }, 0).stateId };
    }
    const u = blockUse(registry, use, block.name);
    if (!u || (block.name !== 'powder_snow' && !isSource(cellOf(block)))) return undefined;
    const fluid = block.name === 'water' || block.name === 'lava' ? block.name : undefined;
    return { use: u, after: air, ...(fluid ? { fluid } : {}) };
  }

  return async (player, packet) => {
    if (packet.rotation) setLook(player, { yaw: packet.rotation.x, pitch: packet.rotation.y });
    const slot = handSlot(player, packet.hand ?? 0);
    const use = useOf(itemIn(player, slot)?.name);
    if (use === undefined || USE_KIND[use] !== 'container' || player.gameMode === 3) return;
    // A bucket changes the world, which adventure mode forbids; a bottle only looks at it.
    if (use === 'bucket' && player.gameMode === 2) return;
    const look = lookOf(player);
    const world = player.world;
    const hit = castRay(eyesOf(player), lookVector(look.yaw, look.pitch), useReach(registry).ray, (x, y, z) => cellOf(blockIn(world, x, y, z)));
    if (!hit) return;
    const pos = new Vec3(hit.x, hit.y, hit.z);
    const t = taking(use as 'bucket' | 'glass_bottle', blockIn(world, hit.x, hit.y, hit.z));
    if (!t) return;
    if (t.after !== undefined) await serv.setBlock(world, pos, t.after);
    if (t.fluid) refill.schedule(world, pos, t.fluid);
    internals(serv).playSound(t.use.sound, world, pos.offset(0.5, 0.5, 0.5), { soundCategory: 'neutral' });
    fillHeld(serv, player, slot, usedItem(serv, t.use));
  };
}
