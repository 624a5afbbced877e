// Where each player looks, in the degrees the client sent: vanilla casts a container's ray along it,
// and flying-squid keeps only a byte of each angle (1.4°, a tenth of a block at reach).
import type { Vec3 } from 'vec3';
import type { SquidPlayer } from '../../squid/types.ts';

export interface Look {
  yaw: number;
  pitch: number;
}

const looks = new WeakMap<SquidPlayer, Look>();

/** Records every look the player sends (look and position_look packets). */
export function trackLook(player: SquidPlayer): void {
  const record = ({ yaw, pitch }: { yaw?: number; pitch?: number }) => {
    if (typeof yaw === 'number' && typeof pitch === 'number') looks.set(player, { yaw, pitch });
  };
  player._client.on('look', record);
  player._client.on('position_look', record);
}

/** 1.21+ use_item carries the look it was used with; vanilla turns the player to it first. */
export function setLook(player: SquidPlayer, look: Look): void {
  looks.set(player, look);
}

/** The last look in degrees; from flying-squid's angle bytes before the first look packet. */
export function lookOf(player: SquidPlayer): Look {
  const known = looks.get(player);
  if (known) return known;
  const p = player as SquidPlayer & { yaw?: number; pitch?: number };
  return { yaw: ((p.yaw ?? 0) * 360) / 256, pitch: ((p.pitch ?? 0) * 360) / 256 };
}

/** Where the player's eyes are: 1.62 above the feet, 1.27 when sneaking (1.14+). */
export function eyesOf(player: SquidPlayer): Vec3 {
  const sneaking = (player as SquidPlayer & { crouching?: boolean }).crouching === true;
  return player.position.offset(0, sneaking ? 1.27 : 1.62, 0);
}

/** Direction.fromYRot: the horizontal way a look faces (0° south, 90° west). */
export function facingOf(look: Look): 'south' | 'west' | 'north' | 'east' {
  return (['south', 'west', 'north', 'east'] as const)[Math.floor(look.yaw / 90 + 0.5) & 3]!;
}
