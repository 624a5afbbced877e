import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPrompt, parseTemplate, PromptError, renderPrompt, renderTemplate } from '../../src/prompts/render.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'skillcraft-prompts-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('prompt templates', () => {
  it('fills every {{variable}} once, in one pass', () => {
    const t = parseTemplate('t', 'Task: {{task}}\nAgain {{ task }} and {{obs}}.');
    expect(t.variables).toEqual(['task', 'obs']);
    // A value that looks like a placeholder is text, not another variable.
    expect(renderTemplate(t, { task: 'get {{obs}}', obs: 3 })).toBe('Task: get {{obs}}\nAgain get {{obs}} and 3.');
  });

  it('a missing variable is an error naming it', () => {
    const t = parseTemplate('decide', 'Task: {{task}} {{observation}} {{history}}');
    expect(() => renderTemplate(t, { task: 'x' })).toThrow(new PromptError('prompt decide: missing variables "observation", "history"'));
    expect(() => renderTemplate(t, { task: 'x', history: '' })).toThrow('prompt decide: missing variable "observation"');
  });

  it('a variable the template does not use is an error too', () => {
    const t = parseTemplate('retry', 'Rejected: {{reason}}');
    expect(() => renderTemplate(t, { reason: 'bad', answer: '{}' })).toThrow('prompt retry: variable "answer" not used by the template');
  });

  it('reads a file once, without its <!-- --> header, and reports a missing file by name', () => {
    writeFileSync(path.join(dir, 'hello.md'), '<!--\nfor people: variables name\n-->\nHello {{name}}!\n');
    expect(renderPrompt('hello', { name: 'Steve' }, dir)).toBe('Hello Steve!');
    writeFileSync(path.join(dir, 'hello.md'), 'changed {{name}}');
    expect(renderPrompt('hello', { name: 'Alex' }, dir)).toBe('Hello Alex!');
    expect(() => loadPrompt('absent', dir)).toThrow(/^prompt absent: cannot read .*absent\.md: ENOENT$/);
  });

  it('the shipped prompts use exactly the variables the planner and the goal reader give', () => {
    expect(loadPrompt('system').variables).toEqual(['answer', 'skills']);
    expect(loadPrompt('decide').variables).toEqual(['task', 'team', 'observation', 'history', 'chat', 'options']);
    expect(loadPrompt('retry').variables).toEqual(['reason', 'answer']);
    expect(loadPrompt('goal').variables).toEqual(['version', 'request']);
    for (const name of ['system', 'decide', 'retry', 'goal']) expect(loadPrompt(name).text).not.toContain('<!--');
  });
});
