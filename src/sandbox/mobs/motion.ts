// Telling clients where a mob is and where it looks: relative moves against the position they
// were last told (so rounding never accumulates), a teleport for long moves, and head rotation.
import type { Vec3 } from 'vec3';
import type { SquidServer } from '../squid/types.ts';
import { viewers } from './metadata.ts';
import type { MobEntity } from './types.ts';

/** Degrees to a protocol angle byte (256 per turn, signed). */
export function angleByte(degrees: number): number {
  let b = Math.floor((((degrees % 360) + 360) % 360) * 256 / 360);
  if (b > 127) b -= 256;
  return b;
}

/** Vanilla yaw (degrees; 0 faces +z, 90 faces -x) of the direction (dx, dz). */
export function yawTowards(dx: number, dz: number): number {
  return (Math.atan2(-dx, dz) * 180) / Math.PI;
}

// A relative move is a short in 1/4096 blocks (1/32 before 1.9); flying-squid stays under 8 blocks too.
const MAX_RELATIVE = 7;

/** Moves the mob to `pos` facing its state's yaw, and tells every client that sees it. */
export function sendMobMove(serv: SquidServer, mob: MobEntity, pos: Vec3, onGround: boolean): void {
  const st = mob.skillcraftMob;
  const yaw = angleByte(st.yaw);
  const diff = pos.minus(st.known);
  const turned = yaw !== st.knownYaw;
  const moved = diff.x !== 0 || diff.y !== 0 || diff.z !== 0;
  mob.position = pos;
  mob.onGround = onGround;
  mob.yaw = yaw;
  mob.headPitch = yaw;
  if (!moved && !turned) return;
  const to = viewers(serv, mob);
  const scale = serv.supportFeature('fixedPointDelta128') ? 32 * 128 : 32;
  let packet: [string, Record<string, unknown>] | undefined;
  if (Math.abs(diff.x) > MAX_RELATIVE || Math.abs(diff.y) > MAX_RELATIVE || Math.abs(diff.z) > MAX_RELATIVE) {
    packet = ['entity_teleport', { entityId: mob.id, x: pos.x, y: pos.y, z: pos.z, yaw, pitch: 0, onGround }];
    st.known = pos.clone();
  } else if (moved) {
    const d = diff.scaled(scale).floored();
    st.known = st.known.plus(d.scaled(1 / scale));
    packet = ['entity_move_look', { entityId: mob.id, dX: d.x, dY: d.y, dZ: d.z, yaw, pitch: 0, onGround }];
  } else {
    packet = ['entity_look', { entityId: mob.id, yaw, pitch: 0, onGround }];
  }
  for (const p of to) {
    p._client.write(packet[0], packet[1]);
    if (turned) p._client.write('entity_head_rotation', { entityId: mob.id, headYaw: yaw });
  }
  st.knownYaw = yaw;
  // flying-squid re-checks which players see an entity once it has moved 2 blocks.
  if (pos.distanceTo(mob.lastPositionPlayersUpdated) > 2) mob.updateAndSpawn();
}
