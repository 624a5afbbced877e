import type { Bot } from 'mineflayer';
import { SkillError } from '../../base/errors.ts';

const TICK_MS = 250;
/** A single block dig that lasts longer than this no longer counts as progress (obsidian by hand). */
const MAX_DIG_PROGRESS_MS = 20_000;

/**
 * Ends a move that makes no progress. Progress is entering a block cell not visited during this
 * move, or digging (a new block, or the same one for a bounded time). Standing still, walking back
 * and forth, or being pushed back (a server that rubber-bands the bot) all cover no new cells, so
 * they end in STUCK after `stuckMs`, whatever pathfinder believes.
 */
export class MoveWatchdog {
  error: SkillError | undefined;
  private readonly visited = new Set<string>();
  private lastProgress = Date.now();
  private digTarget: string | undefined;
  private digSince = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly bot: Bot, private readonly what: string, private readonly stuckMs: number, private readonly halt: () => void) {
    this.visit();
    this.timer = setInterval(() => this.check(), TICK_MS);
  }

  /** Ends the move with `error` (the first one wins). */
  fail(error: SkillError): void {
    if (this.error) return;
    this.error = error;
    this.halt();
  }

  dispose(): void {
    clearInterval(this.timer);
  }

  private visit(): boolean {
    const p = this.bot.entity.position;
    const key = `${Math.floor(p.x)},${Math.floor(p.y)},${Math.floor(p.z)}`;
    if (this.visited.has(key)) return false;
    this.visited.add(key);
    return true;
  }

  private digging(now: number): boolean {
    const block = this.bot.targetDigBlock as typeof this.bot.targetDigBlock | null | undefined;
    if (!block) {
      this.digTarget = undefined;
      return false;
    }
    const key = block.position.toString();
    if (key !== this.digTarget) {
      this.digTarget = key;
      this.digSince = now;
    }
    return now - this.digSince < MAX_DIG_PROGRESS_MS;
  }

  private check(): void {
    if (this.error) return;
    const now = Date.now();
    if (this.visit() || this.digging(now)) {
      this.lastProgress = now;
      return;
    }
    if (now - this.lastProgress > this.stuckMs) {
      const p = this.bot.entity.position;
      this.fail(new SkillError('STUCK', `no progress towards ${this.what} for ${Math.round(this.stuckMs / 1000)} s at ${Math.floor(p.x)},${Math.floor(p.y)},${Math.floor(p.z)}`));
    }
  }
}

/** How long a finished search may leave the bot idle short of its goal before the goal is set again. */
const IDLE_RENEW_MS = 1000;
const MAX_RENEWALS = 4;

/**
 * mineflayer-pathfinder searches once per goal: when the path runs out short of the goal (the server
 * put the bot back a node, say) it stays idle with the goal set, and `goto` never settles. Seen under
 * load, two blocks from a crafting table. Setting the same goal again starts a new search; `goto`
 * goes on waiting, since the goal did not change. Returns the function that stops watching.
 */
export function renewWhenIdle(bot: Bot, goal: NonNullable<Bot['pathfinder']['goal']>, done: () => boolean): () => void {
  let searchDone = false;
  let idleSince: number | undefined;
  let renewals = 0;
  const onUpdate = (r: { status: string }): void => { searchDone = r.status !== 'partial'; };
  bot.on('path_update', onUpdate);
  const timer = setInterval(() => {
    const pf = bot.pathfinder;
    if (!searchDone || pf.goal !== goal || pf.isMoving() || pf.isMining() || pf.isBuilding() || done()) {
      idleSince = undefined;
      return;
    }
    const now = Date.now();
    idleSince ??= now;
    if (now - idleSince < IDLE_RENEW_MS || renewals >= MAX_RENEWALS) return;
    renewals++;
    idleSince = undefined;
    searchDone = false;
    pf.setGoal(goal);
  }, TICK_MS);
  return () => {
    clearInterval(timer);
    bot.removeListener('path_update', onUpdate);
  };
}
