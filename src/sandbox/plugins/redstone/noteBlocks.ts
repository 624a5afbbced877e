// Note blocks: powered on a rising edge they play their note (block_action for the client's particle
// and mineflayer's noteHeard, the sound for everyone nearby), as vanilla's neighborChanged does; a
// player hitting one plays it too. The note and instrument come from the block state.
import { Vec3 } from 'vec3';
import type { SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';
import { internals } from '../items/types.ts';
import { blockClass, isPowered } from './power.ts';

/** Vanilla's pitch for a note: two octaves, 0.5 to 2. */
export function notePitch(note: number): number {
  return Math.pow(2, (note - 12) / 12);
}

export async function playNote(serv: SquidServer, world: SquidWorld, pos: Vec3): Promise<boolean> {
  // Since 1.19.3 (1.20 for all instruments) a note block under a block plays nothing.
  const above = await world.getBlockStateId(pos.offset(0, 1, 0));
  if (above !== 0 && serv.registry.blocksByStateId[above]?.name !== 'cave_air') return false;
  const block = blockClass(serv).fromStateId(await world.getBlockStateId(pos), 0);
  const props = block.getProperties();
  const note = Number(props.note ?? 0);
  const instrument = typeof props.instrument === 'string' ? props.instrument : 'harp';
  const blockId = serv.registry.blocksByName.note_block!.id;
  for (const p of serv.players) {
    if (p.disconnected || p.world !== world || p.position.distanceTo(pos) > 64) continue;
    p._client.write('block_action', { location: pos, byte1: 0, byte2: note, blockId });
  }
  internals(serv).playSound(`block.note_block.${instrument}`, world, pos.offset(0.5, 0.5, 0.5), { volume: 3, pitch: notePitch(note), soundCategory: 'record', radius: 48 });
  return true;
}

/** The block-update handler: keeps `powered` in step with the neighbours and plays on a rising edge. */
export async function updateNoteBlock(serv: SquidServer, world: SquidWorld, pos: Vec3): Promise<boolean> {
  const cls = blockClass(serv);
  const block = cls.fromStateId(await world.getBlockStateId(pos), 0);
  const props = block.getProperties();
  const powered = await isPowered(serv, world, pos);
  if (props.powered === powered) return false;
  if (powered) await playNote(serv, world, pos);
  const next = cls.fromProperties('note_block', { ...props, powered }, 0).stateId;
  await world.setBlockStateId(pos, next);
  // Sent here rather than reported as changed: flying-squid's multi_block_change packs absolute
  // coordinates where the protocol wants them within the section, so clients put it elsewhere.
  for (const p of serv.players) if (!p.disconnected && p.world === world) p.sendBlock(pos, next);
  return false;
}

/** Left-clicking a note block plays it (vanilla's attack); the dig itself is cancelled in creative. */
export function hitNoteBlocks(serv: SquidServer, player: SquidPlayer): void {
  player._client.on('block_dig', (packet: { status: number; location: Vec3 }) => {
    if (packet.status !== 0) return;
    const world = player.world;
    const pos = new Vec3(packet.location.x, packet.location.y, packet.location.z);
    world.getBlock(pos).then(async (b) => {
      if (b?.name === 'note_block') await playNote(serv, world, pos);
    }).catch((err: unknown) => serv.warn(`note block: ${(err as Error).message}`));
  });
}
