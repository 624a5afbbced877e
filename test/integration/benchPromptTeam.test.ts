// `bench prompt --bots 2` on one sandbox world: a team of two makes 16 oak planks through the coordinator,
// each member's chat-model planner asking a scripted server of its own; every decide prompt is measured.
// (In this world a wooden or stone pickaxe is not split: the coordinator estimates one bot as fast, so the
// second member would never decide. 16 planks are split 9 / 7.)
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { PROMPT_TARGET } from '../../src/bench/prompt.ts';
import { PROMPT_HEADER, promptRows, sizeFigures, measureTeam } from '../../src/bench/promptTeam.ts';
import { formatTable } from '../../src/bench/table.ts';

const log = pino({ level: 'warn' });
const world = { preset: 'forest' as const, seed: 20261206 };

describe('bench prompt --bots 2', () => {
  it("measures both members' decisions, each prompt carrying the team lines, the median within the budget", async () => {
    const run = await measureTeam(world, 2, '16 oak_planks', 'llm', { log, signal: AbortSignal.timeout(150_000) });
    expect(run.success, `${run.reason}`).toBe(true);
    expect(run.bots).toBe(2);
    const members = Object.keys(run.decisions);
    expect(members).toEqual(['bench1', 'bench2']);
    for (const who of members) expect(run.decisions[who], who).toBeGreaterThan(0);
    expect(Object.values(run.decisions).reduce((a, b) => a + b, 0)).toBe(run.sizes.length);
    // Every decide prompt had the team lines, and each member's last one named it and its mate.
    expect(run.withoutTeam).toBe(0);
    expect(run.team).toHaveLength(run.sizes.length);
    expect(run.lastTeamLines?.bench1).toMatch(/^Team \(you are bench1; [^\n]+\n- bench2: /);
    expect(run.lastTeamLines?.bench2).toMatch(/^Team \(you are bench2; [^\n]+\n- bench1: /);
    // The scripted model plays the graph planner's steps: no decision fell back.
    expect(run.model.fallbacks).toBe(0);
    const f = sizeFigures(run.sizes);
    expect(f.median).toBeLessThan(PROMPT_TARGET);
    const team = sizeFigures(run.team);
    expect(team.min).toBeGreaterThan(10);
    expect(team.max).toBeLessThan(150);
    const table = formatTable(PROMPT_HEADER, promptRows([run], PROMPT_TARGET));
    expect(table.split('\n')[2]).toMatch(new RegExp(`^2 +${run.sizes.length} +${f.min} +.* ${team.median} / ${team.max} +.* 1/1$`));
  }, 170_000);
});
