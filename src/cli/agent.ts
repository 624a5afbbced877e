import { Command } from 'commander';
import type { Bot } from 'mineflayer';
import { TraceWriter } from '../agent/trace.ts';
import { connectBot, disconnectBot } from '../bot/connect.ts';
import { Session } from '../control/session.ts';
import { startWatch, type Watch } from '../control/watchRun.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { createSkillRegistry } from '../../skills/index.ts';
import { optionsOf, type RunJob } from './command.ts';
import type { CommandContext } from './context.ts';
import { CliInputError } from './errors.ts';
import { withWorldOptions } from './options.ts';
import { formatPlan, formatStep, formatSummary } from './progress.ts';

export interface AgentCliOptions {
  owner?: string[]; host?: string; port?: string; username?: string; seed?: string; preset?: string; smeltSpeed?: string; peaceful?: boolean;
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
      await run(cmd, { host: o.host, port: o.port, username: o.username, seed: o.seed, preset: o.preset, smeltSpeed: o.smeltSpeed, peaceful: o.peaceful }, (ctx) => agent(ctx, o));
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
  const { connection, sandbox } = ctx.config;
  const useSandbox = o.host === undefined && o.port === undefined && ctx.io.env.SKILLCRAFT_HOST === undefined;
  const kb = createKnowledge(useSandbox ? sandbox.mcVersion : connection.mcVersion === 'auto' ? sandbox.mcVersion : connection.mcVersion);

  let sb: Sandbox | undefined;
  let bot: Bot | undefined;
  let watch: Watch | undefined;
  let session: Session | undefined;
  try {
    if (useSandbox) {
      sb = await startSandbox({ host: '127.0.0.1', port: 0, seed: sandbox.seed, preset: sandbox.preset, version: sandbox.mcVersion, viewDistance: sandbox.viewDistance, smeltSpeed: sandbox.smeltSpeed, peaceful: sandbox.peaceful ?? false }, ctx.logger);
      ctx.io.out(`Skillcraft sandbox listening on ${sb.host}:${sb.port} (seed ${sandbox.seed}, preset ${sandbox.preset}, ${sandbox.mcVersion})`);
    }
    const target = sb ? { ...connection, host: sb.host, port: sb.port, auth: 'offline' as const, mcVersion: sb.options.version } : connection;
    bot = await connectBot(target, { log: ctx.logger, signal: ctx.signal });
    watch = await startWatch(ctx, bot, { view: o.view !== false, ...(viewPort === undefined ? {} : { viewPort }), owners, quietChat: o.quietChat === true });
    if (watch.dashboardUrl) ctx.io.out(`dashboard: ${watch.dashboardUrl}`);
    const skills = createSkillRegistry();
    const cb = watch.callbacks;
    let expected = '';
    session = new Session({
      bot, skills, knowledge: kb, log: watch.logger, signal: ctx.signal,
      planner: () => createGraphPlanner({ skills, knowledge: kb }),
      trace: () => new TraceWriter(o.runsDir ?? 'runs'),
      callbacks: {
        ...cb,
        onTask: (text, goal) => { expected = ''; ctx.io.out(`task: ${text} → ${goal}`); cb.onTask(text, goal); },
        onPlan: (plan) => {
          if (formatPlan(plan) !== expected) ctx.io.out(formatPlan(plan));
          expected = formatPlan(plan.slice(1));
          cb.onPlan(plan);
        },
        onStep: (r) => { ctx.io.out(formatStep(r)); cb.onStep(r); },
        onEnd: (s) => { ctx.io.out(formatSummary(s)); cb.onEnd(s); },
        onNotice: (text) => { ctx.io.out(text); cb.onNotice(text); },
      },
    });
    watch.listen(session);
    ctx.io.out(`${bot.username} takes chat commands from ${owners.join(', ')}: !task <goal>, !stop, !status, !plan, !come, !follow, !inventory`);
    if (o.task) {
      const started = await session.startTask(o.task);
      if (!started.ok) throw new CliInputError(`--task "${o.task}": ${started.message}`);
    }
    const why = await untilStopped(ctx.signal, bot);
    ctx.log.info({ why }, 'stopping');
    return why === 'disconnected' ? 1 : 0;
  } finally {
    await session?.close();
    await watch?.close();
    if (bot) await disconnectBot(bot, { log: ctx.log });
    if (sb) await sb.stop();
  }
}

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
