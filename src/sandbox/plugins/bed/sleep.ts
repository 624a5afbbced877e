// Sleeping as vanilla's ServerPlayer does it: the checks of startSleepInBed with their translatable
// refusals, the sleeping pose and bed position in the entity metadata (what clients, mineflayer's
// `bot.isSleeping` among them, read), the bed's occupied flag, and getting up: the "leave bed"
// animation, the standing pose and a teleport beside the bed.
import { Vec3 } from 'vec3';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import type { MobEntity } from '../../mobs/types.ts';
import { metadataType } from '../../metadataTypes.ts';
import { sendText, tr } from '../../text.ts';
import { getGameRule } from '../commands/time.ts';
import { bedState, freeAbove, headOf, isDay, standUpPosition, towards, withOccupied, type BedState } from './blocks.ts';

export interface Sleeper { head: Vec3; ticks: number; health: number }

type LivingPlayer = SquidPlayer & { health: number; yaw: number };

/** Players in a bed now, by server (iterated every tick). */
const sleepersByServer = new WeakMap<SquidServer, Map<SquidPlayer, Sleeper>>();
/** The head of the bed each player last slept in: their respawn point. */
const respawnBeds = new WeakMap<SquidPlayer, Vec3>();

export function sleepers(serv: SquidServer): Map<SquidPlayer, Sleeper> {
  let m = sleepersByServer.get(serv);
  if (!m) sleepersByServer.set(serv, (m = new Map<SquidPlayer, Sleeper>()));
  return m;
}

export function respawnBedOf(player: SquidPlayer): Vec3 | undefined {
  return respawnBeds.get(player);
}

export function forgetRespawnBed(player: SquidPlayer): void {
  respawnBeds.delete(player);
}

// Pose (index 6) and sleeping position (index 14) of a player from 1.14 on; before 1.19.3 metadata
// types are numbers: 18 a pose, 10 an optional block position.
const POSE_KEY = 6;
const SLEEPING_POS_KEY = 14;
const POSE_STANDING = 0;
const POSE_SLEEPING = 2;

function poseMetadata(serv: SquidServer, pose: number, bed: Vec3 | undefined): Record<string, unknown>[] {
  const named = typeof metadataType(serv.registry, ['f32']) === 'string';
  return [
    { key: POSE_KEY, type: named ? 'pose' : 18, value: pose },
    { key: SLEEPING_POS_KEY, type: named ? 'optional_block_pos' : 10, value: bed ? { x: bed.x, y: bed.y, z: bed.z } : undefined },
  ];
}

/** Sends to the player and to everyone who can see them (vanilla's broadcastAndSend). */
function broadcastAndSend(serv: SquidServer, player: SquidPlayer, name: string, data: Record<string, unknown>): void {
  for (const p of serv.players) {
    if (p.disconnected || p.world !== player.world) continue;
    if (p === player || p.position.distanceTo(player.position) <= 128) p._client.write(name, data);
  }
}

async function setOccupied(serv: SquidServer, player: SquidPlayer, head: Vec3, occupied: boolean): Promise<void> {
  const headState = player.world.sync.getBlockStateId(head);
  const bed = bedState(serv.registry, headState);
  if (!bed) return;
  // Vanilla sets the head; the foot follows it through BedBlock.updateShape.
  await serv.setBlock(player.world, head, withOccupied(serv.registry, headState, occupied));
  const foot = towards(head, bed.facing, -1);
  const footState = player.world.sync.getBlockStateId(foot);
  if (bedState(serv.registry, footState)?.part === 'foot') await serv.setBlock(player.world, foot, withOccupied(serv.registry, footState, occupied));
}

/** Within 3 blocks across and 2 up or down of either half's bottom centre (Player.bedInRange). */
function inRange(player: SquidPlayer, head: Vec3, bed: BedState): boolean {
  const near = (b: Vec3) => Math.abs(player.position.x - (b.x + 0.5)) <= 3 && Math.abs(player.position.y - b.y) <= 2 && Math.abs(player.position.z - (b.z + 0.5)) <= 3;
  return near(head) || near(towards(head, bed.facing, -1));
}

/** A hostile mob within 8 blocks across and 5 up or down of the bed (Monster.isPreventingPlayerRest). */
function monstersNear(serv: SquidServer, player: SquidPlayer, head: Vec3): boolean {
  const centre = head.offset(0.5, 0, 0.5);
  return Object.values(serv.entities).some((e) => {
    const mob = (e as Partial<MobEntity>).skillcraftMob;
    if (!mob || mob.dead || mob.gone || mob.facts.kind !== 'hostile' || e.world !== player.world) return false;
    return Math.abs(e.position.x - centre.x) <= 8 && Math.abs(e.position.y - centre.y) <= 5 && Math.abs(e.position.z - centre.z) <= 8;
  });
}

/**
 * Right-click on a bed half (BedBlock.use, then ServerPlayer.startSleepInBed). Refusals go to the
 * action bar as vanilla's translatable messages; the respawn point is set even when it is day.
 */
export async function useBed(serv: SquidServer, player: SquidPlayer, clicked: Vec3, bed: BedState): Promise<void> {
  const head = headOf(clicked, bed);
  const headBed = bedState(serv.registry, player.world.sync.getBlockStateId(head));
  if (!headBed || headBed.part !== 'head') return;
  if (headBed.occupied) return sendText(serv, player, tr('block.minecraft.bed.occupied'), true);
  const p = player as LivingPlayer;
  if (sleepers(serv).has(player) || p.health <= 0) return;
  if (!inRange(player, head, headBed)) return sendText(serv, player, tr('block.minecraft.bed.too_far_away'), true);
  if (!freeAbove(serv.registry, player.world, head) || !freeAbove(serv.registry, player.world, towards(head, headBed.facing, -1))) {
    return sendText(serv, player, tr('block.minecraft.bed.obstructed'), true);
  }
  const previous = respawnBeds.get(player);
  if (!previous || !previous.equals(head)) {
    respawnBeds.set(player, head.clone());
    sendText(serv, player, tr('block.minecraft.set_spawn'));
  }
  if (isDay(serv)) return sendText(serv, player, tr('block.minecraft.bed.no_sleep'), true);
  if (player.gameMode !== 1 && monstersNear(serv, player, head)) return sendText(serv, player, tr('block.minecraft.bed.not_safe'), true);
  sleepers(serv).set(player, { head: head.clone(), ticks: 0, health: p.health });
  await setOccupied(serv, player, head, true);
  // The client puts itself on the bed from the sleeping position; the server follows.
  player.position = head.offset(0.5, 0.6875, 0.5);
  broadcastAndSend(serv, player, 'entity_metadata', { entityId: player.id, metadata: poseMetadata(serv, POSE_SLEEPING, head) });
  announceSleepers(serv);
}

/**
 * Gets a player out of bed. `leaveBed` is ServerPlayer.stopSleepInBed (the "leave bed" animation and a
 * teleport beside the bed); without it, LivingEntity.stopSleeping (hurt, died, left the game).
 */
export async function wake(serv: SquidServer, player: SquidPlayer, leaveBed: boolean): Promise<void> {
  const sleeper = sleepers(serv).get(player);
  if (!sleeper) return;
  sleepers(serv).delete(player);
  const bed = bedState(serv.registry, player.world.sync.getBlockStateId(sleeper.head));
  let stand: Vec3 | undefined;
  if (bed) {
    await setOccupied(serv, player, sleeper.head, false);
    stand = standUpPosition(serv.registry, player.world, sleeper.head, bed.facing) ?? sleeper.head.offset(0.5, 1.1, 0.5);
  }
  if (player.disconnected) return;
  if (leaveBed) broadcastAndSend(serv, player, 'animation', { entityId: player.id, animation: 2 });
  broadcastAndSend(serv, player, 'entity_metadata', { entityId: player.id, metadata: poseMetadata(serv, POSE_STANDING, undefined) });
  if (stand) {
    player.position = stand;
    if (leaveBed) await player.teleport(stand);
  }
  announceSleepers(serv);
}

/** The playersSleepingPercentage game rule. */
export function sleepPercentage(serv: SquidServer): number {
  const rule = getGameRule(serv, 'playersSleepingPercentage');
  return typeof rule === 'number' ? rule : 100;
}

/** Players who count for skipping the night (vanilla's SleepStatus: everyone but spectators). */
export function activePlayers(serv: SquidServer): SquidPlayer[] {
  return serv.players.filter((p) => !p.disconnected && p.gameMode !== 3);
}

/** How many must sleep (SleepStatus.sleepersNeeded) for a playersSleepingPercentage. */
export function sleepersNeeded(serv: SquidServer, percentage: number): number {
  return Math.max(1, Math.ceil((activePlayers(serv).length * percentage) / 100));
}

const lastAnnounced = new WeakMap<SquidServer, string>();

/** ServerLevel.announceSleepStatus: "n/m players sleeping" or "Sleeping through this night" on everyone's action bar. */
export function announceSleepers(serv: SquidServer): void {
  const percentage = sleepPercentage(serv);
  const active = activePlayers(serv);
  const asleep = active.filter((p) => sleepers(serv).has(p)).length;
  const key = `${active.length}/${asleep}`;
  const before = lastAnnounced.get(serv);
  lastAnnounced.set(serv, key);
  if (key === before || (asleep === 0 && (before === undefined || before.endsWith('/0')))) return;
  const needed = sleepersNeeded(serv, percentage);
  const message = asleep >= needed ? tr('sleep.skipping_night') : tr('sleep.players_sleeping', asleep, needed);
  for (const p of active) sendText(serv, p, message, true);
}
