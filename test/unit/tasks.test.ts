import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { TaskError } from '../../src/tasks/errors.ts';
import { describeGoal } from '../../src/tasks/goal/goal.ts';
import { NEEDS_CHAT_MODEL, parseTask } from '../../src/tasks/parse.ts';
import { closest, editDistance } from '../../src/tasks/suggest.ts';

const kb = createKnowledge('1.20.1');
const goal = (text: string) => parseTask(kb, text).goal;
const fails = (text: string): string => {
  try {
    parseTask(kb, text);
  } catch (err) {
    expect(err).toBeInstanceOf(TaskError);
    expect((err as TaskError).code).toBe('BAD_INPUT');
    return (err as Error).message;
  }
  throw new Error(`"${text}" parsed`);
};

describe('parseTask: item goals', () => {
  it.each([
    ['craft a wooden pickaxe', ['wooden_pickaxe'], 1],
    ['get 5 iron ingots', ['iron_ingot'], 5],
    ['mine 3 cobblestone', ['cobblestone'], 3],
    ['smelt iron', ['iron_ingot'], 1],
    ['3 iron_ingot', ['iron_ingot'], 3],
    ['iron_ingot:3', ['iron_ingot'], 3],
    ['iron_ingot x3', ['iron_ingot'], 3],
    ['3x iron_ingot', ['iron_ingot'], 3],
    ['stick', ['stick'], 1],
    ['minecraft:stick', ['stick'], 1],
    ['Sticks', ['stick'], 1],
    ['four torches', ['torch'], 4],
    ['glass panes', ['glass_pane'], 1],
    ['sweet berries', ['sweet_berries'], 1],
    ['make a crafting table.', ['crafting_table'], 1],
    ['get some cobble', ['cobblestone'], 1],
    ['harvest milk', ['milk_bucket'], 1],
    ['cook beef', ['cooked_beef'], 1],
    ['cook 2 potatoes', ['baked_potato'], 2],
    ['smelt 4 sand', ['glass'], 4],
    ['smelt iron ore', ['iron_ingot'], 1],
    ['smelt iron ingots', ['iron_ingot'], 1],
    ['smelt logs', ['charcoal'], 1],
    ['mine iron', ['raw_iron'], 1],
    ['mine stone', ['cobblestone'], 1],
    ['mine a diamond', ['diamond'], 1],
    ['mine diamond ore', ['diamond'], 1],
    ['mine 2 oak logs', ['oak_log'], 2],
    ['get 2 iron', ['iron_ingot'], 2],
  ])('%s', (text, items, count) => {
    const g = goal(text);
    expect(g).toMatchObject({ kind: 'item', items, count });
    expect(parseTask(kb, text).needsChatModel).toBe(false);
  });

  it('reads groups with Plan4MC\'s "any colour / any wood" wording', () => {
    const logs = goal('wood');
    expect(logs).toMatchObject({ kind: 'item', count: 1, label: 'log (any wood)' });
    if (logs.kind !== 'item') throw new Error('not an item goal');
    expect(logs.items).toEqual(expect.arrayContaining(['oak_log', 'birch_log', 'spruce_log', 'stripped_oak_log']));
    expect(logs.items.every((i) => i.endsWith('_log'))).toBe(true);
    expect(goal('chop 3 trees')).toEqual({ ...logs, count: 3 });
    expect(goal('log')).toEqual(logs);
    const cases: [string, string, string, number][] = [
      ['planks', 'planks (any wood)', 'oak_planks', 11],
      ['wool', 'wool (any colour)', 'white_wool', 16],
      ['carpet', 'carpet (any colour)', 'white_carpet', 16],
      ['a bed', 'bed (any colour)', 'white_bed', 16],
      ['sign', 'sign (any wood)', 'oak_sign', 11],
      ['trapdoor', 'trapdoor (any wood)', 'oak_trapdoor', 11],
    ];
    for (const [text, label, member, n] of cases) {
      const g = goal(text);
      if (g.kind !== 'item') throw new Error(`${text}: not an item goal`);
      expect(g.label).toBe(label);
      expect(g.items).toContain(member);
      expect(g.items).toHaveLength(n);
    }
    const carpet = goal('carpet');
    const trapdoor = goal('trapdoor');
    const sign = goal('sign');
    expect(carpet.kind === 'item' && carpet.items.includes('moss_carpet')).toBe(false);
    expect(trapdoor.kind === 'item' && trapdoor.items.includes('iron_trapdoor')).toBe(false);
    expect(sign.kind === 'item' && sign.items.some((i) => i.includes('hanging'))).toBe(false);
    expect(describeGoal(goal('3 wool'))).toBe('3 wool (any colour)');
    expect(describeGoal(goal('3 iron_ingot'))).toBe('3 iron_ingot');
  });

  it('keeps a named colour or wood to itself', () => {
    expect(goal('craft an oak trapdoor')).toEqual({ kind: 'item', items: ['oak_trapdoor'], count: 1 });
    expect(goal('red wool')).toEqual({ kind: 'item', items: ['red_wool'], count: 1 });
  });
});

describe('parseTask: placed goals', () => {
  it.each([
    ['place a crafting table', 'crafting_table'],
    ['crafting_table nearby', 'crafting_table'],
    ['furnace placed nearby', 'furnace'],
    ['put down a furnace', 'furnace'],
    ['place a torch', 'torch'],
  ])('%s', (text, block) => {
    expect(goal(text)).toEqual({ kind: 'placed', block });
  });

  it('rejects counts and groups for a placed goal, and items that are not blocks', () => {
    expect(fails('place 2 torches')).toBe('a placed goal is one block (got 2 torches)');
    expect(fails('place a bed')).toBe('place one kind of block, not any bed (any colour)');
    expect(fails('place a stick')).toBe('stick is not a block that can be placed');
  });
});

describe('parseTask: errors and free text', () => {
  it('suggests the closest ids for an unknown item', () => {
    expect(fails('iron_ingt')).toBe('unknown item "iron_ingt"; did you mean iron_ingot?');
    expect(fails('craft a woden pickaxe')).toBe('unknown item "woden pickaxe"; did you mean wooden_pickaxe?');
    expect(goal('get 3 cobblestones')).toEqual({ kind: 'item', items: ['cobblestone'], count: 3 });
    expect(fails('get a house')).toBe('unknown item "house" (no item has a similar name)');
  });

  it('asks which one for an ambiguous name', () => {
    expect(fails('pickaxe')).toBe('"pickaxe" is ambiguous: which one? wooden_pickaxe, stone_pickaxe, golden_pickaxe, iron_pickaxe, diamond_pickaxe or netherite_pickaxe');
    expect(fails('craft an axe')).toMatch(/^"axe" is ambiguous: which one\? wooden_axe, stone_axe, /);
    expect(fails('2 swords')).toMatch(/^"swords" is ambiguous: which one\? wooden_sword/);
    expect(fails('door')).toMatch(/^"door" is ambiguous: which one\? iron_door, oak_door, .* and \d+ more$/);
  });

  it('rejects bad counts, empty tasks and things that cannot be smelted', () => {
    expect(fails('get 0 sticks')).toBe('count must be 1-2304 (got 0)');
    expect(fails('5000 sticks')).toBe('count must be 1-2304 (got 5000)');
    expect(fails('   ')).toBe('the task is empty');
    expect(fails('smelt dirt')).toBe('dirt cannot be smelted or cooked');
    expect(fails('craft a')).toBe('no item named in "craft a"');
  });

  it('returns free text as a text goal that needs a chat model', () => {
    for (const text of ['build a house with a garden', 'go to the village and trade', 'find a nice spot for a base']) {
      expect(parseTask(kb, text)).toEqual({ goal: { kind: 'text', text }, needsChatModel: true });
    }
    expect(NEEDS_CHAT_MODEL).toContain('this task needs a chat model (--planner llm)');
  });
});

describe('suggestions', () => {
  it('measures edit distance and ranks the closest names', () => {
    expect(editDistance('iron_ingt', 'iron_ingot')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
    expect(closest('stik', ['stick', 'stack', 'brick', 'diamond'])).toEqual(['stick']);
    expect(closest('stck', ['stick', 'stack', 'brick'])).toEqual(['stack', 'stick']);
    expect(closest('zzzzzz', ['stick'])).toEqual([]);
  });
});
