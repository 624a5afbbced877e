import type { Bot } from 'mineflayer';
import pathfinderPkg, { type goals as GoalsNs } from 'mineflayer-pathfinder';
import { SkillError } from './errors.ts';
import type { SkillContext } from './types.ts';
import { abortReason } from './wait.ts';

const { Movements } = pathfinderPkg;
type Goal = GoalsNs.Goal;

export interface MoveOptions {
  /** What the bot walks to, for messages ("oak_log at 3,64,-2"). */
  what: string;
  /** No progress for this long (no movement, no digging) ends the move with STUCK. */
  stuckMs?: number;
  /** Whether the path may break blocks on its way (leaves, dirt). Default true. */
  canDig?: boolean;
}

const configured = new WeakSet<Bot>();

/**
 * Movement rules for our bots: no parkour jumps (they fail often and end in holes), dirt only for
 * pillaring so that blocks a task collects are never spent on scaffolding, chests never broken.
 */
export function configureMovements(bot: Bot, canDig = true): void {
  const m = new Movements(bot);
  m.allowParkour = false;
  m.canDig = canDig;
  m.allowSprinting = true;
  const dirt = bot.registry.itemsByName.dirt?.id;
  m.scafoldingBlocks = dirt === undefined ? [] : [dirt]; // (sic: pathfinder's spelling)
  bot.pathfinder.setMovements(m);
  configured.add(bot);
}

/**
 * Walks to `goal` with mineflayer-pathfinder, honouring the skill's signal, and a watchdog that ends
 * a move that makes no progress. Pathfinder failures become NO_PATH; a stalled move becomes STUCK.
 */
export async function moveTo(ctx: SkillContext, goal: Goal, opts: MoveOptions): Promise<void> {
  const { bot, signal } = ctx;
  if (signal.aborted) throw abortReason(signal);
  if (!configured.has(bot) || opts.canDig === false) configureMovements(bot, opts.canDig ?? true);
  if (goal.isEnd(bot.entity.position.floored() as unknown as Parameters<Goal['isEnd']>[0])) return;
  const stuckMs = opts.stuckMs ?? 8000;
  let lastPos = bot.entity.position.clone();
  let lastProgress = Date.now();
  let watchdogError: SkillError | undefined;
  const onAbort = () => bot.pathfinder.stop();
  signal.addEventListener('abort', onAbort, { once: true });
  const watchdog = setInterval(() => {
    const pos = bot.entity.position;
    const digging = (bot as Bot & { targetDigBlock?: unknown }).targetDigBlock != null;
    if (pos.distanceTo(lastPos) > 0.3 || digging) {
      lastPos = pos.clone();
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > stuckMs) {
      watchdogError = new SkillError('STUCK', `no progress towards ${opts.what} for ${Math.round(stuckMs / 1000)} s at ${fmt(pos)}`);
      bot.pathfinder.stop();
    }
  }, 250);
  try {
    await bot.pathfinder.goto(goal);
  } catch (err) {
    if (signal.aborted) throw abortReason(signal);
    if (watchdogError) throw watchdogError;
    const name = err instanceof Error ? err.name : '';
    if (name === 'NoPath' || name === 'Timeout') throw new SkillError('NO_PATH', `no path to ${opts.what} from ${fmt(bot.entity.position)}`, undefined, { cause: err });
    throw new SkillError('FAILED', `moving to ${opts.what} failed: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
  } finally {
    clearInterval(watchdog);
    signal.removeEventListener('abort', onAbort);
  }
  if (signal.aborted) throw abortReason(signal);
}

function fmt(p: { x: number; y: number; z: number }): string {
  return `${Math.floor(p.x)},${Math.floor(p.y)},${Math.floor(p.z)}`;
}
