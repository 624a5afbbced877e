import type { Bot } from 'mineflayer';
import pathfinderPkg, { type goals as GoalsNs, type Move } from 'mineflayer-pathfinder';
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import { findNearestBlocks } from '../../bot/findBlocks.ts';
import { isExposed } from '../world/scan.ts';
import { SkillError } from '../../base/errors.ts';
import { abortReason, lagAwareDeadline, untilAborted, waitUntil } from '../../base/wait.ts';
import type { SkillContext } from '../../skills/types.ts';

const { goals } = pathfinderPkg;
/** A standing player's eyes above its feet. */
export const EYE_HEIGHT = 1.62;
type Goal = GoalsNs.Goal;

/** Blocks that fall when the block under them goes (vanilla's FallingBlock subclasses). */
const FALLING = /^(sand|red_sand|gravel|suspicious_sand|suspicious_gravel|anvil|chipped_anvil|damaged_anvil|dragon_egg|pointed_dripstone|scaffolding|.*_concrete_powder)$/;
const FLUIDS = new Set(['water', 'lava', 'bubble_column', 'kelp', 'kelp_plant', 'seagrass', 'tall_seagrass']);
const SIDES = [new Vec3(1, 0, 0), new Vec3(-1, 0, 0), new Vec3(0, 0, 1), new Vec3(0, 0, -1)] as const;
const NEIGHBOURS = [...SIDES, new Vec3(0, 1, 0), new Vec3(0, -1, 0)] as const;

export function canFall(name: string | undefined): boolean {
  return name !== undefined && FALLING.test(name);
}

/** 'water' or 'lava' when the block holds that fluid (waterlogged blocks and sea plants hold water). */
export function fluidOf(block: Block | null): 'water' | 'lava' | null {
  if (!block) return null;
  if (block.name === 'lava') return 'lava';
  if (FLUIDS.has(block.name)) return 'water';
  return (block.getProperties() as { waterlogged?: unknown }).waterlogged === true ? 'water' : null;
}

/** True when the block is a full solid cube the bot can stand on. */
export function isSolid(block: Block | null): boolean {
  return block !== null && block.boundingBox === 'block' && fluidOf(block) === null;
}

/**
 * Why breaking the block at `pos` would let a fluid in ("next to lava"), or null. Every neighbour
 * counts: an opened side or top lets water flow in and lava set the bot alight.
 */
export function fluidRisk(bot: Bot, pos: Vec3): string | null {
  for (const d of NEIGHBOURS) {
    const f = fluidOf(bot.blockAt(pos.plus(d)));
    if (f) return `next to ${f}`;
  }
  return null;
}

/**
 * True when the bot may dig the block at `pos` while standing on it: only when the block under it
 * is loaded, solid and no fluid, so the bot lands one block lower on firm ground.
 */
export function safeToDigUnder(bot: Bot, pos: Vec3): boolean {
  return isSolid(bot.blockAt(pos.offset(0, -1, 0)));
}

/** Feet positions the bot must not dig from: on top of the block (unless safe) and under a falling block. */
export function forbiddenStands(bot: Bot, pos: Vec3): (x: number, y: number, z: number) => boolean {
  // Digging the block underfoot drops the bot into its hole: only where it can step out again,
  // else the mine becomes a shaft the pathfinder may not climb out of.
  const onTopOk = safeToDigUnder(bot, pos) && canStepOut(bot, pos);
  const fallsAfter = canFall(bot.blockAt(pos.offset(0, 1, 0))?.name) || canFall(bot.blockAt(pos)?.name);
  return (x, y, z) => {
    if (x !== pos.x || z !== pos.z) return false;
    // y + 2 as well: a move counts the node above the feet as arrived (slabs), which here is "on top".
    if (y === pos.y + 1 || y === pos.y + 2) return !onTopOk;
    // Standing in the column under the target: whatever sits on it would come down on the bot.
    return y < pos.y && fallsAfter;
  };
}

/** Whether a bot standing in `pos` (once dug) has a side cell one block up to step onto. */
function canStepOut(bot: Bot, pos: Vec3): boolean {
  const free = (p: Vec3) => { const b = bot.blockAt(p); return b !== null && b.boundingBox === 'empty' && !b.name.includes('water') && !b.name.includes('lava'); };
  return SIDES.some((d) => {
    const side = pos.offset(d.x, 0, d.z);
    return bot.blockAt(side)?.boundingBox === 'block' && free(side.offset(0, 1, 0)) && free(side.offset(0, 2, 0));
  });
}

/** A goal that excludes some end positions of another goal. */
class GoalExcept extends goals.Goal {
  constructor(private readonly inner: Goal, private readonly forbidden: (x: number, y: number, z: number) => boolean) {
    super();
  }

  heuristic(node: Move): number {
    return this.inner.heuristic(node);
  }

  isEnd(node: Move): boolean {
    return !this.forbidden(node.x, node.y, node.z) && this.inner.isEnd(node);
  }

  override hasChanged(): boolean {
    return this.inner.hasChanged();
  }

  override isValid(): boolean {
    return this.inner.isValid();
  }
}

/**
 * Where to stand to dig `pos`: any spot with a clear line of sight within reach when the block is
 * exposed; for a buried block, a spot whose feet or head touch it (the path digs its way there).
 */
export function digGoal(bot: Bot, pos: Vec3, reach = 4.5): Goal {
  const forbidden = forbiddenStands(bot, pos);
  // A plant (dead bush, grass, flowers) has no collision shape, so a look-at goal's ray never hits it
  // and the bot, standing beside or in it, "finds no path": near enough is enough, as servers check distance.
  if (bot.blockAt(pos)?.boundingBox === 'empty') return new GoalExcept(new goals.GoalNear(pos.x, pos.y, pos.z, 2), forbidden);
  if (isExposed(bot, pos)) {
    return new GoalExcept(new goals.GoalLookAtBlock(pos, bot.world, { reach }), forbidden);
  }
  const stands: Goal[] = [];
  for (const d of SIDES) {
    stands.push(new goals.GoalBlock(pos.x + d.x, pos.y, pos.z + d.z));
    stands.push(new goals.GoalBlock(pos.x + d.x, pos.y - 1, pos.z + d.z));
  }
  stands.push(new goals.GoalBlock(pos.x, pos.y + 1, pos.z));
  return new GoalExcept(new goals.GoalCompositeAny(stands), forbidden);
}

/**
 * True when the bot can dig the block at `pos` from where it stands: within reach and with a face
 * open to the air. Servers check the distance only, so a leaf in the line of sight does not matter.
 */
export function canDigFromHere(bot: Bot, pos: Vec3, reach = 4.5): boolean {
  const block = bot.blockAt(pos);
  if (!block) return false;
  const eye = bot.entity.position.offset(0, EYE_HEIGHT, 0);
  if (eye.distanceTo(pos.offset(0.5, 0.5, 0.5)) > reach) return false;
  const feet = bot.entity.position.floored();
  return !forbiddenStands(bot, pos)(feet.x, feet.y, feet.z) && isExposed(bot, pos);
}

export interface Candidate {
  pos: Vec3;
  name: string;
  /** Distance from the eyes plus penalties for buried and high blocks: lower is dug first. */
  cost: number;
}

export interface FindResult {
  candidates: Candidate[];
  /** Found but left alone, with the reason ("next to water"). */
  skipped: Map<string, string>;
}

export function posKey(p: { x: number; y: number; z: number }): string {
  return `${p.x},${p.y},${p.z}`;
}

/**
 * The known blocks named `names` within `radius`, cheapest first, leaving out `exclude`d
 * positions and blocks whose digging would let water or lava in.
 */
export function findCandidates(bot: Bot, names: readonly string[], radius: number, exclude: ReadonlySet<string>): FindResult {
  const positions = findNearestBlocks(bot, names, radius, 128);
  const eye = bot.entity.position.offset(0, EYE_HEIGHT, 0);
  const feetY = Math.floor(bot.entity.position.y);
  const candidates: Candidate[] = [];
  const skipped = new Map<string, string>();
  for (const pos of positions) {
    const key = posKey(pos);
    if (exclude.has(key)) continue;
    const block = bot.blockAt(pos);
    if (!block) continue;
    // A block that holds water itself (seagrass, a waterlogged leaf) leaves that water behind: it opens nothing new.
    const risk = fluidOf(block) === 'water' ? null : fluidRisk(bot, pos);
    if (risk) {
      skipped.set(key, risk);
      continue;
    }
    const high = Math.max(0, pos.y - feetY - 4);
    const cost = eye.distanceTo(pos.offset(0.5, 0.5, 0.5)) + (isExposed(bot, pos) ? 0 : 6) + high * 3;
    candidates.push({ pos, name: block.name, cost });
  }
  candidates.sort((a, b) => a.cost - b.cost);
  return { candidates, skipped };
}

/** How long the server has to answer a finished dig before the bot's own view (the block gone) is trusted. */
const VERDICT_MS = 1000;
/** Beyond the dig time, how long a dig the server put back may take to be broken by the server itself. */
const DELAYED_SLACK_MS = 1500;
/** Digs of one block: a second one when the server put the block back and never broke it. */
const DIG_ATTEMPTS = 2;

/**
 * Digs `block` and waits until the server shows it gone (FAILED when the dig is refused). mineflayer
 * clears the block locally as it sends the finish; a server that found the finish early (its clock
 * behind a busy event loop) sends the block back and, as vanilla does, breaks it once the dig time has
 * passed. Trusting the local view then would leave a block the bot thinks dug (and dig it again later).
 */
export async function breakBlock(ctx: SkillContext, block: Block, where: string): Promise<void> {
  const { bot, signal } = ctx;
  for (let attempt = 1; ; attempt++) {
    const current = bot.blockAt(block.position) ?? block;
    const digMs = bot.digTime(current);
    try {
      await untilAborted(bot.dig(current, true), signal);
    } catch (err) {
      if (signal.aborted) throw err;
      throw new SkillError('FAILED', `digging ${where} failed: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
    }
    const gameAge = () => Number(bot.time.age);
    const first = await nextServerBlock(bot, block.position, { signal, timeoutMs: VERDICT_MS, gameAge });
    if (first !== block.name) break;
    // Put back: the server breaks it itself once the dig time has passed (unless it has another block waiting so).
    const later = await nextServerBlock(bot, block.position, { signal, timeoutMs: digMs + DELAYED_SLACK_MS, gameAge, until: (name) => name !== block.name });
    if (later !== undefined && later !== block.name) break;
    if (attempt >= DIG_ATTEMPTS) throw new SkillError('FAILED', `the server kept ${where} after ${attempt} digs`);
    ctx.log.debug({ at: where }, 'the server put the block back; digging it again');
  }
  await waitUntil(() => bot.blockAt(block.position)?.name !== block.name, { signal, timeoutMs: 2000, what: `${where} to break` });
}

/**
 * The name of the next block the server sets at `pos` (matching `until`, when given); undefined when
 * none comes in time. The bot's own edits come before this is called, so what arrives is the server's.
 */
function nextServerBlock(bot: Bot, pos: Vec3, opts: { signal: AbortSignal; timeoutMs: number; gameAge: () => number; until?: (name: string) => boolean }): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const event = `blockUpdate:${pos.toString()}`;
    const overdue = lagAwareDeadline(opts.timeoutMs, opts.gameAge);
    const done = (fn: () => void) => {
      clearInterval(timer);
      bot.world.removeListener(event, onUpdate);
      opts.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onUpdate = (_old: Block | null, now: Block | null) => {
      if (!now || (opts.until && !opts.until(now.name))) return;
      done(() => resolve(now.name));
    };
    const onAbort = () => done(() => reject(abortReason(opts.signal)));
    const timer = setInterval(() => { if (overdue()) done(() => resolve(undefined)); }, 50);
    if (opts.signal.aborted) return onAbort();
    bot.world.on(event, onUpdate);
    opts.signal.addEventListener('abort', onAbort, { once: true });
  });
}
