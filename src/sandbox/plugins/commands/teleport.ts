import { createRequire } from 'node:module';
import { Vec3 } from 'vec3';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { playerInternals } from '../items/types.ts';
import { CommandError, coordinate, feedback, originOf, resolvePlayers, senderPlayer, words, type CommandContext } from './core.ts';
import { tr } from '../../text.ts';

const require = createRequire(import.meta.url);
const WORLD_LIMIT = 30_000_000;

function position(args: string[], from: Vec3 | undefined): Vec3 {
  const [x, y, z] = args as [string, string, string];
  const pos = new Vec3(coordinate(x, from?.x, true), coordinate(y, from?.y, false), coordinate(z, from?.z, true));
  if (Math.abs(pos.x) > WORLD_LIMIT || Math.abs(pos.z) > WORLD_LIMIT || Math.abs(pos.y) > 20_000_000) throw new CommandError('Position out of the world');
  return pos;
}

/** Moves a player and tells their client (flying-squid's teleport sends the `position` packet). */
export async function teleportPlayer(player: SquidPlayer, to: Vec3): Promise<void> {
  await player.teleport(to);
}

/** How long a teleport waits for the client's confirmation before client moves count again. */
const CONFIRM_TIMEOUT_MS = 5000;
/** A teleport whose packet is not written yet. */
const PENDING = -1;

/**
 * Makes teleports stick, as vanilla does, against three flying-squid habits:
 * - it applies every client move, including one the client sent before it saw the teleport, which
 *   puts the player back; vanilla ignores client moves until the client confirms that teleport, so
 *   each position packet here gets its own id and moves wait for its confirmation;
 * - it sends the look as protocol angle bytes where the packet wants degrees;
 * - its login, once the client's first move arrives and the remaining chunks are sent, resends the
 *   login position, undoing a teleport made just after a bot spawned. After a teleport, that resend
 *   sends the current position instead.
 */
export function syncTeleports(player: SquidPlayer): void {
  const p = playerInternals(player);
  const sendPosition = p.sendPosition.bind(p);
  const teleport = p.teleport.bind(p);
  let spawned = false;
  const bitflags = flagsAreBitflags((p._client as { version?: string }).version);
  let loginResendDone = false;
  let teleported = false;
  let nextId = 1;
  let awaiting: { id: number; since: number } | undefined;
  player.once('spawned', () => { spawned = true; });
  // flying-squid sends the chunks beyond the first few once the client's first `flying` or `look`
  // arrives. A player teleported before then (e.g. right on joining) stands in unloaded chunks, where
  // a client sends only full moves (or nothing), and the rest never came: any move packet counts.
  (p as typeof p & { waitPlayerLogin(): Promise<void> }).waitPlayerLogin = () => new Promise((resolve) => {
    const events = ['flying', 'look', 'position', 'position_look'];
    const done = () => { for (const e of events) p._client.removeListener(e, done); resolve(); };
    for (const e of events) p._client.on(e, done);
  });
  p._client.on('teleport_confirm', ({ teleportId }: { teleportId: number }) => {
    if (awaiting?.id === teleportId) awaiting = undefined;
  });
  p.teleport = async (to: Vec3) => {
    teleported = true;
    // flying-squid moves the player (with awaits) before it writes the packet: hold moves from now.
    awaiting = { id: PENDING, since: Date.now() };
    try {
      await teleport(to);
    } finally {
      // A teleport to where the player already is writes no packet, so no confirmation will come.
      if (awaiting?.id === PENDING) awaiting = undefined;
    }
  };
  p.sendPosition = (position: Vec3, onGround: boolean, isTeleport = false) => {
    const held = awaiting !== undefined && Date.now() - awaiting.since < CONFIRM_TIMEOUT_MS;
    if (held && !isTeleport) return Promise.resolve(false);
    return sendPosition(position, onGround, isTeleport);
  };
  p.sendSelfPosition = (position?: Vec3) => {
    const loginResend = position !== undefined && spawned && !loginResendDone;
    if (loginResend) loginResendDone = true;
    if (position && !(loginResend && teleported)) p.position = position;
    const id = nextId;
    nextId = nextId >= 0x7fffffff ? 1 : nextId + 1;
    awaiting = { id, since: Date.now() };
    const deg = (angleByte: number) => (angleByte * 360) / 256;
    const { x, y, z } = p.position;
    // Once the player is in the world, the look is left as the client has it (relative, +0), as
    // vanilla's /tp without a rotation does: an absolute one would round it to flying-squid's angle
    // bytes and turn the player by up to 1.4°.
    const keepLook = spawned;
    const flags = !keepLook ? 0 : bitflags ? { yaw: true, pitch: true } : 0x18;
    const yaw = keepLook ? 0 : deg(p.yaw);
    const pitch = keepLook ? 0 : deg(p.pitch);
    p._client.write('position', { x, y, z, yaw, pitch, flags, teleportId: id, dismountVehicle: false });
  };
}

/** 1.20.5+ carries the position packet's relative flags as a bitflags object, older versions as a byte. */
function flagsAreBitflags(version: string | undefined): boolean {
  const data = version ? (require('minecraft-data') as (v: string) => { protocol?: ProtocolShape } | undefined)(version) : undefined;
  const fields = data?.protocol?.play?.toClient?.types?.packet_position?.[1];
  return fields?.find((f) => f.name === 'flags')?.type !== 'i8';
}
type ProtocolShape = { play?: { toClient?: { types?: { packet_position?: [string, { name: string; type: unknown }[]] } } } };

/** Vanilla prints teleport coordinates with up to six decimals, trailing zeros dropped ("0.5"). */
function fmt(v: Vec3): string[] {
  return [v.x, v.y, v.z].map((n) => String(Number(n.toFixed(6))));
}

async function tp(serv: SquidServer, args: string, ctx: CommandContext): Promise<void> {
  const a = words(args);
  let targets: SquidPlayer[];
  let dest: Vec3 | SquidPlayer;
  if (a.length === 1) {
    targets = [senderPlayer(ctx)];
    dest = resolvePlayers(serv, ctx, a[0]!)[0]!;
  } else if (a.length === 2) {
    targets = resolvePlayers(serv, ctx, a[0]!);
    dest = resolvePlayers(serv, ctx, a[1]!)[0]!;
  } else if (a.length === 3) {
    const self = senderPlayer(ctx);
    targets = [self];
    dest = position(a, originOf(ctx));
  } else if (a.length === 4) {
    targets = resolvePlayers(serv, ctx, a[0]!);
    // Relative coordinates count from the sender; the console has no position, so from the (single) target.
    const from = originOf(ctx) ?? (targets.length === 1 ? targets[0]!.position : undefined);
    dest = position(a.slice(1), from);
  } else {
    throw new CommandError('Usage: /tp <x> <y> <z> | /tp <player> | /tp <targets> <x> <y> <z> | /tp <targets> <player>');
  }
  const to = dest instanceof Vec3 ? dest : dest.position.clone();
  for (const t of targets) await teleportPlayer(t, to);
  const single = targets.length === 1;
  const what = single ? targets[0]!.username : targets.length;
  feedback(serv, ctx, dest instanceof Vec3
    ? tr(`commands.teleport.success.location.${single ? 'single' : 'multiple'}`, what, ...fmt(to))
    : tr(`commands.teleport.success.entity.${single ? 'single' : 'multiple'}`, what, dest.username));
}

export const TELEPORT_COMMANDS = [
  { base: 'tp', aliases: ['teleport'], info: 'Teleports players', usage: '/tp [targets] <x y z | player>', run: tp },
];
