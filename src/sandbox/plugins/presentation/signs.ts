// Signs as vanilla has them: every wood's sign places its own standing or wall sign (flying-squid
// places oak for six woods and nothing for the rest), the editor opens after the block appears, the
// text the client sends with update_sign is kept and sent back as the sign's block entity.
import { createRequire } from 'node:module';
import { Vec3 } from 'vec3';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';
import { lookOf } from '../interactions/look.ts';
import { rotationSegment } from '../placement/geometry.ts';
import {
  blockEntityType, broadcastBlockEntity, followChunks, getBlockEntity, installBlockEntities, setBlockEntity, whenPluginsReady, type BlockEntity,
} from './blockEntities.ts';

const require = createRequire(import.meta.url);
const nbt = require('prismarine-nbt') as {
  comp(v: Record<string, unknown>, name?: string): unknown;
  list(v: unknown): unknown;
  string(v: string | string[]): unknown;
  byte(v: number): unknown;
};

interface SignEntity extends BlockEntity { front: string[]; back: string[] }

interface PlaceData { player: SquidPlayer; placedPosition: Vec3; direction: number; properties: { rotation: number } }
interface PlaceServer extends SquidServer {
  onItemPlace(name: string, handler: (d: PlaceData) => { id: number; data: number }, warn?: boolean): void;
  setBlockDataProperties(baseData: number, states: unknown, properties: Record<string, unknown>): number;
}

const WALL_FACING = ['north', 'south', 'west', 'east'];
const EMPTY = ['', '', '', ''];

function lineJson(line: string): string {
  return JSON.stringify({ text: line });
}

function signNbt(serv: SquidServer, s: SignEntity): unknown {
  if (!serv.supportFeature('multiSidedSigns')) {
    const [t1 = '', t2 = '', t3 = '', t4 = ''] = s.front.map(lineJson);
    return nbt.comp({ Text1: nbt.string(t1), Text2: nbt.string(t2), Text3: nbt.string(t3), Text4: nbt.string(t4), Color: nbt.string('black'), GlowingText: nbt.byte(0) });
  }
  const side = (lines: string[]) => nbt.comp({ messages: nbt.list(nbt.string(lines.map(lineJson))), color: nbt.string('black'), has_glowing_text: nbt.byte(0) });
  return nbt.comp({ front_text: side(s.front), back_text: side(s.back), is_waxed: nbt.byte(0) });
}

function newSign(serv: SquidServer, block: string, pos: Vec3): SignEntity {
  const s: SignEntity = { keptBy: (name) => name === block, pos, type: blockEntityType(serv, 'sign'), front: [...EMPTY], back: [...EMPTY], nbt: () => signNbt(serv, s) };
  return s;
}

/** The sign block an item places against a face, or undefined (signs do not hang under blocks here). */
function signBlock(serv: SquidServer, itemName: string, direction: number, rotation: number): { id: number; data: number } | undefined {
  if (direction === 0) return undefined;
  const name = direction === 1 ? itemName : itemName.replace(/_sign$/, '_wall_sign');
  const block = serv.registry.blocksByName[name];
  if (!block) return undefined;
  const props = direction === 1 ? { rotation } : { facing: WALL_FACING[direction - 2] };
  return { id: block.id, data: (serv as PlaceServer).setBlockDataProperties(block.defaultState - block.minStateId, block.states, props) };
}

/** After the block change has gone out (flying-squid sets the block once the handler returns), the editor opens. */
function openEditor(serv: SquidServer, player: SquidPlayer, pos: Vec3, block: string): void {
  setImmediate(() => {
    setBlockEntity(player.world, newSign(serv, block, pos));
    player._client.write('open_sign_entity', { location: pos, isFrontText: true });
  });
}

/** Vanilla's StandingSignBlock: the text faces the player who placed it (its look, not where it stands). */
const signRotation = (player: SquidPlayer): number => rotationSegment(lookOf(player).yaw + 180);

function registerPlacement(serv: SquidServer): void {
  const signItems = serv.registry.itemsArray.filter((i) => i.name.endsWith('_sign') && !i.name.includes('hanging'));
  for (const item of signItems) {
    (serv as PlaceServer).onItemPlace(item.name, ({ player, placedPosition, direction }) => {
      const placed = signBlock(serv, item.name, direction, signRotation(player));
      if (!placed) return { id: -1, data: 0 };
      openEditor(serv, player, placedPosition, serv.registry.blocks[placed.id]!.name);
      return placed;
    }, false);
  }
}

const FACES = [new Vec3(0, -1, 0), new Vec3(0, 1, 0), new Vec3(0, 0, -1), new Vec3(0, 0, 1), new Vec3(-1, 0, 0), new Vec3(1, 0, 0)];

/**
 * flying-squid refuses any block at the placing player's feet; vanilla refuses only blocks that
 * collide, and a sign does not. This places a sign there; every other case stays flying-squid's.
 */
async function placeAtFeet(serv: SquidServer, player: SquidPlayer, packet: { location: Vec3; direction: number }): Promise<void> {
  const held = player.inventory.slots[36 + player.heldItemSlot];
  if (!held?.name.endsWith('_sign') || held.name.includes('hanging') || player.gameMode >= 2) return;
  const face = FACES[packet.direction];
  if (!face) return;
  const clicked = new Vec3(packet.location.x, packet.location.y, packet.location.z);
  // As flying-squid does: a block without a collision box (grass, a sign) is replaced, not built on.
  const pos = (await player.world.getBlock(clicked))?.boundingBox === 'empty' ? clicked : clicked.plus(face);
  if (!pos.equals(player.position.floored())) return;
  const current = await player.world.getBlock(pos);
  if (current && current.name !== 'air' && current.name !== 'cave_air' && current.name !== 'water') return;
  const placed = signBlock(serv, held.name, packet.direction, signRotation(player));
  if (!placed) return;
  const block = serv.registry.blocks[placed.id]!;
  if (player.gameMode === 0) player.inventory.updateSlot(36 + player.heldItemSlot, held.count > 1 ? Object.assign(held, { count: held.count - 1 }) : null);
  await serv.setBlock(player.world, pos, block.minStateId + placed.data);
  openEditor(serv, player, pos, block.name);
}

interface UpdateSignPacket { location: Vec3; isFrontText?: boolean; text1: string; text2: string; text3: string; text4: string }

/** Keeps what the player wrote, as vanilla filters it: no formatting codes, at most 384 characters a line. */
async function updateSign(serv: SquidServer, player: SquidPlayer, packet: UpdateSignPacket): Promise<void> {
  const pos = new Vec3(packet.location.x, packet.location.y, packet.location.z);
  const world: SquidWorld = player.world;
  const block = await world.getBlock(pos);
  if (!block?.name.endsWith('_sign') || player.position.distanceTo(pos.offset(0.5, 0.5, 0.5)) > 8) return;
  let sign = getBlockEntity(world, pos) as SignEntity | undefined;
  if (!sign || !('front' in sign)) sign = newSign(serv, block.name, pos);
  const lines = [packet.text1, packet.text2, packet.text3, packet.text4].map((l) => (l ?? '').replace(/§./g, '').slice(0, 384));
  if (packet.isFrontText === false && serv.supportFeature('multiSidedSigns')) sign.back = lines;
  else sign.front = lines;
  setBlockEntity(world, sign);
  broadcastBlockEntity(serv, world, sign);
}

export const signsPlugin: SandboxPlugin = {
  name: 'skillcraft-signs',
  server(serv) {
    installBlockEntities(serv);
    // flying-squid registers its (oak-only) sign handlers on its 'asap'; ours replace them after.
    whenPluginsReady(serv, () => registerPlacement(serv));
  },
  player(player, serv, ctx) {
    followChunks(player);
    const fail = (what: string) => (err: unknown) => ctx.log.error({ err }, what);
    player._client.on('update_sign', (packet: UpdateSignPacket) => {
      updateSign(serv, player, packet).catch(fail('sign update failed'));
    });
    player._client.on('block_place', (packet: { location: Vec3; direction: number }) => {
      placeAtFeet(serv, player, packet).catch(fail('sign placement failed'));
    });
  },
};
