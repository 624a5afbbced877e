import { Command } from 'commander';
import { RunEvents } from '../../agent/events.ts';
import { formatSummary, terminalSink } from '../../agent/format.ts';
import { ChatRecorder } from '../../agent/resilience/chat.ts';
import { resilienceText, type ResilientSummary } from '../../agent/resilience/summary.ts';
import { runTask } from '../../agent/run.ts';
import { startRunWatch, type RunWatch } from '../../control/watchRun.ts';
import { createKnowledge } from '../../knowledge/kb.ts';
import { createGraphPlanner } from '../../planner/graph/index.ts';
import { overworldFor } from '../../knowledge/vanillaOverworld.ts';
import type { Planner } from '../../planner/types.ts';
import type { Goal } from '../../tasks/goal/goal.ts';
import { NEEDS_CHAT_MODEL, parseTask } from '../../tasks/parse.ts';
import { setupLine, setupTask } from '../../tasks/setup.ts';
import type { OpenWorld } from '../../world/open.ts';
import { createSkillRegistry } from '../../../skills/index.ts';
import { viewPortOf } from '../agent.ts';
import { optionsOf, type RunJob } from '../command.ts';
import type { CommandContext } from '../context.ts';
import { CliInputError } from '../errors.ts';
import { versionFlag, withWorldOptions } from '../options.ts';
import { runSetup } from './setup.ts';
import { build, BUILD_TASK } from '../build.ts';
import { botsOf, runTeamCommand } from './team.ts';
import { goalThroughModel, modelPlanner, modelSetup, PLANNERS, type ModelSetup, type PlannerName } from './model.ts';
import { knowledgeVersion, openCliWorld, usesSandbox } from '../world.ts';

export interface RunOptions {
  task?: string; planner?: string; host?: string; port?: string; username?: string; seed?: string; preset?: string;
  json?: boolean; maxSteps?: string; runsDir?: string; smeltSpeed?: string; peaceful?: boolean; world?: string; spawn?: string; save?: boolean; mcVersion?: string;
  view?: boolean; viewPort?: string; owner?: string[]; quietChat?: boolean; keepOpen?: boolean;
  give?: string; summon?: string; plan4mc?: string; bots?: string;
  baseUrl?: string; model?: string; temperature?: string; modelTimeoutMs?: string; maxCalls?: string; maxTokens?: string;
}

export const DEFAULT_TASK = 'stone pickaxe';

export function runCommand(run: RunJob): Command {
  return withWorldOptions(new Command('run'))
    .description('run a task to completion: on the embedded sandbox, or on your server with --host/--port')
    .option('--task <goal>', 'what to do, e.g. "wooden pickaxe", "get 5 iron ingots", "3 cobblestone"')
    .option('--plan4mc <task>', 'a Plan4MC task by number or name (its goal, preset, initial inventory, mobs and time budget)')
    .option('--bots <n>', 'a team of n bots shares the task (default 1)')
    .option('--give <items>', 'start with these items, given with /give, e.g. "crafting_table,iron_ingot:3"')
    .option('--summon <mobs>', 'summon these mobs near the bot first, e.g. "cow:3,sheep:3"')
    .option('--planner <name>', `planner: ${PLANNERS.join(' | ')} (default graph; llm and hybrid need a chat model)`)
    .option('--base-url <url>', 'OpenAI-compatible endpoint of the chat model, e.g. http://127.0.0.1:11434/v1')
    .option('--model <name>', 'chat model name')
    .option('--temperature <t>', 'chat model temperature 0-2 (default 0)')
    .option('--model-timeout-ms <ms>', 'one model request\'s timeout (default 60000)')
    .option('--max-calls <n>', 'model requests this task may make (default 200)')
    .option('--max-tokens <n>', 'model tokens this task may spend (default 500000)')
    .option('--max-steps <n>', 'stop after this many skills (default 80)')
    .option('--runs-dir <dir>', 'where traces go (default runs)')
    .option('--json', 'print one JSON summary instead of progress lines')
    .option('--no-view', 'do not serve the dashboard')
    .option('--view-port <n>', 'dashboard port (default: a free one)')
    .option('--owner <name>', 'player whose chat commands !stop, !status, !plan, !inventory are obeyed (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--quiet-chat', 'say no plan or progress in game chat')
    .option('--keep-open', 'after the task, keep the sandbox and the dashboard up until Ctrl-C')
    .action(async (_opts: unknown, cmd: Command) => {
      const o = optionsOf<RunOptions>(cmd);
      await run(cmd, {
        host: o.host, port: o.port, username: o.username, seed: o.seed, preset: o.preset, smeltSpeed: o.smeltSpeed, peaceful: o.peaceful, world: o.world, spawn: o.spawn, save: o.save, ...versionFlag(o),
        baseUrl: o.baseUrl, model: o.model, temperature: o.temperature, timeoutMs: o.modelTimeoutMs, maxCalls: o.maxCalls, maxTokens: o.maxTokens,
      }, (ctx) => runTaskCommand(ctx, o));
    });
}

/** Runs one task; exit 0 when the goal is met, 1 when not. */
export async function runTaskCommand(ctx: CommandContext, o: RunOptions): Promise<number> {
  const structure = BUILD_TASK.exec(o.task?.trim() ?? '');
  if (structure) return build(ctx, { ...o, schematic: structure[1]! });
  const bots = botsOf(o.bots);
  if (bots > 1) return runTeamCommand(ctx, o, bots, DEFAULT_TASK);
  const planner = (o.planner ?? 'graph') as PlannerName;
  if (!PLANNERS.includes(planner)) throw new CliInputError(`unknown planner "${planner}" (known: ${PLANNERS.join(', ')})`);
  const maxSteps = o.maxSteps === undefined ? undefined : Number(o.maxSteps);
  if (maxSteps !== undefined && (!Number.isInteger(maxSteps) || maxSteps < 1)) throw new CliInputError(`--max-steps must be a positive integer (got "${o.maxSteps}")`);
  const viewPort = viewPortOf(o.viewPort);
  const useSandbox = usesSandbox(ctx, o);
  const kb = createKnowledge(knowledgeVersion(ctx, useSandbox));
  if (o.task !== undefined && o.plan4mc !== undefined) throw new CliInputError('give either --task or --plan4mc, not both');
  if (o.task === undefined && o.plan4mc === undefined) throw new CliInputError('say what to do: --task <goal> or --plan4mc <task>');
  const setup = runSetup(kb, o);
  const taskText = o.task ?? (setup.plan4mc ? `${setup.plan4mc.task.name} (Plan4MC #${setup.plan4mc.task.id})` : DEFAULT_TASK);
  const parsed = setup.plan4mc ? { goal: setup.plan4mc.goal, needsChatModel: false } : parseTask(kb, taskText);
  if (parsed.needsChatModel && planner === 'graph') throw new CliInputError(`"${o.task}": ${NEEDS_CHAT_MODEL}`);
  // A Plan4MC task brings its biome unless --preset says otherwise.
  const preset = o.preset === undefined && setup.plan4mc ? setup.plan4mc.preset : ctx.config.sandbox.preset;
  const events = new RunEvents(ctx.logger);
  const model: ModelSetup | undefined = planner === 'graph' ? undefined : modelSetup(ctx, planner);
  let goal: Goal = parsed.goal;
  if (parsed.needsChatModel && model) {
    goal = await goalThroughModel(ctx, taskText, model, kb);
    if (!o.json) ctx.io.out(`goal: "${o.task}" → ${JSON.stringify(goal)}`);
  }

  let world: OpenWorld | undefined;
  let watch: RunWatch | undefined;
  try {
    world = await openCliWorld(ctx, useSandbox, { preset, quiet: o.json === true });
    if (setup.spec) {
      await setupTask(world.bot, setup.spec, ctx.config.sandbox.seed, ctx.signal);
      if (!o.json) ctx.io.out(setupLine(setup.spec));
    }
    const w = await startRunWatch(ctx, world.bot, { view: o.view !== false, ...(viewPort === undefined ? {} : { viewPort }), owners: o.owner ?? [], quietChat: o.quietChat === true });
    watch = w;
    events.on(w.sink);
    if (w.dashboardUrl && !o.json) ctx.io.out(`dashboard: ${w.dashboardUrl}`);
    const skills = createSkillRegistry();
    if (!o.json) ctx.io.out(`task: ${taskText} → ${JSON.stringify(goal)}`);
    if (!o.json) events.on(terminalSink((line) => ctx.io.out(line)));
    const graph = createGraphPlanner({ skills, knowledge: kb, world: overworldFor(kb, world.terrain) });
    // Other players' chat reaches a chat model only as quoted, labelled data; nothing in it is obeyed.
    const chat = new ChatRecorder();
    const chosen: Planner = model && planner !== 'graph' ? modelPlanner(planner, model, graph, skills, kb, ctx, () => chat.recent()) : graph;
    // A lost connection is made again (the server restarted); a death is respawned from: the task resumes.
    const { summary }: { summary: ResilientSummary } = await runTask(world, goal, {
      planner: chosen, skills, knowledge: kb, ...(model ? { model: model.usage } : {}), chat, events, text: taskText,
      log: w.logger.child({ component: 'agent' }), signal: w.signal, traceRoot: o.runsDir ?? 'runs',
      limits: { ...(maxSteps ? { maxSteps } : {}), ...(setup.plan4mc ? { maxGameSeconds: setup.plan4mc.maxGameSeconds } : {}) },
    });
    ctx.io.out(o.json ? JSON.stringify(summary) : `${formatSummary(summary)}${resilienceText(summary.resilience)}`);
    if (o.keepOpen && !ctx.signal.aborted) {
      if (!o.json) ctx.io.out(`${w.dashboardUrl ? `dashboard still at ${w.dashboardUrl}; ` : ''}press Ctrl-C to quit`);
      await untilInterrupted(ctx.signal);
    }
    return summary.success ? 0 : 1;
  } finally {
    await watch?.close();
    await world?.close();
  }
}

/** Resolves when the user interrupts (Ctrl-C): the dashboard and the world stay up until then. */
function untilInterrupted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
