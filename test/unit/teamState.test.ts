import type { Bot } from 'mineflayer';
import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { decideMessages } from '../../src/planner/llm/prompt.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import { TeamState } from '../../src/team/state.ts';
import type { TeamMember } from '../../src/team/types.ts';

/** A bot as far as TeamState reads it: its inventory slots (9-44 storage and hotbar). */
function fakeBot(items: Record<string, number>): Bot {
  const slots: unknown[] = new Array(46).fill(null);
  Object.entries(items).forEach(([name, count], i) => { slots[9 + i] = { name, count }; });
  return { inventory: { slots } } as unknown as Bot;
}

const members: TeamMember[] = [
  { name: 'skillcraft1', bot: fakeBot({ stick: 4, iron_ingot: 1 }) },
  { name: 'skillcraft2', bot: fakeBot({ cobblestone: 12, oak_log: 2, raw_iron: 1, dirt: 30, oak_planks: 3 }) },
  { name: 'skillcraft3', bot: fakeBot({}) },
];

describe("a team's state in a member's prompt", () => {
  it('says whose share is whose, and what each team mate does and holds most of', () => {
    const t = new TeamState(members, 'skillcraft1', '1 iron_pickaxe');
    t.set('skillcraft1', 'working', { id: 1, item: 'iron_ingot', count: 1, estimate: 90 });
    t.set('skillcraft2', 'working', { id: 2, item: 'iron_ingot', count: 1, estimate: 90 });
    t.set('skillcraft3', 'lost', { id: 3, item: 'iron_ingot', count: 1, estimate: 90 });
    expect(t.text('skillcraft2')).toBe([
      'Team (you are skillcraft2; skillcraft1 assembles 1 iron_pickaxe; your share: 1 iron_ingot, for skillcraft1):',
      '- skillcraft1: working on 1 iron_ingot; holds stick 4, iron_ingot 1',
      '- skillcraft3: lost on 1 iron_ingot',
    ].join('\n'));
    expect(t.text('skillcraft1').split('\n')[1]).toBe('- skillcraft2: working on 1 iron_ingot; holds dirt 30, cobblestone 12, oak_planks 3, oak_log 2');
  });

  it('says who assembles only once it is chosen, when nobody was named', () => {
    const t = new TeamState(members, undefined, '1 iron_pickaxe');
    t.set('skillcraft2', 'working', { id: 2, item: 'iron_ingot', count: 1, estimate: 90 });
    expect(t.text('skillcraft2').split('\n')[0]).toBe('Team (you are skillcraft2; the team makes 1 iron_pickaxe; whoever holds most of its parts assembles it; your share: 1 iron_ingot, for the team):');
    t.assembledBy('skillcraft2');
    expect(t.text('skillcraft2').split('\n')[0]).toBe('Team (you are skillcraft2; you assemble 1 iron_pickaxe; your share: 1 iron_ingot):');
  });

  it('goes into the decision prompt before the observation, and nothing does for a single bot', () => {
    const base = { goal: { kind: 'item' as const, items: ['iron_pickaxe'], count: 1 }, observation: blankObservation({}), history: [], catalogue: 'skills', options: [], hybrid: false };
    const alone = decideMessages(base)[1]!.content;
    const team = decideMessages({ ...base, team: 'Team (you are skillcraft2):\n- skillcraft1: working' })[1]!.content;
    expect(alone).not.toContain('Team');
    expect(team).toContain('Task: have 1 iron_pickaxe in the inventory\nTeam (you are skillcraft2):\n- skillcraft1: working\nNow:');
    expect(team.length - alone.length).toBeLessThan(80);
    expect(createKnowledge('1.20.1').isItem('iron_pickaxe')).toBe(true);
  });
});
