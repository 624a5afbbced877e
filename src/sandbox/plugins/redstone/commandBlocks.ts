// Command blocks: the client sets one with update_command_block (vanilla's handler: operators in
// creative only; the mode picks impulse, chain or repeating; "Command set: …" comes back), and an
// impulse block runs its command when it becomes powered or is switched to "always active".
// Chain and repeating blocks keep their command but are not run (the sandbox has no command chains).
import { Vec3 } from 'vec3';
import { createRequire } from 'node:module';
import type { SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';
import { sendText, styled, tr } from '../../text.ts';
import { blockEntityType, broadcastBlockEntity, getBlockEntity, setBlockEntity, type BlockEntity } from '../presentation/blockEntities.ts';
import { blockClass, isPowered } from './power.ts';

const require = createRequire(import.meta.url);
const nbt = require('prismarine-nbt') as { comp(v: Record<string, unknown>, name?: string): unknown; string(v: string): unknown; byte(v: number): unknown; int(v: number): unknown };

/** update_command_block's modes, and the block each one turns the command block into. */
const MODE_BLOCKS = ['chain_command_block', 'repeating_command_block', 'command_block'];

interface CommandBlockEntity extends BlockEntity {
  command: string;
  trackOutput: boolean;
  auto: boolean;
  powered: boolean;
  successCount: number;
  lastOutput: string;
}

const isCommandBlock = (name: string) => name.endsWith('command_block');

function entityFor(serv: SquidServer, world: SquidWorld, pos: Vec3): CommandBlockEntity {
  const found = getBlockEntity(world, pos) as CommandBlockEntity | undefined;
  if (found && 'command' in found) return found;
  const e: CommandBlockEntity = {
    keptBy: isCommandBlock, pos, type: blockEntityType(serv, 'command_block'), command: '', trackOutput: true, auto: false, powered: false, successCount: 0, lastOutput: '',
    nbt: () => nbt.comp({
      Command: nbt.string(e.command), SuccessCount: nbt.int(e.successCount), TrackOutput: nbt.byte(e.trackOutput ? 1 : 0),
      powered: nbt.byte(e.powered ? 1 : 0), auto: nbt.byte(e.auto ? 1 : 0), conditionMet: nbt.byte(0), UpdateLastExecution: nbt.byte(1),
      ...(e.trackOutput && e.lastOutput ? { LastOutput: nbt.string(JSON.stringify({ text: e.lastOutput })) } : {}),
    }),
  };
  setBlockEntity(world, e);
  return e;
}

/** Runs the block's command as vanilla's command block source: at the block's centre, named "@". */
async function run(serv: SquidServer, world: SquidWorld, e: CommandBlockEntity): Promise<void> {
  const line = e.command.replace(/^\//, '').trim();
  if (!line) return;
  let output = '';
  const ctx = { pos: e.pos.offset(0.5, 0.5, 0.5), reply: (text: string) => { output = text; } };
  try {
    const returned = await serv.commands.use(line, ctx);
    e.successCount = 1;
    e.lastOutput = returned ?? output;
  } catch (err) {
    e.successCount = 0;
    e.lastOutput = (err as Error).message;
  }
  broadcastBlockEntity(serv, world, e);
}

/** Block-update handler: an impulse block runs on the rising edge of power. */
export async function updateCommandBlock(serv: SquidServer, world: SquidWorld, pos: Vec3): Promise<boolean> {
  const name = serv.registry.blocksByStateId[await world.getBlockStateId(pos)]?.name ?? '';
  if (!isCommandBlock(name)) return false;
  const e = entityFor(serv, world, pos);
  const powered = await isPowered(serv, world, pos);
  if (powered === e.powered) return false;
  e.powered = powered;
  if (powered && !e.auto && name === 'command_block') await run(serv, world, e);
  return false;
}

interface SetCommandPacket { location: Vec3; command: string; mode?: number; flags?: number }

/** vanilla's handleSetCommandBlock. */
export async function setCommandBlock(serv: SquidServer, player: SquidPlayer, packet: SetCommandPacket): Promise<void> {
  if (!player.op || player.gameMode !== 1) {
    sendText(serv, player, styled(tr('advMode.notAllowed'), { color: 'red' }));
    return;
  }
  const world = player.world;
  const pos = new Vec3(packet.location.x, packet.location.y, packet.location.z);
  const stateId = await world.getBlockStateId(pos);
  const name = serv.registry.blocksByStateId[stateId]?.name ?? '';
  if (!isCommandBlock(name)) return;
  const e = entityFor(serv, world, pos);
  const flags = packet.flags ?? 0;
  const cls = blockClass(serv);
  const props = cls.fromStateId(stateId, 0).getProperties();
  const wanted = MODE_BLOCKS[packet.mode ?? 2] ?? 'command_block';
  const next = cls.fromProperties(wanted, { facing: props.facing ?? 'north', conditional: (flags & 2) !== 0 }, 0).stateId;
  if (next !== stateId) await serv.setBlock(world, pos, next);
  const wasAuto = e.auto;
  e.command = packet.command;
  e.trackOutput = (flags & 1) !== 0;
  if (!e.trackOutput) e.lastOutput = '';
  e.auto = (flags & 4) !== 0;
  broadcastBlockEntity(serv, world, e);
  if (e.command) sendText(serv, player, tr('advMode.setCommand.success', e.command));
  if (e.auto && !wasAuto && wanted === 'command_block') await run(serv, world, e);
}
