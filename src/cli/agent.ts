import path from 'node:path';
import { Command } from 'commander';
import { RunEvents } from '../agent/events.ts';
import { formatSummary, terminalSink } from '../agent/format.ts';
import { resilienceText } from '../agent/resilience/summary.ts';
import { Session } from '../control/session.ts';
import { startWatch, type Watch } from '../control/watchRun.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import { overworldFor } from '../knowledge/vanillaOverworld.ts';
import type { OpenWorld } from '../world/open.ts';
import { BUILD_SKILLS, createSkillRegistry } from '../../skills/index.ts';
import { optionsOf, type RunJob } from './command.ts';
import type { CommandContext } from './context.ts';
import { CliInputError } from './errors.ts';
import { versionFlag, withWorldOptions } from './options.ts';
import { knowledgeVersion, openCliWorld, usesSandbox } from './world.ts';
import { stayConnected } from './agent/connection.ts';
import { agentTeam } from './agent/team.ts';
import { AGENT_CHAT_COMMANDS, viewPortOf, type AgentCliOptions } from './agent/options.ts';
import { botsOf } from './run/team.ts';

// `run` reads --view-port the same way.
export { viewPortOf };

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function agentCommand(run: RunJob): Command {
  return withWorldOptions(new Command('agent'))
    .description('join a server (the sandbox unless --host/--port) and do what its owners say in chat, until Ctrl+C')
    .option('--owner <name>', 'player whose chat commands are obeyed, exact name (repeatable; required)', collect, [])
    .option('--task <goal>', 'a first task to start right away')
    .option('--bots <n>', 'a team of n bots joins and takes the owners\' commands together, each task shared by the plan (default 1)')
    .option('--no-view', 'do not serve the dashboard')
    .option('--view-port <n>', 'dashboard port (default: a free one)')
    .option('--quiet-chat', 'say no plan or progress in chat (owners still get replies)')
    .option('--runs-dir <dir>', 'where traces go (default runs)')
    .option('--schematics <dir>', "the folder of structure files owners' !build <name> takes (default: the package's examples/schematics)")
    .addHelpText('after', '\nChat commands (owners only): !task <goal>, !build <name> (no name: the schematics on offer), !stop, !status, !plan, !come, !follow, !inventory, !help')
    .action(async (_opts: unknown, cmd: Command) => {
      const o = optionsOf<AgentCliOptions>(cmd);
      await run(cmd, { host: o.host, port: o.port, username: o.username, seed: o.seed, preset: o.preset, smeltSpeed: o.smeltSpeed, peaceful: o.peaceful, world: o.world, spawn: o.spawn, save: o.save, schematics: o.schematics, ...versionFlag(o) }, (ctx) => agent(ctx, o));
    });
}

async function agent(ctx: CommandContext, o: AgentCliOptions): Promise<number> {
  const owners = o.owner ?? [];
  if (owners.length === 0) throw new CliInputError('--owner <name> is required: the player whose chat commands the bot obeys');
  const bots = botsOf(o.bots);
  const viewPort = viewPortOf(o.viewPort);
  if (bots > 1) return agentTeam(ctx, o, { owners, bots, ...(viewPort === undefined ? {} : { viewPort }) });
  const useSandbox = usesSandbox(ctx, o);
  const kb = createKnowledge(knowledgeVersion(ctx, useSandbox));

  let world: OpenWorld | undefined;
  let watch: Watch | undefined;
  let session: Session | undefined;
  try {
    world = await openCliWorld(ctx, useSandbox);
    const terrain = world.terrain;
    watch = await startWatch(ctx, world.bot, { view: o.view !== false, ...(viewPort === undefined ? {} : { viewPort }), owners, quietChat: o.quietChat === true });
    if (watch.dashboardUrl) ctx.io.out(`dashboard: ${watch.dashboardUrl}`);
    const skills = createSkillRegistry();
    // Only a build's registry has buildStructure: a task's planner never sees it.
    const buildSkills = createSkillRegistry(BUILD_SKILLS);
    const events = new RunEvents(ctx.logger);
    events.on(watch.sink);
    const print = terminalSink((line) => ctx.io.out(line));
    events.on((e) => {
      if (e.event === 'task') ctx.io.out(`task: ${e.text} → ${e.goal}`);
      else if (e.event === 'resilient_end') ctx.io.out(`${formatSummary(e.summary)}${resilienceText(e.summary.resilience)}`);
      else if (e.event === 'notice') ctx.io.out(e.text);
      else print(e);
    });
    session = new Session({
      world, skills, knowledge: kb, log: watch.logger, signal: ctx.signal, events,
      planner: () => createGraphPlanner({ skills, knowledge: kb, world: overworldFor(kb, terrain) }), traceRoot: o.runsDir ?? 'runs',
      build: {
        folder: path.resolve(ctx.io.cwd, ctx.config.build.schematics), skills: buildSkills,
        planner: () => createGraphPlanner({ skills: buildSkills, knowledge: kb, world: overworldFor(kb, terrain) }),
      },
    });
    watch.listen(session);
    ctx.io.out(`${world.bot.username} takes chat commands from ${owners.join(', ')}: ${AGENT_CHAT_COMMANDS}`);
    if (o.task) {
      const started = await session.startTask(o.task);
      if (!started.ok) throw new CliInputError(`--task "${o.task}": ${started.message}`);
    }
    const s = session;
    const why = await stayConnected(ctx, [world], {
      busy: () => s.busy, onBot: (_, bot) => events.emit({ event: 'bot', bot }), say: (_, text) => ctx.io.out(text),
    });
    ctx.log.info({ why }, 'stopping');
    return why === 'gave_up' ? 1 : 0;
  } finally {
    await session?.close();
    await watch?.close();
    await world?.close();
  }
}
