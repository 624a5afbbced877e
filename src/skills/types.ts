import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Knowledge } from '../knowledge/kb.ts';
import type { Missing, SkillErrorCode } from '../base/errors.ts';

/**
 * What a skill needs, in Plan4MC's terms: items used up, items kept, the item held, and world facts
 * such as `crafting_table_nearby`. Counts are item names to numbers.
 */
export interface Conditions {
  consume?: Readonly<Record<string, number>>;
  require?: Readonly<Record<string, number>>;
  /** A tool that must be held; any of the listed items satisfies it (e.g. any pickaxe that harvests stone). */
  equip?: readonly string[];
  facts?: readonly string[];
}

/** What a skill brings about when it succeeds: items gained and facts made true. */
export interface Effects {
  obtain?: Readonly<Record<string, number>>;
  facts?: readonly string[];
}

export interface SkillContext {
  bot: Bot;
  log: Logger;
  /** Aborted on timeout, on stop, or by a reflex; every wait inside a skill honours it. */
  signal: AbortSignal;
  knowledge: Knowledge;
  /** What a skill did in the world as it goes (a block placed), for a caller that keeps count across runs. */
  report?: (r: SkillReport) => void;
}

/** A skill's record of one change it makes to the world: a block clicked into place, then seen there. */
export type SkillReport = { kind: 'placing' | 'placed'; x: number; y: number; z: number; block: string };

/** How a skill is declared: its description in two parts, written once. */
export interface SkillSpec<P extends z.ZodType = z.ZodType, R = unknown> extends Omit<SkillDefinition<P, R>, 'description'> {
  /** One sentence: all the chat model's catalogue shows of the skill. */
  summary: string;
  /** What else there is to know (failure codes, limits); `skills` shows it after the summary. */
  details?: string;
}

export interface SkillDefinition<P extends z.ZodType = z.ZodType, R = unknown> {
  name: string;
  /** One sentence, as the model's catalogue shows it. */
  summary: string;
  /** The summary and the details: the whole description. */
  description: string;
  params: P;
  /** Preconditions for these arguments; data the planner searches over. */
  preconditions: (args: z.infer<P>, kb: Knowledge) => Conditions;
  effects: (args: z.infer<P>, kb: Knowledge) => Effects;
  /**
   * The planner's backward step: arguments for which this skill obtains `count` of `target` (an item
   * name, or a fact such as `crafting_table_nearby` with count 1). Empty when it cannot.
   */
  producers?: (target: string, count: number, kb: Knowledge) => z.infer<P>[];
  /** Arguments that show what the skill does (the `skills` listing evaluates conditions on them). */
  example?: z.infer<P>;
  /** Upper bound for one run; the runner aborts the skill after it. */
  timeoutMs: number | ((args: z.infer<P>, kb: Knowledge) => number);
  run: (ctx: SkillContext, args: z.infer<P>) => Promise<R>;
}

/** A registered skill with its types erased, as the planner and the runner hold it. */
export type AnySkill = SkillDefinition<z.ZodType, unknown>;

export type SkillOutcome =
  | { ok: true; skill: string; args: unknown; elapsedMs: number; result: unknown }
  | { ok: false; skill: string; args: unknown; elapsedMs: number; code: SkillErrorCode; message: string; missing?: Missing };
