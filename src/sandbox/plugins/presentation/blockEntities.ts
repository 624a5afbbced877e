// Block entities the sandbox keeps (sign text, command-block commands): stored per world and position,
// dropped when the block is replaced by another kind (as vanilla discards the old block entity), sent to
// clients with tile_entity_data when they change and again after each chunk that holds them.
import type { Vec3 } from 'vec3';
import type { SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';

export interface BlockEntity {
  /** Whether a block of this name keeps the entity (a sign's text, a command block's command across its three kinds). */
  keptBy(blockName: string): boolean;
  pos: Vec3;
  /** The block-entity type's registry id (tile_entity_data's `action`). */
  type: number;
  /** The entity's NBT as vanilla sends it to clients (no id or coordinates). */
  nbt(): unknown;
}

const key = (p: Vec3) => `${p.x},${p.y},${p.z}`;
const stores = new WeakMap<SquidWorld, Map<string, BlockEntity>>();

function storeOf(world: SquidWorld): Map<string, BlockEntity> {
  let s = stores.get(world);
  if (!s) stores.set(world, (s = new Map<string, BlockEntity>()));
  return s;
}

export function getBlockEntity(world: SquidWorld, pos: Vec3): BlockEntity | undefined {
  return storeOf(world).get(key(pos));
}

export function setBlockEntity(world: SquidWorld, entity: BlockEntity): void {
  storeOf(world).set(key(entity.pos), entity);
}

/** The block-entity type ids vanilla's registry gives; only the kinds the sandbox keeps. */
export function blockEntityType(serv: SquidServer, kind: 'sign' | 'command_block'): number {
  if (kind === 'sign') return 7;
  // hanging_sign was registered right after sign in 1.19.3, moving every later type up by one.
  return serv.registry.version['>=']('1.19.3') ? 22 : 21;
}

export function entityPacket(e: BlockEntity): Record<string, unknown> {
  return { location: e.pos, action: e.type, nbtData: e.nbt() };
}

/** Sends the entity to every player in its world (vanilla: to those tracking the chunk). */
export function broadcastBlockEntity(serv: SquidServer, world: SquidWorld, e: BlockEntity): void {
  for (const p of serv.players) if (!p.disconnected && p.world === world) p._client.write('tile_entity_data', entityPacket(e));
}

type SetBlock = SquidServer['setBlock'];

/**
 * Runs `fn` once flying-squid's own plugins are set up (setBlock, onItemPlace and onBlockUpdate exist,
 * and its 'asap' registrations are done, so ours come after them).
 */
export function whenPluginsReady(serv: SquidServer, fn: () => void): void {
  if ((serv as SquidServer & { pluginsReady?: boolean }).pluginsReady) fn();
  else serv.once('pluginsReady', fn);
}

/**
 * Wraps serv.setBlock so that a block entity goes when its block does. Installed once flying-squid's
 * own plugins have defined setBlock (they run after ours).
 */
export function installBlockEntities(serv: SquidServer): void {
  whenPluginsReady(serv, () => {
    const original: SetBlock = serv.setBlock.bind(serv);
    serv.setBlock = async (world, pos, stateId) => {
      const existing = getBlockEntity(world, pos);
      if (existing && !existing.keptBy(serv.registry.blocksByStateId[stateId]?.name ?? 'air')) storeOf(world).delete(key(pos));
      await original(world, pos, stateId);
    };
  });
}

/** After a chunk reaches a player, the block entities it holds follow (flying-squid's chunks carry none). */
export function followChunks(player: SquidPlayer): void {
  player.on('sendChunk_done', (chunk: { x: number; z: number }, cancelled: boolean) => {
    if (cancelled) return;
    for (const e of storeOf(player.world).values()) {
      if (Math.floor(e.pos.x / 16) === chunk.x && Math.floor(e.pos.z / 16) === chunk.z) player._client.write('tile_entity_data', entityPacket(e));
    }
  });
}
