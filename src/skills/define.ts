import type { z } from 'zod';
import type { AnySkill, SkillDefinition, SkillSpec } from './types.ts';

const NAME = /^[a-z][A-Za-z0-9]*$/;

/** Declares a skill; one zod schema is the prompt's argument description, the validation and the type. */
export function defineSkill<P extends z.ZodType, R>(spec: SkillSpec<P, R>): SkillDefinition<P, R> {
  if (!NAME.test(spec.name)) throw new Error(`skill name "${spec.name}" must be camelCase`);
  if (!/^\S.*[.!?]$/.test(spec.summary.trim()) || spec.summary.includes('\n')) throw new Error(`skill ${spec.name} needs a summary of one sentence`);
  const { details, ...rest } = spec;
  return Object.freeze({ ...rest, description: details ? `${spec.summary} ${details}` : spec.summary });
}

/** The skills the planner may pick, by name; a duplicate name fails at start. */
export class SkillRegistry {
  private readonly byName = new Map<string, AnySkill>();

  constructor(skills: readonly AnySkill[]) {
    for (const s of skills) {
      if (this.byName.has(s.name)) throw new Error(`duplicate skill name "${s.name}"`);
      this.byName.set(s.name, s);
    }
  }

  get(name: string): AnySkill | undefined {
    return this.byName.get(name);
  }

  list(): AnySkill[] {
    return [...this.byName.values()];
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
