import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import { z } from 'zod';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { defineSkill, SkillRegistry } from '../../src/skills/define.ts';
import { missingItems, SkillError } from '../../src/base/errors.ts';
import { runSkill } from '../../src/skills/runner.ts';
import { moveTo } from '../../src/actions/movement/move.ts';
import type { AnySkill } from '../../src/skills/types.ts';
import { sleep, waitForEvent } from '../../src/base/wait.ts';
import { quit, testBot, testSandbox } from '../helpers/sandbox.ts';

const none = () => ({});
const base = { preconditions: none, effects: none };
const kb = createKnowledge('1.20.1');

const slow = defineSkill({ ...base, name: 'slow', summary: 'waits.', params: z.object({ ms: z.number().int() }), timeoutMs: 300,
  run: async (ctx, { ms }) => { await sleep(ms, ctx.signal); return 'slept'; } });
const stubborn = defineSkill({ ...base, name: 'stubborn', summary: 'ignores its signal.', params: z.object({}), timeoutMs: 200,
  run: () => new Promise<never>(() => undefined) });
const lacking = defineSkill({ ...base, name: 'lacking', summary: 'always short.', params: z.object({}), timeoutMs: 1000,
  run: () => Promise.reject(missingItems('cobblestone', 3, 1)) });
const broken = defineSkill({ ...base, name: 'broken', summary: 'throws a plain error.', params: z.object({}), timeoutMs: 1000,
  run: () => Promise.reject(new Error('boom')) });
const listener = defineSkill({ ...base, name: 'listener', summary: 'waits for chat.', params: z.object({}), timeoutMs: 5000,
  run: async (ctx) => { await waitForEvent(ctx.bot, 'chat', { signal: ctx.signal, timeoutMs: 4000, what: 'chat' }); } });
const walker = defineSkill({ ...base, name: 'walker', summary: 'walks far.', params: z.object({}), timeoutMs: 600,
  run: async (ctx) => { const p = ctx.bot.entity.position; await moveTo(ctx, new pathfinderPkg.goals.GoalXZ(p.x + 200, p.z), { what: 'far away' }); } });

describe('skill runner boundary', () => {
  let sb: Sandbox;
  let bot: Bot;
  const env = () => ({ bot, log: silentLogger(), knowledge: kb });
  beforeAll(async () => {
    sb = await testSandbox({ seed: 5, preset: 'plains' });
    bot = await testBot(sb, 'runner');
    bot.loadPlugin(pathfinderPkg.pathfinder);
  });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('returns the result of a skill that finishes', async () => {
    const out = await runSkill(slow, { ms: 10 }, env());
    expect(out).toMatchObject({ ok: true, skill: 'slow', result: 'slept' });
  });

  it('rejects bad arguments before running', async () => {
    const out = await runSkill(slow, { ms: 'soon' }, env());
    expect(out).toMatchObject({ ok: false, code: 'BAD_ARGS' });
    if (!out.ok) expect(out.message).toContain('ms');
  });

  it('times out a skill, even one that ignores its signal', async () => {
    const a = await runSkill(slow, { ms: 5000 }, env());
    expect(a).toMatchObject({ ok: false, code: 'TIMEOUT' });
    const t0 = Date.now();
    const b = await runSkill(stubborn, {}, env());
    expect(b).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('reports what is missing, and wraps unexpected errors', async () => {
    expect(await runSkill(lacking as AnySkill, {}, env())).toMatchObject({
      ok: false, code: 'MISSING_ITEMS', message: 'need 3 cobblestone, have 1', missing: { item: 'cobblestone', need: 3, have: 1 },
    });
    expect(await runSkill(broken as AnySkill, {}, env())).toMatchObject({ ok: false, code: 'FAILED', message: 'broken failed: boom' });
  });

  it('aborts from outside and removes the listeners the skill added', async () => {
    const before = bot.listenerCount('chat');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const out = await runSkill(listener, {}, { ...env(), signal: ac.signal });
    expect(out).toMatchObject({ ok: false, code: 'ABORTED' });
    expect(bot.listenerCount('chat')).toBe(before);
  });

  it('stops the pathfinder when a moving skill is cut short', async () => {
    const out = await runSkill(walker, {}, env());
    expect(out).toMatchObject({ ok: false, code: 'TIMEOUT' });
    await sleep(300, new AbortController().signal);
    expect(bot.pathfinder.isMoving()).toBe(false);
    expect(bot.pathfinder.goal).toBeNull();
  });

  it('refuses duplicate skill names', () => {
    expect(() => new SkillRegistry([slow as AnySkill, slow as AnySkill])).toThrow('duplicate skill name "slow"');
    expect(() => defineSkill({ ...base, name: 'Bad Name', summary: 'x.', params: z.object({}), timeoutMs: 1, run: () => Promise.resolve() })).toThrow('camelCase');
    expect(new SkillError('NO_PATH', 'x').code).toBe('NO_PATH');
  });
});
