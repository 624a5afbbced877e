// What others see of a container being used: a chest's lid (the block event vanilla's
// ContainerOpenersCounter sends with the number of players looking in) and its sound, a barrel's
// `open` state. Each half of a double chest counts its viewers and sends its own block event.
import { createRequire } from 'node:module';
import type { Vec3 } from 'vec3';
import type { SquidServer } from '../../squid/types.ts';
import type { BlockStore } from '../../windows/blockStores.ts';
import { internals } from '../items/types.ts';
import { CHEST_BLOCKS, chestState } from './plugin.ts';
import { connectedDirection, OFFSETS } from './shape.ts';

const require = createRequire(import.meta.url);
/** The block event a chest's lid animates on (ChestBlockEntity.triggerEvent). */
const LID_EVENT = 1;

type BlockClass = { fromProperties(name: string, props: Record<string, unknown>, biome: number): { stateId: number } };
type ActionServer = SquidServer & { setBlockAction(world: BlockStore['world'], pos: Vec3, action: number, param: number): Promise<void> };

/** A handler for BlockStores.onViewerCount. */
export function containerViewers(serv: SquidServer, onError: (err: unknown) => void): (store: BlockStore, count: number, previous: number) => void {
  const BlockCls = (require('prismarine-block') as (r: unknown) => BlockClass)(serv.registry);
  const sound = (name: string, world: BlockStore['world'], at: Vec3) =>
    internals(serv).playSound(name, world, at, { radius: 16, volume: 0.5, pitch: 0.9 + Math.random() * 0.1, soundCategory: 'block' });

  async function update(store: BlockStore, count: number, previous: number): Promise<void> {
    const block = await store.world.getBlock(store.pos);
    if (block.name !== store.block) return;
    const opened = previous === 0 && count > 0;
    const closed = previous > 0 && count === 0;
    if ((CHEST_BLOCKS as readonly string[]).includes(block.name)) {
      await (serv as ActionServer).setBlockAction(store.world, store.pos, LID_EVENT, Math.min(count, 255));
      const state = chestState(block, block.name);
      // One sound per chest: a double chest's right half is silent, its left half sounds from the middle.
      if (!state || state.type === 'right' || !(opened || closed)) return;
      const towards = state.type === 'left' ? OFFSETS[connectedDirection(state)] : { x: 0, z: 0 };
      sound(opened ? 'block.chest.open' : 'block.chest.close', store.world, store.pos.offset(0.5 + towards.x / 2, 0.5, 0.5 + towards.z / 2));
    } else if (block.name === 'barrel' && (opened || closed)) {
      const stateId = BlockCls.fromProperties('barrel', { ...block.getProperties(), open: opened }, 0).stateId;
      await serv.setBlock(store.world, store.pos, stateId);
      sound(opened ? 'block.barrel.open' : 'block.barrel.close', store.world, store.pos.offset(0.5, 0.5, 0.5));
    }
  }

  return (store, count, previous) => { update(store, count, previous).catch(onError); };
}
