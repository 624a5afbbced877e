// What `skillcraft agent --bots N` obeys: the same chat commands as one bot's Session (it is a Controllable),
// for a team. A task goes through the team coordinator (src/team/coordinator.ts), one at a time; walks and
// follows move every member; !stop stops all of it, and returns only once every member's run has ended.
import type { Logger } from 'pino';
import { inventoryCounts } from '../actions/index.ts';
import type { StopLimits } from '../agent/loop.ts';
import type { Knowledge } from '../knowledge/kb.ts';
import type { GraphPlanner } from '../planner/graph/index.ts';
import type { SkillRegistry } from '../skills/define.ts';
import { runSkill } from '../skills/runner.ts';
import { describeGoal, type Goal } from '../tasks/goal/goal.ts';
import { parseTask, type ParsedTask } from '../tasks/parse.ts';
import { runTeamTask } from '../team/coordinator.ts';
import type { TeamEvents } from '../team/events.ts';
import { isMemberEvent } from '../team/format.ts';
import type { TeamEvent, TeamMember, TeamSummary } from '../team/types.ts';
import { DashboardState } from '../viewer/state.ts';
import { watchTeam } from '../viewer/teamWatch.ts';
import type { TeamSnapshot } from '../viewer/types.ts';
import { CHAT_MAX, chatLine, seconds } from './chat/text.ts';
import { follow, playerEntity } from './movement.ts';
import type { Controllable, Started } from './session.ts';
import { teamPlanLine } from './watchTeam.ts';

export interface TeamSessionOptions {
  /** The team, the first member answering in chat; the coordinator and reconnects replace a member's `bot`. */
  members: readonly TeamMember[];
  skills: SkillRegistry;
  knowledge: Knowledge;
  log: Logger;
  /** A fresh planner for one member's part of one task (a planner learns what its own bot saw). */
  planner: (member: TeamMember) => GraphPlanner;
  /** The team's events: the coordinator's and every member's; the terminal, dashboard and chat subscribe. */
  events: TeamEvents;
  /** How a walk or a follow ended, or why a task failed: one line for the owners (chat) and the terminal. */
  notify: (text: string) => void;
  /** Each team task's trace goes into a new folder in here. */
  traceRoot?: string;
  limits?: Partial<StopLimits>;
  /** Aborting it (Ctrl-C) stops whatever runs and refuses new work. */
  signal?: AbortSignal;
  /** How long stop() waits for the team to wind down (default 20 s). */
  stopTimeoutMs?: number;
}

interface Activity { kind: 'task' | 'move'; what: string; controller: AbortController; done: Promise<unknown> }

/** A running team task as `!status` and `!plan` read it: its own dashboard model, fed by the team's events. */
interface TaskView { goal: string; startedAt: number; board: DashboardState; track: (e: TeamEvent) => void }
type LastTask = Pick<TeamSummary, 'goal' | 'success' | 'reason' | 'wallSeconds' | 'bots'>;

/** Owns what the team does: one team task, or one walk or follow of every member, at a time. */
export class TeamSession implements Controllable {
  private current: Activity | undefined;
  /** Starts and stops run one at a time, in the order they were asked for. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private task: TaskView | undefined;
  /** Each member's part of the running walk or follow (`walking to Alice`, then how it ended). */
  private readonly moves = new Map<string, string>();
  /** Members whose run has started and not ended: a task is over only when this is empty. */
  private readonly open = new Set<string>();
  private readonly whenNoneOpen = new Set<() => void>();
  private readonly off: () => void;
  /** How the last team task ended (the status line, tests). */
  last: LastTask | undefined;

  constructor(private readonly opts: TeamSessionOptions) {
    if (opts.members.length === 0) throw new Error('a team session needs at least one member');
    this.off = opts.events.on((e) => this.onEvent(e));
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  /** A team task runs (its members reconnect by themselves; a walk or a follow does not). */
  get taskRunning(): boolean {
    return this.current?.kind === 'task';
  }

  startTask(text: string): Promise<Started> {
    let parsed: ParsedTask;
    try {
      parsed = parseTask(this.opts.knowledge, text);
    } catch (err) {
      return Promise.resolve({ ok: false, message: err instanceof Error ? err.message : String(err) });
    }
    if (parsed.needsChatModel) {
      return Promise.resolve({ ok: false, message: `"${text}" needs a chat model; the offline planner reads goals such as "wooden pickaxe" or "3 iron ingots"` });
    }
    const goal = describeGoal(parsed.goal);
    return this.begin('task', `team task ${goal}`, (signal) => this.runTeam(text, parsed.goal, signal), goal);
  }

  startBuild(): Promise<Started> { return Promise.resolve({ ok: false, message: 'a team does not build yet: !build needs one bot (skillcraft agent without --bots)' }); }

  come(username: string): Promise<Started> {
    const goTo = this.opts.skills.get('goTo');
    if (!goTo) return Promise.resolve({ ok: false, message: 'the goTo skill is not loaded' });
    return this.moveAll(username, `walking to ${username}`, 'walking', async (m, i, signal) => {
      // Each a step further out than the one before, so they do not push one another at the owner's feet.
      const outcome = await runSkill(goTo, { entity: username, range: 2 + i }, { bot: m.bot, log: this.opts.log.child({ who: m.name }), knowledge: this.opts.knowledge, signal });
      return outcome.ok ? `here, ${username}` : `can't reach you: ${outcome.message}`;
    });
  }

  follow(username: string): Promise<Started> {
    return this.moveAll(username, `following ${username}`, 'following', (m, i, signal) => {
      const entity = playerEntity(m.bot, username);
      return entity ? follow(m.bot, entity, signal, { name: username, range: 2 + i }) : Promise.resolve(`can't see you, ${username}`);
    });
  }

  stop(): Promise<string | null> {
    return this.exclusive(() => this.halt());
  }

  statusLine(): string {
    const c = this.current;
    if (c?.kind === 'task' && this.task) return taskStatusLine(this.task.goal, Date.now() - this.task.startedAt, teamOf(this.task.board));
    if (c?.kind === 'move') return `${c.what}: ${this.opts.members.map((m) => `${m.name} ${this.moves.get(m.name) ?? 'idle'}`).join('; ')}`;
    return idleLine(this.opts.members.map((m) => m.name), this.last);
  }

  planLine(): string {
    if (this.current?.kind !== 'task' || !this.task) return 'no task, no plan';
    return teamPlanLine(teamOf(this.task.board));
  }

  /** Each member's inventory, the first member's first. */
  inventoryLine(): string {
    return teamInventoryLine(this.opts.members.map((m) => ({ name: m.name, items: inventoryCounts(m.bot) })));
  }

  /** Stops what runs and refuses new work. */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
    this.off();
  }

  private onEvent(e: TeamEvent): void {
    this.task?.track(e);
    if (e.event === 'team_end') this.last = e.summary;
    if (!isMemberEvent(e)) return;
    if (e.event === 'task') this.open.add(e.who);
    if (e.event === 'resilient_end') {
      this.open.delete(e.who);
      if (this.open.size === 0) for (const done of [...this.whenNoneOpen]) done();
    }
  }

  /** Every member that sees `username` does `work` (in parallel); the owners hear how it went once all are done. */
  private moveAll(username: string, what: string, doing: string, work: (m: TeamMember, i: number, signal: AbortSignal) => Promise<string>): Promise<Started> {
    const seeing = this.opts.members.filter((m) => playerEntity(m.bot, username));
    if (seeing.length === 0) return Promise.resolve({ ok: false, message: `none of us can see you, ${username}` });
    return this.begin('move', what, async (signal) => {
      this.moves.clear();
      for (const m of this.opts.members) this.moves.set(m.name, seeing.includes(m) ? doing : `can't see ${username}`);
      const ends = await Promise.all(seeing.map(async (m, i) => {
        const text = await work(m, i, signal).catch((err: unknown) => `failed: ${err instanceof Error ? err.message : String(err)}`);
        this.moves.set(m.name, text);
        this.opts.events.emit({ event: 'notice', who: m.name, text });
        return { who: m.name, text };
      }));
      if (!signal.aborted) this.opts.notify(movesLine(ends));
    });
  }

  private async runTeam(text: string, goal: Goal, signal: AbortSignal): Promise<void> {
    const { opts } = this;
    const board = new DashboardState({ enabled: false, path: '' });
    board.apply({ type: 'team', names: opts.members.map((m) => m.name) });
    const view = { goal: describeGoal(goal), startedAt: Date.now(), board, track: watchTeam({ publish: (e) => board.apply(e) }) };
    this.task = view;
    // One planner per member for this task: the split is estimated with the planner that member then runs.
    const planners = new Map<string, GraphPlanner>();
    const graph = (m: TeamMember): GraphPlanner => planners.get(m.name) ?? planners.set(m.name, opts.planner(m)).get(m.name)!;
    try {
      // The goal ends in the hands of the member that answers the owners: the one they deal with.
      await runTeamTask([...opts.members], goal, {
        skills: opts.skills, knowledge: opts.knowledge, planner: graph, graph, events: opts.events, text, signal, assembler: opts.members[0]!.name,
        log: opts.log.child({ component: 'team' }), ...(opts.traceRoot ? { traceRoot: opts.traceRoot } : {}), ...(opts.limits ? { limits: opts.limits } : {}),
      });
    } catch (err) {
      // A stop may end the coordinator by its abort, with no team_end: !status still tells how the task ended.
      if (signal.aborted) this.last = { goal: view.goal, success: false, reason: 'stopped', wallSeconds: Math.round((Date.now() - view.startedAt) / 100) / 10, bots: opts.members.length };
      throw err;
    } finally {
      // The coordinator may give up on a stop before a helper's run has wound down: the task is over when every run is.
      if (!(await this.runsEnded(opts.stopTimeoutMs ?? STOP_MS))) opts.log.warn({ open: [...this.open] }, 'a member\'s run did not end in time');
    }
  }

  /** True once no member's run is open, false after `timeoutMs`; no signal: a stop (Ctrl-C too) waits for it. */
  private runsEnded(timeoutMs: number): Promise<boolean> {
    if (this.open.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const end = (ok: boolean): void => { clearTimeout(timer); this.whenNoneOpen.delete(onNone); resolve(ok); };
      const onNone = (): void => end(true);
      const timer = setTimeout(() => end(false), timeoutMs);
      this.whenNoneOpen.add(onNone);
    });
  }

  private begin(kind: Activity['kind'], what: string, work: (signal: AbortSignal) => Promise<unknown>, text = what): Promise<Started> {
    return this.exclusive(async () => {
      if (this.closed || this.opts.signal?.aborted) return { ok: false, message: 'shutting down' } satisfies Started;
      // One team task at a time: a task is never dropped for another (a hand-over cut short loses items); !stop it first.
      if (this.current?.kind === 'task') return { ok: false, message: `busy with ${this.current.what}; !stop it first` } satisfies Started;
      await this.halt();
      const controller = new AbortController();
      const parent = this.opts.signal;
      const onParent = () => controller.abort(parent?.reason);
      parent?.addEventListener('abort', onParent, { once: true });
      const log = this.opts.log.child({ component: 'session' });
      log.info({ what }, 'starting');
      const activity: Activity = { kind, what, controller, done: Promise.resolve() };
      activity.done = work(controller.signal)
        .catch((err: unknown) => {
          // A stopped team task may end by throwing the stop: that is the stop's reply, not a failure.
          if (controller.signal.aborted) return log.info({ err, what }, 'ended by a stop');
          log.error({ err, what }, 'failed');
          this.opts.notify(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
        })
        .finally(() => {
          parent?.removeEventListener('abort', onParent);
          if (this.current === activity) this.current = undefined;
          if (kind === 'task') this.task = undefined;
        });
      this.current = activity;
      return { ok: true, text } satisfies Started;
    });
  }

  private async halt(): Promise<string | null> {
    const running = this.current;
    if (!running) return null;
    running.controller.abort(new Error('stopped'));
    try {
      // The task's own wait for every run to end is bounded by the same time: allow both.
      await withTimeout(running.done, 2 * (this.opts.stopTimeoutMs ?? STOP_MS), `${running.what} to stop`);
    } catch (err) {
      // It will still end on its own; the session moves on rather than hang a chat command.
      this.opts.log.warn({ err, what: running.what }, 'did not stop in time');
    }
    if (this.current === running) this.current = undefined;
    return running.what;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn);
    this.queue = next.catch(() => undefined); // the caller gets the error; the queue goes on
    return next;
  }
}

const STOP_MS = 20_000;

const teamOf = (board: DashboardState): TeamSnapshot => board.snapshot().team!;

/** `!status` during a team task: the goal, how long it has run, each member's share and skill (only the skill when that is too long for chat). */
export function taskStatusLine(goal: string, elapsedMs: number, t: TeamSnapshot): string {
  const doing = (m: TeamSnapshot['members'][number]) => (m.running ? m.running.skill : m.state);
  const head = `team task ${goal} (${seconds(elapsedMs)}${t.goal ? '' : ', splitting'}): `;
  const full = head + t.members.map((m) => `${m.name}${m.subGoal ? ` (${m.subGoal.count} ${m.subGoal.item})` : ''} ${m.running ? `step ${m.running.step} ` : ''}${doing(m)}`).join('; ');
  return full.length <= CHAT_MAX ? full : head + t.members.map((m) => `${m.name} ${doing(m)}`).join('; ');
}

/** `!status` with nothing running: the members, and how the last team task ended. */
export function idleLine(names: readonly string[], last: LastTask | undefined): string {
  const head = `idle: ${names.join(', ')}`;
  if (!last) return head;
  const how = last.success ? 'done' : `not done (${last.reason})`;
  return `${head}; last team task ${last.goal}: ${how} in ${last.wallSeconds} s by ${last.bots} bots`;
}

/** `inventory: skillcraft1: 2 oak_log; skillcraft2: empty`. */
export function teamInventoryLine(members: readonly { name: string; items: ReadonlyMap<string, number> }[]): string {
  const parts = members.map((m) => {
    const items = [...m.items].filter(([, n]) => n > 0).sort(([, a], [, b]) => b - a);
    return `${m.name}: ${items.length ? items.map(([name, n]) => `${n} ${name}`).join(', ') : 'empty'}`;
  });
  return chatLine(`inventory: ${parts.join('; ')}`);
}

/** How every member's walk or follow ended: one text when all agree, else a part per member. */
export function movesLine(ends: readonly { who: string; text: string }[]): string {
  const texts = new Set(ends.map((e) => e.text));
  if (texts.size === 1) return [...texts][0]!;
  return ends.map((e) => `${e.who}: ${e.text}`).join('; ');
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
