// Who makes the goal once the parts are made, and what each member hands over to it. The member the
// hand-overs cost least assembles (unless the caller named one): each giver walks over (at once, so the
// farthest walk counts) and throws (one at a time), then the one holding most parts. Members that had
// nothing left stood by whoever still worked (coordinator.ts), so the last to finish is usually where
// the others already are. Each member then gives only what the assembler still lacks and cannot make
// itself at once (sticks from its own planks are not worth a throw).
import type { Items } from './types.ts';

export interface Holder {
  name: string;
  /** What it holds now, by item. */
  held: ReadonlyMap<string, number>;
  /** Where it stands (block coordinates); absent: distance is not weighed. */
  pos?: { x: number; y: number; z: number };
  /** Wanted items it would make itself in a moment from what it holds, rather than take from a team mate. */
  makes?: ReadonlySet<string>;
}

/** Blocks a giver walks in a second (vanilla's walk, with the turns of a real path). */
const WALK_BLOCKS_PER_SECOND = 3.5;
/** A throw: the giver's toss and vanilla's 2 s pick-up delay, with the look at the receiver. */
const THROW_SECONDS = 3;

/** How many of the wanted parts `h` holds. */
export function partsHeld(h: Holder, wanted: Items): number {
  return Object.entries(wanted).reduce((n, [item, count]) => n + Math.min(count, h.held.get(item) ?? 0), 0);
}

/** Estimated seconds of the hand-overs to `a`: the farthest giver's walk, then every throw in turn. */
export function handoverSeconds<H extends Holder>(a: H, givers: readonly H[]): number {
  if (givers.length === 0) return 0;
  const walk = Math.max(...givers.map((g) => (a.pos && g.pos ? Math.hypot(a.pos.x - g.pos.x, a.pos.y - g.pos.y, a.pos.z - g.pos.z) : 0)));
  return walk / WALK_BLOCKS_PER_SECOND + givers.length * THROW_SECONDS;
}

/**
 * The holder whose hand-overs cost least, then the one holding most wanted parts; `preferred` on a tie
 * (the team's first member, which got the pooled items).
 */
export function chooseAssembler<H extends Holder>(holders: readonly H[], wanted: Items, preferred: H): { assembler: H; why: string } {
  const gifts = (a: H) => deliveries(a, holders.filter((h) => h !== a), wanted);
  const rank = (h: H) => [handoverSeconds(h, gifts(h).map((g) => g.giver)), -partsHeld(h, wanted)] as const;
  let best = preferred;
  let bestRank = rank(preferred);
  for (const h of holders) {
    const r = rank(h);
    if (r[0] < bestRank[0] - 1e-9 || (Math.abs(r[0] - bestRank[0]) <= 1e-9 && r[1] < bestRank[1])) { best = h; bestRank = r; }
  }
  const total = Object.values(wanted).reduce((a, b) => a + b, 0);
  const held = -bestRank[1];
  const givers = gifts(best).length;
  return {
    assembler: best,
    why: held === 0 && givers === 0 ? 'no member holds any part' : `holds ${held} of the ${total} parts; ${givers} team mate(s) hand over, about ${Math.round(bestRank[0])} s`,
  };
}

/**
 * What each other holder gives the assembler: the wanted parts it lacks, taken from whoever holds most
 * first (fewer throws). A holder with only parts the assembler makes itself at once is left out, as are
 * holders that give nothing.
 */
export function deliveries<H extends Holder>(assembler: H, others: readonly H[], wanted: Items): { giver: H; items: Items }[] {
  const lacking = new Map(Object.entries(wanted).map(([item, n]) => [item, Math.max(0, n - (assembler.held.get(item) ?? 0))]));
  const out: { giver: H; items: Items }[] = [];
  for (const giver of [...others].sort((a, b) => partsHeld(b, wanted) - partsHeld(a, wanted))) {
    const items: Items = {};
    for (const [item, left] of lacking) {
      const n = Math.min(left, giver.held.get(item) ?? 0);
      if (n <= 0) continue;
      items[item] = n;
      lacking.set(item, left - n);
    }
    // What the assembler makes itself is not worth a walk, but rides along with a throw made anyway.
    if (Object.keys(items).some((item) => !assembler.makes?.has(item))) out.push({ giver, items });
    else for (const [item, n] of Object.entries(items)) lacking.set(item, (lacking.get(item) ?? 0) + n);
  }
  return out;
}
