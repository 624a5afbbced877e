// A decision prompt over its token budget is rendered again showing less (history, blocks, entities,
// inventory), so a team member's prompt with its team lines costs what a single bot's does.
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/bot/observation.ts';
import { promptTokens } from '../../src/llm/tokens.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import { decideMessages, PROMPT_BUDGET } from '../../src/planner/llm/prompt.ts';
import type { StepRecord } from '../../src/planner/types.ts';

const BLOCKS = ['stone', 'dirt', 'grass_block', 'oak_log', 'birch_log', 'sand', 'gravel', 'coal_ore', 'iron_ore', 'water', 'andesite', 'granite'];
const observation: Observation = {
  ...blankObservation({ oak_planks: 3, stick: 2, cobblestone: 7, dirt: 12, wooden_pickaxe: 1 }),
  blocks: BLOCKS.map((name, i) => ({ name, count: 10 + i, nearest: 2 + i, at: { x: i, y: 64, z: -i } })),
};
const history: StepRecord[] = Array.from({ length: 6 }, (_, i) => ({ decision: { skill: 'mineBlock', args: { block: 'stone', count: i + 1 } }, ok: true }));
const base = { goal: { kind: 'item' as const, items: ['iron_pickaxe'], count: 1 }, observation, history, catalogue: 'x '.repeat(600), options: [], hybrid: false };
const size = (m: { role: string; content: string }[]) => promptTokens(m);
const team = ['Team (you are skillcraft2; skillcraft1 assembles 1 iron_pickaxe; your share: 1 iron_ingot, for skillcraft1):',
  '- skillcraft1: working on 1 iron_ingot; holds stick 4, iron_ingot 1, cobblestone 12, dirt 3',
  '- skillcraft3: working on 1 iron_ingot; holds dirt 30, cobblestone 12, oak_planks 3, oak_log 2'].join('\n');

describe('the decision prompt and its token budget', () => {
  it('shows everything when it fits, and the same with no budget', () => {
    const full = decideMessages(base);
    expect(decideMessages(base, { budget: PROMPT_BUDGET, size })).toEqual(full);
    expect(full[1]!.content).toContain('2. mineBlock');
  });

  it('shows less history and fewer blocks to fit a team member\'s lines in the same budget', () => {
    // This sample's history lines are short: the team lines fit within a few tokens of the single bot's prompt.
    const budget = size(decideMessages(base)) + 20;
    const unfitted = decideMessages({ ...base, team });
    expect(size(unfitted)).toBeGreaterThan(budget);
    const member = decideMessages({ ...base, team }, { budget, size });
    expect(size(member)).toBeLessThanOrEqual(budget);
    expect(member[1]!.content).toContain('Team (you are skillcraft2');
    // History numbered from its first step shown: the earliest ones went.
    expect(member[1]!.content).not.toContain('2. mineBlock');
    expect(member[1]!.content).toContain('6. mineBlock');
  });

  it('stops at its tightest view when even that is over the budget', () => {
    const tight = decideMessages({ ...base, team }, { budget: 10, size });
    expect(size(tight)).toBeGreaterThan(10);
    expect(tight[1]!.content).toContain('6. mineBlock');
    expect(tight[1]!.content).not.toContain('5. mineBlock');
  });
});
