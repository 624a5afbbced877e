// `npm run bench -- soak [--minutes N] [--tasks "a,b"] [--seed-list forest:1,plains:7]`: loops whole tasks for N minutes,
// a fresh sandbox per task in this one process so that anything a run leaks shows in the figures:
// successes, crashes (an exception that escaped a run; target 0) and RSS at the start and the end
// (target: less than 10 % growth).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createSkillRegistry } from '../../skills/index.ts';
import { runTask } from '../agent/run.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import { openWorld } from '../world/open.ts';
import { benchConnection } from './worldTask.ts';
import { drawWorlds, formatWorldList, parseWorldList, worldName, type World } from './worlds.ts';
import { parseTask } from '../tasks/parse.ts';
import type { BenchDeps } from './index.ts';
import { formatTable, median } from './table.ts';

export const SOAK_TASKS = ['wooden pickaxe', 'stone pickaxe', '3 cobblestone', 'place a crafting table'];
const MAX_GROWTH = 0.1;
/** Marks the child process the benchmark re-runs itself in, with --expose-gc. */
const IN_PROCESS = '--in-process';
const BIN = fileURLToPath(new URL('../../bin/skillcraft.js', import.meta.url));
const MB = 1024 * 1024;

export interface SoakArgs {
  minutes: number;
  tasks: string[];
  /** Given worlds to take in turn (--seed-list); empty: a world drawn at random for every task. */
  worlds: World[];
}

export function parseSoakArgs(args: string[]): SoakArgs {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args[i + 1];
  };
  const minutesText = value('--minutes') ?? '30';
  const minutes = Number(minutesText);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error(`--minutes must be a positive number (got "${minutesText}")`);
  const tasks = (value('--tasks') ?? SOAK_TASKS.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const list = value('--seed-list');
  if (tasks.length === 0) throw new Error('--tasks needs at least one task');
  return { minutes, tasks, worlds: list === undefined ? [] : parseWorldList(list) };
}

export interface Memory { rss: number; heap: number }

/** RSS and heap in bytes, after a full collection when the process runs with --expose-gc. */
function memory(): Memory {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

const mb = (n: number) => (n / MB).toFixed(0);

export async function benchSoak(args: string[], deps: BenchDeps): Promise<number> {
  const o = parseSoakArgs(args);
  // RSS without a full collection first mostly shows how lazily V8 returns memory; a child process
  // started with --expose-gc measures what is really kept.
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function' && !args.includes(IN_PROCESS)) return soakInChild(args, deps.log.level);
  return soak(o, deps);
}

async function soakInChild(args: string[], logLevel: string): Promise<number> {
  const child = spawn(process.execPath, ['--expose-gc', BIN, '--log-level', logLevel, 'bench', 'soak', ...args, IN_PROCESS], { stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  return code ?? 1;
}

async function soak(o: SoakArgs, { out, log }: BenchDeps): Promise<number> {
  const skills = createSkillRegistry();
  const kb = createKnowledge('1.20.1');
  const deadline = Date.now() + o.minutes * 60_000;
  const gc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  out(`soak: ${o.tasks.join(', ')} in ${o.worlds.length ? `the worlds ${formatWorldList(o.worlds)}` : 'a world drawn at random for each task'} for ${o.minutes} min; RSS ${gc ? 'after a forced GC' : 'without a forced GC (run node with --expose-gc for one)'}`);
  const rows: string[][] = [];
  let runs = 0;
  let successes = 0;
  let crashes = 0;
  let first: Memory | undefined;
  const samples: Memory[] = [];
  let last: Memory = memory();
  for (let i = 0; Date.now() < deadline; i++) {
    const task = o.tasks[i % o.tasks.length]!;
    const world = o.worlds.length ? o.worlds[i % o.worlds.length]! : drawWorlds(1)[0]!;
    const seed = worldName(world);
    const started = performance.now();
    let line: string;
    try {
      const s = await oneTask(task, world, skills, kb, log);
      if (s.success) successes++;
      line = `${s.success ? 'done' : `NOT done (${s.reason}${s.detail ? `: ${s.detail}` : ''})`} in ${s.steps} steps, ${s.wallSeconds} s`;
    } catch (err) {
      // A crash is the figure this benchmark exists for: counted and shown, and the loop goes on.
      crashes++;
      line = `CRASH: ${err instanceof Error ? err.message : String(err)}`;
      log.error({ err, task, seed }, 'soak task crashed');
    }
    runs++;
    last = memory();
    first ??= last;
    samples.push(last);
    out(`#${runs} ${task}, ${seed}: ${line}; rss ${mb(last.rss)} MB, heap ${mb(last.heap)} MB (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    rows.push([String(runs), task, seed, line.split(' in ')[0]!, mb(last.rss), mb(last.heap)]);
  }
  const pct = (g: number) => `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)} %`;
  out(formatTable(['#', 'task', 'world', 'outcome', 'rss MB', 'heap MB'], rows));
  out(`success ${successes}/${runs}; crashes ${crashes} (target 0)`);
  if (first) out(`RSS after the first task ${mb(first.rss)} MB, at the end ${mb(last.rss)} MB (one sample each; heap ${mb(first.heap)} → ${mb(last.heap)} MB)`);
  const m = roundMedians(samples, o.tasks.length);
  out(`RSS median per round of ${o.tasks.length} tasks: ${m.map((r) => mb(r.rss)).join(', ')} MB`);
  const { base, end } = growthWindow(m);
  const growth = (end.rss - base.rss) / base.rss;
  out(`RSS growth after warm-up (round ${m.length > 2 ? 2 : 1} → last round, medians): ${mb(base.rss)} → ${mb(end.rss)} MB, ${pct(growth)} (target < ${MAX_GROWTH * 100} %); heap ${mb(base.heap)} → ${mb(end.heap)} MB (${pct((end.heap - base.heap) / base.heap)})`);
  return crashes === 0 && growth < MAX_GROWTH ? 0 : 1;
}

/**
 * One sample per task is noisy (a task that just streamed chunks holds 50 MB more for a moment), so rounds
 * (every task once) are compared by their medians. The first round warms code, caches and the allocator's
 * arenas up (measured: 255 → 285 MB over the first 6 tasks, then flat for 117 more), so growth is
 * counted from the second round when there are more than two.
 */
export function roundMedians(samples: readonly Memory[], perRound: number): Memory[] {
  // Shorter than one round: the samples there are make the only round.
  const size = Math.min(perRound, samples.length);
  const out: Memory[] = [];
  for (let i = 0; size > 0 && i + size <= samples.length; i += size) {
    const round = samples.slice(i, i + size);
    out.push({ rss: median(round.map((x) => x.rss)), heap: median(round.map((x) => x.heap)) });
  }
  return out;
}

export function growthWindow(rounds: readonly Memory[]): { base: Memory; end: Memory } {
  const base = rounds.length > 2 ? rounds[1]! : rounds[0] ?? { rss: 1, heap: 1 };
  return { base, end: rounds.at(-1) ?? base };
}

async function oneTask(task: string, world: World, skills: ReturnType<typeof createSkillRegistry>, kb: ReturnType<typeof createKnowledge>, log: BenchDeps['log']) {
  const { goal } = parseTask(kb, task);
  const opened = await openWorld({ connection: benchConnection('soak'), sandbox: { seed: world.seed, preset: world.preset } }, { log });
  try {
    const { summary } = await runTask(opened, goal, {
      planner: createGraphPlanner({ skills, knowledge: kb }), skills, knowledge: kb, log, signal: AbortSignal.timeout(600_000),
    });
    return summary;
  } finally {
    await opened.close();
  }
}
