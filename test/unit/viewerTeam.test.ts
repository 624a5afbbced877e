import { describe, expect, it } from 'vitest';
import { teamPlanLine, teamStatusLine } from '../../src/control/watchTeam.ts';
import { DashboardState } from '../../src/viewer/state.ts';
import { TeamBoard } from '../../src/viewer/teamState.ts';
import { watchTeam } from '../../src/viewer/teamWatch.ts';
import type { BotStatus, DashboardEvent, LogLine } from '../../src/viewer/types.ts';
import { dashboardLogStream } from '../../src/viewer/watch.ts';
import { handover, logs, mineLogs, mineStone, runSummary, step, stepStart, stone, teamPlan, teamSummary } from '../helpers/teamEvents.ts';

function status(username: string, inventory: Record<string, number>): BotStatus {
  return { username, health: 20, food: 18, position: { x: 1, y: 64, z: 2 }, inventory };
}

describe('the dashboard of a team', () => {
  it('keeps a row per member from the team events: sub-goal, running skill, state, bot', () => {
    let now = 1000;
    const s = new DashboardState({ enabled: true, path: '/view/' }, () => now);
    const published: DashboardEvent[] = [];
    const sink = watchTeam({ publish: (e) => { published.push(e); s.apply(e); } });
    s.apply({ type: 'team', names: ['Skillcraft1', 'Skillcraft2'] });
    let team = s.snapshot().team!;
    expect(team.members.map((m) => [m.name, m.state])).toEqual([['Skillcraft1', 'waiting'], ['Skillcraft2', 'waiting']]);

    sink(teamPlan);
    sink({ event: 'assign', who: 'Skillcraft1', subGoal: logs, why: 'nearest' });
    sink({ event: 'assign', who: 'Skillcraft2', subGoal: stone, why: 'has a pickaxe' });
    sink({ event: 'task', who: 'Skillcraft1', text: '3 oak_log', goal: '3 oak_log' });
    sink({ event: 'plan', who: 'Skillcraft1', plan: [mineLogs] });
    sink(stepStart('Skillcraft1', 1, mineLogs));
    sink({ event: 'task', who: 'Skillcraft2', text: '3 cobblestone', goal: '3 cobblestone' });
    sink(stepStart('Skillcraft2', 1, mineStone));
    s.apply({ type: 'member', who: 'Skillcraft2', event: { type: 'bot', status: status('Skillcraft2', { wooden_pickaxe: 1 }) } });
    sink({ event: 'model_call', who: 'Skillcraft2', promptTokens: 100, completionTokens: 10 } as never);
    now = 4000;
    let snap = s.snapshot();
    expect(snap.task).toMatchObject({ goal: '1 stone_pickaxe' });
    team = snap.team!;
    expect(team).toMatchObject({ goal: '1 stone_pickaxe', assembler: 'Skillcraft1', estimate: { team: 21.4, alone: 40 } });
    const [one, two] = team.members;
    expect(one).toMatchObject({ name: 'Skillcraft1', state: 'working', subGoal: logs, assigned: [1], running: { skill: 'mineBlock', text: 'mineBlock(block=oak_log count=3 radius=32)', startedAt: 1000 } });
    expect(one!.steps.map((x) => x.status)).toEqual(['running']);
    expect(two).toMatchObject({ name: 'Skillcraft2', state: 'working', subGoal: stone, running: { text: 'mineBlock(block=stone count=3 radius=32)' }, bot: { inventory: { wooden_pickaxe: 1 } } });
    expect(snap.model).toEqual({ calls: 1, promptTokens: 100, completionTokens: 10 });
    // What an owner's !plan and !status say of it.
    expect(teamPlanLine(team)).toBe('1 stone_pickaxe, assembled by Skillcraft1: Skillcraft1: 3 oak_log (1 step left); Skillcraft2: 3 cobblestone (1 step left)');
    expect(teamStatusLine(team)).toBe('team task 1 stone_pickaxe; Skillcraft1 working (step 1: mineBlock(block=oak_log count=3 radius=32)); Skillcraft2 working (step 1: mineBlock(block=stone count=3 radius=32))');
    // The single run's panels stay empty: the page shows the picked member's.
    expect(snap.steps).toEqual([]);
    expect(snap.bot).toBeNull();

    sink(step('Skillcraft1', 1, mineLogs, 9000));
    sink({ event: 'resilient_end', who: 'Skillcraft1', summary: runSummary('3 oak_log', 1) });
    sink({ event: 'activity', who: 'Skillcraft2', text: 'handing over 3 cobblestone to Skillcraft1' });
    team = s.snapshot().team!;
    expect(team.members[0]).toMatchObject({ state: 'waiting', subGoal: null, done: [1], end: { success: true } });
    expect(team.members[1]).toMatchObject({ state: 'handing over', note: 'handing over 3 cobblestone to Skillcraft1' });
    sink({ event: 'activity', who: 'Skillcraft2', text: null });
    sink({ ...handover, event: 'handover' });
    sink({ event: 'disconnected', who: 'Skillcraft2', reason: 'socket closed', segment: 1 });
    expect(s.snapshot().team!.members[1]).toMatchObject({ state: 'working', note: 'connection lost (socket closed); reconnecting' });
    sink({ event: 'member_lost', who: 'Skillcraft2', why: 'gave up reconnecting' });
    sink({ event: 'reassign', from: 'Skillcraft2', to: 'Skillcraft1', subGoal: stone, why: 'Skillcraft2 was lost' });
    // No row for a member the coordinator has not picked yet.
    sink({ event: 'reassign', from: 'Skillcraft2', to: 'first free member', subGoal: stone, why: 'failed' });
    team = s.snapshot().team!;
    expect(team.members.map((m) => m.name)).toEqual(['Skillcraft1', 'Skillcraft2']);
    expect(team.members[1]).toMatchObject({ state: 'lost', note: 'gave up reconnecting', subGoal: null, assigned: [], running: null });
    expect(team.members[0]).toMatchObject({ state: 'waiting', subGoal: null, assigned: [1, 2] });
    sink({ event: 'assign', who: 'Skillcraft1', subGoal: stone, why: 're-assigned' });
    expect(s.snapshot().team!.members[0]).toMatchObject({ state: 'working', subGoal: stone, assigned: [1, 2] });
    expect(s.snapshot().team).toMatchObject({ handovers: { ok: 1, failed: 0 }, reassigned: 2 });
    // A new connection brings a lost member back.
    sink({ event: 'bot', who: 'Skillcraft2', bot: {} as never });
    expect(s.snapshot().team!.members[1]).toMatchObject({ state: 'waiting', note: null });

    sink({ event: 'team_end', summary: teamSummary({ reassigned: 1 }) });
    snap = s.snapshot();
    expect(snap.end).toEqual({ goal: '1 stone_pickaxe', success: true, reason: 'done', steps: 6, failures: 1, failuresRecovered: 1, wallSeconds: 31 });
    expect(snap.team!.end).toMatchObject({ bots: 2, handovers: 1, itemsLost: 0, reassigned: 1, gameSeconds: 30.5 });
    expect(snap.team!.members.map((m) => m.state)).toEqual(['waiting', 'waiting']);
    // Each coordinator event is a log line too, the losses as warnings.
    const team_lines = snap.logs.filter((l) => l.component === 'team');
    expect(team_lines.map((l) => l.msg.split(' ')[0])).toEqual(['team', 'assign', 'assign', 'handover', 'Skillcraft2', 'reassign', 'reassign', 'assign', 'done:', '', '']);
    expect(team_lines.find((l) => l.msg.includes('lost:'))?.level).toBe('warn');
    expect(published.some((e) => e.type === 'team')).toBe(true);
  });

  it("says whose log line it is when a member's logger names it", () => {
    const lines: LogLine[] = [];
    const stream = dashboardLogStream((e) => { if (e.type === 'log') lines.push(e.line); });
    stream.write(`${JSON.stringify({ level: 30, time: 5, component: 'agent', who: 'Skillcraft2', msg: 'step done' })}\n`);
    stream.write(`${JSON.stringify({ level: 30, time: 6, who: { not: 'a name' }, msg: 'odd' })}\n`);
    expect(lines).toEqual([{ time: 5, level: 'info', component: 'agent', who: 'Skillcraft2', msg: 'step done' }, { time: 6, level: 'info', msg: 'odd' }]);
  });

  it('leaves a single run without a team', () => {
    const s = new DashboardState({ enabled: false, path: '/view/' });
    s.apply({ type: 'task', text: 'wooden pickaxe', goal: '1 wooden_pickaxe' });
    expect(s.snapshot()).toMatchObject({ team: null, task: { text: 'wooden pickaxe' } });
  });

  it('starts every row afresh with a second team task (agent --bots runs one after another)', () => {
    const b = new TeamBoard(['Skillcraft1', 'Skillcraft2']);
    const sink = watchTeam({ publish: (e) => { if (e.type !== 'log' && e.type !== 'model') b.apply(e as never); } });
    for (let task = 0; task < 2; task++) {
      sink(teamPlan);
      expect(b.snapshot().members.map((m) => [m.assigned, m.done])).toEqual([[[1], []], [[2], []]]);
      sink({ event: 'assign', who: 'Skillcraft1', subGoal: logs, why: 'x' });
      sink({ event: 'task', who: 'Skillcraft1', text: '3 oak_log', goal: '3 oak_log' });
      sink({ event: 'resilient_end', who: 'Skillcraft1', summary: runSummary('3 oak_log', 1) });
      sink({ event: 'assign', who: 'Skillcraft2', subGoal: stone, why: 'x' });
      sink({ event: 'task', who: 'Skillcraft2', text: '3 cobblestone', goal: '3 cobblestone' });
      sink({ event: 'resilient_end', who: 'Skillcraft2', summary: runSummary('3 cobblestone', 1) });
      expect(b.snapshot().members.map((m) => m.done)).toEqual([[1], [2]]);
    }
  });
});
