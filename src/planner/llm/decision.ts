import { z } from 'zod';
import { extractJson } from '../../llm/extract.ts';
import type { OutputSchema } from '../../llm/transport.ts';

/** A skill the model picked, before its skill, arguments and preconditions are checked. */
export const decisionSchema = z.object({
  skill: z.string().trim().min(1),
  args: z.record(z.string(), z.unknown()).default({}),
  reason: z.string().optional(),
});
/** Hybrid: one of the numbered options the graph planner offered. */
export const optionSchema = z.object({ option: z.number().int().min(1), reason: z.string().optional() });

export type RawDecision = z.infer<typeof decisionSchema>;
export type Answered = { kind: 'decision'; decision: RawDecision } | { kind: 'option'; option: number; reason?: string };
export type Parsed = { ok: true; answer: Answered } | { ok: false; reason: string };

const SKILL_KEYS = ['skill', 'name', 'tool', 'action'];
const ARG_KEYS = ['args', 'arguments', 'parameters', 'params'];

/** What the model is asked to answer, as a response format or a tool's parameters. */
export function decisionOutput(skillNames: readonly string[], hybrid: boolean): OutputSchema {
  const properties: Record<string, unknown> = {
    skill: { type: 'string', enum: skillNames },
    args: { type: 'object' },
    reason: { type: 'string' },
  };
  if (hybrid) properties.option = { type: 'integer', minimum: 1 };
  return {
    name: 'decide',
    description: hybrid ? 'An option, or a skill and its arguments' : 'The next skill and its arguments',
    schema: { type: 'object', properties, ...(hybrid ? {} : { required: ['skill', 'args'] }) },
  };
}

/** The answer's shape written out for the prompt (plain-text servers see only this). */
export function answerShape(hybrid: boolean): string {
  const pick = '{"skill":"<name>","args":{...},"reason":"<a few words>"}';
  return hybrid ? `{"option":<number>,"reason":"..."} or ${pick}` : pick;
}

/**
 * Reads an answer: tolerant JSON extraction, then zod. Common variants are accepted: `name` or `tool`
 * for `skill`, `arguments` or `parameters` for `args` (also as a JSON string), and arguments written
 * next to `skill` instead of inside `args`.
 */
export function parseAnswer(text: string, hybrid: boolean): Parsed {
  const extracted = extractJson(text);
  if (!extracted.ok) return { ok: false, reason: `not a JSON object (${extracted.reason})` };
  const obj = extracted.value as Record<string, unknown>;
  if (hybrid && obj.option !== undefined && obj.option !== null) {
    const o = optionSchema.safeParse(obj);
    if (!o.success) return { ok: false, reason: `"option" must be a whole number from the list (${issues(o.error)})` };
    return { ok: true, answer: { kind: 'option', option: o.data.option, ...(o.data.reason ? { reason: o.data.reason } : {}) } };
  }
  const d = decisionSchema.safeParse(normalise(obj));
  if (!d.success) return { ok: false, reason: `the answer does not fit {"skill","args","reason"}: ${issues(d.error)}` };
  return { ok: true, answer: { kind: 'decision', decision: d.data } };
}

function normalise(obj: Record<string, unknown>): Record<string, unknown> {
  const skillKey = SKILL_KEYS.find((k) => typeof obj[k] === 'string');
  const argKey = ARG_KEYS.find((k) => obj[k] !== undefined);
  let args: unknown = argKey ? obj[argKey] : undefined;
  if (typeof args === 'string') {
    const inner = extractJson(args);
    if (inner.ok) args = inner.value;
  }
  if (args === undefined) {
    const rest = Object.fromEntries(Object.entries(obj).filter(([k]) => k !== skillKey && k !== 'reason' && k !== 'option'));
    args = rest;
  }
  return { skill: skillKey ? obj[skillKey] : obj.skill, args, ...(typeof obj.reason === 'string' ? { reason: obj.reason } : {}) };
}

export function issues(err: z.ZodError): string {
  return err.issues.slice(0, 4).map((i) => `${i.path.length ? i.path.join('.') : 'value'}: ${i.message}`).join('; ');
}
