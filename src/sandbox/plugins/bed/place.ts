// Placing a bed item as vanilla's BedItem does: the foot where the player clicked, the head one block
// further in the direction the player looks, both facing that way; refused when the head has no room.
// flying-squid placed a lone foot half, facing by the player's position rather than their look.
import type { Vec3 } from 'vec3';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { towards, type Facing } from './blocks.ts';

interface StateDef { name: string; num_values: number; values?: string[] }
interface BlockDef { id: number; name: string; minStateId: number; states?: StateDef[]; boundingBox?: string }
interface PlaceData { player: SquidPlayer; placedPosition: Vec3 }
type PlaceServer = SquidServer & { onItemPlace(name: string, handler: (d: PlaceData) => Promise<{ id?: number; data?: number }>): void };

/** Direction.fromYRot: 0° looks south, 90° west. */
const BY_YAW: Facing[] = ['south', 'west', 'north', 'east'];
/** Blocks a bed half may replace (vanilla's canBeReplaced, for the blocks a flat world has). */
const REPLACEABLE = new Set(['air', 'cave_air', 'void_air', 'water', 'short_grass', 'grass', 'fern', 'snow', 'dead_bush', 'vine']);

/** The look yaw (degrees) each player last sent; flying-squid keeps only a byte of it. */
const yaws = new WeakMap<SquidPlayer, number>();

function stateId(def: BlockDef, props: Record<string, string | boolean>): number {
  let data = 0;
  for (const s of def.states ?? []) {
    const v = props[s.name];
    // minecraft-data lists booleans as true then false.
    const index = typeof v === 'boolean' ? (v ? 0 : 1) : Math.max(0, s.values?.indexOf(String(v)) ?? 0);
    data = data * s.num_values + index;
  }
  return def.minStateId + data;
}

export function trackLook(player: SquidPlayer): void {
  const onLook = ({ yaw }: { yaw?: number }) => { if (typeof yaw === 'number') yaws.set(player, yaw); };
  player._client.on('look', onLook);
  player._client.on('position_look', onLook);
}

export function registerBedPlacement(serv: SquidServer): void {
  const s = serv as PlaceServer;
  const blocks = (serv.registry as unknown as { blocksByStateId: Record<number, BlockDef>; blocksByName: Record<string, BlockDef> });
  for (const def of Object.values(blocks.blocksByName).filter((b) => b.name.endsWith('_bed'))) {
    if (!serv.registry.itemsByName[def.name]) continue;
    s.onItemPlace(def.name, async ({ player, placedPosition }) => {
      const yaw = yaws.get(player) ?? 0;
      const facing = BY_YAW[Math.floor(yaw / 90 + 0.5) & 3]!;
      const head = towards(placedPosition, facing);
      const there = blocks.blocksByStateId[player.world.sync.getBlockStateId(head)];
      if (!there || !REPLACEABLE.has(there.name)) return {};
      await serv.setBlock(player.world, head, stateId(def, { facing, occupied: false, part: 'head' }));
      return { id: def.id, data: stateId(def, { facing, occupied: false, part: 'foot' }) - def.minStateId };
    });
  }
}
