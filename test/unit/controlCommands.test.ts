import { describe, expect, it } from 'vitest';
import type { StepReport } from '../../src/agent/loop.ts';
import { helpLine, parseCommand } from '../../src/control/commands.ts';
import { RunTracker } from '../../src/control/tracker.ts';

describe('parseCommand', () => {
  it.each([
    ['!task wooden pickaxe', { kind: 'command', name: 'task', arg: 'wooden pickaxe' }],
    ['  !TASK   3 iron ingots  ', { kind: 'command', name: 'task', arg: '3 iron ingots' }],
    ['!stop', { kind: 'command', name: 'stop', arg: '' }],
    ['!status please', { kind: 'command', name: 'status', arg: 'please' }],
    ['!come', { kind: 'command', name: 'come', arg: '' }],
    ['!follow', { kind: 'command', name: 'follow', arg: '' }],
    ['!inventory', { kind: 'command', name: 'inventory', arg: '' }],
    ['!plan', { kind: 'command', name: 'plan', arg: '' }],
    ['!help', { kind: 'command', name: 'help', arg: '' }],
    ['!dance', { kind: 'unknown', name: 'dance' }],
    ['!', { kind: 'unknown', name: '' }],
    ['!constructor', { kind: 'unknown', name: 'constructor' }],
    ['hello !task wood', { kind: 'chat' }],
    ['task wood', { kind: 'chat' }],
    ['', { kind: 'chat' }],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it('refuses an over-long command line', () => {
    expect(parseCommand(`!task ${'a'.repeat(300)}`)).toEqual({ kind: 'unknown', name: 'task' });
  });

  it('help names every command', () => {
    for (const c of ['!task', '!stop', '!status', '!plan', '!come', '!follow', '!inventory']) expect(helpLine()).toContain(c);
  });
});

describe('RunTracker', () => {
  const d = (skill: string, args: Record<string, unknown> = {}) => ({ skill, args });
  const report = (step: number, skill: string, ok: boolean): StepReport => ({
    step, decision: d(skill),
    outcome: ok ? { ok, skill, args: {}, elapsedMs: 1500, result: null } : { ok, skill, args: {}, elapsedMs: 200, code: 'NO_PATH', message: 'no path' },
  });

  it('follows a task through plan, steps and end', () => {
    let now = 0;
    const t = new RunTracker(() => now);
    expect(t.statusLine()).toBe('idle');
    expect(t.planLine()).toBe('no task, no plan');
    t.begin('wooden pickaxe', '1 wooden_pickaxe');
    expect(t.planLine()).toBe('no plan yet');
    t.plan([d('mineBlock', { block: 'oak_log', count: 3 }), d('craftItem', { item: 'oak_planks' })]);
    now = 1000;
    t.skillStart(1, d('mineBlock', { block: 'oak_log', count: 3 }));
    now = 3500;
    expect(t.statusLine()).toBe('task 1 wooden_pickaxe (3.5 s): step 1: mineBlock oak_log 3 for 2.5 s; 0 steps done, 0 failed');
    t.step({ ...report(1, 'mineBlock', false), decision: d('mineBlock', { block: 'oak_log', count: 3 }) });
    expect(t.planLine()).toBe('plan (1 steps): craftItem oak_planks');
    expect(t.statusLine()).toContain('planning; 1 steps done, 1 failed');
    t.end({ goal: '1 wooden_pickaxe', success: true, reason: 'done', steps: 6, failures: 1, failuresRecovered: 1, wallSeconds: 12.5, gameSeconds: 12, skills: {}, reflexes: 0 });
    expect(t.current).toBeNull();
    expect(t.statusLine()).toBe('idle; last task 1 wooden_pickaxe: done in 12.5 s, 6 steps');
  });
});
