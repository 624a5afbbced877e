// Filling a container from what the eyes look at (use_item): an empty bucket from a water or lava source
// or powder snow, a glass bottle from water. The server casts vanilla's ray along the look; the bot
// stands where the same ray (src/knowledge/useRay.ts) from its eyes hits the block it aims at.
import type { Bot } from 'mineflayer';
import pathfinderPkg, { type Move } from 'mineflayer-pathfinder';
import { Vec3 } from 'vec3';
import { missingItems, SkillError } from '../../base/errors.ts';
import { fmt } from '../../base/position.ts';
import { untilAborted, waitUntil } from '../../base/wait.ts';
import { isUnreachable, markUnreachable } from '../../bot/unreachable.ts';
import { useReach, type BlockUse } from '../../knowledge/interactions.ts';
import { castRay } from '../../knowledge/useRay.ts';
import type { SkillContext } from '../../skills/types.ts';
import { countItem, findItem } from '../items/inventory.ts';
import { EYE_HEIGHT, posKey } from '../mining/world.ts';
import { moveTo } from '../movement/move.ts';
import { aimPoints, rayCellAt, takeablePositions, takesFromCell } from './fluidSource.ts';

const { goals } = pathfinderPkg;

/** The server swaps the item at once; this covers the slot update's way back. */
const FILL_WAIT_MS = 3000;
/** Blocks tried before the skill gives up with the last failure. */
const MAX_TRIES = 4;
/** Stay this far inside the ray's reach: the look the client sends is rounded. */
const MARGIN = 0.5;
/**
 * The pathfinder stops as soon as the feet enter a goal cell, at its edge, up to 0.7 from the centre
 * the goal was judged from: a spot counts only with this much reach to spare (a pond 4.4 blocks off
 * was judged in reach and then missed by 0.3).
 */
const CELL_SLACK = 0.75;
const RETRYABLE = new Set(['NO_PATH', 'STUCK', 'FAILED']);

/** Whether the ray from eyes at `eye` towards `aim` hits a block the use takes from, within reach. */
function hitsFrom(bot: Bot, use: BlockUse, eye: Vec3, aim: Vec3, slack = 0): boolean {
  const reach = useReach(bot.registry).ray - MARGIN - slack;
  if (eye.distanceTo(aim) > reach) return false;
  const cell = rayCellAt(bot);
  const hit = castRay(eye, aim.minus(eye).normalize(), reach, cell);
  return hit !== null && takesFromCell(use.block, cell(hit.x, hit.y, hit.z));
}

/** The first of `aims` the ray from `eye` hits the block through, or undefined. */
function aimFrom(bot: Bot, use: BlockUse, eye: Vec3, aims: readonly Vec3[], slack = 0): Vec3 | undefined {
  return aims.find((aim) => hitsFrom(bot, use, eye, aim, slack));
}

/** Stand anywhere dry from which the container's ray hits what it takes from, by any of its open faces. */
class GoalAimAt extends goals.Goal {
  constructor(private readonly bot: Bot, private readonly use: BlockUse, private readonly aims: readonly Vec3[]) {
    super();
  }

  heuristic(node: Move): number {
    const eye = new Vec3(node.x + 0.5, node.y + EYE_HEIGHT, node.z + 0.5);
    const near = Math.min(...this.aims.map((a) => eye.distanceTo(a)));
    return Math.max(0, near - (useReach(this.bot.registry).ray - MARGIN - CELL_SLACK));
  }

  isEnd(node: Move): boolean {
    const feet = this.bot.blockAt(new Vec3(node.x, node.y, node.z));
    if (!feet || feet.name === 'water' || feet.name === 'lava') return false;
    return aimFrom(this.bot, this.use, new Vec3(node.x + 0.5, node.y + EYE_HEIGHT, node.z + 0.5), this.aims, CELL_SLACK) !== undefined;
  }
}

/** Sources (or powder snow) the ray can reach (fluidSource.ts), nearest first, leaving out `tried` and blocks written off. */
function sources(bot: Bot, use: BlockUse, radius: number, tried: ReadonlySet<string>): Vec3[] {
  return takeablePositions(bot, use.block, radius, { skip: (p) => tried.has(posKey(p)) || isUnreachable(bot, p) });
}

/** One fill from the block at `pos`: walk to where the ray reaches it, hold the container, look, use. */
async function fillOnce(ctx: SkillContext, use: BlockUse, pos: Vec3): Promise<void> {
  const { bot, signal } = ctx;
  const aims = aimPoints(bot, use.block, pos);
  const where = `${use.block} at ${fmt(pos)}`;
  const eye = () => bot.entity.position.offset(0, EYE_HEIGHT, 0);
  if (aims.length === 0) throw new SkillError('FAILED', `${where} is shut in: no face a ray can come in by`);
  if (!aimFrom(bot, use, eye(), aims)) await moveTo(ctx, new GoalAimAt(bot, use, aims), { what: `a spot in reach of ${where}` });
  const aim = aimFrom(bot, use, eye(), aims);
  if (!aim) throw new SkillError('FAILED', `${where} is not in sight from ${fmt(bot.entity.position)}`);
  const container = findItem(bot, use.use);
  if (!container) throw missingItems(use.use, 1, 0);
  if (bot.heldItem?.name !== use.use) await untilAborted(bot.equip(container, 'hand'), signal);
  const before = countItem(bot, use.gives);
  // Not forced: the look packet goes out before the use, and the server casts its ray along it.
  await untilAborted(bot.lookAt(aim), signal);
  bot.activateItem();
  await waitUntil(() => countItem(bot, use.gives) > before, { signal, timeoutMs: FILL_WAIT_MS, what: `a ${use.gives}` }).catch((err: unknown) => {
    if (signal.aborted || !(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
    throw new SkillError('FAILED', `used ${use.use} on ${where} but got no ${use.gives} within ${FILL_WAIT_MS} ms`, undefined, { cause: err });
  });
}

/**
 * Fills one `use.use` from the nearest block within `radius` it takes from, trying others when one
 * cannot be reached. MISSING_ITEMS without the empty container, NO_TARGET when there is none.
 */
export async function fillContainer(ctx: SkillContext, use: BlockUse, radius: number): Promise<void> {
  const { bot, log } = ctx;
  if (countItem(bot, use.use) < 1) throw missingItems(use.use, 1, 0);
  const tried = new Set<string>();
  let lastError: SkillError | undefined;
  const what = use.block === 'powder_snow' ? use.block : `${use.block} source`;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const [pos] = sources(bot, use, radius, tried);
    if (!pos) break;
    tried.add(posKey(pos));
    try {
      await fillOnce(ctx, use, pos);
      return;
    } catch (err) {
      if (ctx.signal.aborted || !(err instanceof SkillError) || !RETRYABLE.has(err.code)) throw err;
      // The pool around it is written off with it: its other sources share the way that failed (a ravine's).
      if (err.code === 'NO_PATH') markUnreachable(bot, pos, [use.block]);
      lastError = err;
      log.debug({ code: err.code, err: err.message, at: posKey(pos) }, 'could not fill from this block; trying another');
    }
  }
  if (lastError && tried.size >= MAX_TRIES) throw new SkillError(lastError.code, `${lastError.message} (${tried.size} ${what}s tried)`, lastError.missing, { cause: lastError });
  const others = tried.size > 0 ? ` other than the ${tried.size} tried${lastError ? ` (last: ${lastError.message})` : ''}` : '';
  throw new SkillError('NO_TARGET', `no ${what} open to the air within ${radius} blocks${others}`, { block: use.block });
}
