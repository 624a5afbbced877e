// Who makes the goal once the parts are made, and what each member hands over to it. The member that
// the hand-overs reach soonest assembles (unless the caller named one), then the one holding most parts:
// with copies of slow members' parts (ledger.ts) the first to finish often holds two. Each member then
// gives only what the assembler still lacks.
import type { Items } from './types.ts';

export interface Holder {
  name: string;
  /** What it holds now, by item. */
  held: ReadonlyMap<string, number>;
}

/** How many of the wanted parts `h` holds. */
export function partsHeld(h: Holder, wanted: Items): number {
  return Object.entries(wanted).reduce((n, [item, count]) => n + Math.min(count, h.held.get(item) ?? 0), 0);
}

/**
 * The holder the hand-overs reach soonest (`seconds` for a receiver and its givers; by default the number
 * of givers, each hand-over being a walk and a throw), then the one holding most wanted parts; `preferred`
 * on a tie (the team's first member, which got the pooled items).
 */
export function chooseAssembler<H extends Holder>(holders: readonly H[], wanted: Items, preferred: H, seconds: (receiver: H, givers: readonly H[]) => number = (_r, g) => g.length): { assembler: H; why: string } {
  const givers = (a: H) => deliveries(a, holders.filter((h) => h !== a), wanted).map((d) => d.giver);
  const rank = (h: H) => {
    const g = givers(h);
    return [Math.round(seconds(h, g)), -partsHeld(h, wanted), g.length] as const;
  };
  let best = preferred;
  let bestRank = rank(preferred);
  for (const h of holders) {
    const r = rank(h);
    if (r[0] < bestRank[0] || (r[0] === bestRank[0] && r[1] < bestRank[1])) { best = h; bestRank = r; }
  }
  const total = Object.values(wanted).reduce((a, b) => a + b, 0);
  const held = -bestRank[1];
  return { assembler: best, why: held === 0 ? 'no member holds any part' : `holds ${held} of the ${total} parts; ${bestRank[2]} team mate(s) hand over` };
}

/**
 * What each other holder gives the assembler: the wanted parts it lacks, taken from whoever holds most
 * first (fewer throws). Holders that give nothing are left out.
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
    if (Object.keys(items).length > 0) out.push({ giver, items });
  }
  return out;
}
