import { Command } from 'commander';
import type { Bot } from 'mineflayer';
import { RunEvents } from '../agent/events.ts';
import { formatSummary, terminalSink } from '../agent/format.ts';
import { reconnect } from '../agent/resilience/connection.ts';
import { resilienceText } from '../agent/resilience/summary.ts';
import { Session } from '../control/session.ts';
import { startWatch, type Watch } from '../control/watchRun.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import { overworldFor } from '../knowledge/vanillaOverworld.ts';
import { waitUntil } from '../base/wait.ts';
import type { OpenWorld } from '../world/open.ts';
import { createSkillRegistry } from '../../skills/index.ts';
import { optionsOf, type RunJob } from './command.ts';
import type { CommandContext } from './context.ts';
import { CliInputError } from './errors.ts';
import { versionFlag, withWorldOptions } from './options.ts';
import { knowledgeVersion, openCliWorld, usesSandbox } from './world.ts';

export interface AgentCliOptions {
  owner?: string[]; host?: string; port?: string; username?: string; seed?: string; preset?: string; smeltSpeed?: string; peaceful?: boolean; world?: string; spawn?: string; save?: boolean; mcVersion?: string;
  view?: boolean; viewPort?: string; quietChat?: boolean; task?: string; runsDir?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function agentCommand(run: RunJob): Command {
  return withWorldOptions(new Command('agent'))
    .description('join a server (the sandbox unless --host/--port) and do what its owners say in chat, until Ctrl+C')
    .option('--owner <name>', 'player whose chat commands are obeyed, exact name (repeatable; required)', collect, [])
    .option('--task <goal>', 'a first task to start right away')
    .option('--no-view', 'do not serve the dashboard')
    .option('--view-port <n>', 'dashboard port (default: a free one)')
    .option('--quiet-chat', 'say no plan or progress in chat (owners still get replies)')
    .option('--runs-dir <dir>', 'where traces go (default runs)')
    .addHelpText('after', '\nChat commands (owners only): !task <goal>, !stop, !status, !plan, !come, !follow, !inventory, !help')
    .action(async (_opts: unknown, cmd: Command) => {
      const o = optionsOf<AgentCliOptions>(cmd);
      await run(cmd, { host: o.host, port: o.port, username: o.username, seed: o.seed, preset: o.preset, smeltSpeed: o.smeltSpeed, peaceful: o.peaceful, world: o.world, spawn: o.spawn, save: o.save, ...versionFlag(o) }, (ctx) => agent(ctx, o));
    });
}

/** Parses `--view-port`; undefined when not given. */
export function viewPortOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new CliInputError(`--view-port must be an integer 0-65535 (got "${text}")`);
  return n;
}

async function agent(ctx: CommandContext, o: AgentCliOptions): Promise<number> {
  const owners = o.owner ?? [];
  if (owners.length === 0) throw new CliInputError('--owner <name> is required: the player whose chat commands the bot obeys');
  const viewPort = viewPortOf(o.viewPort);
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
    });
    watch.listen(session);
    ctx.io.out(`${world.bot.username} takes chat commands from ${owners.join(', ')}: !task <goal>, !stop, !status, !plan, !come, !follow, !inventory`);
    if (o.task) {
      const started = await session.startTask(o.task);
      if (!started.ok) throw new CliInputError(`--task "${o.task}": ${started.message}`);
    }
    const why = await stayConnected(ctx, world, session, events);
    ctx.log.info({ why }, 'stopping');
    return why === 'gave_up' ? 1 : 0;
  } finally {
    await session?.close();
    await watch?.close();
    await world?.close();
  }
}

/**
 * Keeps the agent on its server until Ctrl+C: a connection lost during a task is made again by the task
 * itself (src/agent/run.ts); one lost while idle is made again here, with the same backoff.
 */
async function stayConnected(ctx: CommandContext, world: OpenWorld, session: Session, events: RunEvents): Promise<'interrupted' | 'gave_up'> {
  for (;;) {
    const ended = world.bot;
    if (await untilStopped(ctx.signal, ended) === 'interrupted') return 'interrupted';
    try {
      await waitUntil(() => world.bot !== ended || !session.busy, { signal: ctx.signal, timeoutMs: IDLE_RECONNECT_WAIT_MS, what: 'the task to reconnect or end' });
    } catch (err) {
      if (ctx.signal.aborted) return 'interrupted';
      ctx.log.warn({ err }, 'the running task neither reconnected nor ended; reconnecting');
    }
    if (world.bot !== ended) continue;
    ctx.io.out('connection lost while idle; reconnecting');
    try {
      world.bot = await reconnect((signal) => world.connect(signal), ctx.signal);
    } catch (err) {
      if (ctx.signal.aborted) return 'interrupted';
      ctx.io.out(`gave up: ${err instanceof Error ? err.message : String(err)}`);
      return 'gave_up';
    }
    events.emit({ event: 'bot', bot: world.bot });
    ctx.io.out('reconnected');
  }
}

/** How long a task may take to reconnect or end after its connection went, before the agent reconnects itself. */
const IDLE_RECONNECT_WAIT_MS = 5 * 60_000;

/** Resolves on Ctrl+C (the signal) or when the bot loses its connection. */
function untilStopped(signal: AbortSignal, bot: Bot): Promise<'interrupted' | 'disconnected'> {
  if (signal.aborted) return Promise.resolve('interrupted');
  return new Promise((resolve) => {
    const finish = (why: 'interrupted' | 'disconnected'): void => {
      signal.removeEventListener('abort', onAbort);
      bot.removeListener('end', onEnd);
      resolve(why);
    };
    const onAbort = (): void => finish('interrupted');
    const onEnd = (): void => finish('disconnected');
    signal.addEventListener('abort', onAbort, { once: true });
    bot.once('end', onEnd);
  });
}
