// Building a structure from an empty inventory: what is still missing in the world becomes a bill of
// materials, gathered through the same runTask as any goal (the graph planner plans every item from
// what the bot holds), then the buildStructure skill places it. A build that is cut short (items lost
// to a creeper, a block that would not take its state) goes round again, for what is still missing; one
// cut short by a lost connection (a server restart) or a death carries on from the world as it is then,
// so no block is placed twice.
import type { Logger } from 'pino';
import { Vec3 } from 'vec3';
import { placedWithAnother } from '../actions/build/rules.ts';
import { inventoryCounts, surveyWorld } from '../actions/index.ts';
import { waitUntil } from '../base/wait.ts';
import type { Rotation } from '../build/rotate.ts';
import { runSkill } from '../skills/runner.ts';
import { buildView, itemsToPlace, progressLine, type Cell, type Survey } from '../build/survey.ts';
import type { Structure } from '../build/types.ts';
import type { Knowledge } from '../knowledge/kb.ts';
import type { SkillReport } from '../skills/types.ts';
import type { Planner } from '../planner/types.ts';
import type { SkillRegistry } from '../skills/define.ts';
import { RunEvents } from './events.ts';
import type { StopLimits } from './loop.ts';
import { afterInterruption, MAX_INTERRUPTIONS } from './buildResume.ts';
import { BotWatch } from './resilience/connection.ts';
import { runTask, traceSink, type TaskWorld } from './run.ts';
import { TraceWriter } from './trace.ts';

export interface BuildRunOptions {
  skills: SkillRegistry;
  knowledge: Knowledge;
  planner: () => Planner;
  log: Logger;
  signal: AbortSignal;
  /** The item each block is placed from (src/build/bom.ts). */
  itemFor: (cell: Cell) => string | undefined;
  /** Where the progress (`build` events) and every block placed (`placed`) go, with the gathering's own events. */
  events?: RunEvents;
  /** One trace for the whole build (gathering, every block placed, the summary) goes into a new folder in here. */
  traceRoot?: string;
  limits?: Partial<StopLimits>;
  /** Every survey's line ("12 / 40 placed, wrong: 0"). */
  onProgress?: (line: string, s: Survey) => void;
  /** Gather-and-place rounds before giving up (a lost connection or a death does not use one up). */
  rounds?: number;
}

export interface BuildRunSummary {
  success: boolean;
  progress: string;
  /** Why it stopped short, when it did. */
  detail?: string;
  rounds: number;
  /** Blocks placed by this run, and of them the cells placed more than once (a block of its own that went again). */
  placed: number;
  placedTwice: number;
  /** Connections lost (and found again) and deaths along the way. */
  interruptions: number;
  gameSeconds: number;
  gatherSteps: number;
  /** The build's trace folder, when one was written. */
  traceDir?: string;
}

/** Blocks a walk up a tall structure stands on: dug out again at the end (buildStructure). */
const SCAFFOLD = { item: 'dirt', count: 16 };
/** Taller than this, the builder cannot reach the top from the ground. */
const REACHABLE_HEIGHT = 4;

/** What still has to be placed, as items, plus the scaffolding a tall structure needs. */
export function stillNeeded(structure: Structure, s: Survey, itemFor: (cell: Cell) => string | undefined, height = structure.size.y): Record<string, number> {
  const { counts } = itemsToPlace(s, itemFor, (c) => placedWithAnother(c.block.name, c.block.props));
  if (Object.keys(counts).length > 0 && height > REACHABLE_HEIGHT) counts[SCAFFOLD.item] = (counts[SCAFFOLD.item] ?? 0) + SCAFFOLD.count;
  return counts;
}

/** What to build where: the file the buildStructure skill reads, and the structure as read and turned. */
export interface BuildSpec {
  file: string;
  rotate: Rotation;
  structure: Structure;
  origin: Vec3;
}

/** How often the world is surveyed for the progress line while the skill places blocks. */
const PROGRESS_MS = 2000;
/** How long the structure's chunks may take to arrive (after a reconnect) before the build says so. */
const LOAD_MS = 20_000;

export async function runBuild(world: TaskWorld, spec: BuildSpec, opts: BuildRunOptions): Promise<BuildRunSummary> {
  if (!opts.skills.get('buildStructure')) throw new Error('the skill registry lacks buildStructure (BUILD_SKILLS)');
  const events = opts.events ?? new RunEvents(opts.log);
  const trace = opts.traceRoot === undefined ? undefined : new TraceWriter(opts.traceRoot);
  const off = trace ? events.on(traceSink(trace)) : undefined;
  try {
    events.emit({ event: 'task', text: `build ${spec.file}`, goal: `build ${spec.structure.name}` });
    const summary = await build(world, spec, { ...opts, events }, trace?.dir);
    trace?.write({ event: 'build_end', summary });
    trace?.summary(summary as unknown as Record<string, unknown>);
    return summary;
  } finally {
    off?.();
    trace?.close();
  }
}

async function build(world: TaskWorld, spec: BuildSpec, opts: BuildRunOptions & { events: RunEvents }, traceDir: string | undefined): Promise<BuildRunSummary> {
  const { structure, origin } = spec;
  const skill = opts.skills.get('buildStructure')!;
  const log = opts.log.child({ component: 'build' });
  // The game clock of each connection in turn: a restarted server counts its time from zero again.
  let clockBot = world.bot;
  let startAge = Number(clockBot.time.age);
  let gameSpent = 0;
  const rounds = opts.rounds ?? 3;
  const placements = new Map<string, number>();
  let gatherSteps = 0;
  let interruptions = 0;
  let detail: string | undefined;
  let lastLine = '';
  const ctx = () => ({ bot: world.bot, log, signal: opts.signal, knowledge: opts.knowledge });
  const survey = () => surveyWorld(ctx(), structure, origin);
  const progress = (s: Survey) => {
    clockNow();
    const line = progressLine(s);
    // The dashboard's ghost follows every survey; the terminal's line only when it changes.
    opts.events.emit({ event: 'build', ...buildView(structure, origin, s) });
    if (line !== lastLine) opts.onProgress?.(line, s);
    lastLine = line;
  };
  // Each cell placed, counted once the block is seen there; a click the connection was lost after is
  // counted when the world shows the block after the reconnect (the server had it).
  const clicked = new Map<string, { x: number; y: number; z: number; block: string }>();
  const count = (r: { x: number; y: number; z: number; block: string }) => {
    const k = `${r.x},${r.y},${r.z}`;
    clicked.delete(k);
    placements.set(k, (placements.get(k) ?? 0) + 1);
    opts.events.emit({ event: 'placed', x: r.x, y: r.y, z: r.z, block: r.block });
  };
  const report = (r: SkillReport) => {
    if (r.kind === 'placing') {
      clicked.set(`${r.x},${r.y},${r.z}`, r);
      return;
    }
    count(r);
    progress(survey());
  };
  const settleClicks = (s: Survey) => {
    const right = new Set(s.correct.map((c) => `${c.x},${c.y},${c.z}`));
    for (const [k, r] of clicked) if (right.has(k)) count(r);
    clicked.clear();
  };
  let round = 0;
  while (round < rounds) {
    round++;
    const before = await loaded();
    progress(before);
    if (before.unknown.length > 0) return summary(false, before, round - 1, `${before.unknown.length} of the structure's cells did not load within ${LOAD_MS / 1000} s`);
    const need = stillNeeded(structure, before, opts.itemFor);
    if (Object.keys(need).length === 0 && before.wrong.length === 0 && before.missing.length === 0) return summary(true, before, round - 1);
    const held = inventoryCounts(world.bot);
    if (Object.entries(need).some(([item, n]) => (held.get(item) ?? 0) < n)) {
      const { summary: gathered } = await runTask(world, { kind: 'items', counts: need, label: `the materials of ${structure.name}` }, {
        planner: opts.planner(), skills: opts.skills, knowledge: opts.knowledge, log: opts.log, signal: opts.signal, text: `gather for ${structure.name}`,
        events: opts.events, ...(opts.limits ? { limits: opts.limits } : {}),
      });
      gatherSteps += gathered.steps;
      if (!gathered.success) return summary(false, survey(), round, `gathering the materials stopped: ${gathered.reason}${gathered.detail ? ` (${gathered.detail})` : ''}`);
    }
    // The progress follows the world, not the skill: surveyed every few seconds while it places.
    const timer = setInterval(() => progress(survey()), PROGRESS_MS);
    const watch = new BotWatch(world.bot, opts.signal, log);
    try {
      const outcome = await runSkill(skill, { file: spec.file, x: origin.x, y: origin.y, z: origin.z, rotate: spec.rotate }, { ...ctx(), signal: watch.signal, report });
      if (outcome.ok) return summary(true, survey(), round);
      if (opts.signal.aborted) return summary(false, survey(), round, 'stopped');
      const cut = watch.interruption;
      if (cut) {
        const resumed = await afterInterruption(world, cut, opts.signal, log, opts.events);
        if (!resumed.ok) return summary(false, survey(), round, resumed.why);
        settleClicks(await loaded());
        if (++interruptions > MAX_INTERRUPTIONS) return summary(false, survey(), round, `interrupted ${interruptions} times`);
        round--;
        continue;
      }
      detail = `${outcome.code}: ${outcome.message}`;
      if (outcome.code === 'BAD_ARGS') break;
      log.info({ round, err: outcome.message }, 'build round ended short; gathering what is missing');
    } finally {
      clearInterval(timer);
      watch.dispose();
    }
  }
  return summary(false, survey(), round, detail);

  /** Game ticks so far, over every connection (an old bot keeps the clock it last heard). */
  function clockNow(): number {
    if (world.bot !== clockBot) {
      gameSpent += Math.max(0, Number(clockBot.time.age) - startAge);
      clockBot = world.bot;
      startAge = Number(clockBot.time.age);
    }
    return gameSpent + Math.max(0, Number(clockBot.time.age) - startAge);
  }

  /** The survey once the structure's chunks are there (at once, unless the bot has just (re)joined). */
  async function loaded(): Promise<Survey> {
    await waitUntil(() => survey().unknown.length === 0, { signal: opts.signal, timeoutMs: LOAD_MS, what: "the structure's chunks", everyMs: 250 }).catch(() => undefined);
    return survey();
  }

  function summary(success: boolean, s: Survey, round: number, why?: string): BuildRunSummary {
    progress(s);
    return {
      success: success && s.missing.length === 0 && s.wrong.length === 0 && s.unknown.length === 0, progress: progressLine(s), ...(why ? { detail: why } : {}),
      rounds: round, placed: [...placements.values()].reduce((a, b) => a + b, 0), placedTwice: [...placements.values()].filter((n) => n > 1).length,
      interruptions, gameSeconds: Math.round(clockNow() / 2) / 10, gatherSteps, ...(traceDir ? { traceDir } : {}),
    };
  }
}
