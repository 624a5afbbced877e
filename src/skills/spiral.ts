export interface Waypoint {
  x: number;
  z: number;
}

const DIRECTIONS: readonly (readonly [number, number])[] = [[1, 0], [0, 1], [-1, 0], [0, -1]];

/**
 * Waypoints of a square spiral around (x, z): sides of `leg`, `leg`, 2·`leg`, 2·`leg`, 3·`leg`…
 * (east, south, west, north), cut into steps of at most `leg` blocks so that the caller can look
 * around after each one, until `maxDistance` blocks of walking in all. Deterministic: the same
 * centre gives the same waypoints.
 */
export function spiralWaypoints(center: Waypoint, leg: number, maxDistance: number): Waypoint[] {
  if (!(leg > 0) || !(maxDistance > 0)) return [];
  const out: Waypoint[] = [];
  let x = Math.floor(center.x);
  let z = Math.floor(center.z);
  let walked = 0;
  for (let side = 0; walked < maxDistance; side++) {
    const [dx, dz] = DIRECTIONS[side % 4]!;
    let remaining = leg * (Math.floor(side / 2) + 1);
    while (remaining > 0 && walked < maxDistance) {
      const step = Math.min(leg, remaining, maxDistance - walked);
      x += dx * step;
      z += dz * step;
      walked += step;
      remaining -= step;
      out.push({ x, z });
    }
  }
  return out;
}
