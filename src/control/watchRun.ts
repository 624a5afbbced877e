import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import type { RunSummary, StepReport } from '../agent/loop.ts';
import type { Decision } from '../planner/types.ts';
import { startDashboard, type Dashboard } from '../viewer/dashboard.ts';
import { dashboardLogStream, teeLogger, watchRun } from '../viewer/watch.ts';
import { ChatCommands } from './chatCommands.ts';
import { ChatReporter } from './chatReporter.ts';
import { planLine, seconds, shortDecision } from './chatText.ts';
import type { Controllable, SessionCallbacks } from './session.ts';
import { RunTracker } from './tracker.ts';

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

export type WatchCallbacks = Required<SessionCallbacks> & {
  onModelEvent(event: { event: string; promptTokens?: number; completionTokens?: number }): void;
};

/** Everything that shows a run: the dashboard, chat narration and owners' chat commands. */
export interface Watch {
  readonly dashboardUrl: string | undefined;
  readonly dashboard: Dashboard | undefined;
  /** Writes where the CLI's logger writes and to the dashboard's log panel: give it to the agent. */
  readonly logger: Logger;
  readonly reporter: ChatReporter;
  readonly callbacks: WatchCallbacks;
  /** Starts taking owners' commands for `control` (nothing when no owner is configured). */
  listen(control: Controllable): ChatCommands | undefined;
  close(): Promise<void>;
}

export async function startWatch(ctx: { logger: Logger }, bot: Bot, opts: WatchOptions = {}): Promise<Watch> {
  const log = ctx.logger.child({ component: 'watch' });
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
  // The plan is said when it changes, not each time a finished step comes off its front.
  let expected = '';
  const callbacks: WatchCallbacks = {
    onTask: (text, goal) => {
      expected = '';
      page?.onTask(text, goal);
      reporter.progress(`task: ${goal}`);
    },
    onPlan: (plan) => {
      page?.onPlan(plan);
      const line = planLine(plan);
      if (line !== expected) reporter.plan(line);
      expected = planLine(plan.slice(1));
    },
    onSkillStart: (step, d) => page?.onSkillStart(step, d),
    onStep: (r) => {
      page?.onStep(r);
      reporter.progress(stepLine(r));
    },
    onEnd: (s) => {
      page?.onEnd(s);
      reporter.final(s.success
        ? `done: ${s.goal} in ${s.wallSeconds} s, ${s.steps} steps, ${s.failures} failed (${s.failuresRecovered} recovered)`
        : `not done: ${s.goal} (${s.reason}${s.detail ? `: ${s.detail}` : ''}) after ${s.steps} steps`);
    },
    onActivity: (text) => dashboard?.publish({ type: 'activity', text }),
    onNotice: (text) => reporter.final(text),
    onModelEvent: (e) => page?.onModelEvent(e),
  };
  let commands: ChatCommands | undefined;
  return {
    dashboardUrl: dashboard?.url,
    dashboard,
    logger,
    reporter,
    callbacks,
    listen(control) {
      if (!opts.owners?.length) return undefined;
      commands?.stop();
      commands = new ChatCommands({
        bot, control, reporter, owners: opts.owners, log: logger,
        ...(opts.commandBurst === undefined ? {} : { burst: opts.commandBurst }), ...(opts.commandRefillMs === undefined ? {} : { refillMs: opts.commandRefillMs }),
      });
      commands.start();
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

/** What `skillcraft run` needs: callbacks for runAgent, a signal that `!stop` aborts, and the end. */
export interface RunWatch {
  readonly dashboardUrl: string | undefined;
  readonly logger: Logger;
  /** ctx.signal, also aborted by an owner's `!stop`. */
  readonly signal: AbortSignal;
  readonly callbacks: {
    onPlan(plan: Decision[]): void;
    onSkillStart(step: number, decision: Decision): void;
    onStep(report: StepReport): void;
  };
  /** Pass the chat model's usage events here (the dashboard shows calls and tokens). */
  onModelEvent: WatchCallbacks['onModelEvent'];
  finish(summary: RunSummary): void;
  close(): Promise<void>;
}

/** startWatch for one fixed task: owners may `!stop`, `!status`, `!plan`, `!inventory` it, not start others. */
export async function startRunWatch(ctx: { logger: Logger; signal: AbortSignal }, bot: Bot, opts: WatchOptions, task: { text: string; goal: string }): Promise<RunWatch> {
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
      return Promise.resolve(`task ${task.goal}`);
    },
    statusLine: () => tracker.statusLine(),
    planLine: () => tracker.planLine(),
  });
  tracker.begin(task.text, task.goal);
  watch.callbacks.onTask(task.text, task.goal);
  const cb = watch.callbacks;
  return {
    dashboardUrl: watch.dashboardUrl,
    logger: watch.logger,
    signal: AbortSignal.any([ctx.signal, controller.signal]),
    callbacks: {
      onPlan: (plan) => { tracker.plan(plan); cb.onPlan(plan); },
      onSkillStart: (step, d) => { tracker.skillStart(step, d); cb.onSkillStart(step, d); },
      onStep: (r) => { tracker.step(r); cb.onStep(r); },
    },
    onModelEvent: (e) => cb.onModelEvent(e),
    finish: (summary) => { tracker.end(summary); cb.onEnd(summary); },
    close: () => watch.close(),
  };
}
