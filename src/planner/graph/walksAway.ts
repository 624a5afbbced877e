// Needs that walk away from a station in reach: the search gets them last, so that what can be made where
// the bot stands (smelting by the furnace it placed deep down) is made before it climbs for a log.
import { movesFar } from './costs.ts';
import type { Search, SearchContext } from './search.ts';
import type { Action } from './model.ts';
import { factBlocks } from './state.ts';
import { Unplannable } from './unplannable.ts';

/** Stations the bot works at: one in reach is worth using before walking away. */
export const STATIONS: readonly string[] = ['furnace', 'crafting_table'];

/**
 * Whether getting `n` of `name` (not held yet) takes a step that moves far, or mines a block out of reach (a log up at
 * the surface for a bot at its ore, even one in sight), tried on `trial` (a copy of the search).
 */
export function walksAway(trial: Search, name: string, n: number, why: string, depth: number, ctx: Pick<SearchContext, 'kb' | 'world'>): boolean {
  const atHand = new Set(trial.state.inReach);
  const away = (a: Action) => a.skill === 'mineBlock' && typeof a.args.block === 'string' && !factBlocks(ctx.kb, a.args.block).some((b) => atHand.has(b));
  try {
    trial.item(name, n, why, depth);
  } catch (err) {
    // Not plannable from here: the real search says so in its own order.
    if (err instanceof Unplannable) return false;
    throw err;
  }
  return trial.steps.some((st) => movesFar(st.action, ctx.kb, ctx.world) || away(st.action));
}
