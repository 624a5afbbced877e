import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createLogger } from '../../src/log/logger.ts';
import { idList, parseBenchArgs, shardArg } from '../../src/bench/plan4mc/args.ts';
import { lowerBoundSeconds, type ExecutedStep } from '../../src/bench/plan4mc/lowerBound.ts';
import { byTask, causes, groupRates, markdownReport, overall } from '../../src/bench/plan4mc/report.ts';
import { benchMerge, readSuite } from '../../src/bench/plan4mc/suite.ts';
import { barChartSvg } from '../../src/bench/plan4mc/svg.ts';
import type { SuiteResults, TaskResult } from '../../src/bench/plan4mc/types.ts';

const kb = createKnowledge('1.20.1');
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function row(id: number, seed: number, success: boolean, extra: Partial<TaskResult> = {}): TaskResult {
  return {
    id, name: `task${id}`, group: id <= 10 ? 'cut-trees' : id <= 20 ? 'mine-stones' : id <= 30 ? 'interact-mobs' : 'mine-ores', seed, preset: 'plains', success, noChangeMax: success ? 0 : 1,
    ...(success ? {} : { cause: 'time budget' }), gameSeconds: 10 * id, wallSeconds: 5, steps: 4, failuresRecovered: 0, modelCalls: 0, tokens: 0,
    lowerBound: 5, ratio: success ? 2 * id : null, budgetSeconds: 150, plan: [], stepSeconds: [], ...extra,
  };
}

function suite(results: TaskResult[], shard?: string): SuiteResults {
  return {
    meta: { suite: 'plan4mc', planner: 'graph', worlds: results.map((r) => `${r.id}@${r.preset}:${r.seed}`).join(','), drawn: true, jobs: 1, ...(shard ? { shard } : {}), target: 'sandbox', startedAt: '2026-01-01T00:00:00Z', wallSeconds: 60, node: '20', cpus: 2 },
    results,
  };
}

describe('bench plan4mc arguments', () => {
  it('reads valued options and rejects unknown ones and bad values with one clear line', () => {
    const { values } = parseBenchArgs(['--seeds', '3', '--jobs=2'], ['--seeds', '--jobs']);
    expect(values.get('--seeds')).toBe('3');
    expect(values.get('--jobs')).toBe('2');
    expect(() => parseBenchArgs(['--sedes', '3'], ['--seeds'])).toThrow(/unknown option --sedes/);
    expect(() => parseBenchArgs(['--seeds'], ['--seeds'])).toThrow(/--seeds needs a value/);
  });
  it('reads task lists with ranges and shards', () => {
    expect(idList('1,21-23,2', '--tasks', 1, 40)).toEqual([1, 21, 22, 23, 2]);
    expect(() => idList('0-3', '--tasks', 1, 40)).toThrow(/outside 1-40/);
    expect(() => idList('a', '--tasks', 1, 40)).toThrow(/not a number/);
    expect(shardArg('2/3')).toEqual({ index: 1, count: 3 });
    expect(() => shardArg('4/3')).toThrow(/i\/n/);
  });
});

describe('lower bound of an executed plan', () => {
  it('adds dig time with the best tool carried, smelting and straight-line sprinting', () => {
    const steps: ExecutedStep[] = [
      { skill: 'mineBlock', args: { block: 'stone', count: 3 }, ok: true, end: [5.6, 64, 0] as [number, number, number], inventoryBefore: { wooden_pickaxe: 1 }, inventoryAfter: { wooden_pickaxe: 1, cobblestone: 3 } },
      { skill: 'smeltItem', args: { item: 'raw_iron', count: 2 }, ok: true, end: [5.6, 64, 0] as [number, number, number], inventoryBefore: { raw_iron: 2 }, inventoryAfter: { iron_ingot: 2 } },
      { skill: 'mineBlock', args: { block: 'stone', count: 3 }, ok: false, end: [11.2, 64, 0] as [number, number, number], inventoryBefore: {}, inventoryAfter: {} },
    ];
    const expected = 1 + (3 * kb.digTimeMs('stone', 'wooden_pickaxe')) / 1000 + 20 + 1;
    expect(lowerBoundSeconds(kb, [0, 64, 0], steps)).toBeCloseTo(expected, 5);
  });
  it('counts a kill as the mob\'s health over the best weapon\'s damage per second', () => {
    const steps = [{ skill: 'killMob', args: { mob: 'cow', count: 1 }, ok: true, end: [0, 64, 0] as [number, number, number], inventoryBefore: { diamond_sword: 1 }, inventoryAfter: { beef: 2 } }];
    expect(lowerBoundSeconds(kb, [0, 64, 0], steps)).toBeCloseTo(10 / (7 * 1.6), 5);
  });
});

describe('plan4mc report', () => {
  const results = [row(1, 1, true), row(1, 2, true), row(21, 1, false), row(21, 2, true), row(31, 1, true)];
  it('computes success by task, by group and overall, with failure causes', () => {
    expect(overall(results)).toBeCloseTo(0.8);
    expect(groupRates(results)['interact-mobs']).toEqual({ runs: 2, rate: 0.5 });
    expect(byTask(results).find((t) => t.id === 21)).toMatchObject({ successes: 1, runs: 2, causes: ['plains:1: time budget'] });
    expect(causes(results)).toEqual({ 'time budget': 1 });
    const md = markdownReport(suite(results.map((r) => (r.success ? r : { ...r, trace: 'traces/21-plains-1.jsonl' }))), 'chart.svg');
    // 4 of 5 with Wilson's 95 % interval, and each failure with its world and trace.
    expect(md).toContain('**Overall success: 0.80 (95 % CI 0.38–0.96), 4/5**');
    expect(md).toContain('| 21 | task21 | plains:1 | time budget |  | [trace](traces/21-plains-1.jsonl) |');
    expect(md).toContain('at most 1 in a row');
  });
  it('draws a bar per series and category', () => {
    const svg = barChartSvg({ title: 't', categories: ['a', 'b'], series: [{ label: 's', colour: '#000', values: [0.5, null] }], max: 1 });
    expect(svg.match(/<rect x=/g)?.length).toBe(2); // one bar and one legend swatch; the missing value is labelled n/a
    expect(svg).toContain('n/a');
  });
  it('merges shards into one report, one row per task and seed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'p4merge-'));
    dirs.push(root);
    const write = (name: string, s: SuiteResults) => { mkdirSync(join(root, name)); writeFileSync(join(root, name, 'results.json'), JSON.stringify(s)); };
    write('a', suite([row(1, 1, true), row(2, 1, false)], '1/2'));
    write('b', suite([row(3, 1, true), row(2, 1, true)], '2/2'));
    const lines: string[] = [];
    const code = await benchMerge([join(root, 'a'), join(root, 'b'), '--out', join(root, 'all')], { out: (l) => lines.push(l), log: createLogger({ level: 'silent', format: 'json' }), signal: new AbortController().signal });
    expect(code).toBe(0);
    const merged = readSuite(join(root, 'all'));
    expect(merged.results.map((r) => [r.id, r.success])).toEqual([[1, true], [2, true], [3, true]]);
    expect(merged.meta.shard).toBeUndefined();
    expect(merged.meta.worlds).toBe('1@plains:1,2@plains:1,3@plains:1');
    expect(readFileSync(join(root, 'all', 'report.md'), 'utf8')).toContain('Overall success: 1.00');
    expect(() => readSuite(join(root, 'nope'))).toThrow(/cannot read/);
  });
});
