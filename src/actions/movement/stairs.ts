// Planning a walkable staircase one step at a time, from what the client knows of the blocks.
// Pure: the world comes in as a lookup, so that the rules can be tested on hand-made worlds.

export interface Cell {
  name: string;
  /** Nothing to collide with and no liquid: air, grass, flowers, torches. */
  empty: boolean;
  /** A full block to stand on. */
  solid: boolean;
  /** Water or lava, flowing or still, and blocks holding water (kelp, seagrass, waterlogged). */
  liquid: boolean;
  /** Falls when the block under it is removed (sand, gravel, concrete powder). */
  gravity: boolean;
  /** A team mate claimed it (src/bot/claims.ts): theirs to dig, so not ours to dig or to stand on. */
  claimed?: boolean;
}

/** The block at a position, or null where the column is not loaded. */
export type Lookup = (x: number, y: number, z: number) => Cell | null;

/** Whether the bot can dig a block: 'tool' when it needs a better tool, 'never' when it cannot be broken. */
export type DigCheck = (name: string) => 'ok' | 'tool' | 'never';

export interface P { x: number; y: number; z: number }
export interface Dir { readonly x: number; readonly z: number; readonly name: string }

export const DIRS: readonly Dir[] = [
  { x: 0, z: -1, name: 'north' }, { x: 1, z: 0, name: 'east' }, { x: 0, z: 1, name: 'south' }, { x: -1, z: 0, name: 'west' },
];

export type Vertical = 'down' | 'up';
export type Hazard = 'lava' | 'water' | 'unknown' | 'no_floor' | 'tool' | 'unbreakable' | 'claimed';

export type StepPlan =
  | { ok: true; dir: Dir; next: P; dig: P[]; fallingAbove: boolean }
  | { ok: false; dir: Dir; hazard: Hazard; at: P; block: string };

const add = (p: P, dx: number, dy: number, dz: number): P => ({ x: p.x + dx, y: p.y + dy, z: p.z + dz });
const key = (p: P) => `${p.x},${p.y},${p.z}`;
const FACES = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]] as const;

/**
 * One stair step from `cur` (the bot's feet) in `dir`. Down: the column ahead is cleared 3 high
 * (head room for stepping down now and for jumping back up later) and the bot stands one lower on
 * the block below, which must already be solid: nothing under the feet is ever dug. Up: the block
 * above the head and 2 blocks ahead are cleared and the bot steps onto the block ahead.
 * Refused when a block to clear is or touches water or lava, when a block is unknown, cannot be
 * broken or needs a better tool, or when there is no floor.
 */
export function planStep(at: Lookup, cur: P, dir: Dir, vertical: Vertical, canDig: DigCheck): StepPlan {
  const f = add(cur, dir.x, 0, dir.z);
  const clear = vertical === 'down' ? [add(f, 0, 1, 0), f, add(f, 0, -1, 0)] : [add(cur, 0, 2, 0), add(f, 0, 2, 0), add(f, 0, 1, 0)];
  const floor = vertical === 'down' ? add(f, 0, -2, 0) : f;
  const next = vertical === 'down' ? add(f, 0, -1, 0) : add(f, 0, 1, 0);
  const fail = (hazard: Hazard, p: P, block: string): StepPlan => ({ ok: false, dir, hazard, at: p, block });
  const open = new Set(clear.map(key));
  const dig: P[] = [];
  let fallingAbove = false;
  for (const p of clear) {
    const c = at(p.x, p.y, p.z);
    if (!c) return fail('unknown', p, 'unknown');
    if (c.liquid) return fail(liquidHazard(c), p, c.name);
    if (c.empty) continue;
    if (c.claimed) return fail('claimed', p, c.name);
    const can = canDig(c.name);
    if (can !== 'ok') return fail(can === 'tool' ? 'tool' : 'unbreakable', p, c.name);
    dig.push(p);
    for (const [dx, dy, dz] of FACES) {
      const n = add(p, dx, dy, dz);
      if (open.has(key(n))) continue;
      const nc = at(n.x, n.y, n.z);
      if (!nc) return fail('unknown', n, 'unknown');
      if (nc.liquid) return fail(liquidHazard(nc), n, nc.name);
      if (dy === 1 && nc.gravity) fallingAbove = true;
    }
  }
  const fc = at(floor.x, floor.y, floor.z);
  if (!fc) return fail('unknown', floor, 'unknown');
  if (fc.liquid) return fail(liquidHazard(fc), floor, fc.name);
  if (!fc.solid) return fail('no_floor', floor, fc.name);
  // A floor a team mate is about to dig away would drop the bot.
  if (fc.claimed) return fail('claimed', floor, fc.name);
  return { ok: true, dir, next, dig, fallingAbove };
}

function liquidHazard(c: Cell): Hazard {
  return c.name.includes('lava') ? 'lava' : 'water';
}

export interface DirectionChoice {
  plan: Extract<StepPlan, { ok: true }>;
  /** Safe steps in a row found ahead in this direction (up to the look-ahead). */
  ahead: number;
}

/**
 * Picks the direction of the next step: the one with the longest run of safe steps ahead (up to
 * `lookAhead`), preferring steps with no sand or gravel above, then the current direction so the
 * stair stays straight. Down, it never turns back (that would dig away the step just made).
 * Returns the refusals of every direction when none is safe.
 */
export function chooseDirection(
  at: Lookup, cur: P, vertical: Vertical, canDig: DigCheck, last: Dir | undefined, lookAhead: number,
): DirectionChoice | { refused: Extract<StepPlan, { ok: false }>[] } {
  const refused: Extract<StepPlan, { ok: false }>[] = [];
  let best: (DirectionChoice & { score: number }) | undefined;
  const order = last ? [last, ...DIRS.filter((d) => d !== last)] : [...DIRS];
  for (const dir of order) {
    if (vertical === 'down' && last && dir.x === -last.x && dir.z === -last.z) continue;
    const plan = planStep(at, cur, dir, vertical, canDig);
    if (!plan.ok) {
      refused.push(plan);
      continue;
    }
    let ahead = 1;
    let pos = plan.next;
    while (ahead < lookAhead) {
      const more = planStep(at, pos, dir, vertical, canDig);
      if (!more.ok) break;
      pos = more.next;
      ahead++;
    }
    const score = ahead * 2 + (plan.fallingAbove ? 0 : 1);
    if (!best || score > best.score) best = { plan, ahead, score };
  }
  if (!best) return { refused };
  return { plan: best.plan, ahead: best.ahead };
}

/** "lava at 3,10,-4" for each refused direction, to explain a DANGER. */
export function describeRefusals(refused: readonly Extract<StepPlan, { ok: false }>[]): string {
  return refused.map((r) => `${r.dir.name}: ${r.hazard === 'tool' || r.hazard === 'unbreakable' || r.hazard === 'no_floor' || r.hazard === 'claimed' ? `${r.hazard} (${r.block})` : r.hazard} at ${r.at.x},${r.at.y},${r.at.z}`).join('; ');
}
