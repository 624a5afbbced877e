import { join } from 'node:path';
import type { Logger } from 'pino';
import { createSkillRegistry } from '../../../../skills/index.ts';
import { runTask } from '../../../agent/run.ts';
import { createKnowledge } from '../../../knowledge/kb.ts';
import { createGraphPlanner } from '../../../planner/graph/index.ts';
import { openWorld } from '../../../world/open.ts';
import { benchConnection } from '../../worldTask.ts';
import { parseTask } from '../../../tasks/parse.ts';
import { noChangeRepeats } from '../../traceCheck.ts';
import { sandboxFor, worldKind, worldName, type World, type WorldKind } from '../../worlds.ts';
import { overworldFor } from '../../../knowledge/vanillaOverworld.ts';

export const TIERS = [
  { tier: 'wooden', item: 'wooden_pickaxe', budget: 600 },
  { tier: 'stone', item: 'stone_pickaxe', budget: 600 },
  { tier: 'iron', item: 'iron_pickaxe', budget: 1800 },
  { tier: 'diamond', item: 'diamond_pickaxe', budget: 900 },
] as const;

export interface TierResult {
  seed: number;
  preset: WorldKind;
  /** The world as the reports name it (worldName: plains:123, save@96:96). */
  world: string;
  tier: string;
  reached: boolean;
  /** Since the start of the run (cumulative). */
  gameSeconds: number;
  wallSeconds: number;
  steps: number;
  modelCalls: number;
  detail?: string;
  /** This tier's trace.jsonl; failures are copied beside the report. */
  trace?: string;
  /** The most times one call ran in a row without changing anything (from the trace). */
  noChangeMax: number;
}

/** One world: from an empty inventory, the pickaxe of each tier in turn, keeping what was gathered. */
export async function techtreeSeed(world: World, log: Logger, traceRoot = join('runs', 'techtree')): Promise<TierResult[]> {
  const skills = createSkillRegistry();
  const out: TierResult[] = [];
  const { seed } = world;
  const preset = worldKind(world);
  const name = worldName(world);
  const opened = await openWorld({ connection: benchConnection('techtree'), sandbox: sandboxFor(world) }, { log });
  try {
    const wallStart = performance.now();
    let game = 0;
    let steps = 0;
    let calls = 0;
    const kb = createKnowledge(opened.bot.version);
    const planner = createGraphPlanner({ skills, knowledge: kb, world: overworldFor(kb, opened.terrain) });
    for (const t of TIERS) {
      // A trace per world and tier, so that a tier not reached can be read step by step.
      const run = await runTask(opened, parseTask(kb, t.item).goal, {
        planner, skills, knowledge: kb, log, signal: AbortSignal.timeout(t.budget * 1000 * 2), text: `${t.tier} pickaxe`,
        limits: { maxGameSeconds: t.budget, maxSteps: 300, maxConsecutiveFailures: 8 }, traceRoot: join(traceRoot, `${name.replace(/\W+/g, '-')}-${t.tier}`),
      });
      const s = run.summary;
      game += s.gameSeconds;
      steps += s.steps;
      calls += s.model?.calls ?? 0;
      const file = join(run.traceDir!, 'trace.jsonl');
      out.push({
        seed, preset, world: name, tier: t.tier, reached: s.success, trace: file, noChangeMax: noChangeRepeats(file).max, gameSeconds: Math.round(game * 10) / 10,
        wallSeconds: Math.round((performance.now() - wallStart) / 100) / 10, steps, modelCalls: calls,
        ...(s.success ? {} : { detail: `${s.reason}${s.detail ? `: ${s.detail}` : ''}; skills ${JSON.stringify(s.skills)}` }),
      });
      if (!s.success) break;
    }
  } finally {
    await opened.close();
  }
  return out;
}
