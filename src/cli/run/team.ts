// `skillcraft run --bots N` (and `demo --bots N`): N bots join the world and share one task through the
// team coordinator (src/team/coordinator.ts); the terminal prefixes every member's lines with its name.
import { createKnowledge } from '../../knowledge/kb.ts';
import { overworldFor } from '../../knowledge/vanillaOverworld.ts';
import { createGraphPlanner, type GraphPlanner } from '../../planner/graph/index.ts';
import type { Planner } from '../../planner/types.ts';
import { runTeamTask } from '../../team/coordinator.ts';
import { TeamEvents } from '../../team/events.ts';
import type { TeamMember } from '../../team/types.ts';
import { NEEDS_CHAT_MODEL, parseTask } from '../../tasks/parse.ts';
import { setupLine, setupTask } from '../../tasks/setup.ts';
import { MAX_BOTS, openTeamWorld, type OpenTeamWorld } from '../../world/openTeam.ts';
import { createSkillRegistry, MEMBER_MODEL_SKILLS, TEAM_SKILLS } from '../../../skills/index.ts';
import type { CommandContext } from '../context.ts';
import { CliInputError } from '../errors.ts';
import { knowledgeVersion, servedWorld, usesSandbox, worldOption } from '../world.ts';
import type { RunOptions } from './command.ts';
import { modelPlanner, modelSetup, PLANNERS, type PlannerName } from './model.ts';
import { runSetup } from './setup.ts';
import { teamTerminalSink } from '../../team/format.ts';
import { startTeamRunWatch, type TeamRunWatch } from '../../control/watchTeam.ts';
import { viewPortOf } from '../agent/options.ts';

/** --bots: 1 to MAX_BOTS; one line and exit 2 otherwise. */
export function botsOf(text: string | undefined): number {
  if (text === undefined) return 1;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_BOTS) throw new CliInputError(`--bots must be a whole number from 1 to ${MAX_BOTS} (got "${text}")`);
  return n;
}

/** Runs one task with a team; exit 0 when the assembler holds the goal, 1 when not. */
export async function runTeamCommand(ctx: CommandContext, o: RunOptions, bots: number, defaultTask: string): Promise<number> {
  const plannerName = (o.planner ?? 'graph') as PlannerName;
  if (!PLANNERS.includes(plannerName)) throw new CliInputError(`unknown planner "${plannerName}" (known: ${PLANNERS.join(', ')})`);
  const useSandbox = usesSandbox(ctx, o);
  const kb = createKnowledge(knowledgeVersion(ctx, useSandbox));
  if (o.task !== undefined && o.plan4mc !== undefined) throw new CliInputError('give either --task or --plan4mc, not both');
  const setup = runSetup(kb, o);
  const taskText = o.task ?? (setup.plan4mc ? setup.plan4mc.task.name : defaultTask);
  const parsed = setup.plan4mc ? { goal: setup.plan4mc.goal, needsChatModel: false } : parseTask(kb, taskText);
  if (parsed.needsChatModel) throw new CliInputError(`"${taskText}": a team needs a goal the planner can read (an item and a count): ${NEEDS_CHAT_MODEL}`);
  const model = plannerName === 'graph' ? undefined : modelSetup(ctx, plannerName);
  const viewPort = viewPortOf(o.viewPort);
  const { connection, sandbox: sb } = ctx.config;
  const preset = o.preset === undefined && setup.plan4mc ? setup.plan4mc.preset : sb.preset;
  if (!useSandbox && sb.world !== undefined) throw new CliInputError('--world is served by the sandbox; it cannot be combined with --host/--port');
  let team: OpenTeamWorld | undefined;
  let watch: TeamRunWatch | undefined;
  try {
    team = await openTeamWorld({
      connection,
      ...(useSandbox ? { sandbox: { seed: sb.seed, preset, version: sb.mcVersion, viewDistance: sb.viewDistance, smeltSpeed: sb.smeltSpeed, peaceful: sb.peaceful ?? false, ...worldOption(sb) } } : {}),
    }, bots, { log: ctx.logger, signal: ctx.signal });
    const served = team.world.sandbox?.options;
    if (served && !o.json) ctx.io.out(`Skillcraft sandbox listening on ${team.world.sandbox!.host}:${team.world.sandbox!.port} (${servedWorld(served)}, ${served.version})`);
    const members: TeamMember[] = team.members;
    // --give and a Plan4MC task's start go to the assembler, the first member.
    if (setup.spec) {
      await setupTask(members[0]!.bot, setup.spec, sb.seed, ctx.signal);
      if (!o.json) ctx.io.out(setupLine(setup.spec));
    }
    watch = await startTeamRunWatch(ctx, members.map((m) => ({ name: m.name, bot: m.bot })), { view: o.view !== false, ...(viewPort === undefined ? {} : { viewPort }), owners: o.owner ?? [], quietChat: o.quietChat === true });
    const events = new TeamEvents(ctx.logger);
    events.on(watch.sink);
    if (watch.dashboardUrl && !o.json) ctx.io.out(`dashboard: ${watch.dashboardUrl}`);
    if (!o.json) events.on(teamTerminalSink((line) => ctx.io.out(line)));
    const skills = createSkillRegistry(TEAM_SKILLS);
    const world = overworldFor(kb, team.world.terrain);
    const graphs = new Map<string, GraphPlanner>();
    const graph = (m: TeamMember) => {
      let g = graphs.get(m.name);
      if (!g) graphs.set(m.name, (g = createGraphPlanner({ skills, knowledge: kb, world })));
      return g;
    };
    const memberSkills = createSkillRegistry(MEMBER_MODEL_SKILLS);
    const planner = (m: TeamMember, teamState: () => string): Planner => (model && plannerName !== 'graph' ? modelPlanner(plannerName, model, graph(m), memberSkills, kb, ctx, undefined, teamState) : graph(m));
    if (!o.json) ctx.io.out(`task: ${taskText} → ${JSON.stringify(parsed.goal)}, ${bots} bots: ${members.map((m) => m.name).join(', ')}`);
    const maxSteps = o.maxSteps === undefined ? undefined : Number(o.maxSteps);
    const { summary } = await runTeamTask(members, parsed.goal, {
      skills, knowledge: kb, planner, graph, events, text: taskText, log: watch.logger.child({ component: 'team' }), signal: watch.signal,
      traceRoot: o.runsDir ?? 'runs', limits: { ...(maxSteps ? { maxSteps } : {}), ...(setup.plan4mc ? { maxGameSeconds: setup.plan4mc.maxGameSeconds } : {}) },
    });
    // The terminal sink printed the summary already (team_end).
    if (o.json) ctx.io.out(JSON.stringify(summary));
    return summary.success ? 0 : 1;
  } finally {
    await watch?.close();
    await team?.close();
  }
}
