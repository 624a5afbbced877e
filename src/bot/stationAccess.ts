// The one definition of "a station is near" (a crafting table, a furnace, a chest): the observation's
// facts, the planner, the skills that place a station and the skills that use one all ask this module.
// Near means usable from where the bot stands now ('reach') or from a cell it can walk to in a few
// steps over the blocks as they are ('walk'); a table in sight through rock or up a pit wall is 'far'.
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import { findNearestBlocks } from './findBlocks.ts';
import { isUnreachable } from './unreachable.ts';
import { isClaimedByOther } from './claims.ts';

export type StationAccess = 'reach' | 'walk' | 'far';

/** Distance from the eyes to a block's centre within which a player uses it (vanilla survival reach). */
export const DEFAULT_REACH = 4.5;

/** Steps of walking (one block each, up one or down three) within which a station counts as near. */
export const STATION_WALK_STEPS = 16;
/** How far from its feet the bot looks for a station it might walk to and use. */
const CANDIDATE_RADIUS = STATION_WALK_STEPS + DEFAULT_REACH + 2;
const MAX_CANDIDATES = 16;
const EYE_HEIGHT = 1.62;
/** How far from the centre of its cell a walk may leave the bot (a corner is 0.71 away). */
const STAND_SLACK = 0.75;
/** Cells a walk may drop down at once (more costs health on a real server). */
const MAX_DROP = 3;

/** What a cell is to a walker: open air or a plant, a full block, water, or lava and fire. */
export const Cell = { Open: 0, Solid: 1, Water: 2, Danger: 3 } as const;
export type Cell = (typeof Cell)[keyof typeof Cell];

/** Reads the cell at block coordinates; cells outside the loaded world read as Solid. */
export type CellReader = (x: number, y: number, z: number) => Cell;

export interface StationSite {
  /** The station block. */
  pos: Vec3;
  access: StationAccess;
  /** Where to stand to use it: the bot's own cell for 'reach', null for 'far'. */
  stand: Vec3 | null;
  /** Steps of walking to `stand` (0 for 'reach'). */
  steps: number;
}

/**
 * The best station of `names` for the bot: one usable from where it stands, else the one reachable in
 * the fewest steps, else the nearest in `farRadius` (access 'far'); null when there is none.
 */
export function stationSite(bot: Bot, names: readonly string[], farRadius = 32): StationSite | null {
  // A block a team mate claimed (src/bot/claims.ts: their furnace, or a block they are digging) is no
  // station for this bot, near or far: the observation's facts and the skills both come through here.
  const mine = (p: Vec3) => !isClaimedByOther(bot, p);
  const near = findNearestBlocks(bot, names, CANDIDATE_RADIUS, MAX_CANDIDATES).filter(mine);
  const feet = bot.entity.position;
  const cell = cellReader(bot);
  // One the bot could not walk up to a moment ago is near only if it can be used from where the bot stands.
  const walkable = near.filter((p) => !isUnreachable(bot, p));
  const now = near.find((p) => usableFrom(cell, { x: feet.x, y: feet.y + EYE_HEIGHT, z: feet.z }, p));
  if (now) return { pos: now, access: 'reach', stand: feet.floored(), steps: 0 };
  const found = walkable.length > 0 ? accessFrom(cell, feet, walkable) : null;
  if (found) return found;
  const far = near[0] ?? findNearestBlocks(bot, names, farRadius, MAX_CANDIDATES).find(mine);
  return far ? { pos: far, access: 'far', stand: null, steps: 0 } : null;
}

/**
 * Searches the cells the bot can walk to from `feet` (breadth first, so the fewest steps win) for one
 * from whose eyes a candidate is within reach and in sight. Pure: the world comes through `cell`.
 */
export function accessFrom(cell: CellReader, feet: { x: number; y: number; z: number }, candidates: readonly Vec3[], reach = DEFAULT_REACH, maxSteps = STATION_WALK_STEPS): StationSite | null {
  const eye = { x: feet.x, y: feet.y + EYE_HEIGHT, z: feet.z };
  const now = candidates.find((c) => usableFrom(cell, eye, c, reach));
  const start = new Vec3(Math.floor(feet.x), Math.floor(feet.y), Math.floor(feet.z));
  if (now) return { pos: now, access: 'reach', stand: start, steps: 0 };
  const seen = new Set<string>([key(start.x, start.y, start.z)]);
  let frontier: Vec3[] = [start];
  for (let steps = 1; steps <= maxSteps && frontier.length > 0; steps++) {
    const next: Vec3[] = [];
    for (const from of frontier) {
      for (const to of moves(cell, from)) {
        const k = key(to.x, to.y, to.z);
        if (seen.has(k)) continue;
        seen.add(k);
        const e = { x: to.x + 0.5, y: to.y + EYE_HEIGHT, z: to.z + 0.5 };
        // A walk ends anywhere in the cell, not at its centre: the station must be in reach from all of it.
        const hit = candidates.find((c) => usableFrom(cell, e, c, reach - STAND_SLACK));
        if (hit) return { pos: hit, access: 'walk', stand: to, steps };
        next.push(to);
      }
    }
    frontier = next;
  }
  return null;
}

const DIRS: readonly (readonly [number, number])[] = [[1, 0], [-1, 0], [0, 1], [0, -1]];

/** Cells one step from `p`: level, a jump up one block, or a drop of up to MAX_DROP. */
function moves(cell: CellReader, p: Vec3): Vec3[] {
  const out: Vec3[] = [];
  const headroom = passable(cell(p.x, p.y + 2, p.z));
  for (const [dx, dz] of DIRS) {
    const x = p.x + dx;
    const z = p.z + dz;
    if (headroom && standable(cell, x, p.y + 1, z)) out.push(new Vec3(x, p.y + 1, z));
    // Level, or falling down the neighbouring column while it stays open.
    if (!passable(cell(x, p.y + 1, z))) continue;
    for (let y = p.y; y >= p.y - MAX_DROP; y--) {
      if (!passable(cell(x, y, z))) break;
      if (standable(cell, x, y, z)) { out.push(new Vec3(x, y, z)); break; }
    }
  }
  return out;
}

/** Open air or plants. Water is not walked through or stood in: a bot in it floats and drifts (seen: STUCK by a furnace on a lake shore). */
function passable(c: Cell): boolean {
  return c === Cell.Open;
}

function standable(cell: CellReader, x: number, y: number, z: number): boolean {
  return passable(cell(x, y, z)) && passable(cell(x, y + 1, z)) && cell(x, y - 1, z) === Cell.Solid;
}

/** Within reach of the eyes (to the block's centre) and some point of the block in sight. */
export function usableFrom(cell: CellReader, eye: { x: number; y: number; z: number }, block: Vec3, reach = DEFAULT_REACH): boolean {
  const cx = block.x + 0.5;
  const cy = block.y + 0.5;
  const cz = block.z + 0.5;
  if ((cx - eye.x) ** 2 + (cy - eye.y) ** 2 + (cz - eye.z) ** 2 > reach * reach) return false;
  return SIGHT_POINTS.some(([ox, oy, oz]) => clearLine(cell, eye, cx + ox, cy + oy, cz + oz, block));
}

// The centre and the middle of each face (just inside the block): a player sees a face, not a centre.
const IN = 0.45;
const SIGHT_POINTS: readonly (readonly [number, number, number])[] = [
  [0, 0, 0], [IN, 0, 0], [-IN, 0, 0], [0, IN, 0], [0, -IN, 0], [0, 0, IN], [0, 0, -IN],
];

/** Walks the cells a straight line from `eye` to a point of `target` crosses; false at a solid one. */
function clearLine(cell: CellReader, eye: { x: number; y: number; z: number }, px: number, py: number, pz: number, target: Vec3): boolean {
  const d = [px - eye.x, py - eye.y, pz - eye.z] as const;
  const pos = [Math.floor(eye.x), Math.floor(eye.y), Math.floor(eye.z)];
  const origin = [eye.x, eye.y, eye.z] as const;
  const step = [0, 0, 0];
  const tMax = [Infinity, Infinity, Infinity];
  const tDelta = [Infinity, Infinity, Infinity];
  for (let i = 0; i < 3; i++) {
    const di = d[i]!;
    if (di === 0) continue;
    step[i] = di > 0 ? 1 : -1;
    tDelta[i] = 1 / Math.abs(di);
    tMax[i] = (di > 0 ? pos[i]! + 1 - origin[i]! : origin[i]! - pos[i]!) * tDelta[i]!;
  }
  for (let guard = 0; guard < 64; guard++) {
    if (pos[0] === target.x && pos[1] === target.y && pos[2] === target.z) return true;
    if (guard > 0 && cell(pos[0]!, pos[1]!, pos[2]!) === Cell.Solid) return false;
    const axis = tMax[0]! <= tMax[1]! && tMax[0]! <= tMax[2]! ? 0 : tMax[1]! <= tMax[2]! ? 1 : 2;
    if (tMax[axis]! > 1) return true;
    pos[axis]! += step[axis]!;
    tMax[axis]! += tDelta[axis]!;
  }
  return false;
}

function key(x: number, y: number, z: number): string {
  return `${x},${y},${z}`;
}

const kinds = new WeakMap<object, Uint8Array>();

/** Cell kinds by block state id, once per registry. */
function kindTable(bot: Bot): Uint8Array {
  const cached = kinds.get(bot.registry);
  if (cached) return cached;
  const byState = bot.registry.blocksByStateId as Record<number, { name: string; boundingBox: string } | undefined>;
  let max = 0;
  for (const id of Object.keys(byState)) max = Math.max(max, Number(id));
  const table = new Uint8Array(max + 1);
  for (const [id, b] of Object.entries(byState)) {
    if (!b) continue;
    table[Number(id)] = /^(lava|fire|soul_fire|magma_block|campfire|soul_campfire|sweet_berry_bush|powder_snow|cactus)$/.test(b.name) ? Cell.Danger
      : /^(water|bubble_column)$/.test(b.name) ? Cell.Water
        : b.boundingBox === 'block' ? Cell.Solid : Cell.Open;
  }
  kinds.set(bot.registry, table);
  return table;
}

/** Cells of the bot's loaded world; an unloaded column reads as Solid (nothing to walk or see through). */
export function cellReader(bot: Bot): CellReader {
  const table = kindTable(bot);
  const probe = new Vec3(0, 0, 0);
  const world = bot.world as unknown as { getBlockStateId(p: Vec3): number | null | undefined };
  return (x, y, z) => {
    const id = world.getBlockStateId(probe.set(x, y, z));
    return id === undefined || id === null ? Cell.Solid : (table[id] ?? Cell.Solid) as Cell;
  };
}
