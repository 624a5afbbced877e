import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import { runBuild, type BuildSpec } from '../agent/build.ts';
import { buildHeadline, buildSite, builtLine, readBuildable } from '../agent/buildJob.ts';
import { RunEvents } from '../agent/events.ts';
import { buildLine } from '../agent/format.ts';
import { itemForCell, SkillError } from '../actions/index.ts';
import type { Structure } from '../build/types.ts';
import { SeenMemory } from '../bot/seen.ts';
import type { RunSummary, StopLimits } from '../agent/loop.ts';
import { runTask, type TaskWorld } from '../agent/run.ts';
import type { Knowledge } from '../knowledge/kb.ts';
import type { Planner } from '../planner/types.ts';
import type { SkillRegistry } from '../skills/define.ts';
import { runSkill } from '../skills/runner.ts';
import { describeGoal, type Goal } from '../tasks/goal/goal.ts';
import { parseTask, type ParsedTask } from '../tasks/parse.ts';
import { findSchematic } from './chat/schematics.ts';
import { shortDecision, seconds } from './chat/text.ts';
import { follow, playerEntity } from './movement.ts';
import { RunTracker, trackerSink } from './tracker.ts';

export interface SessionOptions {
  /** The bot, and how to connect again: a task survives a server restart (src/agent/run.ts). */
  world: TaskWorld;
  skills: SkillRegistry;
  knowledge: Knowledge;
  log: Logger;
  /** A fresh planner for each task. */
  planner: (goal: Goal) => Planner;
  /** Each task's trace goes into a new folder in here. */
  traceRoot?: string;
  limits?: Partial<StopLimits>;
  /** Aborting it (Ctrl-C) stops whatever runs and refuses new work. */
  signal?: AbortSignal;
  /** Reads a goal (default: the offline parser). */
  parse?: (text: string) => ParsedTask;
  /** Whether free-text goals are accepted (a chat-model planner reads them). Default false. */
  chatModel?: boolean;
  /** What the session's tasks and moves do, for the terminal, the dashboard and chat (src/agent/events.ts). */
  events?: RunEvents;
  /** How long stop() waits for the running work to wind down (default 10 s). */
  stopTimeoutMs?: number;
  /** What `!build <name>` needs; without it `!build` is refused. */
  build?: SessionBuild;
}

export interface SessionBuild {
  /** The structure files `!build` names (src/control/chat/schematics.ts). */
  folder: string;
  /** A registry with buildStructure in it (BUILD_SKILLS). */
  skills: SkillRegistry;
  /** A fresh planner for each round of gathering a build's materials. */
  planner: () => Planner;
}

export type Started = { ok: true; text: string } | { ok: false; message: string };

/** What chat commands drive: the session, or a single run that allows only !stop. */
export interface Controllable {
  startTask(text: string): Promise<Started>;
  /** `!build <name>` (absent where only one fixed job runs); no name answers with the names on offer. */
  startBuild?(name: string): Promise<Started>;
  come(username: string): Promise<Started>;
  follow(username: string): Promise<Started>;
  /** Stops whatever runs; resolves with what was stopped, or null when idle. */
  stop(): Promise<string | null>;
  statusLine(): string;
  planLine(): string;
  /** `!inventory`'s reply when it is more than the listening bot's own (a team: every member's). */
  inventoryLine?(): string;
}

interface Activity {
  kind: 'task' | 'move' | 'build';
  what: string;
  controller: AbortController;
  done: Promise<unknown>;
}

/** Owns what the bot does: one task, walk or follow at a time, each with its own AbortController. */
export class Session implements Controllable {
  readonly tracker = new RunTracker();
  /** What the bot has seen over every task of this session: the planner learns the world from it. */
  private readonly seen = new SeenMemory();
  /** Everything the session does; the caller's terminal, dashboard and chat subscribe. */
  readonly events: RunEvents;
  private current: Activity | undefined;
  /** Starts and stops run one at a time, in the order they were asked for. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** The last task's summary (tests, the CLI's exit code). */
  lastSummary: RunSummary | undefined;
  /** The running build's count from its last survey (`12 / 40 placed, wrong: 0`). */
  private building: string | undefined;
  /** How the last build ended, while no task has run since (`!status` when idle). */
  private lastBuild: string | undefined;

  constructor(private readonly opts: SessionOptions) {
    this.events = opts.events ?? new RunEvents(opts.log);
    this.events.on(trackerSink(this.tracker));
    this.events.on((e) => {
      if (e.event === 'resilient_end') this.lastSummary = e.summary;
      else if (e.event === 'build') this.building = buildLine(e);
    });
  }

  /** The bot now (a new one after a reconnect). */
  get bot(): Bot {
    return this.opts.world.bot;
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  startTask(text: string): Promise<Started> {
    let parsed: ParsedTask;
    try {
      parsed = (this.opts.parse ?? ((t: string) => parseTask(this.opts.knowledge, t)))(text);
    } catch (err) {
      return Promise.resolve({ ok: false, message: err instanceof Error ? err.message : String(err) });
    }
    if (parsed.needsChatModel && !this.opts.chatModel) {
      return Promise.resolve({ ok: false, message: `"${text}" needs a chat model; the offline planner reads goals such as "wooden pickaxe" or "3 iron ingots"` });
    }
    const goal = describeGoal(parsed.goal);
    return this.begin('task', `task ${goal}`, (signal) => this.runTask(text, parsed.goal, signal), goal);
  }

  /** Looks the name up, reads the file and refuses it (one line) before anything is placed; else builds it near the bot. */
  async startBuild(name: string): Promise<Started> {
    const b = this.opts.build;
    if (!b) return { ok: false, message: 'this bot has no schematics folder to build from' };
    const found = await findSchematic(b.folder, name);
    if (!found.ok) return found;
    let structure: Structure;
    try {
      structure = await readBuildable(found.file, 0, this.opts.knowledge);
    } catch (err) {
      if (err instanceof SkillError && err.code === 'BAD_ARGS') return { ok: false, message: err.message };
      throw err;
    }
    const spec: BuildSpec = { file: found.file, rotate: 0, structure, origin: buildSite(this.bot, structure) };
    return this.begin('build', `building ${structure.name}`, (signal) => this.runBuild(spec, b, signal), `building ${buildHeadline(structure, spec.origin)}`);
  }

  come(username: string): Promise<Started> {
    const goTo = this.opts.skills.get('goTo');
    if (!goTo) return Promise.resolve({ ok: false, message: 'the goTo skill is not loaded' });
    if (!playerEntity(this.bot, username)) return Promise.resolve({ ok: false, message: `I can't see you, ${username}` });
    return this.begin('move', `walking to ${username}`, async (signal) => {
      const { log, knowledge } = this.opts;
      const outcome = await runSkill(goTo, { entity: username, range: 2 }, { bot: this.bot, log: log.child({ component: 'session' }), knowledge, signal });
      if (outcome.ok) this.notice(`here, ${username}`);
      else if (!signal.aborted) this.notice(`can't reach you: ${outcome.message}`);
    });
  }

  follow(username: string): Promise<Started> {
    const entity = playerEntity(this.bot, username);
    if (!entity) return Promise.resolve({ ok: false, message: `I can't see you, ${username}` });
    return this.begin('move', `following ${username}`, async (signal) => {
      const why = await follow(this.bot, entity, signal, { name: username });
      if (!signal.aborted) this.notice(why);
    });
  }

  stop(): Promise<string | null> {
    return this.exclusive(() => this.halt());
  }

  statusLine(): string {
    const c = this.current;
    if (c?.kind === 'build') return `${c.what}: ${this.building ?? 'surveying the site'}${this.gatheringLine()}`;
    if (c && !this.tracker.current) return c.what;
    if (!c && this.lastBuild) return `idle; last ${this.lastBuild}`;
    return this.tracker.statusLine();
  }

  /** The gathering step a build is on, if any (`; gathering: step 2: mineBlock oak_log 3 for 4.1 s`). */
  private gatheringLine(): string {
    const running = this.tracker.current?.running;
    return running ? `; gathering: step ${running.step}: ${shortDecision(running.decision)} for ${seconds(Date.now() - running.startedAt)}` : '';
  }

  planLine(): string {
    return this.tracker.planLine();
  }

  /** Resolves when nothing runs any more (bounded by `timeoutMs`). */
  async idle(timeoutMs = 600_000): Promise<void> {
    await this.queue;
    const running = this.current?.done;
    if (running) await withTimeout(running, timeoutMs, 'the session to become idle');
  }

  /** Stops what runs and refuses new work. */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private begin(kind: Activity['kind'], what: string, work: (signal: AbortSignal) => Promise<unknown>, text = what): Promise<Started> {
    return this.exclusive(async () => {
      if (this.closed || this.opts.signal?.aborted) return { ok: false, message: 'shutting down' } satisfies Started;
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
          log.error({ err, what }, 'failed');
          this.notice(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
        })
        .finally(() => {
          parent?.removeEventListener('abort', onParent);
          if (this.current === activity) {
            this.current = undefined;
            if (kind !== 'task') this.events.emit({ event: 'activity', text: null });
          }
        });
      this.current = activity;
      if (kind !== 'task') this.events.emit({ event: 'activity', text: what });
      return { ok: true, text } satisfies Started;
    });
  }

  private async halt(): Promise<string | null> {
    const running = this.current;
    if (!running) return null;
    running.controller.abort(new Error('stopped'));
    try {
      await withTimeout(running.done, this.opts.stopTimeoutMs ?? 10_000, `${running.what} to stop`);
    } catch (err) {
      // It will still end on its own; the session moves on rather than hang a chat command.
      this.opts.log.warn({ err, what: running.what }, 'did not stop in time');
    }
    if (this.current === running) this.current = undefined;
    return running.what;
  }

  private async runTask(text: string, goal: Goal, signal: AbortSignal): Promise<void> {
    const { world, skills, knowledge } = this.opts;
    this.lastBuild = undefined;
    await runTask(world, goal, {
      seen: this.seen,
      planner: this.opts.planner(goal), skills, knowledge, log: this.opts.log.child({ component: 'agent' }), signal, text, events: this.events,
      ...(this.opts.traceRoot ? { traceRoot: this.opts.traceRoot } : {}), ...(this.opts.limits ? { limits: this.opts.limits } : {}),
    });
  }

  /** One build as the session's activity: its events go where the tasks' go; the last line is said in chat. */
  private async runBuild(spec: BuildSpec, b: SessionBuild, signal: AbortSignal): Promise<void> {
    const { knowledge, world } = this.opts;
    const { name } = spec.structure;
    this.building = undefined;
    try {
      const summary = await runBuild(world, spec, {
        skills: b.skills, knowledge, planner: b.planner, log: this.opts.log.child({ component: 'agent' }), signal, itemFor: itemForCell(knowledge), events: this.events,
        ...(this.opts.traceRoot ? { traceRoot: this.opts.traceRoot } : {}), ...(this.opts.limits ? { limits: this.opts.limits } : {}),
      });
      this.lastBuild = builtLine(name, summary);
      this.notice(this.lastBuild);
    } finally {
      // The build's own `task` event has no end of its own: !status and !plan must not show it once it is over.
      if (this.tracker.current?.goal === `build ${name}`) this.tracker.current = null;
    }
  }

  private notice(text: string): void {
    this.events.emit({ event: 'notice', text });
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn);
    this.queue = next.catch(() => undefined); // the caller gets the error; the queue goes on
    return next;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
