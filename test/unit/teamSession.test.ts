// What `skillcraft agent --bots N` says to its owners: !status, !inventory and the end of a walk, from the
// same team events the dashboard reads (hand-made here, as a coordinator and its members emit them).
import { describe, expect, it } from 'vitest';
import { idleLine, movesLine, taskStatusLine, teamInventoryLine } from '../../src/control/teamSession.ts';
import { teamPlanLine } from '../../src/control/watchTeam.ts';
import { DashboardState } from '../../src/viewer/state.ts';
import { watchTeam } from '../../src/viewer/teamWatch.ts';
import { logs, mineLogs, mineStone, runSummary, step, stepStart, stone, teamPlan, teamSummary } from '../helpers/teamEvents.ts';

function board(names: string[]) {
  const state = new DashboardState({ enabled: false, path: '' });
  state.apply({ type: 'team', names });
  return { sink: watchTeam({ publish: (e) => state.apply(e) }), team: () => state.snapshot().team! };
}

describe('a team agent’s !status', () => {
  it('names every member before the split, then each one’s share and running skill', () => {
    const b = board(['Skillcraft1', 'Skillcraft2']);
    expect(taskStatusLine('1 stone_pickaxe', 1200, b.team())).toBe('team task 1 stone_pickaxe (1.2 s, splitting): Skillcraft1 waiting; Skillcraft2 waiting');
    b.sink(teamPlan);
    b.sink({ event: 'assign', who: 'Skillcraft1', subGoal: logs, why: 'nearest' });
    b.sink({ event: 'assign', who: 'Skillcraft2', subGoal: stone, why: 'has a pickaxe' });
    b.sink({ event: 'task', who: 'Skillcraft1', text: '3 oak_log', goal: '3 oak_log' });
    b.sink(stepStart('Skillcraft1', 1, mineLogs));
    b.sink({ event: 'task', who: 'Skillcraft2', text: '3 cobblestone', goal: '3 cobblestone' });
    b.sink(stepStart('Skillcraft2', 2, mineStone));
    expect(taskStatusLine('1 stone_pickaxe', 15_000, b.team()))
      .toBe('team task 1 stone_pickaxe (15.0 s): Skillcraft1 (3 oak_log) step 1 mineBlock; Skillcraft2 (3 cobblestone) step 2 mineBlock');
    expect(teamPlanLine(b.team())).toBe('1 stone_pickaxe, assembled by Skillcraft1: Skillcraft1: 3 oak_log (1 step left); Skillcraft2: 3 cobblestone (1 step left)');
    b.sink(step('Skillcraft1', 1, mineLogs, 9000));
    b.sink({ event: 'resilient_end', who: 'Skillcraft1', summary: runSummary('3 oak_log', 1) });
    b.sink(step('Skillcraft2', 2, mineStone, 9000));
    b.sink({ event: 'resilient_end', who: 'Skillcraft2', summary: runSummary('3 cobblestone', 2) });
    b.sink({ event: 'activity', who: 'Skillcraft2', text: 'handing over 3 cobblestone to Skillcraft1' });
    expect(taskStatusLine('1 stone_pickaxe', 20_000, b.team())).toBe('team task 1 stone_pickaxe (20.0 s): Skillcraft1 waiting; Skillcraft2 handing over');
  });

  it('fits eight members in one chat line', () => {
    const names = Array.from({ length: 8 }, (_, i) => `skillcraft${i + 1}`);
    const b = board(names);
    b.sink({ event: 'team_plan', goal: '24 oak_log', assembler: names[0]!, assignments: names.map((who, i) => ({ who, subGoals: [{ ...logs, id: i + 1 }] })), estimate: { team: 30, alone: 200 } });
    names.forEach((who, i) => {
      b.sink({ event: 'assign', who, subGoal: { ...logs, id: i + 1 }, why: 'nearest' });
      b.sink({ event: 'task', who, text: '3 oak_log', goal: '3 oak_log' });
      b.sink(stepStart(who, 12, mineLogs));
    });
    const line = taskStatusLine('24 oak_log', 95_500, b.team());
    // Shares and step numbers go when the line would be cut: every member is still named, with its skill.
    expect(line).toBe(`team task 24 oak_log (95.5 s): ${names.map((n) => `${n} mineBlock`).join('; ')}`);
    expect(line.length).toBeLessThanOrEqual(256);
  });

  it('names the members when idle, and how the last team task ended', () => {
    expect(idleLine(['skillcraft1', 'skillcraft2'], undefined)).toBe('idle: skillcraft1, skillcraft2');
    expect(idleLine(['skillcraft1', 'skillcraft2'], teamSummary())).toBe('idle: skillcraft1, skillcraft2; last team task 1 stone_pickaxe: done in 31 s by 2 bots');
    expect(idleLine(['a', 'b'], teamSummary({ success: false, reason: 'aborted' }))).toBe('idle: a, b; last team task 1 stone_pickaxe: not done (aborted) in 31 s by 2 bots');
  });
});

describe('a team agent’s !inventory and walks', () => {
  it('lists each member’s items, most first, the first member first', () => {
    expect(teamInventoryLine([
      { name: 'skillcraft1', items: new Map([['stick', 1], ['oak_log', 2]]) },
      { name: 'skillcraft2', items: new Map() },
    ])).toBe('inventory: skillcraft1: 2 oak_log, 1 stick; skillcraft2: empty');
  });

  it('says one line when every member ended its walk alike, else one part each', () => {
    expect(movesLine([{ who: 'a', text: 'here, boss' }, { who: 'b', text: 'here, boss' }])).toBe('here, boss');
    expect(movesLine([{ who: 'a', text: 'here, boss' }, { who: 'b', text: "can't reach you: no path" }])).toBe("a: here, boss; b: can't reach you: no path");
  });
});
