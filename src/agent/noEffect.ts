// A step that "succeeds" without changing anything is the loop that fooled the benchmarks: a skill
// returned ok, the planner still lacked what it wanted, and picked the same skill 70 times. The loop
// compares what the planner looks at before and after each successful step; the same call with no
// change a second time is turned into a failure (NO_EFFECT), so the planner re-plans around it.
import type { Observation } from '../bot/observation.ts';
import type { Decision } from '../planner/types.ts';
import type { SkillOutcome } from '../skills/types.ts';

/** A second unchanged run of the same call fails it. */
const FAIL_AT = 2;

/** What the planner reads from an observation: inventory, facts (blocks in sight, stations), position. */
export function plannerView(obs: Observation): string {
  const inv = Object.entries(obs.inventory).sort(([a], [b]) => a.localeCompare(b));
  const blocks = obs.blocks.filter((b) => b.nearest <= obs.radius).map((b) => b.name).sort();
  const st = (s: Observation['stations']['craftingTable']) => (s ? `${s.access}@${s.at.x},${s.at.y},${s.at.z}` : '-');
  return JSON.stringify([inv, blocks, st(obs.stations.craftingTable), st(obs.stations.furnace)]);
}

function moved(a: Observation, b: Observation): boolean {
  return Math.hypot(a.position.x - b.position.x, a.position.y - b.position.y, a.position.z - b.position.z) >= 1;
}

export function callKey(d: Decision): string {
  return `${d.skill} ${JSON.stringify(d.args)}`;
}

export interface NoEffectVerdict {
  /** The outcome to record: the skill's own, or a NO_EFFECT failure. */
  outcome: SkillOutcome;
  /** How many times in a row this call has changed nothing (0: it changed something). */
  unchanged: number;
}

/** Counts, per call, the successful runs that changed nothing since the call last changed something. */
export class NoEffectWatch {
  private readonly counts = new Map<string, number>();

  judge(decision: Decision, before: Observation, after: Observation, outcome: SkillOutcome): NoEffectVerdict {
    if (!outcome.ok) return { outcome, unchanged: 0 };
    const key = callKey(decision);
    if (moved(before, after) || plannerView(before) !== plannerView(after)) {
      this.counts.delete(key);
      return { outcome, unchanged: 0 };
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n < FAIL_AT) return { outcome, unchanged: n };
    const message = `${decision.skill} reported ok ${n} times without changing the inventory, the blocks and stations near the bot or its position`;
    return { outcome: { ok: false, skill: outcome.skill, args: outcome.args, elapsedMs: outcome.elapsedMs, code: 'NO_EFFECT', message }, unchanged: n };
  }
}
