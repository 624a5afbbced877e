import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import type { RunListener } from '../agent/events.ts';
import type { StepReport } from '../agent/loop.ts';
import { startDashboard, type Dashboard } from '../viewer/dashboard.ts';
import { dashboardLogStream, teeLogger, watchRun } from '../viewer/watch.ts';
import { ChatCommands } from './chat/commands.ts';
import { ChatReporter } from './chat/reporter.ts';
import { planLine, seconds, shortDecision } from './chat/text.ts';
import type { Controllable } from './session.ts';
import { RunTracker, trackerSink } from './tracker.ts';

export interface WatchOptions {
  /** Serve the dashboard (default true; `--no-view` turns it off). */
  view?: boolean;
  /** Dashboard port (default 0: a free one). */
  viewPort?: number;
  viewHost?: string;
  viewDistance?: number;
  /** Players whose `!` commands are obeyed (`--owner`, repeatable). */
  owners?: readonly string[];
  /** No plan or progress in chat; replies to owners still go out (`--quiet-chat`). */
  quietChat?: boolean;
  /** Chat rate limit (default one message per 2 s). */
  chatIntervalMs?: number;
  /** Owners' command rate limit: a burst of this many, then one per `commandRefillMs` (defaults 5, 2000). */
  commandBurst?: number;
  commandRefillMs?: number;
}

/** Everything that shows a run: the dashboard, chat narration and owners' chat commands. */
export interface Watch {
  readonly dashboardUrl: string | undefined;
  readonly dashboard: Dashboard | undefined;
  /** Writes where the CLI's logger writes and to the dashboard's log panel: give it to the agent. */
  readonly logger: Logger;
  readonly reporter: ChatReporter;
  /** Shows a run's (or a session's) events: subscribe it to the run's stream. A `bot` event moves everything to the new bot. */
  readonly sink: RunListener;
  /** Starts taking owners' commands for `control` (nothing when no owner is configured). */
  listen(control: Controllable): ChatCommands | undefined;
  close(): Promise<void>;
}

export async function startWatch(ctx: { logger: Logger }, firstBot: Bot, opts: WatchOptions = {}): Promise<Watch> {
  const log = ctx.logger.child({ component: 'watch' });
  let bot = firstBot;
  const dashboard = opts.view === false ? undefined : await startDashboard({
    bot, log: ctx.logger, ...(opts.viewPort === undefined ? {} : { port: opts.viewPort }), ...(opts.viewHost ? { host: opts.viewHost } : {}),
    ...(opts.viewDistance === undefined ? {} : { viewDistance: opts.viewDistance }),
  });
  const logger = dashboard ? teeLogger(ctx.logger, dashboardLogStream(dashboard.publish)) : ctx.logger;
  const reporter = new ChatReporter({
    say: (text) => bot.chat(text), quiet: opts.quietChat ?? false, minIntervalMs: opts.chatIntervalMs ?? 2000,
    onError: (err) => log.warn({ err }, 'could not say a chat line'),
  });
  const page = dashboard ? watchRun(dashboard) : undefined;
  let commands: ChatCommands | undefined;
  let control: Controllable | undefined;
  const startCommands = () => {
    commands?.stop();
    if (!control || !opts.owners?.length) return;
    commands = new ChatCommands({
      bot, control, reporter, owners: opts.owners, log: logger,
      ...(opts.commandBurst === undefined ? {} : { burst: opts.commandBurst }), ...(opts.commandRefillMs === undefined ? {} : { refillMs: opts.commandRefillMs }),
    });
    commands.start();
  };
  const sink: RunListener = (e) => {
    switch (e.event) {
      case 'task': page?.onTask(e.text, e.goal); reporter.progress(`task: ${e.goal}`); return;
      case 'plan': page?.onPlan(e.plan); reporter.plan(planLine(e.plan)); return;
      case 'step_start': page?.onSkillStart(e.step, e.decision); return;
      case 'step': page?.onStep(e); reporter.progress(stepLine(e)); return;
      case 'resilient_end': {
        const s = e.summary;
        page?.onEnd(s);
        reporter.final(s.success
          ? `done: ${s.goal} in ${s.wallSeconds} s, ${s.steps} steps, ${s.failures} failed (${s.failuresRecovered} recovered)`
          : `not done: ${s.goal} (${s.reason}${s.detail ? `: ${s.detail}` : ''}) after ${s.steps} steps`);
        return;
      }
      case 'model_call': page?.onModelEvent(e); return;
      case 'activity': dashboard?.publish({ type: 'activity', text: e.text }); return;
      case 'notice': reporter.final(e.text); return;
      case 'build': {
        const { name, origin, size, placed, total, wrong, cells } = e;
        dashboard?.publish({ type: 'build', build: { name, origin, size, placed, total, wrong, cells } });
        return;
      }
      case 'bot':
        // After a reconnect: chat, owners' commands and the dashboard follow the new bot.
        bot = e.bot;
        dashboard?.setBot(bot);
        startCommands();
        return;
      default:
    }
  };
  return {
    dashboardUrl: dashboard?.url,
    dashboard,
    logger,
    reporter,
    sink,
    listen(c) {
      control = c;
      startCommands();
      return commands;
    },
    async close() {
      commands?.stop();
      // The task's last line ("done: …") is worth the wait of one rate-limit interval.
      await reporter.drain();
      reporter.close();
      await dashboard?.close();
    },
  };
}

export function stepLine(r: StepReport): string {
  const how = r.outcome.ok ? 'ok' : `failed (${r.outcome.code})`;
  return `step ${r.step}: ${shortDecision(r.decision)} ${how}, ${seconds(r.outcome.elapsedMs)}`;
}

/** What `skillcraft run` needs: a run's subscriber, a signal that an owner's `!stop` aborts, and the end. */
export interface RunWatch {
  readonly dashboardUrl: string | undefined;
  readonly logger: Logger;
  /** ctx.signal, also aborted by an owner's `!stop`. */
  readonly signal: AbortSignal;
  /** Subscribe it to the run's events: dashboard, chat, and the answers to `!status` and `!plan`. */
  readonly sink: RunListener;
  close(): Promise<void>;
}

/** startWatch for one fixed task: owners may `!stop`, `!status`, `!plan`, `!inventory` it, not start others. */
export async function startRunWatch(ctx: { logger: Logger; signal: AbortSignal }, bot: Bot, opts: WatchOptions): Promise<RunWatch> {
  const watch = await startWatch(ctx, bot, opts);
  const controller = new AbortController();
  const tracker = new RunTracker();
  const once = 'this is `skillcraft run`, one task only; `skillcraft agent` takes !task, !come and !follow';
  const refuse = () => Promise.resolve({ ok: false as const, message: once });
  watch.listen({
    startTask: refuse, come: refuse, follow: refuse,
    stop: () => {
      if (controller.signal.aborted || !tracker.current) return Promise.resolve(null);
      controller.abort(new Error('stopped by an owner in chat'));
      return Promise.resolve(`task ${tracker.current.goal}`);
    },
    statusLine: () => tracker.statusLine(),
    planLine: () => tracker.planLine(),
  });
  const track = trackerSink(tracker);
  return {
    dashboardUrl: watch.dashboardUrl,
    logger: watch.logger,
    signal: AbortSignal.any([ctx.signal, controller.signal]),
    sink: (e) => { track(e); watch.sink(e); },
    close: () => watch.close(),
  };
}
