import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSkillRegistry } from '../../skills/index.ts';
import { goTo } from '../../skills/goTo.ts';
import { runTask } from '../../src/agent/run.ts';
import { ReflexMonitor } from '../../src/agent/reflexes/monitor.ts';
import { FLEE_DISTANCE } from '../../src/agent/reflexes/act.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { mobWorldOf } from '../../src/sandbox/mobs/world.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { fluidOf } from '../../src/actions/mining/world.ts';
import { parseTask } from '../../src/tasks/parse.ts';
import { counts } from '../helpers/inventory.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { standAt, Vec3 } from '../helpers/skillsGather.ts';
import { groundAt, mobsSeen, removeMobs, setVitals, summon } from '../helpers/skillsMobs.ts';
import { runOn, setBlocks, setSlots, skillBot, skillEnv } from '../helpers/skills.ts';

const kb = createKnowledge('1.20.1');

/** The fields of trace lines these tests read. */
interface TraceEvent {
  event: string;
  kind?: string;
  reason?: string;
  decision?: { skill: string };
  outcome?: { ok: boolean; code?: string };
}

describe('reflexes (sandbox seed 7, plains, no natural spawning)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let spawn: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 7, preset: 'plains', mobSpawning: false });
    bot = await skillBot(sb, 'guard');
    spawn = bot.entity.position.floored();
  });

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  /** A monitor on the bot for one test; stopped whatever happens. */
  async function withMonitor<T>(use: (m: ReflexMonitor) => Promise<T>): Promise<T> {
    const env = skillEnv(bot);
    const m = new ReflexMonitor({ bot, log: env.log, knowledge: env.knowledge });
    m.start();
    try {
      return await use(m);
    } finally {
      m.stop();
    }
  }

  /** No mobs, the bot standing on the ground `dx, dz` from the spawn (tests dig and flood their own spots). */
  async function fresh(slots: Record<number, string>, vitals: { health: number; food: number }, dx = 0, dz = 0): Promise<Vec3> {
    await removeMobs(sb, bot, ['zombie', 'cow', 'sheep']);
    const at = groundAt(bot, spawn.x + dx, spawn.z + dz);
    await standAt(sb, bot, at);
    await setSlots(sb, bot, slots);
    await setVitals(sb, bot, vitals);
    return at;
  }

  // First: the hunger plugin keeps exhaustion from earlier walking, which would cost food points here.
  it('under runTask: eats when hungry between steps, records the reflex, and still reaches the goal', async () => {
    await fresh({ 36: 'breadx2', 37: 'oak_planksx2' }, { health: 20, food: 10 }, 0, -20);
    const dir = mkdtempSync(join(tmpdir(), 'reflex-trace-'));
    const skills = createSkillRegistry();
    try {
      const { summary, traceDir } = await runTask({ bot }, parseTask(kb, 'craft a stick').goal, {
        planner: createGraphPlanner({ skills, knowledge: kb, prime: false }), skills, knowledge: kb,
        log: skillEnv(bot).log, signal: AbortSignal.timeout(60_000), traceRoot: dir,
      });
      expect(counts(bot)).toMatchObject({ bread: 1, stick: 4 });
      expect(bot.food).toBeGreaterThan(10);
      const events = readFileSync(join(traceDir!, 'trace.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TraceEvent);
      expect(events.filter((e) => e.event === 'reflex'), JSON.stringify(events)).toMatchObject([{ kind: 'eat', reason: 'food 10/20: eating bread' }]);
      expect(summary, JSON.stringify(summary)).toMatchObject({ success: true, failures: 0, reflexes: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a zombie summoned next to the bot attacks it; the fight reflex cuts the walk short and kills it', async () => {
    await fresh({ 36: 'iron_sword' }, { health: 20, food: 20 });
    await summon(sb, bot, 'zombie', 1, groundAt(bot, spawn.x + 2, spawn.z));
    await withMonitor(async (m) => {
      const signal = AbortSignal.timeout(60_000);
      const armed = m.arm(signal);
      const walk = await runOn(bot, goTo, { x: spawn.x + 120, y: spawn.y, z: spawn.z + 40 }, { signal: armed.signal });
      armed.disarm();
      expect(walk).toMatchObject({ ok: false, code: 'DANGER' });
      expect(!walk.ok && walk.message).toMatch(/^interrupted by the fight reflex: attacked by a zombie [\d.]+ blocks away \(health \d+\): fighting back$/);
      expect(armed.byReflex()).toBe(true);
      const reflex = await m.runPending(signal);
      expect(reflex, JSON.stringify(reflex)).toMatchObject({ kind: 'fight', ok: true, result: { killed: ['zombie'] } });
    });
    await waitFor(() => mobsSeen(bot, 'zombie').length === 0, 3000, 'the body to be removed');
    expect([...mobWorldOf(sb.server).mobs].filter((mob) => !mob.skillcraftMob.dead)).toHaveLength(0);
    expect(bot.health).toBeGreaterThan(0);
  });

  it('flees an attacker when weak and unarmed, out of its follow range', async () => {
    await fresh({}, { health: 8, food: 20 });
    await summon(sb, bot, 'zombie', 1, groundAt(bot, spawn.x, spawn.z + 2));
    await withMonitor(async (m) => {
      const signal = AbortSignal.timeout(60_000);
      const armed = m.arm(signal);
      const walk = await runOn(bot, goTo, { x: spawn.x, y: spawn.y, z: spawn.z + 100 }, { signal: armed.signal });
      armed.disarm();
      expect(walk).toMatchObject({ ok: false, code: 'DANGER', message: expect.stringMatching(/^interrupted by the flee reflex: attacked by a zombie/) as unknown });
      const reflex = await m.runPending(signal);
      expect(reflex, JSON.stringify(reflex)).toMatchObject({ kind: 'flee', ok: true });
      // No hostile was within FLEE_DISTANCE when it stopped (the zombie may walk on a little to where it last saw the bot).
      expect(reflex?.result?.hostileAt).toBeGreaterThan(FLEE_DISTANCE - 3);
    });
    expect(bot.health).toBeGreaterThan(0);
    await removeMobs(sb, bot, ['zombie']);
  });

  it('leaves deep water for the nearest dry block once its head stayed under', async () => {
    // A pit three deep full of water, 2 blocks from dry ground.
    const pit = await fresh({}, { health: 20, food: 20 }, 20, 0);
    const blocks: [Vec3, string][] = [];
    for (let dx = -2; dx <= 2; dx++) {
      for (let dz = -2; dz <= 2; dz++) {
        blocks.push([pit.offset(dx, -4, dz), 'stone']);
        for (let dy = -3; dy <= 0; dy++) blocks.push([pit.offset(dx, dy, dz), dy < 0 && Math.abs(dx) <= 1 && Math.abs(dz) <= 1 ? 'water' : dy < 0 ? 'stone' : 'air']);
        blocks.push([pit.offset(dx, 1, dz), 'air']);
      }
    }
    await setBlocks(sb, bot, blocks);
    await standAt(sb, bot, pit.offset(0, -3, 0));
    await withMonitor(async (m) => {
      const signal = AbortSignal.timeout(30_000);
      const armed = m.arm(signal);
      // The bot sinks and stays under: after 3 s the reflex cuts short whatever it was doing.
      await waitFor(() => armed.signal.aborted, 10_000, 'the reflex to fire');
      armed.disarm();
      expect(armed.byReflex()).toBe(true);
      const reflex = await m.runPending(signal);
      expect(reflex, JSON.stringify(reflex)).toMatchObject({ kind: 'leave_liquid', ok: true, reason: expect.stringMatching(/^head under water for \d s$/) as unknown });
    });
    await waitFor(() => bot.entity.onGround, 2000, 'the bot to land');
    const feet = bot.entity.position.floored();
    expect(fluidOf(bot.blockAt(feet))).toBeNull();
    expect(bot.blockAt(feet.offset(0, -1, 0))?.boundingBox).toBe('block');
  });

  it('under runTask: a zombie cuts a mining step short, the reflex kills it, the run re-plans and succeeds with no failure', async () => {
    const at = await fresh({ 36: 'stone_pickaxe', 37: 'iron_sword' }, { health: 20, food: 20 }, -20, 0);
    // Far enough that it reaches the bot once the mining has begun.
    await summon(sb, bot, 'zombie', 1, groundAt(bot, at.x + 5, at.z));
    const dir = mkdtempSync(join(tmpdir(), 'reflex-trace-'));
    const skills = createSkillRegistry();
    try {
      const { summary, traceDir } = await runTask({ bot }, parseTask(kb, 'mine 3 cobblestone').goal, {
        planner: createGraphPlanner({ skills, knowledge: kb, prime: false }), skills, knowledge: kb,
        log: skillEnv(bot).log, signal: AbortSignal.timeout(90_000), traceRoot: dir,
      });
      expect(summary, JSON.stringify(summary)).toMatchObject({ success: true, failures: 0 });
      expect(summary.reflexes).toBeGreaterThanOrEqual(1);
      const events = readFileSync(join(traceDir!, 'trace.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TraceEvent);
      const fight = events.find((e) => e.event === 'reflex' && e.kind === 'fight');
      expect(fight).toMatchObject({ ok: true, interrupted: { skill: 'mineBlock' }, result: { killed: ['zombie'] } });
      // The cut-short step is in the trace as DANGER, and the step after it is the same skill again.
      const steps = events.filter((e) => e.event === 'step');
      const cut = steps.findIndex((e) => e.outcome?.code === 'DANGER');
      expect(cut).toBeGreaterThanOrEqual(0);
      // Unless the drops picked up during the fight already made the goal, the same skill runs again.
      if (cut < steps.length - 1) expect(steps[cut + 1]?.decision?.skill).toBe('mineBlock');
      expect(counts(bot).cobblestone).toBeGreaterThanOrEqual(3);
      await waitFor(() => mobsSeen(bot, 'zombie').length === 0, 3000, 'the body to be removed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
