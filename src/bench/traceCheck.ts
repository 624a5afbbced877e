// What the benchmarks check from the traces they wrote: no run repeats a step that changed nothing
// more than twice (src/agent/noEffect.ts fails the second one, and the planner re-plans around it).
import { readFileSync } from 'node:fs';

export interface NoChangeRepeats {
  /** The most runs of one call in a row that changed nothing (0: none). */
  max: number;
  /** That call ("placeCraftingTable {}"). */
  call?: string;
}

interface StepEvent { event?: string; decision?: { skill?: string; args?: unknown }; unchanged?: number }

/** Reads a trace.jsonl: per call, the successive steps marked unchanged since the call last changed something. */
export function noChangeRepeats(traceFile: string): NoChangeRepeats {
  let text: string;
  try {
    text = readFileSync(traceFile, 'utf8');
  } catch (err) {
    // A run that crashed before its first step has no trace to check.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { max: 0 };
    throw err;
  }
  const runs = new Map<string, number>();
  let worst: NoChangeRepeats = { max: 0 };
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const e = JSON.parse(line) as StepEvent;
    if (e.event !== 'step' || !e.decision?.skill) continue;
    const call = `${e.decision.skill} ${JSON.stringify(e.decision.args ?? {})}`;
    if (!e.unchanged) { runs.delete(call); continue; }
    const n = (runs.get(call) ?? 0) + 1;
    runs.set(call, n);
    if (n > worst.max) worst = { max: n, call };
  }
  return worst;
}
