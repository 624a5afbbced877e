// Tools used on a block face (use_item_on, flying-squid's block_place): an axe strips a log, wood, stem,
// hyphae or bamboo block (AxeItem.useOn), shears carve a pumpkin (PumpkinBlock.use). The block changes
// in place, the tool wears by one, and a carved pumpkin drops its 4 seeds out of the carved face.
import { createRequire } from 'node:module';
import type { Block } from 'prismarine-block';
import type { Vec3 } from 'vec3';
import type { Logger } from 'pino';
import { blockUse, blockUses, USE_KIND, useOf, useReach } from '../../../knowledge/interactions.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { itemIn, wearSlot } from '../../mobs/hands.ts';
import { internals } from '../items/types.ts';
import { dropBeside } from './held.ts';
import { eyesOf, facingOf, lookOf } from './look.ts';

const require = createRequire(import.meta.url);

interface BlockClass { fromProperties(name: string, props: Record<string, unknown>, biome: number): { stateId: number } }
type Clicked = Block & { position: Vec3; direction?: number };
type InteractServer = SquidServer & { onBlockInteraction(name: string, handler: (d: { block: Clicked; player: SquidPlayer }) => Promise<boolean>): void };

type Horizontal = 'north' | 'south' | 'west' | 'east';
/** block_place's face numbers: 0 down, 1 up, then the four sides. */
const FACES: readonly (Horizontal | undefined)[] = [undefined, undefined, 'north', 'south', 'west', 'east'];
const OPPOSITE: Readonly<Record<Horizontal, Horizontal>> = { north: 'south', south: 'north', west: 'east', east: 'west' };
const STEP: Readonly<Record<Horizontal, { x: number; z: number }>> = { north: { x: 0, z: -1 }, south: { x: 0, z: 1 }, west: { x: -1, z: 0 }, east: { x: 1, z: 0 } };

/** Distance from a point to a block's cell (0 inside it). */
function toCell(p: Vec3, cell: Vec3): number {
  const d = (v: number, lo: number) => Math.max(lo - v, 0, v - (lo + 1));
  return Math.hypot(d(p.x, cell.x), d(p.y, cell.y), d(p.z, cell.z));
}

/** Whether the server takes a use on the block at `pos` from this player (see useReach). */
export function reachesBlock(serv: SquidServer, player: SquidPlayer, pos: Vec3): boolean {
  const reach = useReach(serv.registry);
  return reach.fromEyes ? toCell(eyesOf(player), pos) < reach.block : player.position.distanceTo(pos.offset(0.5, 0.5, 0.5)) < reach.block;
}

export function registerToolUses(serv: SquidServer, log: Logger): void {
  const registry = serv.registry;
  const BlockCls = (require('prismarine-block') as (r: unknown) => BlockClass)(registry);
  const stateOf = (name: string, props: Record<string, unknown>) => BlockCls.fromProperties(name, props, 0).stateId;

  /** True when the use happened (flying-squid then places nothing). */
  async function useTool(player: SquidPlayer, block: Clicked): Promise<boolean> {
    if (player.gameMode === 3) return false;
    // flying-squid's block_place always uses the main hand.
    const slot = 36 + player.heldItemSlot;
    const use = useOf(itemIn(player, slot)?.name);
    if (use === undefined || USE_KIND[use] !== 'tool') return false;
    const u = blockUse(registry, use, block.name);
    if (!u?.becomes || !reachesBlock(serv, player, block.position)) return false;
    let state: number;
    let out: Horizontal | undefined;
    if (use === 'axe') {
      // The axe acts as an item: not in adventure mode.
      if (player.gameMode === 2) return false;
      state = stateOf(u.becomes, { axis: block.getProperties().axis ?? 'y' });
    } else {
      // Shears act through the block, which a player sneaking with something in hand does not use.
      if ((player as SquidPlayer & { crouching?: boolean }).crouching === true) return false;
      out = FACES[block.direction ?? 1] ?? OPPOSITE[facingOf(lookOf(player))];
      state = stateOf(u.becomes, { facing: out });
    }
    await serv.setBlock(player.world, block.position, state);
    internals(serv).playSound(u.sound, player.world, block.position.offset(0.5, 0.5, 0.5), { soundCategory: 'block' });
    if (u.drops && out) dropBeside(serv, player, block.position, STEP[out], u.drops);
    wearSlot(serv, player, slot, 1);
    return true;
  }

  const s = serv as InteractServer;
  const blocks = new Set(blockUses(registry).filter((u) => USE_KIND[u.use] === 'tool').map((u) => u.block));
  for (const name of blocks) {
    s.onBlockInteraction(name, async ({ block, player }) => {
      try {
        return await useTool(player, block);
      } catch (err) {
        log.error({ err, block: block.name }, 'using a tool on a block failed');
        return true;
      }
    });
  }
}
