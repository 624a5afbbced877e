import { describe, expect, it } from 'vitest';
import { NoEffectWatch } from '../../src/agent/noEffect.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import { adviceFrom } from '../../src/planner/graph/history.ts';
import type { StepRecord } from '../../src/planner/types.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';

const place = { skill: 'placeCraftingTable', args: {} };
const ok: SkillOutcome = { ok: true, skill: 'placeCraftingTable', args: {}, elapsedMs: 3, result: { placed: false } };

describe('a step that changed nothing', () => {
  it('is tolerated once, then fails with NO_EFFECT; a change resets the count', () => {
    const watch = new NoEffectWatch();
    const obs = blankObservation({ crafting_table: 1 });
    expect(watch.judge(place, obs, obs, ok)).toMatchObject({ outcome: { ok: true }, unchanged: 1 });
    expect(watch.judge(place, obs, obs, ok)).toMatchObject({ outcome: { ok: false, code: 'NO_EFFECT' }, unchanged: 2 });
    // The same call that did change something (the table left the inventory) starts again from zero.
    expect(watch.judge(place, obs, blankObservation({}), ok)).toMatchObject({ outcome: { ok: true }, unchanged: 0 });
    expect(watch.judge(place, obs, obs, ok).unchanged).toBe(1);
  });

  it('counts a walk of a block or more, and a station that became near, as a change', () => {
    const watch = new NoEffectWatch();
    const a = blankObservation();
    const moved = { ...a, position: { ...a.position, x: a.position.x + 1.5 } };
    expect(watch.judge(place, a, moved, ok).unchanged).toBe(0);
    const table = { at: { x: 3, y: 70, z: 0 }, distance: 3, inReach: true, access: 'reach' as const };
    const far = { ...a, stations: { craftingTable: { ...table, inReach: false, access: 'far' as const }, furnace: null } };
    const near = { ...a, stations: { craftingTable: table, furnace: null } };
    expect(watch.judge(place, far, near, ok).unchanged).toBe(0);
    expect(watch.judge(place, near, near, ok).unchanged).toBe(1);
  });

  it('a NO_EFFECT failure bans the call until some step changes the world', () => {
    const failed: StepRecord = { decision: place, ok: false, code: 'NO_EFFECT', message: 'changed nothing' };
    const none = () => null;
    expect(adviceFrom([{ decision: place, ok: true, unchanged: true }, failed], none).penalty.get('placeCraftingTable {}')).toBe(Infinity);
    const mine = { skill: 'mineBlock', args: { block: 'stone', count: 1 } };
    const after = adviceFrom([failed, { decision: mine, ok: true }], none);
    expect(after.penalty.has('placeCraftingTable {}')).toBe(false);
    // An ok step that itself changed nothing does not lift the ban.
    expect(adviceFrom([failed, { decision: mine, ok: true, unchanged: true }], none).penalty.get('placeCraftingTable {}')).toBe(Infinity);
  });
});
