import type { Observation } from '../../bot/observation.ts';
import type { Knowledge } from '../../knowledge/kb.ts';
import type { SkillRegistry } from '../../skills/define.ts';
import { SkillError } from '../../base/errors.ts';
import type { Conditions, Effects } from '../../skills/types.ts';
import { closest } from '../../tasks/suggest.ts';
import type { Decision } from '../types.ts';
import { countOf, holds, nearbySubject, stateFromObservation, type PlanState } from '../graph/state.ts';
import { issues, type RawDecision } from './decision.ts';

export type Checked = { ok: true; decision: Decision } | { ok: false; reason: string };

export interface CheckContext {
  skills: SkillRegistry;
  knowledge: Knowledge;
  observation: Observation;
}

/**
 * Whether a model's pick can run now: a registered skill, arguments its zod schema accepts, and the
 * preconditions its own data declares met by the observation (items consumed and kept, a tool carried,
 * `<block>_nearby` facts where the observation can tell). The reason is written for the model to read.
 */
export function checkDecision(d: RawDecision, ctx: CheckContext): Checked {
  const skill = ctx.skills.get(d.skill);
  if (!skill) {
    const names = ctx.skills.names();
    const near = closest(d.skill, names, 1)[0];
    return { ok: false, reason: `unknown skill "${d.skill}"${near ? ` (did you mean ${near}?)` : ''}; the skills are ${names.join(', ')}` };
  }
  const parsed = skill.params.safeParse(d.args);
  if (!parsed.success) return { ok: false, reason: `bad arguments for ${skill.name} ${JSON.stringify(d.args)}: ${issues(parsed.error)}` };
  const args = parsed.data as Record<string, unknown>;
  const call = `${skill.name} ${JSON.stringify(args)}`;
  let pre: Conditions;
  let eff: Effects;
  try {
    pre = skill.preconditions(args, ctx.knowledge);
    eff = skill.effects(args, ctx.knowledge);
  } catch (err) {
    if (err instanceof SkillError) return { ok: false, reason: `${call}: ${err.message}` };
    throw err;
  }
  // A producing skill that obtains nothing was given a name it cannot make (craftItem of a non-item).
  if (skill.producers && Object.keys(eff.obtain ?? {}).length === 0 && (eff.facts ?? []).length === 0) {
    return { ok: false, reason: `${call} would make nothing: check the item name and that it has a recipe` };
  }
  const unmet = unmetConditions(pre, args, ctx);
  if (unmet.length) return { ok: false, reason: `${call} cannot run now: ${unmet.join('; ')}` };
  return { ok: true, decision: { skill: skill.name, args, ...(d.reason ? { reason: d.reason } : {}) } };
}

/** The preconditions the observation shows unmet, each as a short phrase. */
export function unmetConditions(pre: Conditions, args: Record<string, unknown>, ctx: CheckContext): string[] {
  const { knowledge: kb, observation: obs } = ctx;
  const state = stateFromObservation(obs);
  const out: string[] = [];
  const need = new Map<string, number>();
  for (const rec of [pre.consume, pre.require]) for (const [name, n] of Object.entries(rec ?? {})) need.set(name, (need.get(name) ?? 0) + n);
  for (const [name, n] of need) {
    const have = countOf(state, name, kb);
    if (have + 1e-9 < n) out.push(`needs ${fmt(n)} ${name}, has ${fmt(have)}`);
  }
  if (pre.equip?.length && !pre.equip.some((tool) => carried(state, tool))) {
    out.push(`needs one of ${pre.equip.slice(0, 4).join(', ')}${pre.equip.length > 4 ? ' (or better)' : ''} carried`);
  }
  // A skill searching farther than the observation reaches may find what the observation does not show.
  const radius = typeof args.radius === 'number' ? args.radius : 0;
  for (const fact of pre.facts ?? []) {
    const subject = nearbySubject(fact);
    if (subject === undefined || radius > obs.radius || holds(state, fact, kb)) continue;
    // A station in the inventory is placed by the skill itself (craftItem places a crafting table).
    if (carried(state, subject)) continue;
    out.push(`no ${subject} within ${obs.radius} blocks (explore for it, or get one)`);
  }
  return out;
}

function carried(s: PlanState, item: string): boolean {
  return (s.inv.get(item) ?? 0) > 0;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
