import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { createSkillRegistry } from '../../../skills/index.ts';
import { runAgent } from '../../agent/loop.ts';
import { TraceWriter } from '../../agent/trace.ts';
import { connectBot, disconnectBot } from '../../bot/connect.ts';
import { createKnowledge } from '../../knowledge/kb.ts';
import { createGraphPlanner } from '../../planner/graph/index.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { parseTask } from '../../tasks/parse.ts';
import type { BenchDeps } from '../index.ts';
import { formatTable } from '../table.ts';
import { intArg, parseBenchArgs } from './args.ts';
import { barChartSvg } from './svg.ts';

/** Voyager's Table 1: GPT-4 prompting iterations to the first tool of each tier (mean over 3 runs). */
const VOYAGER_ITERATIONS: Readonly<Record<string, string>> = { wooden: '6 ± 2', stone: '11 ± 2', iron: '21 ± 7', diamond: '102 (1 of 3 runs)' };
const TIERS = [
  { tier: 'wooden', item: 'wooden_pickaxe', budget: 600 },
  { tier: 'stone', item: 'stone_pickaxe', budget: 600 },
  { tier: 'iron', item: 'iron_pickaxe', budget: 1800 },
  { tier: 'diamond', item: 'diamond_pickaxe', budget: 900 },
] as const;

export interface TierResult {
  seed: number;
  tier: string;
  reached: boolean;
  /** Since the start of the run (cumulative). */
  gameSeconds: number;
  wallSeconds: number;
  steps: number;
  modelCalls: number;
  detail?: string;
}

/** One world per seed: from an empty inventory, the pickaxe of each tier in turn, keeping what was gathered. */
async function techtreeSeed(seed: number, log: Logger, traceRoot: string): Promise<TierResult[]> {
  const kb = createKnowledge('1.20.1');
  const skills = createSkillRegistry();
  const out: TierResult[] = [];
  const sb = await startSandbox({ port: 0, seed, preset: 'forest' }, log);
  try {
    const bot = await connectBot({ host: sb.host, port: sb.port, username: 'techtree', auth: 'offline', mcVersion: sb.options.version }, { log });
    try {
      const wallStart = performance.now();
      let game = 0;
      let steps = 0;
      let calls = 0;
      const planner = createGraphPlanner({ skills, knowledge: kb });
      for (const t of TIERS) {
        // A trace per seed and tier, so that a tier not reached can be read step by step.
        const trace = new TraceWriter(join(traceRoot, `seed${seed}-${t.tier}`));
        const s = await runAgent({
          bot, goal: parseTask(kb, t.item).goal, planner, skills, knowledge: kb, log, signal: AbortSignal.timeout(t.budget * 1000 * 2),
          limits: { maxGameSeconds: t.budget, maxSteps: 300, maxConsecutiveFailures: 8 }, trace,
        }).finally(() => trace.close());
        game += s.gameSeconds;
        steps += s.steps;
        calls += (s as { model?: { calls?: number } }).model?.calls ?? 0;
        out.push({
          seed, tier: t.tier, reached: s.success, gameSeconds: Math.round(game * 10) / 10,
          wallSeconds: Math.round((performance.now() - wallStart) / 100) / 10, steps, modelCalls: calls,
          ...(s.success ? {} : { detail: `${s.reason}${s.detail ? `: ${s.detail}` : ''}; skills ${JSON.stringify(s.skills)}` }),
        });
        if (!s.success) break;
      }
    } finally {
      await disconnectBot(bot, { log });
    }
  } finally {
    await sb.stop();
  }
  return out;
}

/** `bench techtree [--seeds N] [--out DIR]`: time to the first wooden, stone, iron and diamond pickaxe, seeds side by side. */
export async function benchTechtree(args: string[], { out, log }: BenchDeps): Promise<number> {
  const { values } = parseBenchArgs(args, ['--seeds', '--out']);
  const seeds = Array.from({ length: intArg(values, '--seeds', 3, 1, 20) }, (_, i) => i + 1);
  const dir = values.get('--out') ?? join('bench', 'results', 'techtree-graph');
  // The seeds run side by side (each its own sandbox and bot): most of a tier is game time, not CPU.
  const perSeed = await Promise.all(seeds.map(async (seed) => {
    const rs = await techtreeSeed(seed, log, join('runs', 'techtree'));
    for (const r of rs) out(`seed ${seed} ${r.tier}: ${r.reached ? `reached at ${r.gameSeconds} game s, ${r.wallSeconds} wall s, ${r.steps} steps` : `NOT reached (${r.detail ?? '?'})`}`);
    return rs;
  }));
  const rows: TierResult[] = perSeed.flat();
  const table = formatTable(['seed', 'tier', 'reached', 'game s', 'wall s', 'steps', 'model calls'],
    rows.map((r) => [String(r.seed), r.tier, r.reached ? 'yes' : 'no', r.gameSeconds.toFixed(1), r.wallSeconds.toFixed(1), String(r.steps), String(r.modelCalls)]));
  out(table);
  writeTechtree(dir, seeds, rows);
  out(`report: ${join(dir, 'report.md')}`);
  const ironEverywhere = seeds.every((s) => rows.some((r) => r.seed === s && r.tier === 'iron' && r.reached));
  return ironEverywhere ? 0 : 1;
}

function writeTechtree(dir: string, seeds: number[], rows: TierResult[]): void {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, `${name}.tmp`), text);
    renameSync(join(dir, `${name}.tmp`), join(dir, name));
  };
  const tiers = TIERS.map((t) => t.tier);
  const mean = (tier: string, key: 'gameSeconds' | 'wallSeconds' | 'steps') => {
    const rs = rows.filter((r) => r.tier === tier && r.reached);
    return rs.length ? rs.reduce((n, r) => n + r[key], 0) / rs.length : null;
  };
  write('results.json', `${JSON.stringify({ suite: 'techtree', planner: 'graph', seeds, rows }, null, 1)}\n`);
  write('time-per-tier.svg', barChartSvg({
    title: 'Tech tree: mean time to the first pickaxe of each tier (graph planner)', categories: tiers, unit: 'seconds',
    series: [
      { label: 'game seconds', colour: '#1565c0', values: tiers.map((t) => mean(t, 'gameSeconds')) },
      { label: 'wall seconds', colour: '#ef6c00', values: tiers.map((t) => mean(t, 'wallSeconds')) },
    ],
  }));
  const reached = (tier: string) => `${rows.filter((r) => r.tier === tier && r.reached).length}/${seeds.length}`;
  const f = (n: number | null) => (n === null ? '–' : n.toFixed(1));
  write('report.md', [
    '# Tech tree: wooden → stone → iron → diamond pickaxe',
    '',
    `From an empty inventory on the sandbox (forest preset), seeds ${seeds.join(', ')}; times are cumulative from the start. Graph planner: no model calls.`,
    '',
    '![time per tier](time-per-tier.svg)',
    '',
    '| tier | reached | mean game s | mean wall s | mean steps | Voyager (GPT-4 iterations) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...tiers.map((t) => `| ${t} | ${reached(t)} | ${f(mean(t, 'gameSeconds'))} | ${f(mean(t, 'wallSeconds'))} | ${f(mean(t, 'steps'))} | ${VOYAGER_ITERATIONS[t] ?? ''} |`),
    '',
    '| seed | tier | reached | game s | wall s | steps | note |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.seed} | ${r.tier} | ${r.reached ? 'yes' : 'no'} | ${r.gameSeconds.toFixed(1)} | ${r.wallSeconds.toFixed(1)} | ${r.steps} | ${r.detail ?? ''} |`),
    '',
  ].join('\n'));
}
