// A right-click on a full bee nest or beehive (use_item_on, flying-squid's block_place), as vanilla's
// BeehiveBlock.useItemOn: shears drop 3 honeycomb as one item entity and wear by one; a glass bottle
// becomes a honey bottle (ItemUtils.createFilledResult). Either way the honey_level goes back to 0 (the
// bees come out angry without a campfire under the nest: there are no bee entities here). On a nest that
// is not full, or with another item, nothing happens and the item is used as it would be anywhere.
import { createRequire } from 'node:module';
import type { Block } from 'prismarine-block';
import type { Vec3 } from 'vec3';
import type { Logger } from 'pino';
import { FULL_HONEY_LEVEL, HARVEST_GIVES, NEST_BLOCKS } from '../../../knowledge/honey.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { itemIn, wearSlot } from '../../mobs/hands.ts';
import { itemClass } from '../items/entity.ts';
import { internals } from '../items/types.ts';
import { dropBeside, fillHeld } from '../interactions/held.ts';
import { facingOf, lookOf } from '../interactions/look.ts';
import { reachesBlock } from '../interactions/tools.ts';

const require = createRequire(import.meta.url);

interface BlockClass { fromProperties(name: string, props: Record<string, unknown>, biome: number): { stateId: number } }
type Clicked = Block & { position: Vec3; direction?: number };
type InteractServer = SquidServer & { onBlockInteraction(name: string, handler: (d: { block: Clicked; player: SquidPlayer }) => Promise<boolean>): void };

/** block_place's face numbers (0 down, 1 up, then north, south, west, east) as steps out of the block. */
const FACE_STEPS: readonly ({ x: number; z: number } | undefined)[] = [undefined, undefined, { x: 0, z: -1 }, { x: 0, z: 1 }, { x: -1, z: 0 }, { x: 1, z: 0 }];
const TOWARDS: Readonly<Record<string, { x: number; z: number }>> = { north: { x: 0, z: 1 }, south: { x: 0, z: -1 }, west: { x: 1, z: 0 }, east: { x: -1, z: 0 } };

export function registerHarvests(serv: SquidServer, log: Logger): void {
  const registry = serv.registry;
  const BlockCls = (require('prismarine-block') as (r: unknown) => BlockClass)(registry);
  const honeyBottle = registry.itemsByName.honey_bottle?.id;

  /** True when the harvest happened (flying-squid then places nothing). */
  async function harvest(player: SquidPlayer, block: Clicked): Promise<boolean> {
    if (player.gameMode === 3) return false;
    // A player sneaking with something in hand uses the item, not the block.
    if ((player as SquidPlayer & { crouching?: boolean }).crouching === true) return false;
    const props = block.getProperties();
    if (Number(props.honey_level ?? 0) < FULL_HONEY_LEVEL) return false;
    // flying-squid's block_place always uses the main hand.
    const slot = 36 + player.heldItemSlot;
    const held = itemIn(player, slot)?.name;
    if ((held !== 'shears' && held !== 'glass_bottle') || !reachesBlock(serv, player, block.position)) return false;
    const pos = block.position;
    await serv.setBlock(player.world, pos, BlockCls.fromProperties(block.name, { ...props, honey_level: 0 }, 0).stateId);
    const centre = pos.offset(0.5, 0.5, 0.5);
    if (held === 'shears') {
      internals(serv).playSound('block.beehive.shear', player.world, centre, { soundCategory: 'block' });
      // Vanilla pops the stack out of the nest; here it comes out of the face clicked, towards the player.
      const out = FACE_STEPS[block.direction ?? 1] ?? TOWARDS[facingOf(lookOf(player))]!;
      dropBeside(serv, player, pos, out, { honeycomb: HARVEST_GIVES.honeycomb.count });
      wearSlot(serv, player, slot, 1);
    } else {
      if (honeyBottle === undefined) throw new Error('this version has no honey bottle');
      internals(serv).playSound('item.bottle.fill', player.world, centre, { soundCategory: 'neutral' });
      fillHeld(serv, player, slot, new (itemClass(registry))(honeyBottle, 1));
    }
    return true;
  }

  const s = serv as InteractServer;
  for (const name of NEST_BLOCKS) {
    if (!registry.blocksByName[name]) continue;
    s.onBlockInteraction(name, async ({ block, player }) => {
      try {
        return await harvest(player, block);
      } catch (err) {
        log.error({ err, block: block.name }, 'harvesting a bee nest failed');
        return true;
      }
    });
  }
}
