// Building a structure from an empty inventory: what is still missing in the world becomes a bill of
// materials, gathered through the same runTask as any goal (the graph planner plans every item from
// what the bot holds), then the buildStructure skill places it. A build that is cut short (items lost
// to a creeper, a block that would not take its state) goes round again, for what is still missing.
import type { Logger } from 'pino';
import { Vec3 } from 'vec3';
import { placedWithAnother } from '../actions/build/rules.ts';
import { inventoryCounts, surveyWorld } from '../actions/index.ts';
import type { Rotation } from '../build/rotate.ts';
import { runSkill } from '../skills/runner.ts';
import { itemsToPlace, progressLine, type Cell, type Survey } from '../build/survey.ts';
import type { Structure } from '../build/types.ts';
import type { Knowledge } from '../knowledge/kb.ts';
import type { Planner } from '../planner/types.ts';
import type { SkillRegistry } from '../skills/define.ts';
import type { RunEvents } from './events.ts';
import type { StopLimits } from './loop.ts';
import { runTask, type TaskWorld } from './run.ts';

export interface BuildRunOptions {
  skills: SkillRegistry;
  knowledge: Knowledge;
  planner: () => Planner;
  log: Logger;
  signal: AbortSignal;
  /** The item each block is placed from (src/build/bom.ts). */
  itemFor: (cell: Cell) => string | undefined;
  events?: RunEvents;
  traceRoot?: string;
  limits?: Partial<StopLimits>;
  /** Every survey's line ("12 / 40 placed, wrong: 0"). */
  onProgress?: (line: string, s: Survey) => void;
  /** Gather-and-place rounds before giving up. */
  rounds?: number;
}

export interface BuildRunSummary {
  success: boolean;
  progress: string;
  /** Why it stopped short, when it did. */
  detail?: string;
  rounds: number;
  placed: number;
  gameSeconds: number;
  gatherSteps: number;
}

/** Blocks a walk up a tall structure stands on: dug out again at the end (buildStructure). */
const SCAFFOLD = { item: 'dirt', count: 16 };
/** Taller than this, the builder cannot reach the top from the ground. */
const REACHABLE_HEIGHT = 4;

/** What still has to be placed, as items, plus the scaffolding a tall structure needs. */
export function stillNeeded(structure: Structure, s: Survey, itemFor: (cell: Cell) => string | undefined, height = structure.size.y): Record<string, number> {
  const { counts } = itemsToPlace(s, itemFor, (c) => placedWithAnother(c.block.name, c.block.props));
  if (Object.keys(counts).length > 0 && height > REACHABLE_HEIGHT) counts[SCAFFOLD.item] = (counts[SCAFFOLD.item] ?? 0) + SCAFFOLD.count;
  return counts;
}

/** What to build where: the file the buildStructure skill reads, and the structure as read and turned. */
export interface BuildSpec {
  file: string;
  rotate: Rotation;
  structure: Structure;
  origin: Vec3;
}

/** How often the world is surveyed for the progress line while the skill places blocks. */
const PROGRESS_MS = 2000;

export async function runBuild(world: TaskWorld, spec: BuildSpec, opts: BuildRunOptions): Promise<BuildRunSummary> {
  const { structure, origin } = spec;
  const skill = opts.skills.get('buildStructure');
  if (!skill) throw new Error('the skill registry lacks buildStructure (BUILD_SKILLS)');
  const startAge = Number(world.bot.time.age);
  const rounds = opts.rounds ?? 3;
  let placed = 0;
  let gatherSteps = 0;
  let detail: string | undefined;
  const ctx = () => ({ bot: world.bot, log: opts.log.child({ component: 'build' }), signal: opts.signal, knowledge: opts.knowledge });
  let round = 0;
  while (round < rounds) {
    round++;
    const before = surveyWorld(ctx(), structure, origin);
    opts.onProgress?.(progressLine(before), before);
    const need = stillNeeded(structure, before, opts.itemFor);
    if (Object.keys(need).length === 0 && before.wrong.length === 0 && before.missing.length === 0) {
      return summary(true, before, round - 1);
    }
    const held = inventoryCounts(world.bot);
    if (Object.entries(need).some(([item, n]) => (held.get(item) ?? 0) < n)) {
      const { summary: gathered } = await runTask(world, { kind: 'items', counts: need, label: `the materials of ${structure.name}` }, {
        planner: opts.planner(), skills: opts.skills, knowledge: opts.knowledge, log: opts.log, signal: opts.signal, text: `gather for ${structure.name}`,
        ...(opts.events ? { events: opts.events } : {}), ...(opts.traceRoot ? { traceRoot: opts.traceRoot } : {}), ...(opts.limits ? { limits: opts.limits } : {}),
      });
      gatherSteps += gathered.steps;
      if (!gathered.success) return summary(false, surveyWorld(ctx(), structure, origin), round, `gathering the materials stopped: ${gathered.reason}${gathered.detail ? ` (${gathered.detail})` : ''}`);
    }
    // The progress line follows the world, not the skill: every few seconds while it places.
    const timer = opts.onProgress ? setInterval(() => { const now = surveyWorld(ctx(), structure, origin); opts.onProgress?.(progressLine(now), now); }, PROGRESS_MS) : undefined;
    try {
      const outcome = await runSkill(skill, { file: spec.file, x: origin.x, y: origin.y, z: origin.z, rotate: spec.rotate }, ctx());
      if (outcome.ok) {
        placed += (outcome.result as { placed?: number } | undefined)?.placed ?? 0;
        return summary(true, surveyWorld(ctx(), structure, origin), round);
      }
      if (opts.signal.aborted) return summary(false, surveyWorld(ctx(), structure, origin), round, 'stopped');
      detail = `${outcome.code}: ${outcome.message}`;
      if (outcome.code === 'BAD_ARGS') break;
      opts.log.info({ round, err: outcome.message }, 'build round ended short; gathering what is missing');
    } finally {
      if (timer) clearInterval(timer);
    }
  }
  return summary(false, surveyWorld(ctx(), structure, origin), round, detail);

  function summary(success: boolean, s: Survey, round: number, why?: string): BuildRunSummary {
    return {
      success: success && s.missing.length === 0 && s.wrong.length === 0, progress: progressLine(s), ...(why ? { detail: why } : {}),
      rounds: round, placed, gameSeconds: Math.round((Number(world.bot.time.age) - startAge) / 2) / 10, gatherSteps,
    };
  }
}
