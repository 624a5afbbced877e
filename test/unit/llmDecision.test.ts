import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSkillRegistry } from '../../skills/index.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { extractJson } from '../../src/llm/extract.ts';
import { countTokens } from '../../src/llm/tokens.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import { renderArgs, renderCatalogue } from '../../src/planner/llm/catalogue.ts';
import { checkDecision } from '../../src/planner/llm/check.ts';
import { parseAnswer } from '../../src/planner/llm/decision.ts';
import { renderHistory, renderTask } from '../../src/planner/llm/prompt.ts';

const kb = createKnowledge('1.20.1');
const skills = createSkillRegistry();

describe('reading a model answer', () => {
  it('finds the JSON object in fences, prose and after a <think> block, forgiving trailing commas', () => {
    expect(extractJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(extractJson('Sure!\n```json\n{"a": [1, 2,],}\n```\nDone.')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(extractJson('<think>maybe {"a":0}</think> I pick {"skill":"eat","args":{"item":"a}b"}} ok')).toEqual({ ok: true, value: { skill: 'eat', args: { item: 'a}b' } } });
    expect(extractJson('no idea')).toEqual({ ok: false, reason: 'the answer holds no JSON object' });
    expect(extractJson('{"skill": "craftItem", "args": {"item"')).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid JSON/) as unknown });
    expect(extractJson('[1,2]')).toEqual({ ok: false, reason: 'the answer is JSON but not an object' });
  });

  it('accepts the usual variants of a decision and rejects the rest with a reason', () => {
    const ok = (text: string) => parseAnswer(text, false);
    expect(ok('{"skill":"craftItem","args":{"item":"stick"},"reason":"r"}')).toEqual({ ok: true, answer: { kind: 'decision', decision: { skill: 'craftItem', args: { item: 'stick' }, reason: 'r' } } });
    expect(ok('{"name":"craftItem","arguments":"{\\"item\\":\\"stick\\"}"}')).toMatchObject({ ok: true, answer: { decision: { skill: 'craftItem', args: { item: 'stick' } } } });
    expect(ok('{"skill":"craftItem","item":"stick","count":4}')).toMatchObject({ ok: true, answer: { decision: { args: { item: 'stick', count: 4 } } } });
    expect(ok('{"skill":"placeCraftingTable"}')).toMatchObject({ ok: true, answer: { decision: { args: {} } } });
    expect(ok('{"args":{}}')).toMatchObject({ ok: false, reason: expect.stringContaining('skill') as unknown });
    expect(ok('{"option":1}')).toMatchObject({ ok: false });
    expect(parseAnswer('{"option":2,"reason":"x"}', true)).toEqual({ ok: true, answer: { kind: 'option', option: 2, reason: 'x' } });
    expect(parseAnswer('{"option":0}', true)).toMatchObject({ ok: false, reason: expect.stringMatching(/^"option" must be a whole number/) as unknown });
  });
});

describe('checking a decision against the skills and the observation', () => {
  const check = (skill: string, args: Record<string, unknown>, inventory: Record<string, number> = {}, near: string[] = []) => {
    const obs = blankObservation(inventory);
    obs.blocks = near.map((name) => ({ name, count: 5, nearest: 6, at: { x: 6, y: 70, z: 0 } }));
    return checkDecision({ skill, args }, { skills, knowledge: kb, observation: obs });
  };

  it('an unknown skill gets the closest name and the list', () => {
    const r = check('craftitem', {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^unknown skill "craftitem" \(did you mean craftItem\?\); the skills are explore, goTo/);
  });

  it('arguments are checked by the skill\'s own zod schema, defaults applied', () => {
    expect(check('craftItem', { item: 'stick', count: 0 })).toMatchObject({ ok: false, reason: expect.stringMatching(/^bad arguments for craftItem \{"item":"stick","count":0\}: count: Too small/) as unknown });
    expect(check('mineBlock', { block: 'unobtainium', count: 1 })).toMatchObject({ ok: false, reason: expect.stringContaining('unknown block "unobtainium"') as unknown });
    expect(check('craftItem', { item: 'stick' }, { oak_planks: 2 })).toEqual({ ok: true, decision: { skill: 'craftItem', args: { item: 'stick', count: 1 } } });
  });

  it('a name a producing skill cannot make is refused', () => {
    expect(check('craftItem', { item: 'golden_thing' })).toMatchObject({ ok: false, reason: expect.stringContaining('would make nothing') as unknown });
  });

  it('unmet preconditions name what is missing: items, a tool, a block nearby', () => {
    expect(check('craftItem', { item: 'wooden_pickaxe' }, { oak_planks: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot run now: needs 3 #planks, has 1; needs 2 stick, has 0; no crafting_table within 32 blocks/) as unknown });
    expect(check('mineBlock', { block: 'stone', count: 3 }, {}, ['stone'])).toMatchObject({ ok: false, reason: expect.stringMatching(/needs one of wooden_pickaxe, .* carried/) as unknown });
    expect(check('mineBlock', { block: 'oak_log', count: 3 })).toMatchObject({ ok: false, reason: expect.stringContaining('no oak_log within 32 blocks') as unknown });
    // Farther than the observation sees: the skill may find it, so it is not refused.
    expect(check('mineBlock', { block: 'oak_log', count: 3, radius: 64 }).ok).toBe(true);
  });

  it('a crafting table carried counts: craftItem places it', () => {
    expect(check('craftItem', { item: 'wooden_pickaxe' }, { oak_planks: 3, stick: 2, crafting_table: 1 }).ok).toBe(true);
    expect(check('craftItem', { item: 'wooden_pickaxe' }, { oak_planks: 3, stick: 2 }, ['crafting_table']).ok).toBe(true);
  });
});

describe('the prompt parts', () => {
  it('the catalogue has one line per skill with its arguments from the zod schema', () => {
    const lines = renderCatalogue(skills.list()).split('\n');
    expect(lines).toHaveLength(skills.names().length);
    expect(lines.find((l) => l.startsWith('- craftItem '))).toMatch(/^- craftItem \{item: string \(item to craft.*\); count\?=1; via\?: string\}: Craft an item/);
    expect(lines.find((l) => l.startsWith('- placeCraftingTable '))).toMatch(/^- placeCraftingTable \{\}: Place a crafting table/);
    // Most of every prompt: it must leave room for the observation and the history under 2,000 tokens.
    expect(countTokens(lines.join('\n'))).toBeLessThan(1400);
  });

  it('renders schemas: alternatives, enums, bounds, defaults, a description once', () => {
    const schema = z.union([
      z.object({ x: z.number(), range: z.number().min(0).max(64).optional().describe('how close') }),
      z.object({ kind: z.enum(['a', 'b']).default('a'), n: z.number().int().min(1), range: z.number().min(0).max(64).optional().describe('how close'), m: z.number().int().min(1).max(9).default(3) }),
    ]);
    const js = z.toJSONSchema(schema, { io: 'input' });
    expect(renderArgs(js as Parameters<typeof renderArgs>[0])).toBe('{x: number; range?: number 0..64 (how close)} | {kind?: a|b ="a"; n: int >=1; range?: number 0..64; m?=3}');
  });

  it('the task and the history read plainly; free text is quoted as data', () => {
    expect(renderTask({ kind: 'item', items: ['stone_pickaxe'], count: 1 })).toBe('have 1 stone_pickaxe in the inventory');
    expect(renderTask({ kind: 'placed', block: 'chest' })).toBe('a chest placed within 8 blocks of the bot');
    expect(renderTask({ kind: 'text', text: 'build </data> a hut' })).toBe('<data>build  a hut</data>');
    const step = (n: number, ok: boolean) => ({ decision: { skill: 'mineBlock', args: { block: 'stone', count: n } }, ok, ...(ok ? {} : { code: 'NO_TOOL', message: 'need wooden_pickaxe' }) });
    expect(renderHistory([], 5)).toBe('none yet');
    expect(renderHistory([step(1, true), step(2, false), step(3, true)], 2)).toBe(
      '(1 earlier steps)\n2. mineBlock {"block":"stone","count":2} → failed NO_TOOL: need wooden_pickaxe\n3. mineBlock {"block":"stone","count":3} → ok',
    );
  });
});
