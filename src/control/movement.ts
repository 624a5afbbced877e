import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import type { Entity } from 'prismarine-entity';
import { configureMovements } from '../actions/movement/move.ts';

const { goals } = pathfinderPkg;

/** Following ends by itself after this long, so a forgotten !follow does not run forever. */
export const MAX_FOLLOW_MS = 30 * 60_000;

/** The player's entity when the bot can see it (within the server's entity range). */
export function playerEntity(bot: Bot, username: string): Entity | undefined {
  return bot.players[username]?.entity ?? undefined;
}

/**
 * Keeps walking after `entity` (within `range` blocks) until the signal aborts, the entity leaves
 * the bot's sight, the bot disconnects, or `maxMs` passes. Resolves with why it stopped; the
 * pathfinder is left idle and every listener removed.
 */
export function follow(bot: Bot, entity: Entity, signal: AbortSignal, opts: { range?: number; maxMs?: number; name?: string } = {}): Promise<string> {
  const name = opts.name ?? entity.username ?? entity.name ?? 'the target';
  // No digging on the way: following someone must not tear up their build.
  configureMovements(bot, false);
  bot.pathfinder.setGoal(new goals.GoalFollow(entity, opts.range ?? 2), true);
  return new Promise<string>((resolve) => {
    const end = (why: string): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      bot.removeListener('entityGone', onGone);
      bot.removeListener('end', onEnd);
      bot.pathfinder.setGoal(null);
      bot.pathfinder.stop();
      bot.clearControlStates();
      resolve(why);
    };
    const onAbort = (): void => end(`stopped following ${name}`);
    const onGone = (e: Entity): void => { if (e === entity) end(`lost sight of ${name}`); };
    const onEnd = (): void => end('disconnected');
    const timer = setTimeout(() => end(`stopped following ${name} after ${Math.round((opts.maxMs ?? MAX_FOLLOW_MS) / 60_000)} min`), opts.maxMs ?? MAX_FOLLOW_MS);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    bot.on('entityGone', onGone);
    bot.once('end', onEnd);
  });
}
