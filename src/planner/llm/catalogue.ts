import { z } from 'zod';
import type { AnySkill } from '../../skills/types.ts';

const SAFE = Number.MAX_SAFE_INTEGER;
/** Enums longer than this are shown by their first values. */
const LONG_ENUM = 8;

/**
 * The skill list as the model reads it: one line per skill, its arguments rendered compactly from their
 * JSON schema (zod's `z.toJSONSchema`): `{block: string (what); count: int 1-256; radius?=32}`.
 * The schema's facts (types, bounds, defaults, enums, required, descriptions) in well under half the tokens
 * of its JSON, since the catalogue is most of every prompt; a field with a plain default shows the default only.
 */
export function renderCatalogue(skills: readonly AnySkill[]): string {
  return skills.map((s) => `- ${s.name} ${renderArgs(argsSchema(s))}: ${s.summary}`).join('\n');
}

/** The JSON schema of a skill's arguments (input side: defaults make fields optional). */
export function argsSchema(skill: AnySkill): JsonSchema {
  return z.toJSONSchema(skill.params, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  description?: string;
}

/** An object schema as `{a: string; b?: int 1-9 =3 (what b is)}`; alternatives joined with `|`. */
export function renderArgs(s: JsonSchema): string {
  const alts = s.anyOf ?? s.oneOf;
  // A field described once (goTo's `range` in each alternative) is not described again.
  const described = new Set<string>();
  if (alts) return alts.map((a) => renderObject(a, described)).join(' | ');
  return renderObject(s, described);
}

function renderObject(s: JsonSchema, described: Set<string>): string {
  if (!s.properties) return renderType(s);
  const fields = Object.entries(s.properties).map(([name, p]) => {
    const optional = !(s.required ?? []).includes(name);
    const def = p.default === undefined ? '' : ` =${JSON.stringify(p.default)}`;
    const key = `${name}\u0000${p.description ?? ''}`;
    // An optional field with a default reads well enough from its name and default (radius?: int 1..96 =32).
    const what = p.description && !described.has(key) && !(optional && p.default !== undefined) ? ` (${p.description})` : '';
    described.add(key);
    // A plain one (a number, a flag, a text) is its default alone (radius?=32): its bounds are the validator's,
    // whose refusal the model reads on the retry. An enum keeps its values, the only way the model learns them.
    if (optional && p.default !== undefined && !p.enum && !(p.anyOf ?? p.oneOf) && !p.properties) return `${name}?=${JSON.stringify(p.default)}`;
    return `${name}${optional ? '?' : ''}: ${renderType(p)}${def}${what}`;
  });
  return `{${fields.join('; ')}}`;
}

function renderType(s: JsonSchema): string {
  if (s.enum) {
    const values = s.enum.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    // A long list the model knows anyway (the 16 dye colours) costs 40 tokens a skill: its first few say which.
    return values.length > LONG_ENUM ? `one of ${values.length}: ${values.slice(0, 3).join('|')}|…` : values.join('|');
  }
  if (s.const !== undefined) return JSON.stringify(s.const);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(renderType).join('|');
  if (s.properties) return renderArgs(s);
  const type = Array.isArray(s.type) ? s.type.join('|') : s.type ?? 'any';
  if (type === 'array') return `${s.items ? renderType(s.items) : 'any'}[]`;
  if (type !== 'integer' && type !== 'number') return type;
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? `>${s.exclusiveMinimum}` : undefined);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? `<${s.exclusiveMaximum}` : undefined);
  const name = type === 'integer' ? 'int' : 'number';
  const low = lo === -SAFE ? undefined : lo;
  const high = hi === SAFE ? undefined : hi;
  if (low !== undefined && high !== undefined) return `${name} ${low}..${high}`;
  if (low !== undefined) return `${name} >=${String(low).replace(/^>/, '')}`;
  if (high !== undefined) return `${name} <=${String(high).replace(/^</, '')}`;
  return name;
}
