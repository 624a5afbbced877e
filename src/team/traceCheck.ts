// Checks over a team's trace (team.jsonl: one TeamEvent a line), for the promises a team makes: no block
// dug twice (members claim their targets, src/bot/claims.ts) and no item lost in a hand-over. Pure but
// for readTeamTrace; the bench and the tests run them over finished runs.
import { readFile } from 'node:fs/promises';
import type { Handover, Items, TeamEvent } from './types.ts';

export type Pos = [number, number, number];

/** One step that dug a position. */
export interface Dig {
  who: string;
  step: number;
  skill: string;
  /** Game seconds of the member's run when the step ended. */
  gameSeconds: number;
  /** The step event's line in the trace (0-based): steps are numbered per run, lines are unique. */
  index: number;
}

export interface DugTwice {
  pos: Pos;
  /** The steps that dug it, in trace order (two or more). */
  digs: Dig[];
  /** Whether more than one member dug it (a claim failed), rather than one member twice (a block put back). */
  byOthers: boolean;
}

/**
 * The positions a step's result says it dug: `at`, a list of [x, y, z] (mineBlock, digToLevel). Other
 * results (a chest's `at: {x, y, z}`, a failed step) dug nothing the trace can show.
 */
export function dugPositions(result: unknown): Pos[] {
  const at = (result as { at?: unknown } | null | undefined)?.at;
  if (!Array.isArray(at)) return [];
  return at.filter((p): p is Pos => Array.isArray(p) && p.length === 3 && p.every((n) => typeof n === 'number' && Number.isFinite(n)));
}

/**
 * Positions dug by more than one step (of any member), with who dug them and when. The same position
 * twice in one step (sand sliding into a dug cell) counts once.
 */
export function dugTwice(events: readonly TeamEvent[]): DugTwice[] {
  const byPos = new Map<string, { pos: Pos; digs: Dig[] }>();
  events.forEach((e, index) => {
    if (e.event !== 'step' || !e.outcome.ok) return;
    const seen = new Set<string>();
    for (const pos of dugPositions(e.outcome.result)) {
      const key = pos.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      let entry = byPos.get(key);
      if (!entry) byPos.set(key, (entry = { pos, digs: [] }));
      entry.digs.push({ who: e.who, step: e.step, skill: e.outcome.skill, gameSeconds: e.gameSeconds, index });
    }
  });
  return [...byPos.values()].filter((d) => d.digs.length > 1)
    .map((d) => ({ ...d, byOthers: new Set(d.digs.map((g) => g.who)).size > 1 }));
}

export interface Unbalanced {
  handover: Handover;
  /** Trace line of the hand-over. */
  index: number;
  /** Per item, what left the giver minus what reached the receiver (negative: more arrived than left). */
  diff: Items;
}

export interface HandoverBalance {
  /** Hand-overs whose `out` and what reached the team (`in` and `astray`) differ. */
  unbalanced: Unbalanced[];
  /** Summed over every hand-over: what left givers, what reached receivers, what team mates picked up instead. */
  totals: { out: Items; in: Items; astray: Items };
  count: number;
  /** Items that left a giver and never reached the receiver (must be 0). */
  lost: number;
  /** Items a receiver took in beyond what was thrown: drops of its own it picked up meanwhile (a log it just dug). */
  gained: number;
}

/** `a - b` per item, non-zero entries only. */
export function itemsDiff(a: Items, b: Items): Items {
  const out: Items = {};
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = (a[name] ?? 0) - (b[name] ?? 0);
    if (d !== 0) out[name] = d;
  }
  return out;
}

function addInto(total: Items, items: Items): void {
  for (const [name, n] of Object.entries(items)) total[name] = (total[name] ?? 0) + n;
}

/** Hand-overs that lost (or gained) items between giver and receiver, and the totals in and out. */
export function handoverBalance(events: readonly TeamEvent[]): HandoverBalance {
  const unbalanced: Unbalanced[] = [];
  const totals = { out: {} as Items, in: {} as Items, astray: {} as Items };
  let count = 0;
  events.forEach((e, index) => {
    if (e.event !== 'handover') return;
    count++;
    addInto(totals.out, e.out);
    addInto(totals.in, e.in);
    // What a team mate picked up instead is still the team's (the coordinator hands it on): not lost.
    const reached: Items = { ...e.in };
    for (const items of Object.values(e.astray ?? {})) addInto(reached, items);
    addInto(totals.astray, itemsDiff(reached, e.in));
    const diff = itemsDiff(e.out, reached);
    if (Object.keys(diff).length > 0) {
      const { event: _event, ...handover } = e;
      unbalanced.push({ handover, index, diff });
    }
  });
  const diffs = unbalanced.flatMap((u) => Object.values(u.diff));
  return { unbalanced, totals, count, lost: diffs.filter((d) => d > 0).reduce((a, b) => a + b, 0), gained: diffs.filter((d) => d < 0).reduce((a, b) => a - b, 0) };
}

/**
 * Reads a team trace (JSONL). A last line cut short (the process killed mid-write) is left out; a
 * malformed line elsewhere is an error naming it.
 */
export async function readTeamTrace(file: string): Promise<TeamEvent[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const events: TeamEvent[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      events.push(JSON.parse(line) as TeamEvent);
    } catch (err) {
      if (lines.slice(i + 1).every((l) => l.trim() === '')) break;
      throw new Error(`${file}:${i + 1}: not a JSON line (${err instanceof Error ? err.message : String(err)})`, { cause: err });
    }
  }
  return events;
}
