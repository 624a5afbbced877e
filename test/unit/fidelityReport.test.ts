import { describe, expect, it } from 'vitest';
import { findSuite, formatReport, type VersionRun } from '../../src/bench/fidelity/suite.ts';
import { plainText, toNbt, tr } from '../../src/sandbox/text.ts';
import type { SquidServer } from '../../src/sandbox/squid/types.ts';

describe('bench fidelity report', () => {
  const run = (version: string, states: Record<string, 'pass' | 'fail'>, crashed?: string): VersionRun => ({
    version, seconds: 1, cases: Object.entries(states).map(([name, state]) => ({ name, state, ms: 1, ...(state === 'fail' ? { error: 'boom' } : {}) })), ...(crashed ? { crashed } : {}),
  });

  it('counts survival cases apart from the others and meets the bar at 90 % on every version', () => {
    const cases = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`chat case ${i}`, 'pass' as const]));
    const good = run('1.20.1', { ...cases, 'chat case 9': 'fail', 'title': 'fail' });
    const r = formatReport([good]);
    expect(r.text).toMatch(/survival cases passed\s+9\/10 \(90 %\)/);
    expect(r.text).toMatch(/all cases passed\s+9\/11 \(82 %\)/);
    expect(r.text).toContain('1.20.1 title: boom');
    expect(r.text).toContain('nether: the sandbox');
    expect(r.allMet).toBe(true);
    const bad = run('1.21.4', { ...cases, 'chat case 9': 'fail', 'chat case 10': 'fail' });
    expect(formatReport([good, bad]).allMet).toBe(false);
    expect(formatReport([run('1.18.2', cases, 'the harness process ended early (SIGKILL)')]).allMet).toBe(false);
  });

  it('names the missing suite in one line', () => {
    expect(() => findSuite('/nonexistent/suite')).toThrow('--suite /nonexistent/suite: no test/externalTest.js there');
  });
});

describe('chat components', () => {
  const serv = { registry: { language: { 'commands.clear.success.single': 'Removed %s item(s) from player %s', 'x.y': '%2$s before %1$s, 100%%' } } } as unknown as SquidServer;

  it("render as the version's English, positional arguments included", () => {
    expect(plainText(serv, tr('commands.clear.success.single', 3, 'flatbot'))).toBe('Removed 3 item(s) from player flatbot');
    expect(plainText(serv, tr('x.y', 'a', tr('commands.clear.success.single', 1, 'b')))).toBe('Removed 1 item(s) from player b before a, 100%');
    expect(plainText(serv, tr('unknown.key'))).toBe('unknown.key');
  });

  it('become NBT as vanilla writes it: plain arguments stay strings, a mixed list wraps them under the empty key', () => {
    const tag = toNbt({ translate: 'chat.type.admin', with: ['Server', { translate: 'commands.op.success', with: ['flatbot'] }], color: 'gray', italic: true });
    expect(tag).toEqual({
      type: 'compound', name: '', value: {
        translate: { type: 'string', value: 'chat.type.admin' },
        with: { type: 'list', value: { type: 'compound', value: [
          { '': { type: 'string', value: 'Server' } },
          { translate: { type: 'string', value: 'commands.op.success' }, with: { type: 'list', value: { type: 'string', value: ['flatbot'] } } },
        ] } },
        color: { type: 'string', value: 'gray' },
        italic: { type: 'byte', value: 1 },
      },
    });
  });
});
