// `skillcraft agent --bots N`: N bots join (`--username` with a suffix) and the owners' chat commands drive them
// as a team through a TeamSession: each !task is shared by the team coordinator, !come and !follow move
// everyone, and the first member reads the commands and answers in chat.
import { TeamSession } from '../../control/teamSession.ts';
import { startTeamWatch, type TeamWatch } from '../../control/watchTeam.ts';
import { createKnowledge } from '../../knowledge/kb.ts';
import { overworldFor } from '../../knowledge/vanillaOverworld.ts';
import { createGraphPlanner } from '../../planner/graph/index.ts';
import { TeamEvents } from '../../team/events.ts';
import { teamTerminalSink } from '../../team/format.ts';
import { openTeamWorld, type OpenTeamWorld } from '../../world/openTeam.ts';
import { createSkillRegistry, TEAM_SKILLS } from '../../../skills/index.ts';
import type { CommandContext } from '../context.ts';
import { CliInputError } from '../errors.ts';
import { knowledgeVersion, servedWorld, usesSandbox, worldOption } from '../world.ts';
import { stayConnected } from './connection.ts';
import { CHAT_COMMANDS, type AgentCliOptions } from './options.ts';

export interface TeamAgentOptions {
  owners: readonly string[];
  bots: number;
  viewPort?: number;
}

/** Runs until Ctrl+C (exit 0), or until a member's lost connection cannot be made again (exit 1). */
export async function agentTeam(ctx: CommandContext, o: AgentCliOptions, t: TeamAgentOptions): Promise<number> {
  const useSandbox = usesSandbox(ctx, o);
  const kb = createKnowledge(knowledgeVersion(ctx, useSandbox));
  const { connection, sandbox: sb } = ctx.config;
  if (!useSandbox && sb.world !== undefined) throw new CliInputError('--world is served by the sandbox; it cannot be combined with --host/--port');
  let team: OpenTeamWorld | undefined;
  let watch: TeamWatch | undefined;
  let session: TeamSession | undefined;
  try {
    team = await openTeamWorld({
      connection,
      ...(useSandbox ? { sandbox: { seed: sb.seed, preset: sb.preset, version: sb.mcVersion, viewDistance: sb.viewDistance, smeltSpeed: sb.smeltSpeed, peaceful: sb.peaceful ?? false, ...worldOption(sb) } } : {}),
    }, t.bots, { log: ctx.logger, signal: ctx.signal });
    const served = team.world.sandbox;
    if (served) ctx.io.out(`Skillcraft sandbox listening on ${served.host}:${served.port} (${servedWorld(served.options)}, ${served.options.version})`);
    const members = team.members;
    watch = await startTeamWatch(ctx, members.map((m) => ({ name: m.name, bot: m.bot })), {
      view: o.view !== false, ...(t.viewPort === undefined ? {} : { viewPort: t.viewPort }), owners: t.owners, quietChat: o.quietChat === true,
    });
    if (watch.dashboardUrl) ctx.io.out(`dashboard: ${watch.dashboardUrl}`);
    const events = new TeamEvents(ctx.logger);
    events.on(watch.sink);
    events.on(teamTerminalSink((line) => ctx.io.out(line)));
    const skills = createSkillRegistry(TEAM_SKILLS);
    const world = overworldFor(kb, team.world.terrain);
    const reporter = watch.reporter;
    session = new TeamSession({
      members, skills, knowledge: kb, log: watch.logger, events, signal: ctx.signal, traceRoot: o.runsDir ?? 'runs',
      planner: () => createGraphPlanner({ skills, knowledge: kb, world }),
      notify: (text) => { reporter.final(text); ctx.io.out(text); },
    });
    watch.listen(session);
    const names = members.map((m) => m.name);
    ctx.io.out(`${names.join(', ')} take chat commands from ${t.owners.join(', ')} (${names[0]} answers): ${CHAT_COMMANDS}`);
    if (o.task) {
      const started = await session.startTask(o.task);
      if (!started.ok) throw new CliInputError(`--task "${o.task}": ${started.message}`);
    }
    const s = session;
    const why = await stayConnected(ctx, members, {
      // Only a team task reconnects its members: a walk or a follow ends when its bot's connection does.
      busy: () => s.taskRunning,
      onBot: (m, bot) => events.emit({ event: 'bot', who: m.name, bot }),
      say: (m, text) => ctx.io.out(`[${m.name}] ${text}`),
    });
    ctx.log.info({ why }, 'stopping');
    return why === 'gave_up' ? 1 : 0;
  } finally {
    await session?.close();
    await watch?.close();
    await team?.close();
  }
}
