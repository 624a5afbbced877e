// Chests and furnaces placed as vanilla places them: a chest or furnace faces the player who placed it
// (flying-squid turns them away), and chests beside each other join into double chests and split again
// when a half goes. The double chest's window and its lid are the windows plugin's (doubleChest.ts).
import { createRequire } from 'node:module';
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';
import { connectedDirection, FACINGS, horizontalDirection, OFFSETS, OPPOSITE, placementState, updatedType, type ChestState, type Facing } from './shape.ts';

const require = createRequire(import.meta.url);

export const CHEST_BLOCKS = ['chest', 'trapped_chest'] as const;
/** Blocks that face the player who placed them (HorizontalDirectionalBlock with the look's opposite). */
const FACING_PLAYER = ['furnace', 'smoker', 'blast_furnace'];
/** block_place's face numbers: 0 down, 1 up, then the four sides. */
const SIDE_FACES: (Facing | undefined)[] = [undefined, undefined, 'north', 'south', 'west', 'east'];

interface BlockClass { fromProperties(name: string, props: Record<string, unknown>, biome: number): { stateId: number } }
interface PlaceData { player: SquidPlayer & { crouching?: boolean }; placedPosition: Vec3; direction: number; properties: { waterlogged?: boolean } }
type PlaceServer = SquidServer & {
  onItemPlace(name: string, handler: (d: PlaceData) => Promise<{ id: number; data: number }> | { id: number; data: number }): void;
  onBlockUpdate(name: string, handler: (world: SquidWorld, block: Block & { position: Vec3 }) => Promise<boolean>): void;
};

/** The look yaw (degrees) each player last sent: vanilla orients blocks by it, flying-squid keeps only a byte. */
const yaws = new WeakMap<SquidPlayer, number>();

export function chestState(block: Block | undefined, name: string): ChestState | undefined {
  if (!block || block.name !== name) return undefined;
  const p = block.getProperties() as { facing?: Facing; type?: ChestState['type'] };
  return p.facing && p.type ? { facing: p.facing, type: p.type } : undefined;
}

export function partnerPosition(pos: Vec3, state: ChestState): Vec3 | undefined {
  if (state.type === 'single') return undefined;
  const dir = connectedDirection(state);
  return pos.offset(OFFSETS[dir].x, 0, OFFSETS[dir].z);
}

export const chestsPlugin: SandboxPlugin = {
  name: 'skillcraft-chests',
  server(serv) {
    const s = serv as PlaceServer;
    const registry = serv.registry;
    const BlockCls = (require('prismarine-block') as (r: unknown) => BlockClass)(registry);
    const stateOf = (name: string, props: Record<string, unknown>) => BlockCls.fromProperties(name, props, 0).stateId;
    const look = (player: SquidPlayer) => horizontalDirection(yaws.get(player) ?? 0);

    for (const name of CHEST_BLOCKS) {
      const block = registry.blocksByName[name];
      if (!block) continue;
      s.onItemPlace(name, async ({ player, placedPosition, direction, properties }) => {
        const neighbors = new Map<Facing, ChestState | undefined>();
        for (const dir of FACINGS) {
          const at = placedPosition.offset(OFFSETS[dir].x, 0, OFFSETS[dir].z);
          neighbors.set(dir, chestState(await player.world.getBlock(at), name));
        }
        const clickedSide = SIDE_FACES[direction];
        const state = placementState({ look: look(player), sneaking: player.crouching === true, ...(clickedSide ? { clickedSide } : {}), neighbor: (d) => neighbors.get(d) });
        return { id: block.id, data: stateOf(name, { ...state, waterlogged: properties.waterlogged === true }) - block.minStateId };
      });
      // Runs when the chest itself or a neighbour changed: vanilla's updateShape towards each side.
      s.onBlockUpdate(name, async (world, chest) => {
        const state = chestState(chest, name);
        if (!state) return false;
        const around = new Map<Facing, ChestState | null>();
        for (const dir of FACINGS) around.set(dir, chestState(await world.getBlock(chest.position.offset(OFFSETS[dir].x, 0, OFFSETS[dir].z)), name) ?? null);
        const type = updatedType(state, (d) => around.get(d) ?? null);
        if (type === state.type) return false;
        // Sent as a block change: flying-squid's multi_block_change (what returning true sends) packs
        // positions below y=0 wrongly, and the client would keep the old shape.
        await serv.setBlock(world, chest.position, stateOf(name, { ...chest.getProperties(), type }));
        return false;
      });
    }

    for (const name of FACING_PLAYER) {
      const block = registry.blocksByName[name];
      if (!block) continue;
      s.onItemPlace(name, ({ player }) => ({ id: block.id, data: stateOf(name, { facing: OPPOSITE[look(player)], lit: false }) - block.minStateId }));
    }
  },
  player(player) {
    const record = ({ yaw }: { yaw?: number }) => { if (typeof yaw === 'number') yaws.set(player, yaw); };
    player._client.on('look', record);
    player._client.on('position_look', record);
  },
};
