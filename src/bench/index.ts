import type { Logger } from 'pino';

export interface BenchDeps {
  log: Logger;
  /** Where figures are printed (stdout in the CLI). */
  out: (line: string) => void;
  /** Aborted on SIGINT/SIGTERM: a long benchmark stops its workers and writes no report. */
  signal: AbortSignal;
}

type BenchFn = (args: string[], deps: BenchDeps) => Promise<number>;

/** Every benchmark, by name. Each prints its figures and returns an exit code (0: ran; 1: a target missed). */
const BENCHES: Record<string, { describe: string; load: () => Promise<BenchFn> }> = {
  skills: {
    describe: 'the four skill tasks over N seeds: success, median seconds, ratio to a lower bound',
    load: async () => (await import('./skills/bench.ts')).benchSkills,
  },
  tasks: {
    describe: 'whole tasks from an empty inventory in random worlds (--tasks "a,b" --seeds N | --seed-list preset:seed,… --jobs N --out DIR)',
    load: async () => (await import('./tasks/bench.ts')).benchTasks,
  },
  generalize: {
    describe: 'wooden, stone and iron pickaxe from nothing in random (preset, seed) worlds, with 95 % intervals (--seeds 60 --iron-seeds 30 --jobs N)',
    load: async () => (await import('./tasks/bench.ts')).benchGeneralize,
  },
  versions: {
    describe: 'stone and iron pickaxe from nothing on every sandbox version, in the same random worlds (--versions a,b --seeds 5 --jobs N --out DIR)',
    load: async () => (await import('./tasks/bench.ts')).benchVersions,
  },
  sandbox: {
    describe: 'server-ready and bot-spawned time, RSS with 1 and 5 bots, ms per generated chunk',
    load: async () => (await import('./sandbox/bench.ts')).benchSandbox,
  },
  planner: {
    describe: 'graph planner: ms per decision (p50/p95/max) over simulated runs of the 40 Plan4MC tasks',
    load: async () => (await import('./planner.ts')).benchPlanner,
  },
  prompt: {
    describe: "chat-model planner: prompt tokens per decision (min/median/p95/max) over a stone-pickaxe run, scripted model; --bots N (or 1,3) runs a team through the coordinator and counts the team lines' tokens too (--task T --bots N --seeds N | --seed-list L --planner llm|hybrid)",
    load: async () => (await import('./prompt.ts')).benchPrompt,
  },
  plan4mc: {
    describe: 'the 40 Plan4MC tasks, each in N random worlds over every preset (--seeds N | --seed-list 21@plains:7,… --jobs N --tasks 1,21-30 --shard i/n --out DIR --planner P --host H --port N)',
    load: async () => (await import('./plan4mc/suite.ts')).benchPlan4mc,
  },
  merge: {
    describe: 'join plan4mc result directories (shards) into one report: merge DIR... [--out DIR]',
    load: async () => (await import('./plan4mc/suite.ts')).benchMerge,
  },
  craft: {
    describe: "mineflayer's bot.craft, planks then sticks, N times against skillcraft serve in its own process (--tries 100 --versions a,b --latency MS --jitter MS)",
    load: async () => (await import('./craft.ts')).benchCraft,
  },
  fidelity: {
    describe: "mineflayer's external vanilla test suite against skillcraft serve on every served version: case × version table (--versions a,b --only file,… --jobs N --suite DIR --out DIR)",
    load: async () => (await import('./fidelity/suite.ts')).benchFidelity,
  },
  soak: {
    describe: 'loops whole tasks on fresh sandboxes in one process (--minutes N, default 30): successes, crashes, RSS growth',
    load: async () => (await import('./soak.ts')).benchSoak,
  },
  techtree: {
    describe: 'from an empty inventory: time to the first wooden, stone, iron and diamond pickaxe in random worlds (--seeds N | --seed-list L --jobs N --out DIR)',
    load: async () => (await import('./plan4mc/techtree/bench.ts')).benchTechtree,
  },
  build: {
    describe: 'the example structures (examples/schematics) built from an empty inventory, each checked block by block by a second bot (--examples a,b --seeds N | --seed-list L --out DIR)',
    load: async () => (await import('./build/bench.ts')).benchBuild,
  },
  team: {
    describe: "a team of bots: the split-inventory tasks (ingredients spread over 2-3 bots, the goal in the first bot's hands) and an iron pickaxe from nothing with 1, 2 and 3 bots in the same worlds ([split|techtree] --seeds N | --seed-list L --split-seeds K --tasks a,b --sizes 1,2,3 --jobs N --out DIR)",
    load: async () => (await import('./team/bench.ts')).benchTeam,
  },
};

export function listBenches(): { name: string; describe: string }[] {
  return Object.entries(BENCHES).map(([name, b]) => ({ name, describe: b.describe }));
}

export class UnknownBenchError extends Error {
  readonly code = 'BAD_INPUT';
  constructor(name: string) {
    super(`unknown benchmark "${name}" (known: ${Object.keys(BENCHES).join(', ')})`);
  }
}

export async function runBench(name: string, args: string[], deps: BenchDeps): Promise<number> {
  const bench = BENCHES[name];
  if (!bench) throw new UnknownBenchError(name);
  const fn = await bench.load();
  return fn(args, deps);
}
