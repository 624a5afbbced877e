import { describe, expect, it } from 'vitest';
import { createSkillRegistry, MEMBER_MODEL_SKILLS, TEAM_SKILLS } from '../../skills/index.ts';
import { benchPrompt, botsArg } from '../../src/bench/prompt.ts';
import { decideFigures, promptRows, sent, sizeFigures, teamLines, type PromptRun } from '../../src/bench/promptTeam.ts';
import { BenchInputError } from '../../src/bench/plan4mc/args.ts';
import { listBenches } from '../../src/bench/index.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { countTokens } from '../../src/llm/tokens.ts';
import { decideMessages } from '../../src/planner/llm/prompt.ts';
import { renderCatalogue } from '../../src/planner/llm/index.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { parseTask } from '../../src/tasks/parse.ts';
import type { ScriptedRequest } from '../../src/testing/scriptedServer.ts';

const kb = createKnowledge('1.20.1');
const TEAM = 'Team (you are bench2; bench1 assembles 1 iron_pickaxe; your share: 3 iron_ingot, for bench1):\n- bench1: working on 2 stick; holds oak_planks 4\n- bench3: waiting';

/** A decide request as the scripted server records it, with the prompt the planner renders. */
function decide(team?: string, extra: { role: string; content: string }[] = []): ScriptedRequest {
  const messages = decideMessages({
    goal: parseTask(kb, 'iron pickaxe').goal, observation: blankObservation(), history: [], catalogue: renderCatalogue(createSkillRegistry(TEAM_SKILLS).list()),
    options: [], hybrid: false, ...(team === undefined ? {} : { team }),
  }).map((m) => ({ role: m.role, content: m.content }));
  const body = { response_format: { type: 'json_schema', json_schema: { name: 'decide', schema: { type: 'object' } } } };
  return { index: 0, body, headers: {}, receivedAt: 0, mode: 'json_schema', messages: [...messages, ...extra] };
}

function run(bots: number, sizes: number[], team: number[], success = true): PromptRun {
  return {
    bots, world: 'forest:1', success, reason: success ? 'done' : 'max_steps', steps: 3, wallSeconds: 1, sizes, team, withoutTeam: 0, decisions: {},
    model: { calls: sizes.length, fallbacks: 0, promptTokens: sizes.reduce((a, b) => a + b, 0), completionTokens: 10 },
  };
}

describe('bench prompt --bots: team lines in a decide prompt', () => {
  it('are read back exactly as the team state rendered them, between the task and the observation', () => {
    const user = decide(TEAM).messages[1]!.content;
    expect(teamLines(user)).toBe(TEAM);
    expect(teamLines(decide().messages[1]!.content)).toBeUndefined();
  });

  it('are counted per decide request; a request without them is counted apart, one of another purpose not at all', () => {
    const goal: ScriptedRequest = { ...decide(), body: { response_format: { type: 'json_schema', json_schema: { name: 'goal' } } } };
    const retried = decide(TEAM, [{ role: 'assistant', content: '{}' }, { role: 'user', content: 'That answer was rejected: no skill' }]);
    const f = decideFigures([decide(TEAM), decide(), goal, retried]);
    expect(f.team).toEqual([countTokens(TEAM), countTokens(TEAM)]);
    expect(f.withoutTeam).toBe(1);
    expect(f.sizes).toEqual([sent(decide(TEAM)), sent(decide()), sent(retried)]);
    // The team lines are all a team prompt adds to the same decision's.
    expect(f.sizes[0]! - f.sizes[1]!).toBeGreaterThanOrEqual(countTokens(TEAM));
    expect(f.sizes[0]! - f.sizes[1]!).toBeLessThanOrEqual(countTokens(TEAM) + 2);
    expect(f.sizes[2]!).toBeGreaterThan(f.sizes[0]!);
  });
});

describe('bench prompt --bots: figures', () => {
  it('takes min, nearest-rank p95 and max, NaN for nothing', () => {
    expect(sizeFigures([5, 1, 3, 2, 4])).toEqual({ decisions: 5, min: 1, median: 3, p95: 5, max: 5 });
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(sizeFigures(twenty).p95).toBe(19);
    expect(sizeFigures([])).toMatchObject({ decisions: 0, min: NaN, max: NaN });
  });

  it('pools the runs of one team size into one row, sizes in order', () => {
    const rows = promptRows([run(3, [1900, 1950], [60, 70]), run(1, [1800, 1810, 1820], []), run(3, [2010], [80], false)], 2000);
    expect(rows).toEqual([
      ['1', '3', '1800', '1810', '1820', '1820', '≤ 2000', '-', '3', '0', '5430', '10', '1/1'],
      ['3', '3', '1900', '1950', '2010', '2010', '≤ 2000', '70 / 80', '3', '0', '5860', '20', '1/2'],
    ]);
  });

  it('reads --bots as team sizes from 1 to 8, one bot by default', () => {
    expect(botsArg(undefined)).toEqual([1]);
    expect(botsArg('3,1,3')).toEqual([1, 3]);
    for (const bad of ['0', '9', '2.5', 'two']) expect(() => botsArg(bad), bad).toThrow(BenchInputError);
  });

  it("offers a member's model no hand-over skill (the coordinator hands over), and lists --bots", () => {
    expect(MEMBER_MODEL_SKILLS.map((s) => s.name)).not.toContain('giveItems');
    expect(TEAM_SKILLS.map((s) => s.name)).toContain('giveItems');
    expect(listBenches().find((b) => b.name === 'prompt')?.describe).toContain('--bots');
  });
});

describe('bench prompt --bots: arguments', () => {
  const stopped = () => { const ac = new AbortController(); ac.abort(); return ac.signal; };

  it('prints a line that repeats the run with its task, team size and planner, then stops before any world when stopped', async () => {
    const lines: string[] = [];
    const code = await benchPrompt(['--bots', '3', '--task', 'iron pickaxe', '--planner', 'hybrid', '--seed-list', 'forest:7'], { out: (l) => lines.push(l), log: silentLogger(), signal: stopped() });
    expect(code).toBe(130);
    expect(lines).toEqual([
      'worlds (1): repeat with: npm run bench -- prompt --task "iron pickaxe" --bots 3 --planner hybrid --seed-list forest:7',
    ]);
  });

  it('refuses a team task the offline parser cannot read, and a bad planner, before any world', async () => {
    const deps = { out: () => {}, log: silentLogger(), signal: stopped() };
    await expect(benchPrompt(['--bots', '2', '--task', 'build a house with a garden'], deps)).rejects.toThrow(/a team needs a goal the planner can read/);
    await expect(benchPrompt(['--planner', 'graph'], deps)).rejects.toThrow(BenchInputError);
    // One bot is the single-bot bench: no team line is printed.
    const lines: string[] = [];
    expect(await benchPrompt(['--seed-list', 'forest:7'], { ...deps, out: (l) => lines.push(l) })).toBe(130);
    expect(lines).toEqual(['worlds (1): repeat with: npm run bench -- prompt --seed-list forest:7']);
  });
});
