import type { Bot } from 'mineflayer';
import pathfinderPkg, { type goals as GoalsNs } from 'mineflayer-pathfinder';
import { SkillError } from '../../base/errors.ts';
import type { SkillContext } from '../../skills/types.ts';
import { abortReason } from '../../base/wait.ts';
import { MoveWatchdog, renewWhenIdle } from './watchdog.ts';
import { fmt } from '../../base/position.ts';

const { Movements } = pathfinderPkg;
type Goal = GoalsNs.Goal;
type GoalNode = Parameters<Goal['isEnd']>[0];

export interface MoveOptions {
  /** What the bot walks to, for messages ("oak_log at 3,64,-2"). */
  what: string;
  /** No progress for this long (no new ground covered, no digging) ends the move with STUCK. Default 8 s. */
  stuckMs?: number;
  /** Whether the path may break blocks on its way (leaves, dirt). Default true. */
  canDig?: boolean;
  /** Bounds the path search to goals about this many blocks of path cost away (default: unbounded). */
  searchRadius?: number;
  /** The whole move may take this long; then it ends with STUCK. Default: only the skill's timeout. */
  timeoutMs?: number;
  /** Whether the path may pillar and bridge with dirt. Default true; a build whose own blocks are dirt says no. */
  scaffold?: boolean;
}

/** Blocks the agent itself relies on: a path never breaks them. */
const NEVER_BREAK = ['chest', 'trapped_chest', 'crafting_table', 'furnace', 'blast_furnace', 'smoker', 'barrel'];

/** The rules each bot's pathfinder was last given (`canDig/scaffold`): set again only when a move asks for others. */
const configuredCanDig = new WeakMap<Bot, string>();

/**
 * Movement rules for our bots: no parkour jumps (they fail often and end in holes), dirt only for
 * pillaring so that blocks a task collects are never spent on scaffolding, the agent's stations
 * (chests, crafting tables, furnaces) never broken.
 */
export function configureMovements(bot: Bot, canDig = true, scaffold = true): void {
  const m = new Movements(bot);
  m.allowParkour = false;
  m.canDig = canDig;
  m.allowSprinting = true;
  const dirt = bot.registry.itemsByName.dirt?.id;
  m.scafoldingBlocks = dirt === undefined || !scaffold ? [] : [dirt]; // (sic: pathfinder's spelling)
  for (const name of NEVER_BREAK) {
    const id = bot.registry.blocksByName[name]?.id;
    if (id !== undefined) m.blocksCantBreak.add(id);
  }
  bot.pathfinder.setMovements(m);
  configuredCanDig.set(bot, `${canDig}/${scaffold}`);
}

/** pathfinder reads `searchRadius` at each search; its typings leave it out. */
interface PathfinderSearch { searchRadius: number }

/** A move that pathfinder ended early (out of think time, no path after a reset) is retried while each try brings the bot this much closer. */
const RETRY_GAIN = 2;
const MAX_TRIES = 6;

/**
 * Walks to `goal` with mineflayer-pathfinder, honouring the skill's signal, and a watchdog that ends
 * a move that makes no progress. An unreachable goal becomes NO_PATH (pathfinder's NoPath, a search
 * that times out without getting closer, or a search that ends where it started); a stalled move
 * becomes STUCK. Every listener and timer is removed and the pathfinder is left idle on every exit.
 */
export async function moveTo(ctx: SkillContext, goal: Goal, opts: MoveOptions): Promise<void> {
  const { bot, signal } = ctx;
  if (signal.aborted) throw abortReason(signal);
  const canDig = opts.canDig ?? true;
  const scaffold = opts.scaffold ?? true;
  if (configuredCanDig.get(bot) !== `${canDig}/${scaffold}`) configureMovements(bot, canDig, scaffold);
  if (reached(bot, goal)) return;

  const search = bot.pathfinder as unknown as PathfinderSearch;
  const savedRadius = search.searchRadius;
  if (opts.searchRadius !== undefined) search.searchRadius = opts.searchRadius;
  const restoreRadius = () => { search.searchRadius = savedRadius; };
  const halt = () => {
    bot.pathfinder.stop();
    // stop() only takes effect at the next path node; clearing the goal ends a pending goto at once.
    bot.pathfinder.setGoal(null);
  };
  const watchdog = new MoveWatchdog(bot, opts.what, opts.stuckMs ?? 8000, halt);
  const stopRenewing = renewWhenIdle(bot, goal, () => reached(bot, goal));
  // The bot may slide on past an exact goal after pathfinder saw it there: its word counts.
  let goalReached = false;
  const onReached = () => { goalReached = true; };
  bot.on('goal_reached', onReached);
  // Synchronous, so that the bot is idle with no listener of ours left when the runner reports the abort.
  // After an abort the caller may start another move before this one unwinds; nothing of ours may touch it then.
  const onAbort = () => {
    stopRenewing();
    bot.removeListener('goal_reached', onReached);
    restoreRadius();
    halt();
    bot.clearControlStates();
  };
  signal.addEventListener('abort', onAbort, { once: true });
  const budget = opts.timeoutMs === undefined ? undefined : setTimeout(() => {
    watchdog.fail(new SkillError('STUCK', `did not reach ${opts.what} within ${Math.round(opts.timeoutMs! / 1000)} s (at ${fmt(bot.entity.position)})`));
  }, opts.timeoutMs);
  try {
    let lastTry = distanceTo(bot, goal);
    let tries = 1;
    const gained = (): boolean => {
      const now = distanceTo(bot, goal);
      if (tries >= MAX_TRIES || lastTry - now < RETRY_GAIN) return false;
      lastTry = now;
      tries++;
      return true;
    };
    for (;;) {
      try {
        await bot.pathfinder.goto(goal);
      } catch (err) {
        if (signal.aborted) throw abortReason(signal);
        if (watchdog.error) throw watchdog.error;
        const name = err instanceof Error ? err.name : '';
        // A search that ran out of time, or a path reset by a block update while the bot was between
        // nodes, can end a move that was getting there: go on while each try gains ground.
        if ((name === 'Timeout' || name === 'NoPath') && gained()) continue;
        if (name === 'NoPath' || name === 'Timeout') throw noPath(bot, opts.what, err);
        throw new SkillError('FAILED', `moving to ${opts.what} failed: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
      }
      if (signal.aborted) throw abortReason(signal);
      if (watchdog.error) throw watchdog.error;
      if (goalReached || reached(bot, goal)) return;
      // goto also resolves when the search found nothing better than where the bot stands.
      if (gained()) continue;
      throw noPath(bot, opts.what);
    }
  } finally {
    watchdog.dispose();
    stopRenewing();
    if (budget) clearTimeout(budget);
    signal.removeEventListener('abort', onAbort);
    if (!signal.aborted) {
      bot.removeListener('goal_reached', onReached);
      restoreRadius();
      // After goal_reached pathfinder still holds a search that ran out of time (a partial path) and goes
      // on computing it with no goal set, then walks what it finds: back towards the old goal, even after
      // a teleport. setGoal(null) drops that search; halt's stop() would also snap the bot to a block centre.
      if (bot.pathfinder.goal) halt();
      else bot.pathfinder.setGoal(null);
      bot.clearControlStates();
    }
  }
}

/** Why a move ended early on purpose: what the caller watched for came true. */
const CONDITION_MET = Symbol('condition met');

/**
 * Like moveTo, but checks `until()` every `everyMs` on the way and stops there as soon as it holds.
 * Resolves 'met' when it stopped early, 'arrived' when the goal was reached first.
 */
export async function moveToUntil(ctx: SkillContext, goal: Goal, opts: MoveOptions, until: () => boolean, everyMs = 400): Promise<'met' | 'arrived'> {
  if (until()) return 'met';
  const child = new AbortController();
  const onParent = () => child.abort(ctx.signal.reason);
  if (ctx.signal.aborted) onParent();
  else ctx.signal.addEventListener('abort', onParent, { once: true });
  const timer = setInterval(() => {
    if (!child.signal.aborted && until()) child.abort(CONDITION_MET);
  }, everyMs);
  try {
    await moveTo({ ...ctx, signal: child.signal }, goal, opts);
    return 'arrived';
  } catch (err) {
    if (child.signal.reason === CONDITION_MET && !ctx.signal.aborted) return 'met';
    throw err;
  } finally {
    clearInterval(timer);
    ctx.signal.removeEventListener('abort', onParent);
  }
}

function noPath(bot: Bot, what: string, cause?: unknown): SkillError {
  return new SkillError('NO_PATH', `no path to ${what} from ${fmt(bot.entity.position)}`, undefined, cause === undefined ? undefined : { cause });
}

/** Whether the bot stands at the goal; pathfinder also accepts the block above (slabs, farmland). */
export function reached(bot: Bot, goal: Goal): boolean {
  const feet = bot.entity.position.floored();
  return goal.isEnd(feet as unknown as GoalNode) || goal.isEnd(feet.offset(0, 1, 0) as unknown as GoalNode);
}

function distanceTo(bot: Bot, goal: Goal): number {
  return goal.heuristic(bot.entity.position.floored() as unknown as GoalNode);
}

