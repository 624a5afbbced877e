import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/agent/events.ts';
import { PartRun } from '../../src/team/partRun.ts';

const start = (skill: string): RunEvent => ({ event: 'step_start', step: 1, decision: { skill, args: {}, reason: '' } });
const end = (skill: string) => ({ event: 'step', step: 1, decision: { skill, args: {}, reason: '' } }) as unknown as RunEvent;

describe('calling off a member’s part', () => {
  it('cuts a run at once between steps and while it mines', () => {
    const run = new PartRun();
    expect(run.callOff(new Error('enough'))).toBe('now');
    expect(run.signal.aborted).toBe(true);
    const mining = new PartRun();
    mining.watch(start('mineBlock'));
    expect(mining.callOff(new Error('enough'))).toBe('now');
    expect(mining.signal.aborted).toBe(true);
  });

  it('lets a smelt in progress end first, then cuts the run', () => {
    const run = new PartRun();
    run.watch(start('smeltItem'));
    expect(run.callOff(new Error('enough'))).toBe('after this step');
    expect(run.signal.aborted).toBe(false);
    expect(run.calledOff).toBe(true);
    run.watch(end('smeltItem'));
    expect(run.signal.aborted).toBe(true);
    expect((run.signal.reason as Error).message).toBe('enough');
  });
});
