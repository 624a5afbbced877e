import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/agent/events.ts';
import { formatStep, terminalSink } from '../../src/agent/format.ts';
import { formatTeamSummary, itemsLost, teamTerminalSink } from '../../src/team/format.ts';
import type { TeamEvent } from '../../src/team/types.ts';
import { handover, logs, mineLogs, mineStone, runSummary, step, stepStart, stone, teamPlan, teamSummary } from '../helpers/teamEvents.ts';

function print(events: TeamEvent[]): string[] {
  const lines: string[] = [];
  const sink = teamTerminalSink((l) => lines.push(l));
  for (const e of events) sink(e);
  return lines;
}

describe('teamTerminalSink', () => {
  it('prefixes every member line with its name and prints one line per coordinator event', () => {
    const failed = step('Skillcraft2', 1, mineStone, 2000, { code: 'NO_PATH', message: 'no stone in reach' });
    const mined = step('Skillcraft1', 1, mineLogs, 10_000);
    const lines = print([
      teamPlan,
      { event: 'assign', who: 'Skillcraft1', subGoal: logs, why: 'nearest to oak_log' },
      { event: 'assign', who: 'Skillcraft2', subGoal: stone, why: 'carries a wooden_pickaxe' },
      { event: 'task', who: 'Skillcraft1', text: '3 oak_log', goal: '3 oak_log' },
      { event: 'plan', who: 'Skillcraft1', plan: [mineLogs] },
      stepStart('Skillcraft1', 1, mineLogs),
      failed,
      mined,
      { event: 'disconnected', who: 'Skillcraft2', reason: 'socket closed', segment: 1 },
      { event: 'resilient_end', who: 'Skillcraft1', summary: runSummary('3 oak_log', 1) },
      { ...handover, event: 'handover' },
      { event: 'member_lost', who: 'Skillcraft2', why: 'gave up reconnecting after 120 s' },
      { event: 'reassign', from: 'Skillcraft2', to: 'Skillcraft1', subGoal: stone, why: 'Skillcraft2 was lost' },
      { event: 'team_end', summary: teamSummary() },
    ]);
    expect(lines).toEqual([
      '[team]        team plan: 1 stone_pickaxe, assembled by Skillcraft1 — Skillcraft1: #1 3 oak_log; Skillcraft2: #2 3 cobblestone — estimate 21.4 s as a team, 40 s alone',
      '[team]        assign #1 3 oak_log → Skillcraft1 (nearest to oak_log)',
      '[team]        assign #2 3 cobblestone → Skillcraft2 (carries a wooden_pickaxe)',
      '[Skillcraft1] task: 3 oak_log → 3 oak_log',
      '[Skillcraft1] plan: mineBlock(block=oak_log count=3 radius=32)',
      `[Skillcraft2] ${formatStep(failed as RunEvent & { event: 'step' })}`,
      `[Skillcraft1] ${formatStep(mined as RunEvent & { event: 'step' })}`,
      '[Skillcraft2] connection lost (socket closed); reconnecting',
      '[Skillcraft1] done: 3 oak_log — 1 steps, 0 failed (0 recovered), 10 s wall, 9.5 s game',
      '[team]        handover Skillcraft2 → Skillcraft1 by drop (within 4 blocks): 3 cobblestone; out 3 cobblestone, in 3 cobblestone, 2.1 s game  ok',
      '[team]        Skillcraft2 lost: gave up reconnecting after 120 s',
      '[team]        reassign #2 3 cobblestone: Skillcraft2 → Skillcraft1 (Skillcraft2 was lost)',
      '[team]        done: 1 stone_pickaxe by 2 bots, assembled by Skillcraft1 — 6 steps, 1 failed, 1 hand-over (0 items lost), 0 reassigned, 31 s wall, 30.5 s game, trace runs/team-1',
      '[team]          Skillcraft1: done #1, failed —; 4 steps, 0 failed',
      '[team]          Skillcraft2: done #2, failed —; 2 steps, 1 failed',
    ]);
    expect(lines[5]).toMatch(/^\[Skillcraft2\] step {2}1 {2}mineBlock\(block=stone count=3 radius=32\) +2\.0 s {2}NO_PATH: no stone in reach$/);
  });

  it("prints a member's run exactly as a single bot's terminal does, after the prefix", () => {
    const run: RunEvent[] = [
      { event: 'plan', plan: [mineLogs, mineStone] },
      { event: 'step_start', step: 1, decision: mineLogs },
      step('x', 1, mineLogs, 1234) as RunEvent,
      { event: 'died', at: [10.5, 64, -3.2], segment: 1 },
      { event: 'respawned', afterMs: 1500, segment: 2 },
      { event: 'model_fallback', reason: 'the answer was not JSON', decision: mineStone } as RunEvent,
    ];
    const single: string[] = [];
    const one = terminalSink((l) => single.push(l));
    for (const e of run) one(e);
    const team = print(run.map((e) => ({ ...e, who: 'Skillcraft3' })));
    expect(single.length).toBeGreaterThan(3);
    expect(team).toEqual(single.map((l) => `[Skillcraft3] ${l}`));
  });

  it('says when a hand-over lost items or failed, and what a lost member left', () => {
    const bad = { ...handover, ok: false, in: { cobblestone: 1 } };
    expect(itemsLost(bad)).toBe(2);
    const s = teamSummary({
      success: false, reason: 'failures', detail: 'no iron in reach', reassigned: 1, handovers: [bad],
      members: [
        { name: 'Skillcraft1', done: [1], failed: [3], steps: 7, failures: 3, lost: false, runs: [] },
        { name: 'Skillcraft2', done: [], failed: [2], steps: 1, failures: 1, lost: true, runs: [] },
      ],
    });
    expect(formatTeamSummary(s).split('\n')).toEqual([
      'not done: 1 stone_pickaxe (failures: no iron in reach) by 2 bots, assembled by Skillcraft1 — 8 steps, 4 failed, 1 hand-over (2 items lost), 1 reassigned, 31 s wall, 30.5 s game, trace runs/team-1',
      '  Skillcraft1: done #1, failed #3; 7 steps, 3 failed',
      '  Skillcraft2 (lost): done —, failed #2; 1 steps, 1 failed',
    ]);
    expect(print([{ ...bad, event: 'handover' }])).toEqual([
      '[team]        handover Skillcraft2 → Skillcraft1 by drop (within 4 blocks): 3 cobblestone; out 3 cobblestone, in 1 cobblestone, 2 lost, 2.1 s game  FAILED',
    ]);
  });
});
