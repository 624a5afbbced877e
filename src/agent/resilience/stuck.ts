// Stuck detection and recovery by movement only: when steps keep failing to move the bot from one
// spot, it backs off and jumps, takes a short detour (climbing or bridging with throwaway blocks),
// and as a last resort digs its way out with the tool in hand. Never a teleport.
import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import type { Logger } from 'pino';
import { Vec3 } from 'vec3';
import type { Knowledge } from '../../knowledge/kb.ts';
import { SkillError } from '../../base/errors.ts';
import { equipBestTool } from '../../actions/items/inventory.ts';
import { configureMovements, moveTo } from '../../actions/movement/move.ts';
import type { SkillContext } from '../../skills/types.ts';
import { sleep, untilAborted } from '../../base/wait.ts';
import { scaffoldingItems } from './items.ts';

const { goals } = pathfinderPkg;

type XYZ = { x: number; y: number; z: number };

/** Where a step left the bot, and how it ended. */
export interface StepSpot {
  ok: boolean;
  code?: string;
  at: XYZ;
}

const MOVEMENT_FAILURES = new Set(['STUCK', 'NO_PATH']);
/** Movement failures at one spot (± 1 block) that call for a recovery. */
export const STUCK_FAILURES = 2;
/** The bot counts as freed once it is this far (blocks) from where it was stuck. */
const FREED_DISTANCE = 2.5;
const DETOUR_DISTANCE = 8;
const DETOUR_TRIES = 3;
const DETOUR_TIMEOUT_MS = 20_000;
/** A wall block that takes longer than this to dig with the tool in hand is not dug through. */
const MAX_DIG_MS = 10_000;

/** Same spot: within one block on every axis. */
export function sameSpot(a: XYZ, b: XYZ): boolean {
  return Math.abs(a.x - b.x) <= 1 && Math.abs(a.y - b.y) <= 1 && Math.abs(a.z - b.z) <= 1;
}

/**
 * Whether the latest steps show a stuck bot: among the steps that ended where it stands now (± 1
 * block), counted back from the last, at least `failures` failed to move it (STUCK or NO_PATH).
 * Steps in between that succeeded without moving it (an explore that saw its target) do not reset it.
 */
export function isStuck(spots: readonly StepSpot[], here: XYZ, failures = STUCK_FAILURES): boolean {
  let n = 0;
  for (let i = spots.length - 1; i >= 0; i--) {
    const s = spots[i]!;
    if (!sameSpot(s.at, here)) break;
    if (!s.ok && s.code !== undefined && MOVEMENT_FAILURES.has(s.code)) n++;
    if (n >= failures) return true;
  }
  return false;
}

export interface RecoveryAttempt {
  kind: 'back_off' | 'detour' | 'dig_out';
  ok: boolean;
  detail: string;
  ms: number;
}

/** What a recovery did, as the trace records it. */
export interface StuckRecord {
  at: [number, number, number];
  movedTo: [number, number, number];
  ok: boolean;
  attempts: RecoveryAttempt[];
}

export interface RecoveryContext {
  bot: Bot;
  log: Logger;
  knowledge: Knowledge;
  signal: AbortSignal;
}

/** Tries the movements in turn until the bot is `FREED_DISTANCE` from where it was; `seed` varies the detour direction. */
export async function recoverFromStuck(ctx: RecoveryContext, kept: ReadonlySet<string>, seed: number): Promise<StuckRecord> {
  const { bot } = ctx;
  const start = bot.entity.position.clone();
  const freed = () => bot.entity.position.distanceTo(start) >= FREED_DISTANCE;
  const attempts: RecoveryAttempt[] = [];
  const attempt = async (kind: RecoveryAttempt['kind'], fn: () => Promise<string>) => {
    const t0 = performance.now();
    let detail: string;
    try {
      detail = await fn();
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      detail = err instanceof Error ? err.message : String(err);
    }
    attempts.push({ kind, ok: freed(), detail, ms: Math.round(performance.now() - t0) });
  };
  const skillCtx: SkillContext = { bot, log: ctx.log, knowledge: ctx.knowledge, signal: ctx.signal };
  try {
    await attempt('back_off', () => backOff(bot, ctx.signal));
    for (let i = 0; i < DETOUR_TRIES && !freed(); i++) await attempt('detour', () => detour(skillCtx, kept, seed + i));
    if (!freed()) await attempt('dig_out', () => digOut(skillCtx, seed));
  } finally {
    bot.clearControlStates();
    // The detour widened what the pathfinder may place; skills get the usual rules back.
    configureMovements(bot, true);
  }
  const r = (n: number) => Math.round(n * 10) / 10;
  const now = bot.entity.position;
  return { at: [r(start.x), r(start.y), r(start.z)], movedTo: [r(now.x), r(now.y), r(now.z)], ok: freed(), attempts };
}

/** Walks backwards with a jump: frees a bot wedged on a block edge or a corner. */
async function backOff(bot: Bot, signal: AbortSignal): Promise<string> {
  bot.clearControlStates();
  bot.setControlState('back', true);
  bot.setControlState('jump', true);
  try {
    await sleep(800, signal);
  } finally {
    bot.clearControlStates();
  }
  await sleep(300, signal);
  return 'backed off with a jump';
}

/** A walk to a spot a few blocks away, placing throwaway blocks (not only dirt) to climb or bridge. */
async function detour(ctx: SkillContext, kept: ReadonlySet<string>, seed: number): Promise<string> {
  const { bot } = ctx;
  configureMovements(bot, true);
  const carried = bot.inventory.items().map((i) => i.name);
  const scaffolding = scaffoldingItems(carried, kept);
  const ids = scaffolding.map((n) => bot.registry.itemsByName[n]?.id).filter((id): id is number => id !== undefined);
  const movements = bot.pathfinder.movements;
  movements.scafoldingBlocks = [...new Set([...movements.scafoldingBlocks, ...ids])];
  // A fixed turn per try (the golden angle) spreads tries around the circle; the seed makes runs repeat.
  const angle = seed * 2.399963;
  const p = bot.entity.position;
  const target = new Vec3(Math.floor(p.x + Math.cos(angle) * DETOUR_DISTANCE), p.y, Math.floor(p.z + Math.sin(angle) * DETOUR_DISTANCE));
  await moveTo(ctx, new goals.GoalNearXZ(target.x, target.z, 2), { what: `a detour to ${target.x},${target.z}`, stuckMs: 6000, timeoutMs: DETOUR_TIMEOUT_MS });
  return `walked to ${Math.floor(bot.entity.position.x)},${Math.floor(bot.entity.position.y)},${Math.floor(bot.entity.position.z)}${scaffolding.length ? ` (may place ${scaffolding.join(', ')})` : ''}`;
}

const SIDES: readonly (readonly [number, number])[] = [[1, 0], [0, 1], [-1, 0], [0, -1]];

/**
 * Digs the two blocks in front (feet and head) with the best tool carried and steps into the gap,
 * up to three times, on the first side whose blocks can be dug in time.
 */
async function digOut(ctx: SkillContext, seed: number): Promise<string> {
  const { bot, knowledge: kb, signal } = ctx;
  const first = ((seed % 4) + 4) % 4;
  for (let k = 0; k < SIDES.length; k++) {
    const [dx, dz] = SIDES[(first + k) % 4]!;
    let dug = 0;
    for (let stepNo = 0; stepNo < 3; stepNo++) {
      const feet = bot.entity.position.floored();
      const front = [feet.offset(dx, 0, dz), feet.offset(dx, 1, dz)];
      const blocks = front.map((pos) => bot.blockAt(pos));
      const solid = blocks.filter((b) => b && b.boundingBox === 'block');
      if (solid.some((b) => kb.digTimeMs(b!.name, bestHeld(bot, kb, b!.name)) > MAX_DIG_MS)) break;
      for (const b of solid) {
        await equipBestTool(ctx, b!.name).catch((err: unknown) => {
          if (!(err instanceof SkillError && err.code === 'NO_TOOL')) throw err;
          // Not harvestable by hand: it still breaks, it only drops nothing.
        });
        await untilAborted(bot.dig(b!, true), signal);
        dug++;
      }
      await untilAborted(bot.lookAt(feet.offset(dx + 0.5, 1.6, dz + 0.5), true), signal);
      bot.setControlState('forward', true);
      try {
        await sleep(600, signal);
      } finally {
        bot.clearControlStates();
      }
    }
    if (dug > 0) return `dug ${dug} blocks towards ${dx},${dz}`;
  }
  return 'no side could be dug in time';
}

function bestHeld(bot: Bot, kb: Knowledge, block: string): string | null {
  return kb.bestTool(block, bot.inventory.items().map((i) => i.name));
}
