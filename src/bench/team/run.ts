// One `bench team` run: a fresh sandbox world, a team of N bots, their starting inventories given, the
// goal run through the coordinator (runTeamTask) as `skillcraft run --bots N` does, and the team's
// trace checked afterwards: no block dug twice, nothing lost between what left a giver and what reached
// the receiver.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { createSkillRegistry, TEAM_SKILLS } from '../../../skills/index.ts';
import { createKnowledge } from '../../knowledge/kb.ts';
import { overworldFor } from '../../knowledge/vanillaOverworld.ts';
import { createGraphPlanner, type GraphPlanner } from '../../planner/graph/index.ts';
import { runTeamTask } from '../../team/coordinator.ts';
import { dugTwice, handoverBalance, readTeamTrace } from '../../team/traceCheck.ts';
import type { Items, TeamEvent, TeamMember, TeamSummary } from '../../team/types.ts';
import { parseTask } from '../../tasks/parse.ts';
import { setupTask } from '../../tasks/setup.ts';
import { openTeamWorld, type OpenTeamWorld } from '../../world/openTeam.ts';
import { benchConnection } from '../worldTask.ts';
import { sandboxFor, worldKind, worldName, type World, type WorldKind } from '../worlds.ts';
import type { SplitTask } from './tasks.ts';

/** The tech tree's goal: an iron pickaxe from an empty inventory. */
export const TREE_GOAL = 'iron pickaxe';

/** Budgets per member run: a split task is a few crafts once the hand-overs are done; the tree is the tech tree's iron tier. */
export const BUDGETS = { split: { seconds: 600, steps: 150 }, tree: { seconds: 1800, steps: 250 } } as const;

export type TeamJob =
  | { kind: 'split'; task: SplitTask; world: World; traceRoot: string }
  | { kind: 'tree'; bots: number; world: World; traceRoot: string };

/** What one run measured: the team's summary and the two checks over its trace. */
export interface TeamRunResult {
  kind: 'split' | 'tree';
  /** The split task's name, or the tree's goal. */
  task: string;
  bots: number;
  preset: WorldKind;
  world: string;
  seed: number;
  success: boolean;
  reason: string;
  detail?: string;
  gameSeconds: number;
  wallSeconds: number;
  /** Steps of every member's runs. */
  steps: number;
  handovers: number;
  /** Hand-overs by method. */
  methods: { drop: number; chest: number };
  /** Hand-overs the coordinator marked not ok (fewer items moved than meant). */
  handoversFailed: number;
  /** Positions dug by more than one step, and of those, by more than one member. */
  dugTwice: number;
  dugTwiceByOthers: number;
  /** Items that left a giver and never reached the receiver (summed over hand-overs), and items that arrived without leaving. */
  itemsLost: number;
  itemsGained: number;
  /** Items a team mate picked up instead of the receiver (handed on later; not lost). */
  itemsAstray: number;
  reassigned: number;
  /** The team's trace.jsonl. */
  trace?: string;
}

/** What the team trace says, folded into a result's fields. */
export function traceFigures(events: readonly TeamEvent[]): Pick<TeamRunResult, 'handovers' | 'methods' | 'handoversFailed' | 'dugTwice' | 'dugTwiceByOthers' | 'itemsLost' | 'itemsGained' | 'itemsAstray'> {
  const twice = dugTwice(events);
  const balance = handoverBalance(events);
  const methods = { drop: 0, chest: 0 };
  let failed = 0;
  for (const e of events) {
    if (e.event !== 'handover') continue;
    methods[e.method]++;
    if (!e.ok) failed++;
  }
  return {
    handovers: balance.count, methods, handoversFailed: failed, dugTwice: twice.length, dugTwiceByOthers: twice.filter((d) => d.byOthers).length,
    itemsLost: balance.lost, itemsGained: balance.gained, itemsAstray: Object.values(balance.totals.astray).reduce((a, b) => a + b, 0),
  };
}

export function jobTask(job: TeamJob): string {
  return job.kind === 'split' ? job.task.name : TREE_GOAL;
}

export function jobBots(job: TeamJob): number {
  return job.kind === 'split' ? job.task.bots : job.bots;
}

/** A run that produced no summary (the world did not open, the worker died): a failure with zeros. */
export function crashResult(job: TeamJob, detail: string, wallSeconds = 0): TeamRunResult {
  return {
    kind: job.kind, task: jobTask(job), bots: jobBots(job), preset: worldKind(job.world), world: worldName(job.world), seed: job.world.seed,
    success: false, reason: 'crash', detail, gameSeconds: 0, wallSeconds, steps: 0, handovers: 0, methods: { drop: 0, chest: 0 },
    handoversFailed: 0, dugTwice: 0, dugTwiceByOthers: 0, itemsLost: 0, itemsGained: 0, itemsAstray: 0, reassigned: 0,
  };
}

function label(job: TeamJob): string {
  const w = worldName(job.world).replace(/\W+/g, '-');
  return job.kind === 'split' ? `split-${job.task.name.replace(/\W+/g, '_')}-${w}` : `tree-${job.bots}bots-${w}`;
}

/** Gives each member its starting inventory, one after the other (each waits until its inventory shows it). */
async function giveInventories(team: OpenTeamWorld, inventories: readonly Items[], seed: number, signal: AbortSignal): Promise<void> {
  for (const [i, m] of team.members.entries()) {
    const inventory = inventories[i] ?? {};
    if (Object.keys(inventory).length > 0) await setupTask(m.bot, { inventory }, seed, signal);
  }
}

export async function runTeamJob(job: TeamJob, log: Logger): Promise<TeamRunResult> {
  const started = performance.now();
  const budget = BUDGETS[job.kind];
  const signal = AbortSignal.timeout(Math.max(10 * 60_000, budget.seconds * 2000));
  let team: OpenTeamWorld | undefined;
  try {
    team = await openTeamWorld({ connection: benchConnection('bench'), sandbox: sandboxFor(job.world) }, jobBots(job), { log, signal });
    if (job.kind === 'split') await giveInventories(team, job.task.inventories, job.world.seed, signal);
    const kb = createKnowledge(team.world.bot.version);
    const skills = createSkillRegistry(TEAM_SKILLS);
    const world = overworldFor(kb, team.world.terrain);
    // One planner per member: each learns what its own bot saw; the planner is also the split's estimator.
    const planners = new Map<string, GraphPlanner>();
    const plannerOf = (m: TeamMember): GraphPlanner => {
      let p = planners.get(m.name);
      if (!p) planners.set(m.name, (p = createGraphPlanner({ skills, knowledge: kb, world })));
      return p;
    };
    const goalText = job.kind === 'split' ? job.task.goal : TREE_GOAL;
    const run = await runTeamTask(team.members, parseTask(kb, goalText).goal, {
      skills, knowledge: kb, planner: plannerOf, graph: plannerOf, log, signal, text: goalText,
      // A split task's goal belongs in its first member's hands; the tree's is made by whoever holds most parts.
      ...(job.kind === 'split' ? { assembler: team.members[0]!.name } : {}),
      traceRoot: join(job.traceRoot, label(job)), limits: { maxGameSeconds: budget.seconds, maxSteps: budget.steps },
    });
    return await resultOf(job, run.summary, run.traceDir);
  } catch (err) {
    return crashResult(job, err instanceof Error ? err.message : String(err), Math.round((performance.now() - started) / 100) / 10);
  } finally {
    await team?.close();
  }
}

async function resultOf(job: TeamJob, s: TeamSummary, traceDir: string | undefined): Promise<TeamRunResult> {
  const trace = traceDir === undefined ? undefined : join(traceDir, 'trace.jsonl');
  // The summary's hand-overs are the fallback when the trace cannot be read (it should always be there).
  const events: TeamEvent[] = trace === undefined ? s.handovers.map((h) => ({ event: 'handover', ...h })) : await readTeamTrace(trace);
  return {
    kind: job.kind, task: jobTask(job), bots: s.bots, preset: worldKind(job.world), world: worldName(job.world), seed: job.world.seed,
    success: s.success, reason: s.reason, ...(s.detail ? { detail: s.detail } : {}), gameSeconds: s.gameSeconds, wallSeconds: s.wallSeconds,
    steps: s.members.reduce((n, m) => n + m.steps, 0), ...traceFigures(events), reassigned: s.reassigned, ...(trace ? { trace } : {}),
  };
}
