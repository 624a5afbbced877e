// Where a mob may stand: pure rules over a block lookup, so they can be tested without a world.

/**
 * How a block matters to a walking mob. `air` is anything it walks through (air, grass, flowers);
 * `solid` anything with a collision box; `unknown` a block in a column that is not loaded.
 */
export type BlockKind = 'air' | 'solid' | 'leaves' | 'liquid' | 'unknown';
export type KindAt = (x: number, y: number, z: number) => BlockKind;

export interface StepRules {
  /** Blocks of air the mob needs above its feet (its height, rounded up). */
  headroom: number;
  /** Largest drop it steps down (1 while wandering: no cliffs). */
  maxDrop: number;
  /** Wandering animals never step onto leaves. */
  avoidLeaves: boolean;
}

function standable(kind: BlockKind, rules: StepRules): boolean {
  return kind === 'solid' || (kind === 'leaves' && !rules.avoidLeaves);
}

function clearAbove(kindAt: KindAt, x: number, feetY: number, z: number, headroom: number): boolean {
  for (let dy = 0; dy < headroom; dy++) if (kindAt(x, feetY + dy, z) !== 'air') return false;
  return true;
}

/**
 * The feet height at which a mob coming from feet height `feetY` stands in block column (x, z): the
 * same level, one block up (a step), or down by at most `maxDrop`; null when it cannot go there
 * (a wall, a cliff, water or lava, leaves for animals, or a column that is not loaded).
 */
export function footingAt(kindAt: KindAt, x: number, z: number, feetY: number, rules: StepRules): number | null {
  const bx = Math.floor(x);
  const bz = Math.floor(z);
  const fy = Math.floor(feetY);
  const atFeet = kindAt(bx, fy, bz);
  if (atFeet === 'solid' || atFeet === 'leaves') {
    // A step up: the block in the way must be one to stand on, with room above it and above the mob.
    if (!standable(atFeet, rules)) return null;
    if (!clearAbove(kindAt, bx, fy + 1, bz, rules.headroom)) return null;
    return fy + 1;
  }
  if (atFeet !== 'air' || !clearAbove(kindAt, bx, fy, bz, rules.headroom)) return null;
  for (let drop = 0; drop <= rules.maxDrop; drop++) {
    const below = kindAt(bx, fy - 1 - drop, bz);
    if (below === 'air') continue;
    return standable(below, rules) ? fy - drop : null;
  }
  return null;
}

/** True when the block under the feet holds the mob up (anything with a collision box). */
export function supported(kindAt: KindAt, x: number, feetY: number, z: number): boolean {
  const under = kindAt(Math.floor(x), Math.ceil(feetY) - 1, Math.floor(z));
  // An unloaded column holds the mob in place rather than dropping it into the void.
  return under === 'solid' || under === 'leaves' || under === 'unknown';
}

/**
 * The first floor a falling mob lands on between `fromY` and `toY` (feet heights, toY below fromY):
 * the top of the highest solid block in between, or null if it falls past `toY`.
 */
export function landingY(kindAt: KindAt, x: number, fromY: number, toY: number, z: number): number | null {
  const bx = Math.floor(x);
  const bz = Math.floor(z);
  for (let by = Math.ceil(fromY) - 1; by >= Math.floor(toY); by--) {
    const k = kindAt(bx, by, bz);
    if (k === 'solid' || k === 'leaves' || k === 'unknown') return by + 1;
  }
  return null;
}
