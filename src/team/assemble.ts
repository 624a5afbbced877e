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

/** What one giver hands the assembler. */
export interface Gift<H> { giver: H; items: Items }

/** Every subset of `xs` (at most 2^3 for a team of 4). */
function subsets<T>(xs: readonly T[]): T[][] {
  return xs.reduce<T[][]>((all, x) => [...all, ...all.map((s) => [...s, x])], [[]]);
}

/**
 * The holder the hand-overs reach soonest (`seconds` for a receiver and its givers; by default the number
 * of givers, each hand-over being a walk and a throw), then the one holding most wanted parts; `preferred`
 * on a tie (the team's first member, which got the pooled items).
 *
 * With `finish` (a receiver's seconds to make the goal from what it holds plus the gifts, Infinity when it
 * cannot), a receiver may also take gifts from only some mates and make the rest itself: a member at its ore
 * with two ingots smelts a third sooner than a mate climbs 20 blocks out of its shaft to bring one.
 */
export function chooseAssembler<H extends Holder>(
  holders: readonly H[], wanted: Items, preferred: H,
  seconds: (receiver: H, givers: readonly H[]) => number = (_r, g) => g.length,
  finish?: (receiver: H, gifts: readonly Gift<H>[]) => number,
): { assembler: H; gifts: Gift<H>[]; why: string; seconds?: number } {
  const options = (a: H): { gifts: Gift<H>[]; total: number }[] => {
    const others = holders.filter((h) => h !== a);
    const all = deliveries(a, others, wanted);
    if (!finish) return [{ gifts: all, total: seconds(a, all.map((g) => g.giver)) }];
    const seen = new Set<string>();
    return subsets(others).flatMap((some) => {
      const gifts = deliveries(a, some, wanted);
      const key = gifts.map((g) => g.giver.name).join(',');
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ gifts, total: seconds(a, gifts.map((g) => g.giver)) + finish(a, gifts) }];
    });
  };
  const ranked = (h: H) => options(h).map((o) => ({ ...o, rank: [Math.round(o.total), -partsHeld(h, wanted), o.gifts.length] as const }));
  const better = (r: readonly number[], than: readonly number[]) => r[0]! < than[0]! || (r[0] === than[0] && (r[1]! < than[1]! || (r[1] === than[1] && r[2]! < than[2]!)));
  let best: { h: H; gifts: Gift<H>[]; rank: readonly number[]; total: number } | undefined;
  // The preferred member first: it keeps a tie.
  for (const h of [preferred, ...holders.filter((x) => x !== preferred)]) {
    for (const o of ranked(h)) if (!best || better(o.rank, best.rank)) best = { h, gifts: o.gifts, rank: o.rank, total: o.total };
  }
  const chosen = best ?? { h: preferred, gifts: [], rank: [0, 0, 0], total: 0 };
  const total = Object.values(wanted).reduce((a, b) => a + b, 0);
  const held = partsHeld(chosen.h, wanted);
  const given = chosen.gifts.reduce((n, g) => n + partsHeld({ name: g.giver.name, held: new Map(Object.entries(g.items)) }, wanted), 0);
  const rest = held + given < total ? `; makes the other ${total - held - given} itself` : '';
  return {
    assembler: chosen.h, gifts: chosen.gifts, ...(finish && Number.isFinite(chosen.total) ? { seconds: Math.round(chosen.total) } : {}),
    why: held === 0 && given === 0 ? 'no member holds any part' : `holds ${held} of the ${total} parts; ${chosen.gifts.length} team mate(s) hand over${rest}`,
  };
}

/**
 * What each other holder gives the assembler: the wanted parts it lacks, taken from whoever holds most
 * first (fewer throws). Holders that give nothing are left out.
 */
export function deliveries<H extends Holder>(assembler: H, others: readonly H[], wanted: Items): Gift<H>[] {
  const lacking = new Map(Object.entries(wanted).map(([item, n]) => [item, Math.max(0, n - (assembler.held.get(item) ?? 0))]));
  const out: Gift<H>[] = [];
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
