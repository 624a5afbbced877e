import type { z } from 'zod';
import type { AnySkill, SkillDefinition } from './types.ts';

const NAME = /^[a-z][A-Za-z0-9]*$/;

/** Declares a skill; one zod schema is the prompt's argument description, the validation and the type. */
export function defineSkill<P extends z.ZodType, R>(def: SkillDefinition<P, R>): SkillDefinition<P, R> {
  if (!NAME.test(def.name)) throw new Error(`skill name "${def.name}" must be camelCase`);
  if (!def.description.trim()) throw new Error(`skill ${def.name} needs a description`);
  return Object.freeze({ ...def });
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
