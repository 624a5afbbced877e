import { z } from 'zod';
import type { Knowledge } from '../knowledge/kb.ts';
import type { AnySkill, Conditions, Effects } from './types.ts';

export interface SkillDescription {
  name: string;
  description: string;
  /** JSON schema of the arguments, derived from the zod schema. */
  parameters: unknown;
  timeoutMs: number | 'depends on the arguments';
  example?: { args: unknown; preconditions: Conditions; effects: Effects };
}

/** What the `skills` command and the chat-model prompt show of a skill. */
export function describeSkill(skill: AnySkill, kb: Knowledge): SkillDescription {
  const d: SkillDescription = {
    name: skill.name,
    description: skill.description,
    parameters: z.toJSONSchema(skill.params, { io: 'input', unrepresentable: 'any' }),
    timeoutMs: typeof skill.timeoutMs === 'number' ? skill.timeoutMs : 'depends on the arguments',
  };
  if (skill.example !== undefined) {
    d.example = { args: skill.example, preconditions: skill.preconditions(skill.example, kb), effects: skill.effects(skill.example, kb) };
  }
  return d;
}

function fmtCounts(c: Readonly<Record<string, number>> | undefined): string {
  return c && Object.keys(c).length ? Object.entries(c).map(([k, v]) => `${v} ${k}`).join(', ') : '';
}

/** A few lines per skill for a terminal. */
export function renderSkill(d: SkillDescription): string {
  type Obj = { properties?: Record<string, { type?: string }>; required?: string[]; anyOf?: Obj[]; oneOf?: Obj[] };
  const fields = (o: Obj) => Object.entries(o.properties ?? {}).map(([k, v]) => `${k}${o.required?.includes(k) ? '' : '?'}: ${v.type ?? 'value'}`).join(', ');
  const schema = d.parameters as Obj;
  const alternatives = schema.anyOf ?? schema.oneOf;
  const params = alternatives ? alternatives.map((a) => `{${fields(a)}}`).join(' | ') : fields(schema);
  const lines = [`${d.name}(${params})  — ${d.description}`];
  if (d.example) {
    const p = d.example.preconditions;
    const e = d.example.effects;
    const pre = [fmtCounts(p.consume) && `consume ${fmtCounts(p.consume)}`, fmtCounts(p.require) && `require ${fmtCounts(p.require)}`,
      p.equip?.length ? `equip one of ${p.equip.slice(0, 4).join('/')}${p.equip.length > 4 ? '/…' : ''}` : '', p.facts?.length ? `facts ${p.facts.join(', ')}` : '']
      .filter(Boolean).join('; ');
    const eff = [fmtCounts(e.obtain) && `obtain ${fmtCounts(e.obtain)}`, e.facts?.length ? `facts ${e.facts.join(', ')}` : ''].filter(Boolean).join('; ');
    lines.push(`    e.g. ${JSON.stringify(d.example.args)}: needs ${pre || 'nothing'}; gives ${eff || 'nothing'}`);
  }
  lines.push(`    timeout ${typeof d.timeoutMs === 'number' ? `${d.timeoutMs / 1000} s` : d.timeoutMs}`);
  return lines.join('\n');
}
