// Between steps of one stretch: a stuck bot is moved away by movement alone, and a full inventory
// is emptied of its least useful stacks, before the next skill starts.
import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import type { Knowledge } from '../../knowledge/kb.ts';
import type { Decision, StepRecord } from '../../planner/types.ts';
import type { SkillRegistry } from '../../skills/define.ts';
import type { Goal } from '../../tasks/goal/goal.ts';
import type { StepReport } from '../loop.ts';
import { makeRoom, type InventoryRecord } from './inventory.ts';
import { keptItems } from './items.ts';
import { isStuck, recoverFromStuck, type StepSpot, type StuckRecord } from './stuck.ts';

export interface GuardOptions {
  bot: Bot;
  goal: Goal;
  skills: SkillRegistry;
  knowledge: Knowledge;
  log: Logger;
  /** Both on by default. */
  stuck?: boolean;
  inventory?: boolean;
  /** Varies the detour direction from one recovery to the next. */
  seed: () => number;
  onStuck: (step: number, r: StuckRecord) => void;
  onInventory: (step: number, r: InventoryRecord) => void;
}

export interface StepGuard {
  /** Where each step left the bot (call from onStep). */
  record(report: StepReport): void;
  beforeSkill(next: { step: number; decision: Decision; plan: readonly Decision[]; history: readonly StepRecord[]; signal: AbortSignal }): Promise<void>;
}

export function createStepGuard(o: GuardOptions): StepGuard {
  const spots: StepSpot[] = [];
  return {
    record(r) {
      const p = o.bot.entity.position;
      spots.push({ ok: r.outcome.ok, ...(r.outcome.ok ? {} : { code: r.outcome.code }), at: { x: p.x, y: p.y, z: p.z } });
    },
    async beforeSkill({ step, plan, signal }) {
      const { bot, log, knowledge } = o;
      try {
        const kept = keptItems(o.goal, plan, o.skills, knowledge);
        if (o.stuck !== false && isStuck(spots, bot.entity.position)) {
          log.info({ step, at: bot.entity.position.floored().toString() }, 'stuck: recovering by movement');
          const r = await recoverFromStuck({ bot, log, knowledge, signal }, kept, o.seed());
          spots.length = 0;
          o.onStuck(step, r);
        }
        if (o.inventory !== false) {
          const r = await makeRoom({ bot, log, knowledge, skills: o.skills, signal }, kept);
          if (r) o.onInventory(step, r);
        }
      } catch (err) {
        // The step runs anyway: a recovery cut short by the run's end, or one that failed, changes nothing the loop relies on.
        if (!signal.aborted) log.warn({ err }, 'recovery before the step failed');
      }
    },
  };
}
