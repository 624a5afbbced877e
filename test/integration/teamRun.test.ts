// A real team of three bots on one sandbox: the goal is split, parts run on every member, hand-overs
// reach the assembler, and a member whose connection is cut for good has its part re-assigned.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchConnection } from '../../src/bench/worldTask.ts';
import { createKnowledge, type Knowledge } from '../../src/knowledge/kb.ts';
import { overworldFor } from '../../src/knowledge/vanillaOverworld.ts';
import { createGraphPlanner, type GraphPlanner } from '../../src/planner/graph/index.ts';
import { retire, runTeamTask } from '../../src/team/coordinator.ts';
import { TeamEvents } from '../../src/team/events.ts';
import { dugTwice, handoverBalance } from '../../src/team/traceCheck.ts';
import type { TeamEvent, TeamMember } from '../../src/team/types.ts';
import { openTeamWorld, type OpenTeamWorld } from '../../src/world/openTeam.ts';
import { createSkillRegistry, TEAM_SKILLS } from '../../skills/index.ts';

const log = pino({ level: 'warn' });
let team: OpenTeamWorld;
let kb: Knowledge;

beforeAll(async () => {
  team = await openTeamWorld({ connection: benchConnection('team'), sandbox: { seed: 20261206, preset: 'forest' } }, 3, { log, signal: AbortSignal.timeout(60_000) });
  kb = createKnowledge(team.world.bot.version);
}, 90_000);

afterAll(async () => {
  await team?.close();
});

function options(events: TeamEvents) {
  const skills = createSkillRegistry(TEAM_SKILLS);
  const planners = new Map<string, GraphPlanner>();
  const graph = (m: TeamMember) => {
    let g = planners.get(m.name);
    if (!g) planners.set(m.name, (g = createGraphPlanner({ skills, knowledge: kb, world: overworldFor(kb, team.world.terrain) })));
    return g;
  };
  return { skills, knowledge: kb, planner: graph, graph, log, signal: AbortSignal.timeout(300_000), events, limits: { maxGameSeconds: 300 } };
}

describe('a team of three', () => {
  it('finishes when one member is cut off mid-task: its part goes to another, nothing is dug twice or lost', async () => {
    const events = new TeamEvents(log);
    const seen: TeamEvent[] = [];
    events.on((e) => { if (e.event !== 'bot') seen.push(e); });
    const victim = team.members[2]!;
    // Cut off in the middle of its first step, for good: its connection ends and it may not reconnect.
    let cut = false;
    events.on((e) => { if (!cut && e.event === 'step_start' && 'who' in e && e.who === victim.name) { cut = true; retire(victim); } });
    const { summary } = await runTeamTask(team.members, { kind: 'item', items: ['oak_log'], count: 12 }, options(events));
    expect(summary.success, JSON.stringify(summary.members.map((m) => [m.name, m.done, m.failed, m.lost]))).toBe(true);
    const plan = seen.find((e) => e.event === 'team_plan');
    expect(plan && plan.event === 'team_plan' && plan.assignments.some((a) => a.who === victim.name)).toBe(true);
    const coordinator = seen.filter((e) => !('who' in e) || ['member_lost', 'assign', 'reassign'].includes(e.event)).map((e) => JSON.stringify(e).slice(0, 200));
    expect(summary.members.find((m) => m.name === victim.name)?.lost, coordinator.join('\n')).toBe(true);
    expect(seen.some((e) => e.event === 'member_lost' && e.who === victim.name)).toBe(true);
    expect(summary.reassigned).toBeGreaterThanOrEqual(1);
    const assembler = team.members.find((m) => m.name === summary.assembler)!;
    expect(assembler.name).not.toBe(victim.name);
    expect(assembler.bot.inventory.count(kb.itemId('oak_log')!, null)).toBeGreaterThanOrEqual(12);
    expect(dugTwice(seen)).toEqual([]);
    // Nothing thrown is lost; a receiver may take in drops of its own meanwhile (a log it just dug).
    expect(handoverBalance(seen).lost).toBe(0);
  }, 300_000);
});
