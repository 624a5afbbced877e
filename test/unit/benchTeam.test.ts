import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSkillRegistry, TEAM_SKILLS } from '../../skills/index.ts';
import { benchTeam, planTeam, sizesArg, teamJobs } from '../../src/bench/team/bench.ts';
import { allMet, splitOverall, splitRows, splitTable, treeFigures, treeTables } from '../../src/bench/team/report.ts';
import { crashResult, traceFigures, type TeamRunResult } from '../../src/bench/team/run.ts';
import { pooledInventory, selectTasks, SPLIT_TASKS } from '../../src/bench/team/tasks.ts';
import { teamTerminal, writeTeamReport } from '../../src/bench/team/write.ts';
import { BenchInputError } from '../../src/bench/plan4mc/args.ts';
import { listBenches } from '../../src/bench/index.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import { parseTask } from '../../src/tasks/parse.ts';
import type { TeamEvent } from '../../src/team/types.ts';
import { handover, step } from '../helpers/teamEvents.ts';

const kb = createKnowledge('1.20.1');

describe('the split-inventory tasks', () => {
  it('are at least 20, named once each, with 2- and 3-bot teams whose inventories match their size', () => {
    expect(SPLIT_TASKS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(SPLIT_TASKS.map((t) => t.name)).size).toBe(SPLIT_TASKS.length);
    for (const t of SPLIT_TASKS) {
      expect(t.name, t.name).toMatch(/^[a-z][a-z ]+$/);
      expect(t.inventories, t.name).toHaveLength(t.bots);
      expect([2, 3], t.name).toContain(t.bots);
      // Every member but possibly the assembler brings something.
      for (const inv of t.inventories.slice(1)) expect(Object.keys(inv).length, t.name).toBeGreaterThan(0);
    }
    expect(SPLIT_TASKS.filter((t) => t.bots === 2).length).toBeGreaterThanOrEqual(5);
    expect(SPLIT_TASKS.filter((t) => t.bots === 3).length).toBeGreaterThanOrEqual(5);
  });

  it('name items of 1.20.1 and goals the offline parser reads as one item', () => {
    for (const t of SPLIT_TASKS) {
      for (const inv of t.inventories) {
        for (const [item, n] of Object.entries(inv)) {
          expect(kb.registry.itemsByName[item], `${t.name}: ${item}`).toBeDefined();
          expect(Number.isInteger(n) && n >= 1 && n <= 64, `${t.name}: ${item} ×${n}`).toBe(true);
        }
      }
      const { goal, needsChatModel } = parseTask(kb, t.goal);
      expect(needsChatModel, t.goal).toBe(false);
      expect(goal.kind === 'item' && goal.items.length === 1 && kb.registry.itemsByName[goal.items[0]!] !== undefined, `${t.name}: ${JSON.stringify(goal)}`).toBe(true);
    }
  });

  it('are made from the pooled inventories without gathering anything, and by no member alone', () => {
    const planner = createGraphPlanner({ skills: createSkillRegistry(TEAM_SKILLS), knowledge: kb });
    const making = new Set(['craftItem', 'placeCraftingTable', 'placeFurnace', 'smeltItem']);
    let intermediates = 0;
    for (const t of SPLIT_TASKS) {
      const goal = parseTask(kb, t.goal).goal;
      const pooled = pooledInventory(t);
      const est = planner.estimate(goal, blankObservation(pooled));
      expect(est, t.name).toBeDefined();
      expect(est!.plan.map((d) => d.skill).filter((s) => !making.has(s)), t.name).toEqual([]);
      // What the plan uses up: more than any one member holds (else no hand-over would be needed).
      let after = blankObservation(pooled);
      for (const d of est!.plan) after = planner.simulate(after, d);
      const used: Record<string, number> = {};
      for (const [k, n] of Object.entries(pooled)) if (n > (after.inventory[k] ?? 0)) used[k] = n - (after.inventory[k] ?? 0);
      for (const [i, inv] of t.inventories.entries()) {
        expect(Object.entries(used).some(([k, n]) => (inv[k] ?? 0) < n), `${t.name}: member ${i + 1} holds all of ${JSON.stringify(used)}`).toBe(true);
      }
      if (est!.plan.some((d) => d.skill === 'craftItem' && d.args && (d.args as { item: string }).item === 'crafting_table')) intermediates++;
    }
    // Some tasks leave the assembler an intermediate to make (a crafting table from a mate's logs).
    expect(intermediates).toBeGreaterThanOrEqual(3);
  }, 30_000);

  it('are chosen by name with --tasks, an unknown name being an input error', () => {
    expect(selectTasks(undefined)).toHaveLength(SPLIT_TASKS.length);
    expect(selectTasks('bread, Chest,bread').map((t) => t.name)).toEqual(['bread', 'chest']);
    expect(() => selectTasks('bread,cake')).toThrow(BenchInputError);
    expect(() => selectTasks(' , ')).toThrow(BenchInputError);
  });
});

function result(over: Partial<TeamRunResult>): TeamRunResult {
  return {
    kind: 'split', task: 'bread', bots: 2, preset: 'forest', world: 'forest:1', seed: 1, success: true, reason: 'done', gameSeconds: 10, wallSeconds: 12,
    steps: 3, handovers: 1, methods: { drop: 1, chest: 0 }, handoversFailed: 0, dugTwice: 0, dugTwiceByOthers: 0, itemsLost: 0, itemsGained: 0, itemsAstray: 0, reassigned: 0, ...over,
  };
}

const tree = (bots: number, world: string, gameSeconds: number, success = true) =>
  result({ kind: 'tree', task: 'iron pickaxe', bots, world, seed: Number(world.split(':')[1]), gameSeconds, success, handovers: bots - 1 });

describe('the figures', () => {
  it('read hand-overs, their methods, blocks dug twice and items lost from a team trace', () => {
    const dig = (who: string, n: number, at: number[][]): TeamEvent => {
      const e = step(who, n, { skill: 'mineBlock', args: { block: 'stone', count: at.length } }, 1000);
      return e.event === 'step' && e.outcome.ok ? { ...e, outcome: { ...e.outcome, result: { at } } } : e;
    };
    const events: TeamEvent[] = [
      dig('A', 1, [[0, 60, 0], [1, 60, 0]]), dig('B', 1, [[1, 60, 0]]), dig('A', 2, [[5, 60, 5]]), dig('A', 3, [[5, 60, 5]]),
      { event: 'handover', ...handover },
      { event: 'handover', ...handover, method: 'chest', ok: false, out: { cobblestone: 3, stick: 1 }, in: { cobblestone: 1, stick: 2 } },
    ];
    expect(traceFigures(events)).toEqual({ handovers: 2, methods: { drop: 1, chest: 1 }, handoversFailed: 1, dugTwice: 2, dugTwiceByOthers: 1, itemsLost: 2, itemsGained: 1, itemsAstray: 0 });
    // A throw a team mate picked up instead is astray, not lost.
    const astray: TeamEvent = { event: 'handover', ...handover, ok: false, out: { iron_ingot: 2 }, in: {}, astray: { C: { iron_ingot: 2 } } };
    expect(traceFigures([astray])).toMatchObject({ handovers: 1, handoversFailed: 1, itemsLost: 0, itemsAstray: 2 });
    expect(traceFigures([])).toMatchObject({ handovers: 0, dugTwice: 0, itemsLost: 0 });
  });

  it('sum the split suite per task and overall, with the 0.95 target and the two checks', () => {
    const rs = [
      result({ task: 'bread', gameSeconds: 10 }), result({ task: 'bread', gameSeconds: 20, handovers: 2, methods: { drop: 1, chest: 1 } }), result({ task: 'bread', success: false, gameSeconds: 99 }),
      result({ task: 'furnace', bots: 3, gameSeconds: 7, handovers: 2, methods: { drop: 2, chest: 0 } }),
      tree(1, 'forest:1', 100),
    ];
    const rows = splitRows(rs);
    expect(rows.map((r) => [r.task, r.bots, r.ok, r.runs, r.game, r.handovers, r.drop, r.chest])).toEqual([['bread', 2, 2, 3, 15, 4 / 3, 3, 1], ['furnace', 3, 1, 1, 7, 2, 2, 0]]);
    const o = splitOverall(rs);
    expect(o).toMatchObject({ tasks: 2, runs: 4, ok: 3, rate: 0.75, handovers: 1.5, met: { rate: false, dugTwice: true, itemsLost: true } });
    expect(splitOverall(rs.map((r) => ({ ...r, success: true })))).toMatchObject({ rate: 1, met: { rate: true } });
    expect(splitOverall([...rs, result({ dugTwice: 1, itemsLost: 2 })]).met).toEqual({ rate: false, dugTwice: false, itemsLost: false });
    const table = splitTable(rs);
    expect(table.rows.at(-1)).toEqual(['all 2 tasks', '', '3/4', '10.0', '1.5', '5 / 1', '0', '0', '0']);
  });

  it('give the tech tree per world and size, and the ratio of medians to one bot against 0.75 and 0.6', () => {
    const rs = [
      tree(1, 'forest:1', 100), tree(1, 'plains:2', 200), tree(1, 'forest:3', 150),
      tree(2, 'forest:1', 70), tree(2, 'plains:2', 110), tree(2, 'forest:3', 100),
      tree(3, 'forest:1', 60), tree(3, 'plains:2', 90), tree(3, 'forest:3', 500, false),
    ];
    const t = treeFigures(rs);
    expect(t.sizes).toEqual([1, 2, 3]);
    expect(t.bySize[1]).toEqual({ runs: 3, ok: 3, median: 150, handovers: 0, handoversFailed: 0 });
    expect(t.bySize[3]).toEqual({ runs: 3, ok: 2, median: 75, handovers: 6, handoversFailed: 0 });
    expect(t.ratios[2]).toEqual({ ratio: 100 / 150, target: 0.75, met: true });
    expect(t.ratios[3]).toEqual({ ratio: 0.5, target: 0.6, met: true });
    // A 3-bot run not done: the ratio is fine but not every world was done.
    expect(t.met).toBe(false);
    expect(t.worlds.find((w) => w.world === 'forest:3')?.game).toEqual({ 1: 150, 2: 100, 3: undefined });
    const done = treeFigures(rs.map((r) => ({ ...r, success: true })));
    // Every run done; the 3-bot median (of 60, 90 and 500) is 0.6 of one bot's: just within.
    expect(done.ratios[3]?.ratio).toBeCloseTo(0.6);
    expect(done.met).toBe(true);
    expect(treeFigures(rs.filter((r) => r.bots !== 3)).met).toBe(true);
    const tables = treeTables(rs);
    expect(tables.perWorld.rows).toContainEqual(['forest:3', '150.0', '100.0', 'not done']);
    expect(tables.bySize.rows.map((r) => [r[0], r[1], r[3], r[5], r[6]])).toEqual([['1 bot', '3/3', '1.00', 'met', '0 (0)'], ['2 bots', '3/3', '0.67', 'met', '3 (0)'], ['3 bots', '2/3', '0.50', 'MISSED', '6 (0)']]);
    // No one-bot runs: no ratio to compute, so no target met.
    expect(treeFigures([tree(2, 'forest:1', 10)]).ratios[2]).toMatchObject({ met: false });
    expect(Number.isNaN(treeFigures([tree(2, 'forest:1', 10)]).ratios[2]!.ratio)).toBe(true);
  });

  it('meet every target only when each part that ran met its own', () => {
    expect(allMet([])).toBe(false);
    expect(allMet([result({})])).toBe(true);
    expect(allMet([result({}), result({ itemsLost: 1 })])).toBe(false);
    expect(allMet([tree(1, 'forest:1', 100), tree(3, 'forest:1', 55)])).toBe(true);
    expect(allMet([tree(1, 'forest:1', 100), tree(3, 'forest:1', 65)])).toBe(false);
    expect(allMet([result({}), tree(1, 'forest:1', 100), tree(3, 'forest:1', 50, false)])).toBe(false);
    expect(crashResult({ kind: 'tree', bots: 3, world: { preset: 'plains', seed: 9 }, traceRoot: 'x' }, 'boom')).toMatchObject({ task: 'iron pickaxe', bots: 3, world: 'plains:9', success: false, reason: 'crash', detail: 'boom' });
  });

  it('are written as report.md and results.json, and printed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchteam-'));
    const rs = [result({}), result({ task: 'chest', success: false, reason: 'max_steps', trace: 'traces/x.jsonl' }), tree(1, 'forest:1', 100), tree(3, 'forest:1', 50)];
    const meta = { startedAt: '2026-12-06T00:00:00.000Z', wallSeconds: 42, jobs: 1, repeat: '--seed-list forest:1' };
    writeTeamReport(dir, rs, meta);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('## Split-inventory tasks');
    expect(md).toContain('## Tech tree');
    expect(md).toContain('| 3 bots | 1/1 | 50.0 | 0.50 | ≤ 0.60 | met | 2 (0) |');
    expect(md).toContain('npm run bench -- team --seed-list forest:1');
    expect(md).toMatch(/\| chest \| 2 \| forest:1 \| max_steps \| \[trace\]\(traces\/x\.jsonl\) \|/);
    const json = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { results: unknown[]; split: { runs: number }; tree: { ratios: Record<string, { ratio: number }> } };
    expect(json.results).toHaveLength(4);
    expect(json.split.runs).toBe(2);
    expect(json.tree.ratios['3']?.ratio).toBe(0.5);
    const text = teamTerminal(rs, meta);
    expect(text).toContain('Success: 0.50');
    expect(text).toContain('chest (2 bots) in forest:1: max_steps');
  });
});

describe('the arguments', () => {
  it('run both parts by default: the tree in 5 worlds, the split suite in the first 3', () => {
    const p = planTeam([]);
    expect(p).toMatchObject({ part: 'all', jobs: 1, out: join('bench', 'results', 'team'), sizes: [1, 2, 3] });
    expect(p.worlds).toHaveLength(5);
    expect(p.splitWorlds).toEqual(p.worlds.slice(0, 3));
    expect(p.tasks).toHaveLength(SPLIT_TASKS.length);
    expect(p.repeat).toMatch(/^--seed-list [a-z_]+:\d+(,[a-z_]+:\d+){4}$/);
    const jobs = teamJobs(p, 'runs/x');
    expect(jobs).toHaveLength(3 * 5 + SPLIT_TASKS.length * 3);
    // The tree first, one bot first: the longest runs start first.
    expect(jobs.slice(0, 5).every((j) => j.kind === 'tree' && j.bots === 1)).toBe(true);
  });

  it('take a part, a seed list, team sizes, tasks, jobs and an output folder', () => {
    const split = planTeam(['split', '--seed-list', 'plains:4,forest:5', '--tasks', 'bread,chest', '--jobs', '2']);
    expect(split).toMatchObject({ part: 'split', sizes: [], jobs: 2, out: join('bench', 'results', 'team', 'split'), repeat: 'split --seed-list plains:4,forest:5 --tasks bread,chest' });
    expect(split.splitWorlds).toEqual([{ preset: 'plains', seed: 4 }, { preset: 'forest', seed: 5 }]);
    expect(teamJobs(split, 'r').map((j) => (j.kind === 'split' ? `${j.task.name}@${j.world.seed}` : '?'))).toEqual(['bread@4', 'bread@5', 'chest@4', 'chest@5']);
    const tree = planTeam(['techtree', '--seeds', '2', '--sizes', '3,1', '--out', '/tmp/o']);
    expect(tree).toMatchObject({ part: 'techtree', tasks: [], sizes: [1, 3], out: '/tmp/o' });
    expect(tree.repeat).toMatch(/^techtree --seed-list [a-z_]+:\d+,[a-z_]+:\d+ --sizes 3,1$/);
    expect(planTeam(['split', '--seeds', '1', '--tasks', 'stone pickaxe,bread']).repeat).toMatch(/ --tasks "stone pickaxe,bread"$/);
    expect(tree.worlds).toHaveLength(2);
    const all = planTeam(['--seed-list', '1,2,3,4', '--split-seeds', '1']);
    expect(all.splitWorlds).toEqual([{ preset: 'forest', seed: 1 }]);
    expect(all.repeat).toBe('--seed-list forest:1,forest:2,forest:3,forest:4 --split-seeds 1');
    expect(sizesArg('2,2,1')).toEqual([1, 2]);
  });

  it('refuse what makes no sense, as input errors', () => {
    for (const args of [['dance'], ['split', 'techtree'], ['techtree', '--tasks', 'bread'], ['split', '--sizes', '1,2'], ['split', '--split-seeds', '1'],
      ['--seeds', '3', '--seed-list', 'forest:1'], ['--sizes', '0,1'], ['--sizes', '1,9'], ['--jobs', '0'], ['--bots', '3'], ['--split-seeds', '6']]) {
      expect(() => planTeam(args), args.join(' ')).toThrow(BenchInputError);
    }
  });

  it('is listed among the benchmarks, and a bad argument fails before any world opens', async () => {
    expect(listBenches().map((b) => b.name)).toContain('team');
    const lines: string[] = [];
    await expect(benchTeam(['--tasks', 'cake'], { log: undefined as never, out: (l) => lines.push(l), signal: AbortSignal.timeout(1000) })).rejects.toThrow(/no split-inventory task "cake"/);
    expect(lines).toEqual([]);
  });
});
