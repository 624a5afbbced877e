// Splitting a goal between members: the parts of the goal's last step (3 iron ingots and 2 sticks for an
// iron pickaxe), or the goal's own count, spread so that the team's longest share is shortest. Each part
// is planned by its member from its own inventory (its own tools), so no part waits for another: they
// meet only in the hand-over to the assembler, who then makes the goal.

/** A member's share: items to obtain, in order. */
export interface Part { item: string; count: number }

/** Estimated seconds for a member to obtain `parts` in order from what it holds now; undefined: it cannot. */
export type Estimator = (member: string, parts: readonly Part[]) => number | undefined;

export interface SplitInput {
  members: readonly string[];
  /** Who makes the goal at the end and receives every share. */
  assembler: string;
  /** The candidate ways to split: items (and counts) whose union the assembler turns into the goal, with that last step's seconds. */
  ways: readonly { parts: Readonly<Record<string, number>>; finalSeconds: number }[];
  /** Seconds for the assembler alone, the whole goal. */
  alone: number;
  /** Seconds a hand-over adds to a helper's share (walk back, throw, pick-up delay). */
  handoverSeconds: number;
}

export interface Split {
  /** Each member's share (members with nothing are absent). */
  shares: Map<string, Part[]>;
  /** Estimated seconds for the team (longest share, then the last step) and for the assembler alone. */
  team: number;
  alone: number;
}

/** Compositions of `units` into `bins` ordered parts (units ≤ 6, bins ≤ 4: at most 84). */
function compositions(units: number, bins: number): number[][] {
  if (bins === 1) return [[units]];
  const out: number[][] = [];
  for (let first = units; first >= 0; first--) for (const rest of compositions(units - first, bins - 1)) out.push([first, ...rest]);
  return out;
}

/** The assembler's stop for one throw: the items land at its feet and are picked up after 2 s. */
export const PAUSE_SECONDS = 4;
/** How much the assembler's own share weighs beside the longest one: enough to break ties. */
const TIE_WEIGHT = 0.01;
/** At most this many pieces of one item are weighed (64 cobblestone is split in pieces of 11). */
const MAX_UNITS = 6;
/** A split must save this much over working alone to be worth the hand-overs' risk. */
const WORTH = 0.95;

/**
 * The split with the shortest estimated time, item by item, dearest first (greedy over items, exhaustive
 * over how one item's count is spread). Falls back to the assembler alone when no split is worth it.
 */
export function splitWork(input: SplitInput, estimate: Estimator): Split {
  const cache = new Map<string, number | undefined>();
  const cost = (member: string, parts: readonly Part[]): number | undefined => {
    if (parts.length === 0) return 0;
    const key = `${member}|${parts.map((p) => `${p.item}:${p.count}`).join(',')}`;
    if (!cache.has(key)) cache.set(key, estimate(member, parts));
    return cache.get(key);
  };
  // A helper walks over and throws (handoverSeconds); the assembler only stops for the throw between two of
  // its steps. Of two splits as long, the one that leaves the assembler less is better: its share, its pauses
  // and the last step are all on the way to the goal.
  const makespan = (shares: Map<string, Part[]>, finalSeconds: number): number => {
    let longest = 0;
    let givers = 0;
    for (const m of input.members) {
      const parts = shares.get(m) ?? [];
      const c = cost(m, parts);
      if (c === undefined) return Infinity;
      if (m !== input.assembler && parts.length > 0) givers++;
      longest = Math.max(longest, c + (m !== input.assembler && parts.length > 0 ? input.handoverSeconds : 0));
    }
    const own = (cost(input.assembler, shares.get(input.assembler) ?? []) ?? Infinity) + givers * PAUSE_SECONDS;
    return Math.max(longest, own) + finalSeconds + own * TIE_WEIGHT;
  };
  let best: Split = { shares: new Map(), team: input.alone, alone: input.alone };
  for (const way of input.ways) {
    const shares = new Map<string, Part[]>();
    // Dearest item first: it decides most about who is busy longest.
    const items = Object.entries(way.parts)
      .map(([item, count]) => ({ item, count, alone: cost(input.assembler, [{ item, count }]) ?? Infinity }))
      .sort((a, b) => b.alone - a.alone);
    for (const { item, count } of items) {
      const unit = Math.ceil(count / MAX_UNITS);
      const units = Math.ceil(count / unit);
      let chosen: Map<string, Part[]> | undefined;
      let chosenTime = Infinity;
      for (const spread of compositions(units, input.members.length)) {
        const trial = new Map([...shares].map(([m, p]) => [m, [...p]]));
        let left = count;
        spread.forEach((u, i) => {
          const n = Math.min(left, u * unit);
          left -= n;
          if (n > 0) trial.set(input.members[i]!, [...(trial.get(input.members[i]!) ?? []), { item, count: n }]);
        });
        const t = makespan(trial, way.finalSeconds);
        if (t < chosenTime) { chosen = trial; chosenTime = t; }
      }
      if (!chosen) break;
      shares.clear();
      for (const [m, p] of chosen) shares.set(m, p);
    }
    const team = makespan(shares, way.finalSeconds);
    if (team < best.team) best = { shares, team, alone: input.alone };
  }
  return best.team <= input.alone * WORTH ? best : { shares: new Map(), team: input.alone, alone: input.alone };
}
