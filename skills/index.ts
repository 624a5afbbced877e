import { SkillRegistry } from '../src/skills/define.ts';
import type { AnySkill } from '../src/skills/types.ts';

/** Every skill the planner may pick, listed explicitly (no folder scanning, no generated code). */
export const SKILLS: readonly AnySkill[] = [];

export function createSkillRegistry(skills: readonly AnySkill[] = SKILLS): SkillRegistry {
  return new SkillRegistry(skills);
}
