import type { Knowledge } from '../../knowledge/kb.ts';
import { MOBS } from '../../knowledge/mobs.ts';
import type { Preset } from '../../config/sandbox.ts';
import type { Goal } from '../../tasks/goal/goal.ts';
import { plan4mcGoal, PLAN4MC_TASKS, type Plan4mcTask } from '../../tasks/plan4mc.ts';
import type { SetupSpec } from '../../tasks/setup.ts';
import { CliInputError } from '../errors.ts';
import { parseInventory } from '../plan.ts';

/** Plan4MC's mob tasks start with 3 cows and 3 sheep within 30 blocks. */
export const PLAN4MC_MOBS: Readonly<Record<string, number>> = { cow: 3, sheep: 3 };

export interface RunSetup {
  /** What to give and summon before the task starts; undefined when nothing. */
  spec?: SetupSpec;
  /** A Plan4MC task chosen with --plan4mc: its goal, preset and game-time budget. */
  plan4mc?: { task: Plan4mcTask; goal: Goal; preset: Preset; maxGameSeconds: number };
}

/** "cow:3,sheep" → { cow: 3, sheep: 1 }, known mobs only. */
export function parseMobs(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name = '', countText] = part.split(':');
    const mob = name.trim().toLowerCase();
    if (!MOBS[mob]) throw new CliInputError(`--summon: unknown mob "${name}" (known: ${Object.keys(MOBS).join(', ')})`);
    const n = countText === undefined ? 1 : Number(countText);
    if (!Number.isInteger(n) || n < 1 || n > 20) throw new CliInputError(`--summon: count must be 1-20 (got "${part}")`);
    out[mob] = (out[mob] ?? 0) + n;
  }
  return out;
}

/** Finds a Plan4MC task by number (1-40) or name (craft_stick). */
export function plan4mcTask(text: string): Plan4mcTask {
  const t = PLAN4MC_TASKS.find((x) => String(x.id) === text.trim() || x.name === text.trim());
  if (!t) throw new CliInputError(`--plan4mc: no task "${text}" (a number 1-40 or a name such as craft_stick; see bench plan4mc)`);
  return t;
}

/**
 * The start of a run from --give, --summon and --plan4mc: a Plan4MC task brings its own initial
 * inventory, mobs, preset and budget; --give and --summon add to them.
 */
export function runSetup(kb: Knowledge, o: { give?: string; summon?: string; plan4mc?: string }): RunSetup {
  const task = o.plan4mc === undefined ? undefined : plan4mcTask(o.plan4mc);
  const inventory: Record<string, number> = { ...(task?.inventory ?? {}) };
  if (o.give !== undefined) for (const [item, n] of Object.entries(parseInventory(kb, o.give))) inventory[item] = (inventory[item] ?? 0) + n;
  const mobs: Record<string, number> = { ...(task?.group === 'interact-mobs' ? PLAN4MC_MOBS : {}) };
  if (o.summon !== undefined) for (const [mob, n] of Object.entries(parseMobs(o.summon))) mobs[mob] = (mobs[mob] ?? 0) + n;
  const any = Object.keys(inventory).length > 0 || Object.keys(mobs).length > 0 || task !== undefined;
  return {
    ...(any ? { spec: { ...(task ? { clear: true } : {}), inventory, ...(Object.keys(mobs).length ? { mobs } : {}) } } : {}),
    ...(task ? { plan4mc: { task, goal: plan4mcGoal(kb, task), preset: task.preset, maxGameSeconds: task.maxSteps / 20 } } : {}),
  };
}
