import type { StepRecord } from '../types.ts';
import { actionKind, type Action } from './model.ts';

/** Seconds added to an action for each time it failed the same way; banned after BAN_AFTER failures. */
const PENALTY_PER_FAILURE = 120;
const BAN_AFTER = 3;
/** Codes after which the thing the skill looked for is not where the observation says. */
const NOT_THERE = new Set(['NO_TARGET', 'NO_PATH', 'STUCK']);

export interface HistoryAdvice {
  /** Extra seconds per action kind (see actionKind); Infinity bans it. */
  penalty: Map<string, number>;
  /** `<x>_nearby` facts not to believe on this decision. */
  distrust: Set<string>;
  /** Why actions were banned, for the unplannable message. */
  banned: Map<string, string>;
  /** Action kinds that ran out of tools (NO_TOOL), less the tools made since: that many more to bring. */
  extraTools: Map<string, number>;
}

/**
 * Reads the steps taken so far: an action that just failed is not repeated as is (its facts are
 * doubted, so the plan looks again first, or picks another block), one that ran out of tools gets
 * another tool first, and one that failed the same way BAN_AFTER times since it last worked is out.
 * A success clears an action's record.
 */
export function adviceFrom(history: readonly StepRecord[], actionOf: (step: StepRecord) => Action | null): HistoryAdvice {
  const failures = new Map<string, { code: string | undefined; n: number; message: string | undefined; tools: number }>();
  for (const step of history) {
    const key = actionKind(step.decision.skill, step.decision.args);
    if (step.ok) {
      failures.delete(key);
      // The world moved on: a call that changed nothing before may do something now.
      if (!step.unchanged) for (const [k, f] of failures) if (f.code === 'NO_EFFECT') failures.delete(k);
      // A tool made since an action ran out of them answers one of its NO_TOOL failures.
      const item = step.decision.args.item;
      for (const [k, f] of failures) if (f.tools > 0 && typeof item === 'string' && equipOf(k, history, actionOf).includes(item)) f.tools--;
      continue;
    }
    const prev = failures.get(key);
    const n = prev && prev.code === step.code ? prev.n + 1 : 1;
    failures.set(key, { code: step.code, n, message: step.message, tools: (prev?.tools ?? 0) + (step.code === 'NO_TOOL' ? 1 : 0) });
  }
  const advice: HistoryAdvice = { penalty: new Map(), distrust: new Set(), banned: new Map(), extraTools: new Map() };
  for (const [key, f] of failures) {
    // Worn out (a deep dig needs more pickaxe uses than those carried have): bring another tool.
    if (f.tools > 0) advice.extraTools.set(key, f.tools);
    // Ok twice with nothing to show (src/agent/noEffect.ts): a third try would change nothing either.
    if (f.n >= BAN_AFTER || f.code === 'NO_EFFECT') {
      advice.penalty.set(key, Infinity);
      advice.banned.set(key, `${f.code ?? 'FAILED'}: ${f.message ?? 'no message'}`);
    } else {
      advice.penalty.set(key, PENALTY_PER_FAILURE * f.n);
    }
  }
  const last = history[history.length - 1];
  if (last && !last.ok) {
    const key = actionKind(last.decision.skill, last.decision.args);
    // Not the same thing straight away: whatever else works comes first.
    advice.penalty.set(key, Math.max(advice.penalty.get(key) ?? 0, 10 * PENALTY_PER_FAILURE));
    if (last.code !== undefined && NOT_THERE.has(last.code)) {
      for (const f of actionOf(last)?.facts ?? []) if (f.endsWith('_nearby')) advice.distrust.add(f);
    }
    // "need 1 crafting_table, have 0": the station the observation showed was none the skill could use
    // (out of reach behind a drop, a team mate's furnace): the plan places its own this time.
    if (last.code === 'MISSING_ITEMS') {
      for (const f of actionOf(last)?.facts ?? []) if (f.endsWith('_nearby') && last.message?.includes(f.slice(0, -'_nearby'.length))) advice.distrust.add(f);
    }
  }
  return advice;
}

/** The tools the last failed step of an action kind wanted. */
function equipOf(kind: string, history: readonly StepRecord[], actionOf: (step: StepRecord) => Action | null): readonly string[] {
  for (let i = history.length - 1; i >= 0; i--) {
    const step = history[i]!;
    if (!step.ok && actionKind(step.decision.skill, step.decision.args) === kind) return actionOf(step)?.equip ?? [];
  }
  return [];
}
