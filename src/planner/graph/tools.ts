import type { Knowledge } from '../../knowledge/kb.ts';
import { parseTool, TIER_INFO } from '../../knowledge/tools.ts';
import type { CostTable } from './costs.ts';
import type { Action } from './model.ts';
import { lookahead } from './score.ts';
import { factBlocks, type PlanState } from './state.ts';

/** The part of a search that tool planning drives. */
export interface ToolSearch {
  state: PlanState;
  item(name: string, count: number, why: string, depth: number): void;
  firstThatWorks<T>(options: readonly T[], attempt: (o: T) => void): T | undefined;
}

/**
 * `n` more of any of `tools`, the cheapest to get from here first (a stone pickaxe when cobblestone
 * and sticks are at hand), the next one when that gets stuck (its cobblestone is what it is for).
 */
export function getTool(search: ToolSearch, ctx: { costs: CostTable; kb: Knowledge }, tools: readonly string[], n: number, why: string, depth: number): void {
  const ranked = tools.map((t) => ({ t, c: lookahead(t, 1, search.state, ctx.costs, ctx.kb) }))
    .filter((x) => Number.isFinite(x.c)).sort((x, y) => x.c - y.c);
  const options = ranked.length > 0 ? ranked.slice(0, 3).map((x) => x.t) : [tools[0]!];
  search.firstThatWorks(options, (t) => search.item(t, (search.state.inv.get(t) ?? 0) + n, why, depth));
}

/**
 * Carries pickaxes (of `tools`) enough for `uses`, counting those carried as new (the observation
 * does not say how worn they are): a dig that runs out halfway leaves the bot deep down without sticks.
 */
export function bringPickaxes(search: ToolSearch, costs: CostTable, tools: readonly string[], uses: number, why: string, depth: number): void {
  const durability = (t: string) => TIER_INFO[parseTool(t)?.tier ?? 'wooden'].durability;
  const carried = () => tools.reduce((k, t) => k + (search.state.inv.get(t) ?? 0) * durability(t), 0);
  // Cheap per use among the cheap ones (a stone pickaxe, not a diamond one that needs this very dig).
  const cheapest = Math.min(...tools.map((t) => costs.items(t, 1)));
  const best = tools.filter((t) => costs.items(t, 1) <= 3 * cheapest)
    .sort((a, b) => costs.items(a, 1) / durability(a) - costs.items(b, 1) / durability(b))[0];
  for (let extra = 0; best !== undefined && carried() < uses && extra < 6; extra++) {
    search.item(best, (search.state.inv.get(best) ?? 0) + 1, `digToLevel (${why}; about ${uses} pickaxe uses)`, depth);
  }
}

/** From this many blocks in one mineBlock, the tool is chosen for the whole dig, not the cheapest to make. */
export const MANY_DIGS = 24;

/**
 * Tools for `uses` digs of `block`: the kind that takes least time over the whole dig (its digging, plus
 * making those not carried, each counted at full durability), as many as the dig wears out. 136
 * cobblestone with one wooden pickaxe took two broken pickaxes and two failed steps (bench build, house);
 * a stone pickaxe digs them in half the time and lasts twice as long.
 */
export function toolsForDigs(search: ToolSearch, ctx: { costs: CostTable; kb: Knowledge }, tools: readonly string[], block: string, uses: number, why: string, depth: number): void {
  const durability = (t: string) => TIER_INFO[parseTool(t)?.tier ?? 'wooden'].durability;
  const carried = tools.reduce((k, t) => k + (search.state.inv.get(t) ?? 0) * durability(t), 0);
  if (carried >= uses) return;
  const options = tools.map((t) => {
    const have = search.state.inv.get(t) ?? 0;
    // The uses the others carried cover are dug with this one too: a fair comparison of kinds.
    const need = have + Math.ceil((uses - carried) / durability(t));
    const make = lookahead(t, need - have, search.state, ctx.costs, ctx.kb);
    return { t, need, seconds: make + (uses * ctx.kb.digTimeMs(block, t)) / 1000 };
  }).filter((o) => Number.isFinite(o.seconds)).sort((a, b) => a.seconds - b.seconds);
  search.firstThatWorks(options.slice(0, 3), (o) => search.item(o.t, o.need, `${why}; ${uses} blocks to dig`, depth));
}

/** The blocks a mineBlock digs (one per item counted, the first block of a group), for choosing its tools. */
export function digsOf(a: Action, kb: Knowledge): { block: string; uses: number } | undefined {
  const block = typeof a.args.block === 'string' ? factBlocks(kb, a.args.block)[0] : undefined;
  const uses = typeof a.args.count === 'number' ? a.args.count : 1;
  return block && kb.isBlock(block) ? { block, uses } : undefined;
}
