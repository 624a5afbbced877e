// A structure built block by block in survival. The world is compared with the structure first, so a
// build that was interrupted (a restart, a stop) places only what is missing and never a block twice.
// Then: the site is cleared (what the structure leaves empty, and wrong blocks in its cells), blocks go
// in bottom-up, each only once a neighbour is there to click (support first), each read back in its
// state; scaffolding the walk left behind is dug out at the end, and the world is surveyed again.
import pathfinderPkg from 'mineflayer-pathfinder';
import { Vec3 } from 'vec3';
import { SkillError, missingItems } from '../../base/errors.ts';
import { fmt } from '../../base/position.ts';
import { throwIfAborted } from '../../base/wait.ts';
import { cellsAt, itemsToPlace, matches, progressLine, REPLACEABLE, survey, type Cell, type Survey } from '../../build/survey.ts';
import type { Structure } from '../../build/types.ts';
import type { SkillContext } from '../../skills/types.ts';
import { moveTo } from '../movement/move.ts';
import { inventoryCounts } from '../items/inventory.ts';
import { clearCell, placeable, placeCell, viewOf } from './place.ts';
import { placedWithAnother } from './rules.ts';

const { goals } = pathfinderPkg;

export interface BuildResult {
  placed: number;
  /** Blocks that were right before the build started (a resumed build). */
  already: number;
  /** Blocks dug: wrong ones in the structure's cells, the site's leftovers, scaffolding. */
  cleared: number;
  total: number;
  wrong: number;
  progress: string;
}

export interface BuildOptions {
  /** The item each structure block is placed from (src/build/bom.ts). */
  itemFor: (cell: Cell) => string | undefined;
  /** Called after every block with the survey line ("12 / 40 placed, wrong: 0"). */
  onProgress?: (line: string, s: Survey) => void;
  /** Attempts per block before the build gives up on it. */
  attempts?: number;
}

/** How far around the structure's box the walk's scaffolding is looked for, and how high above it. */
const SCAFFOLD_MARGIN = 3;

/** The structure against the bot's view of the world; `placing`: mid-build (see survey). */
export function surveyWorld(ctx: SkillContext, structure: Structure, origin: Vec3, placing = false): Survey {
  return survey(structure, origin, (x, y, z) => {
    const b = ctx.bot.blockAt(new Vec3(x, y, z));
    return b ? viewOf(b) : undefined;
  }, placing);
}

/** Builds `structure` with its lowest north-west corner at `origin`; ok only when every block is right. */
export async function buildStructure(ctx: SkillContext, structure: Structure, origin: Vec3, opts: BuildOptions): Promise<BuildResult> {
  const { bot, signal } = ctx;
  const before = surveyWorld(ctx, structure, origin, true);
  if (before.unknown.length > 0) throw new SkillError('FAILED', `${before.unknown.length} of the structure's cells are not loaded (first at ${fmt(new Vec3(before.unknown[0]!.x, before.unknown[0]!.y, before.unknown[0]!.z))}): come closer`);
  // What the rest of the build takes, against what the bot holds: said before anything is placed.
  const { counts: need, unplaceable } = itemsToPlace(before, opts.itemFor, (c) => placedWithAnother(c.block.name, c.block.props));
  if (unplaceable) throw new SkillError('BAD_ARGS', `no item places ${unplaceable.block.name}`);
  const held = inventoryCounts(bot);
  for (const [item, n] of Object.entries(need)) if ((held.get(item) ?? 0) < n) throw missingItems(item, n, held.get(item) ?? 0);

  // Scaffolding is dirt: a structure built of dirt keeps its dirt for itself (the walk pillars with none).
  const scaffold = !cellsAt(structure, origin).some((c) => opts.itemFor(c) === 'dirt');
  await walkToSite(ctx, structure, origin, scaffold);
  const box = boxOf(structure, origin);
  const taken = new Set(cellsAt(structure, origin).map(key));
  const emptyBefore = new Set<string>();
  for (const p of cellsOfBox(box, SCAFFOLD_MARGIN)) {
    const b = bot.blockAt(p);
    if (b && REPLACEABLE.has(b.name)) emptyBefore.add(key(p));
  }
  let cleared = 0;
  // The site: what stands where the structure has air (best effort: a branch overhead that cannot be reached
  // spoils no block of the structure), then wrong blocks in its cells (these must go).
  for (const p of cellsOfBox(box, 0)) {
    throwIfAborted(signal);
    if (taken.has(key(p)) || emptyBefore.has(key(p))) continue;
    if (await tryClear(ctx, p, scaffold)) cleared++;
  }
  for (const c of before.wrong) {
    await clearCell(ctx, new Vec3(c.x, c.y, c.z), scaffold);
    cleared++;
  }
  // A fence, wall or pane joins any solid block beside it: a trunk next to the site would turn its sides.
  for (const p of beside(structure, origin, taken)) {
    throwIfAborted(signal);
    const b = bot.blockAt(p);
    if (b && !REPLACEABLE.has(b.name) && await tryClear(ctx, p, scaffold)) cleared++;
  }

  let placed = 0;
  let failedInARow = 0;
  const attempts = new Map<string, number>();
  const maxAttempts = opts.attempts ?? 2;
  for (;;) {
    throwIfAborted(signal);
    const now = surveyWorld(ctx, structure, origin, true);
    opts.onProgress?.(progressLine(now), now);
    for (const c of now.wrong) {
      // A block of its own that came out in another state (or scaffolding in a cell): out again.
      await clearCell(ctx, new Vec3(c.x, c.y, c.z), scaffold);
      cleared++;
    }
    const todo = now.missing.filter((c) => !placedWithAnother(c.block.name, c.block.props) && (attempts.get(key(c)) ?? 0) < maxAttempts)
      .sort((a, b) => a.y - b.y || distance(bot.entity.position, a) - distance(bot.entity.position, b));
    // Lowest layer first, and in it a block a neighbour holds up: a roof's stairs after the walls under them.
    const next = todo.find((c) => c.y === todo[0]?.y && placeable(ctx, c)) ?? todo.find((c) => placeable(ctx, c));
    if (!next) break;
    attempts.set(key(next), (attempts.get(key(next)) ?? 0) + 1);
    try {
      await placeCell(ctx, next, opts.itemFor(next)!, scaffold);
      ctx.report?.({ kind: 'placed', x: next.x, y: next.y, z: next.z, block: next.block.name });
      placed++;
      failedInARow = 0;
    } catch (err) {
      if (signal.aborted || !(err instanceof SkillError) || err.code === 'MISSING_ITEMS') throw err;
      // Block after block out of reach: the site is, too (cut off by a ravine, up a cliff); said now, not after every block.
      if (++failedInARow >= MAX_FAILED_IN_A_ROW && (err.code === 'NO_PATH' || err.code === 'STUCK')) throw err;
      ctx.log.debug({ err: err.message, at: key(next) }, 'block not placed; tried again later');
    }
  }
  // Scaffolding: whatever the walk placed where the world was empty and the structure has nothing.
  for (const p of cellsOfBox(box, SCAFFOLD_MARGIN)) {
    const k = key(p);
    if (taken.has(k) || !emptyBefore.has(k)) continue;
    const b = bot.blockAt(p);
    if (b && !REPLACEABLE.has(b.name) && await tryClear(ctx, p, scaffold)) cleared++;
  }
  // Sides and corners decided by neighbours placed later: such a block is set once more, now that they are all there.
  for (const c of surveyWorld(ctx, structure, origin).wrong) {
    if (!matches(c.block, viewOf(ctx.bot.blockAt(new Vec3(c.x, c.y, c.z))!), true)) continue;
    await clearCell(ctx, new Vec3(c.x, c.y, c.z), scaffold);
    cleared++;
    await placeCell(ctx, c, opts.itemFor(c)!, scaffold);
    ctx.report?.({ kind: 'placed', x: c.x, y: c.y, z: c.z, block: c.block.name });
  }
  const after = surveyWorld(ctx, structure, origin);
  opts.onProgress?.(progressLine(after), after);
  const result = { placed, already: before.correct.length, cleared, total: after.total, wrong: after.wrong.length, progress: progressLine(after) };
  const left = [...after.missing, ...after.wrong];
  if (left.length > 0) {
    const first = left[0]!;
    throw new SkillError('FAILED', `${result.progress}; ${left.length} block(s) not right, first ${first.block.name} at ${fmt(new Vec3(first.x, first.y, first.z))}`);
  }
  return result;
}

/** Clears a cell outside the structure's own blocks; false (logged) when it cannot be reached. */
async function tryClear(ctx: SkillContext, p: Vec3, scaffold: boolean): Promise<boolean> {
  try {
    await clearCell(ctx, p, scaffold);
    return true;
  } catch (err) {
    if (ctx.signal.aborted || !(err instanceof SkillError)) throw err;
    ctx.log.debug({ at: key(p), err: err.message }, 'left a block of the site that could not be reached');
    return false;
  }
}

/** Placements in a row that could not reach their block before the build says the site cannot be reached. */
const MAX_FAILED_IN_A_ROW = 6;
/** Farther than this from the site's middle, the builder walks there first (gathering may have led it far off). */
const NEAR_SITE = 12;

/** Walks to the site in one go (digging and pillaring as it must); NO_PATH naming the site when it cannot. */
async function walkToSite(ctx: SkillContext, structure: Structure, origin: Vec3, scaffold: boolean): Promise<void> {
  const middle = origin.offset(Math.floor(structure.size.x / 2), 0, Math.floor(structure.size.z / 2));
  if (ctx.bot.entity.position.distanceTo(middle) <= NEAR_SITE) return;
  await moveTo(ctx, new goals.GoalNear(middle.x, middle.y, middle.z, NEAR_SITE - 4), { what: `the build site at ${fmt(origin)}`, canDig: true, scaffold });
}

/** Blocks whose sides join whatever solid block is next to them. */
const JOINS_NEIGHBOURS = /(^|_)(fence|wall|pane|bars)$/;

/** The cells next to the structure's joining blocks (fences, walls, panes) that are not the structure's own. */
function beside(structure: Structure, origin: Vec3, taken: ReadonlySet<string>): Vec3[] {
  const out = new Map<string, Vec3>();
  for (const c of cellsAt(structure, origin)) {
    if (!JOINS_NEIGHBOURS.test(c.block.name)) continue;
    for (const [dx, dz] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
      const p = new Vec3(c.x + dx, c.y, c.z + dz);
      if (!taken.has(key(p))) out.set(key(p), p);
    }
  }
  return [...out.values()];
}

interface Box { min: Vec3; max: Vec3 }

function boxOf(structure: Structure, origin: Vec3): Box {
  return { min: origin.clone(), max: origin.offset(structure.size.x - 1, structure.size.y - 1, structure.size.z - 1) };
}

/** The cells of `box` grown by `margin` sideways and on top (never below the origin: that is the ground). */
function* cellsOfBox(box: Box, margin: number): Generator<Vec3> {
  for (let y = box.min.y; y <= box.max.y + margin; y++) {
    for (let x = box.min.x - margin; x <= box.max.x + margin; x++) {
      for (let z = box.min.z - margin; z <= box.max.z + margin; z++) yield new Vec3(x, y, z);
    }
  }
}

const key = (p: { x: number; y: number; z: number }): string => `${p.x},${p.y},${p.z}`;
const distance = (a: Vec3, c: Cell): number => Math.hypot(a.x - c.x, a.y - c.y, a.z - c.z);
