// One example structure built from an empty inventory on a fresh sandbox, as `skillcraft build` does it, then
// checked block by block from a second bot's view of the world (it joined the same server and looks at the
// structure's cells itself). The lower bound is the gathering an ideal player would do for the same executed
// plan (src/bench/plan4mc/lowerBound.ts) plus every block placed at vanilla's fastest rate.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { Vec3 } from 'vec3';
import { runBuild } from '../../agent/build.ts';
import { RunEvents } from '../../agent/events.ts';
import { findBuildSite, inventoryCounts, itemForCell, loadStructure } from '../../actions/index.ts';
import { survey } from '../../build/survey.ts';
import { createKnowledge } from '../../knowledge/kb.ts';
import { overworldFor } from '../../knowledge/vanillaOverworld.ts';
import { createGraphPlanner } from '../../planner/graph/index.ts';
import { BUILD_SKILLS, createSkillRegistry } from '../../../skills/index.ts';
import { openTeamWorld, type OpenTeamWorld } from '../../world/openTeam.ts';
import { lowerBoundSeconds, type ExecutedStep } from '../plan4mc/lowerBound.ts';
import { benchConnection } from '../worldTask.ts';
import { sandboxFor, worldName, type World } from '../worlds.ts';

/** Vanilla's right-click delay: 4 ticks between two placements. */
const PLACE_SECONDS = 0.2;

export interface BuildRunResult {
  example: string;
  world: string;
  success: boolean;
  /** Blocks right as the checker sees them, of the structure's total. */
  correct: number;
  total: number;
  wrong: number;
  missing: number;
  gameSeconds: number;
  wallSeconds: number;
  lowerBound: number;
  ratio: number | null;
  rounds: number;
  gatherSteps: number;
  detail?: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const position = (v: Vec3): [number, number, number] => [v.x, v.y, v.z];

export async function runBuildJob(example: string, world: World, opts: { log: Logger; traceRoot: string; wallLimitMs?: number }): Promise<BuildRunResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(opts.wallLimitMs ?? 20 * 60_000);
  const file = join('examples', 'schematics', `${example}.schem`);
  let team: OpenTeamWorld | undefined;
  try {
    team = await openTeamWorld({ connection: benchConnection('build'), sandbox: sandboxFor(world) }, 2, { log: opts.log, signal });
    const [builder, checker] = team.members as [typeof team.members[0], typeof team.members[0]];
    const kb = createKnowledge(builder.bot.version);
    const structure = await loadStructure(file, 0);
    const origin = findBuildSite(builder.bot, structure) ?? builder.bot.entity.position.floored().offset(3, 0, 3);
    const skills = createSkillRegistry(BUILD_SKILLS);
    const executed: ExecutedStep[] = [];
    const start = position(builder.bot.entity.position);
    let before = Object.fromEntries(inventoryCounts(builder.bot));
    const events = new RunEvents(opts.log);
    events.on((e) => {
      if (e.event !== 'step') return;
      const after = Object.fromEntries(inventoryCounts(builder.bot));
      executed.push({ skill: e.decision.skill, args: e.decision.args, ok: e.outcome.ok, end: position(builder.bot.entity.position), inventoryBefore: before, inventoryAfter: after });
      before = after;
    });
    const world_ = { bot: builder.bot };
    const summary = await runBuild(world_, { file, rotate: 0, structure, origin }, {
      skills, knowledge: kb, planner: () => createGraphPlanner({ skills, knowledge: kb, world: overworldFor(kb, team!.world.terrain) }),
      log: opts.log, signal, itemFor: itemForCell(kb), events, traceRoot: join(opts.traceRoot, `${example}-${worldName(world).replace(':', '-')}`),
    });
    // The checker's own view: every cell of the structure as its client received it.
    const seen = survey(structure, origin, (x, y, z) => {
      const b = checker.bot.blockAt(new Vec3(x, y, z));
      return b ? { name: b.name, props: b.getProperties() } : undefined;
    });
    const lowerBound = round1(lowerBoundSeconds(kb, start, executed) + structure.blocks.length * PLACE_SECONDS);
    const success = summary.success && seen.correct.length === seen.total;
    return {
      example, world: worldName(world), success, correct: seen.correct.length, total: seen.total, wrong: seen.wrong.length, missing: seen.missing.length + seen.unknown.length,
      gameSeconds: summary.gameSeconds, wallSeconds: round1((performance.now() - started) / 1000), lowerBound,
      ratio: success && lowerBound > 0 ? Math.round((summary.gameSeconds / lowerBound) * 100) / 100 : null,
      rounds: summary.rounds, gatherSteps: summary.gatherSteps, ...(summary.detail ? { detail: summary.detail } : {}),
    };
  } catch (err) {
    return {
      example, world: worldName(world), success: false, correct: 0, total: 0, wrong: 0, missing: 0, gameSeconds: 0,
      wallSeconds: round1((performance.now() - started) / 1000), lowerBound: 0, ratio: null, rounds: 0, gatherSteps: 0,
      detail: `crash: ${err instanceof Error ? err.message : String(err)}`,
    };
  } finally {
    await team?.close();
  }
}
