import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { fileUnder } from '../../src/viewer/files.ts';
import { DashboardState, LOG_LINES } from '../../src/viewer/state.ts';
import type { DashboardEvent } from '../../src/viewer/types.ts';
import { dashboardLogStream, teeLogger, watchRun } from '../../src/viewer/watch.ts';

const mine = { skill: 'mineBlock', args: { block: 'oak_log', count: 3 } };
const planks = { skill: 'craftItem', args: { item: 'oak_planks', count: 9 } };
const table = { skill: 'placeCraftingTable', args: {} };

describe('DashboardState', () => {
  it('shows done, running and pending steps as a run goes', () => {
    let now = 1000;
    const s = new DashboardState({ enabled: true, path: '/view/' }, () => now);
    const events: DashboardEvent[] = [];
    const w = watchRun({ publish: (e) => { events.push(e); s.apply(e); } });
    w.onTask('wooden pickaxe', '1 wooden_pickaxe');
    w.onPlan([mine, planks, table]);
    expect(s.snapshot().steps.map((x) => x.status)).toEqual(['pending', 'pending', 'pending']);
    w.onSkillStart(1, mine);
    now = 3000;
    let snap = s.snapshot();
    expect(snap.steps.map((x) => [x.skill, x.status])).toEqual([['mineBlock', 'running'], ['craftItem', 'pending'], ['placeCraftingTable', 'pending']]);
    expect(snap.running).toMatchObject({ step: 1, skill: 'mineBlock', startedAt: 1000 });
    expect(snap.now).toBe(3000);
    w.onStep({ step: 1, decision: mine, outcome: { ok: false, skill: 'mineBlock', args: mine.args, elapsedMs: 2000, code: 'NO_PATH', message: 'no path to oak_log' } });
    // The planner re-plans after the failure: the same step again.
    w.onPlan([mine, planks, table]);
    w.onSkillStart(2, mine);
    w.onStep({ step: 2, decision: mine, outcome: { ok: true, skill: 'mineBlock', args: mine.args, elapsedMs: 9000, result: null } });
    snap = s.snapshot();
    expect(snap.steps.map((x) => [x.step, x.status])).toEqual([[1, 'failed'], [2, 'ok'], [undefined, 'pending'], [undefined, 'pending']]);
    expect(snap.steps[0]!.message).toBe('NO_PATH: no path to oak_log');
    expect(snap.steps[1]!.text).toBe('mineBlock(block=oak_log count=3)');
    expect(snap.running).toBeNull();
    w.onEnd({ goal: '1 wooden_pickaxe', success: false, reason: 'aborted', steps: 2, failures: 1, failuresRecovered: 1, wallSeconds: 11, gameSeconds: 11, skills: {}, reflexes: 0 });
    expect(s.snapshot().end).toMatchObject({ success: false, reason: 'aborted', steps: 2 });
    // A new task starts from a clean list.
    w.onTask('stone pickaxe', '1 stone_pickaxe');
    expect(s.snapshot()).toMatchObject({ steps: [], end: null, task: { text: 'stone pickaxe' } });
  });

  it('keeps the last log lines and sums model usage', () => {
    const s = new DashboardState({ enabled: false, path: '/view/' });
    const w = watchRun({ publish: (e) => s.apply(e) });
    for (let i = 0; i < LOG_LINES + 5; i++) s.apply({ type: 'log', line: { time: i, level: 'info', msg: `line ${i}` } });
    expect(s.snapshot().logs).toHaveLength(LOG_LINES);
    expect(s.snapshot().logs[0]!.msg).toBe('line 5');
    expect(s.snapshot().model).toBeNull();
    w.onModelEvent({ event: 'model_call', promptTokens: 1200, completionTokens: 40 });
    w.onModelEvent({ event: 'model_reject' });
    w.onModelEvent({ event: 'model_call', promptTokens: 1300, completionTokens: 60 });
    expect(s.snapshot().model).toEqual({ calls: 2, promptTokens: 2500, completionTokens: 100 });
  });
});

describe('log lines for the page', () => {
  function sink(): { lines: string[]; stream: Writable } {
    const lines: string[] = [];
    return { lines, stream: new Writable({ write(chunk: Buffer, _enc, cb) { lines.push(chunk.toString()); cb(); } }) };
  }

  it('the tee logger writes to both places, redacted, and the page gets only time, level, component and message', () => {
    const terminal = sink();
    const base = createLogger({ level: 'warn', format: 'json', destination: terminal.stream });
    const events: DashboardEvent[] = [];
    const log = teeLogger(base, dashboardLogStream((e) => events.push(e))).child({ component: 'agent' });
    log.debug({ skill: 'mineBlock' }, 'skill start');
    log.warn({ apiKey: 'sk-secret', config: { apiKey: 'sk-secret' }, err: new Error('boom') }, 'model failed');
    expect(terminal.lines).toHaveLength(1);
    expect(terminal.lines[0]).not.toContain('sk-secret');
    expect(terminal.lines[0]).toContain('[redacted]');
    const lines = events.map((e) => (e.type === 'log' ? e.line : undefined));
    expect(lines).toMatchObject([
      { level: 'debug', component: 'agent', msg: 'skill start' },
      { level: 'warn', component: 'agent', msg: 'model failed: boom' },
    ]);
    expect(JSON.stringify(events)).not.toContain('sk-secret');
    expect(Object.keys(lines[1]!).sort()).toEqual(['component', 'level', 'msg', 'time']);
  });
});

describe('fileUnder', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'skillcraft-files-'));
  mkdirSync(path.join(root, 'textures'));
  writeFileSync(path.join(root, 'index.js'), '');
  writeFileSync(path.join(root, 'textures', 'a b.png'), '');
  writeFileSync(path.join(root, '..', `${path.basename(root)}-secret`), '');
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(path.join(root, '..', `${path.basename(root)}-secret`), { force: true });
  });

  it('finds files under the root and nothing outside it', () => {
    expect(fileUnder(root, 'index.js')).toBe(path.join(root, 'index.js'));
    expect(fileUnder(`${root}/`, 'textures/a%20b.png')).toBe(path.join(root, 'textures', 'a b.png'));
    expect(fileUnder(root, 'textures')).toBeUndefined(); // a folder
    expect(fileUnder(root, 'missing.js')).toBeUndefined();
    expect(fileUnder(root, '../../etc/passwd')).toBeUndefined();
    expect(fileUnder(root, '%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(fileUnder(root, `../${path.basename(root)}-secret`)).toBeUndefined();
    expect(fileUnder(root, '%E0%A4%A')).toBeUndefined();
    expect(fileUnder(root, 'index.js%00.png')).toBeUndefined();
  });
});
