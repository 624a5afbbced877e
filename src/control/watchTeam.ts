import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import { isMemberEvent, itemsLost, itemsText } from '../team/format.ts';
import type { TeamEvent } from '../team/types.ts';
import { startDashboard, type Dashboard } from '../viewer/dashboard.ts';
import { DashboardState } from '../viewer/state.ts';
import type { TeamSnapshot } from '../viewer/types.ts';
import { watchTeam } from '../viewer/teamWatch.ts';
import { dashboardLogStream, teeLogger } from '../viewer/watch.ts';
import type { ChatCommands } from './chat/commands.ts';
import type { ChatReporter } from './chat/reporter.ts';
import type { Controllable } from './session.ts';
import { startWatch, type WatchOptions } from './watchRun.ts';

/** Everything that shows a team's run: the dashboard (a row per member), chat on the first member, owners' commands. */
export interface TeamWatch {
  readonly dashboardUrl: string | undefined;
  readonly dashboard: Dashboard | undefined;
  /**
   * Writes where the CLI's logger writes and to the dashboard's log panel: give each member
   * `logger.child({ who: name })` so the panel says whose line it is.
   */
  readonly logger: Logger;
  /** Chat, said by the first member: the team's plan, re-assignments, losses, hand-overs and end (not every member's steps). */
  readonly reporter: ChatReporter;
  /**
   * Subscribe it to the team's events. A member's `{ event: 'bot', who, bot }` moves its row and the
   * views following it to the new bot (and chat and commands too, for the first member). A member's
   * `{ event: 'activity', who, text }` marks its row `handing over` until `{ …, text: null }`.
   */
  readonly sink: (e: TeamEvent) => void;
  /** Starts taking owners' commands (`--owner`) for `control`, read and answered by the first member only. */
  listen(control: Controllable): ChatCommands | undefined;
  close(): Promise<void>;
}

export async function startTeamWatch(ctx: { logger: Logger }, members: readonly { name: string; bot: Bot }[], opts: WatchOptions = {}): Promise<TeamWatch> {
  const first = members[0];
  if (!first) throw new Error('startTeamWatch needs at least one member');
  const dashboard = opts.view === false ? undefined : await startDashboard({
    members, log: ctx.logger, ...(opts.viewPort === undefined ? {} : { port: opts.viewPort }), ...(opts.viewHost ? { host: opts.viewHost } : {}),
    ...(opts.viewDistance === undefined ? {} : { viewDistance: opts.viewDistance }),
  });
  const logger = dashboard ? teeLogger(ctx.logger, dashboardLogStream(dashboard.publish)) : ctx.logger;
  let chat: Awaited<ReturnType<typeof startWatch>>;
  try {
    // A single bot's watch without its dashboard: chat and owners' commands on the first member, following its reconnects.
    chat = await startWatch({ logger }, first.bot, { ...opts, view: false });
  } catch (err) {
    await dashboard?.close();
    throw err;
  }
  const page = dashboard ? watchTeam(dashboard) : undefined;
  const say = chat.reporter;
  const narrate = (e: TeamEvent): void => {
    switch (e.event) {
      case 'team_plan':
        say.plan(`team plan for ${e.goal}: ${e.assignments.map((a) => `${a.who} ${a.subGoals.map((g) => `${g.count} ${g.item}`).join(', ') || 'nothing'}`).join('; ')}`);
        return;
      case 'assign': say.progress(`${e.who} gets ${e.subGoal.count} ${e.subGoal.item}`); return;
      case 'reassign': say.progress(`${e.subGoal.count} ${e.subGoal.item} moves from ${e.from} to ${e.to}: ${e.why}`); return;
      case 'call_off': say.progress(`${e.who} stops making ${e.item}: ${e.why}`); return;
      case 'assembler': say.progress(`${e.who} assembles: ${e.why}`); return;
      case 'member_lost': say.progress(`${e.who} is lost: ${e.why}`); return;
      case 'handover': {
        const lost = itemsLost(e);
        say.progress(e.ok
          ? `${e.from} gave ${e.to} ${itemsText(e.in)} (${e.method})`
          : `hand-over ${e.from} to ${e.to} failed (${e.method}): ${itemsText(e.in)} arrived${lost ? `, ${lost} lost` : ''}`);
        return;
      }
      case 'team_end': {
        const s = e.summary;
        say.final(s.success
          ? `done: ${s.goal} in ${s.wallSeconds} s by ${s.bots} bots, ${s.handovers.length} hand-overs`
          : `not done: ${s.goal} (${s.reason}${s.detail ? `: ${s.detail}` : ''}) after ${s.wallSeconds} s`);
        return;
      }
      default:
    }
  };
  const sink = (e: TeamEvent): void => {
    page?.(e);
    if (!isMemberEvent(e)) return narrate(e);
    if (e.event === 'bot') {
      dashboard?.setMemberBot(e.who, e.bot);
      if (e.who === first.name) chat.sink({ event: 'bot', bot: e.bot });
    }
  };
  return {
    dashboardUrl: dashboard?.url,
    dashboard,
    logger,
    reporter: chat.reporter,
    sink,
    listen: (control) => chat.listen(control),
    async close() {
      await chat.close();
      await dashboard?.close();
    },
  };
}

/** What `skillcraft run --bots N` needs: startTeamWatch, plus a signal an owner's `!stop` aborts. */
export interface TeamRunWatch extends Omit<TeamWatch, 'listen'> {
  /** ctx.signal, also aborted by an owner's `!stop` (said to the first member). */
  readonly signal: AbortSignal;
}

/** startTeamWatch for one fixed task: owners may `!stop`, `!status`, `!plan`, `!inventory` (the first member's) it, not start others. */
export async function startTeamRunWatch(ctx: { logger: Logger; signal: AbortSignal }, members: readonly { name: string; bot: Bot }[], opts: WatchOptions = {}): Promise<TeamRunWatch> {
  const watch = await startTeamWatch(ctx, members, opts);
  const controller = new AbortController();
  // The team as the dashboard sees it, kept here too: `--no-view` has no dashboard to ask.
  const seen = new DashboardState({ enabled: false, path: '' });
  seen.apply({ type: 'team', names: members.map((m) => m.name) });
  const track = watchTeam({ publish: (e) => seen.apply(e) });
  let over = false;
  const once = 'this is `skillcraft run`, one task only; `skillcraft agent` takes !task, !come and !follow';
  const refuse = () => Promise.resolve({ ok: false as const, message: once });
  const team = (): TeamSnapshot => seen.snapshot().team!;
  watch.listen({
    startTask: refuse, come: refuse, follow: refuse,
    stop: () => {
      if (controller.signal.aborted || over) return Promise.resolve(null);
      controller.abort(new Error('stopped by an owner in chat'));
      return Promise.resolve(`team task ${team().goal ?? ''}`.trim());
    },
    statusLine: () => teamStatusLine(team()),
    planLine: () => teamPlanLine(team()),
  });
  return {
    dashboardUrl: watch.dashboardUrl,
    dashboard: watch.dashboard,
    logger: watch.logger,
    reporter: watch.reporter,
    signal: AbortSignal.any([ctx.signal, controller.signal]),
    sink: (e) => {
      track(e);
      if (e.event === 'team_end') over = true;
      watch.sink(e);
    },
    close: () => watch.close(),
  };
}

/** `!status` for a team: each member's state and running step. */
export function teamStatusLine(t: TeamSnapshot): string {
  const who = t.members.map((m) => `${m.name} ${m.state}${m.running ? ` (step ${m.running.step}: ${m.running.text})` : ''}`);
  const head = t.end ? `${t.end.success ? 'done' : 'not done'}: ${t.end.goal}` : t.goal ? `team task ${t.goal}` : 'team: no plan yet';
  return `${head}; ${who.join('; ')}`;
}

/** `!plan` for a team: what each member works on and how many steps its plan has left. */
export function teamPlanLine(t: TeamSnapshot): string {
  if (!t.goal) return 'no plan yet';
  const who = t.members.map((m) => {
    const what = m.subGoal ? `${m.subGoal.count} ${m.subGoal.item}` : m.task && !m.end ? m.task.goal : 'nothing now';
    const left = m.steps.filter((x) => x.status === 'pending' || x.status === 'running').length;
    return `${m.name}: ${what}${left ? ` (${left} step${left === 1 ? '' : 's'} left)` : ''}`;
  });
  return `${t.goal}, assembled by ${t.assembler ?? '?'}: ${who.join('; ')}`;
}
