/** Why a skill failed; the planner reacts to the code, people read the message. */
export const SKILL_ERROR_CODES = [
  'BAD_ARGS', 'NO_TARGET', 'NO_PATH', 'STUCK', 'MISSING_ITEMS', 'NO_TOOL', 'TIMEOUT', 'ABORTED', 'INVENTORY_FULL', 'DANGER', 'FAILED',
  // The bot died, or lost its connection, while the skill ran (src/agent/resilience.ts ends the step with these).
  'DIED', 'DISCONNECTED',
  // The skill said ok but changed nothing the planner looks at, again (src/agent/noEffect.ts).
  'NO_EFFECT',
] as const;
export type SkillErrorCode = (typeof SKILL_ERROR_CODES)[number];

/** What is missing, when a skill fails for want of items, a tool or a target. */
export interface Missing {
  item?: string;
  need?: number;
  have?: number;
  block?: string;
  tool?: string;
}

/** The one error type skills throw; the runner turns it into a failed SkillOutcome. */
export class SkillError extends Error {
  constructor(readonly code: SkillErrorCode, message: string, readonly missing?: Missing, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SkillError';
  }
}

/** "need 3 iron_ingot, have 1" */
export function missingItems(item: string, need: number, have: number): SkillError {
  return new SkillError('MISSING_ITEMS', `need ${need} ${item}, have ${have}`, { item, need, have });
}

export function noTool(block: string, tool: string): SkillError {
  return new SkillError('NO_TOOL', `need ${tool} or better to harvest ${block}`, { block, tool });
}

export function noTarget(what: string, radius: number): SkillError {
  return new SkillError('NO_TARGET', `no ${what} within ${radius} blocks`, { block: what });
}
