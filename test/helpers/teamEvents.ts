// Hand-made TeamEvents for the terminal and dashboard tests: what a coordinator and its members emit.
import type { StepEvent } from '../../src/agent/events.ts';
import type { ResilientSummary } from '../../src/agent/resilience/summary.ts';
import { noCounts } from '../../src/agent/resilience/summary.ts';
import type { Decision } from '../../src/planner/types.ts';
import type { Handover, SubGoal, TeamEvent, TeamSummary } from '../../src/team/types.ts';

export const mineLogs: Decision = { skill: 'mineBlock', args: { block: 'oak_log', count: 3, radius: 32 } };
export const mineStone: Decision = { skill: 'mineBlock', args: { block: 'stone', count: 3, radius: 32 } };
export const craftPick: Decision = { skill: 'craftItem', args: { item: 'stone_pickaxe', count: 1 } };

export const logs: SubGoal = { id: 1, item: 'oak_log', count: 3, estimate: 12 };
export const stone: SubGoal = { id: 2, item: 'cobblestone', count: 3, estimate: 9 };

export function stepStart(who: string, step: number, decision: Decision): TeamEvent {
  return { event: 'step_start', who, step, decision };
}

export function step(who: string, n: number, decision: Decision, elapsedMs: number, failure?: { code: 'NO_PATH'; message: string }): TeamEvent {
  const outcome: StepEvent['outcome'] = failure
    ? { ok: false, skill: decision.skill, args: decision.args, elapsedMs, ...failure }
    : { ok: true, skill: decision.skill, args: decision.args, elapsedMs, result: null };
  return {
    event: 'step', who, step: n, decision, outcome, planMs: 1, gameSeconds: elapsedMs / 1000, progress: 0,
    observation: { position: [0, 64, 0], health: 20, food: 20, inventory: {}, nearby: [], timeOfDay: 1000 },
  };
}

export function runSummary(goal: string, steps: number, over: Partial<ResilientSummary> = {}): ResilientSummary {
  return {
    goal, success: true, reason: 'done', steps, failures: 0, failuresRecovered: 0, wallSeconds: 10, gameSeconds: 9.5,
    skills: {}, reflexes: 0, segments: 1, resilience: noCounts(), ...over,
  };
}

export const handover: Handover = {
  from: 'Skillcraft2', to: 'Skillcraft1', method: 'drop', why: 'within 4 blocks', items: { cobblestone: 3 },
  out: { cobblestone: 3 }, in: { cobblestone: 3 }, ok: true, gameSeconds: 2.1,
};

export function teamSummary(over: Partial<TeamSummary> = {}): TeamSummary {
  return {
    goal: '1 stone_pickaxe', success: true, reason: 'done', bots: 2, assembler: 'Skillcraft1', gameSeconds: 30.5, wallSeconds: 31,
    members: [
      { name: 'Skillcraft1', done: [1], failed: [], steps: 4, failures: 0, lost: false, runs: [runSummary('3 oak_log', 3), runSummary('1 stone_pickaxe', 1)] },
      { name: 'Skillcraft2', done: [2], failed: [], steps: 2, failures: 1, lost: false, runs: [runSummary('3 cobblestone', 2, { failures: 1, failuresRecovered: 1 })] },
    ],
    handovers: [handover], reassigned: 0, traceDir: 'runs/team-1', ...over,
  };
}

export const teamPlan: TeamEvent = {
  event: 'team_plan', assembler: 'Skillcraft1', goal: '1 stone_pickaxe',
  assignments: [{ who: 'Skillcraft1', subGoals: [logs] }, { who: 'Skillcraft2', subGoals: [stone] }], estimate: { team: 21.4, alone: 40 },
};
