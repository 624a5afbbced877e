import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import { Vec3 } from 'vec3';
import { z } from 'zod';
import { explore } from '../../skills/explore.ts';
import { goTo } from '../../skills/goTo.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { defineSkill } from '../../src/skills/define.ts';
import { moveTo } from '../../src/actions/movement/move.ts';
import { findBlockPositions } from '../../src/actions/world/scan.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { listenerCounts, shellAround, spotAwayFromWater, standable, teleport } from '../helpers/skillsMove.ts';
import { runOn, setBlocks, skillBot } from '../helpers/skills.ts';

const { goals } = pathfinderPkg;

/** moveTo with a short watchdog, run through the runner like any skill. */
const moveProbe = defineSkill({
  name: 'moveProbe',
  summary: 'test: moveTo a position with a 2 s watchdog.',
  params: z.object({ x: z.number(), y: z.number(), z: z.number() }),
  preconditions: () => ({}),
  effects: () => ({}),
  timeoutMs: 60_000,
  run: (ctx, a) => moveTo(ctx, new goals.GoalNear(a.x, a.y, a.z, 1), { what: 'probe target', stuckMs: 2000 }),
});

describe('movement skills', () => {
  let sb: Sandbox;
  let bot: Bot;
  let home: Vec3;

  /** A standable column about `r` blocks from home (first match going round). */
  const spotAt = (r: number, from = home): Vec3 => {
    for (let a = 0; a < 32; a++) {
      const s = standable(sb, Math.floor(from.x + r * Math.cos((a * Math.PI) / 16)), Math.floor(from.z + r * Math.sin((a * Math.PI) / 16)));
      if (s) return s;
    }
    throw new Error(`no standable spot ${r} blocks from ${from.toString()}`);
  };

  beforeAll(async () => {
    sb = await testSandbox({ seed: 1 });
    bot = await skillBot(sb, 'walker');
    home = bot.entity.position.floored();
  });

  afterAll(async () => {
    quit(bot);
    await sb.stop();
  });

  beforeEach(async () => {
    if (bot.entity.position.distanceTo(home.offset(0.5, 0, 0.5)) > 1) await teleport(sb, bot, home);
  });

  it('goTo walks to a position 20 blocks away', async () => {
    const target = spotAt(20);
    const from = bot.entity.position.clone();
    const out = await runOn(bot, goTo, { x: target.x, y: target.y, z: target.z });
    expect(out).toMatchObject({ ok: true });
    const d = bot.entity.position.distanceTo(target.offset(0.5, 0, 0.5));
    expect(d).toBeLessThanOrEqual(2);
    const walked = from.distanceTo(bot.entity.position);
    console.log(`goTo 20 blocks: ${walked.toFixed(1)} blocks in ${(out.elapsedMs / 1000).toFixed(1)} s = ${(walked / (out.elapsedMs / 1000)).toFixed(2)} blocks/s`);
  });

  it('goTo a walled-off position ends in NO_PATH or STUCK well within its timeout', async () => {
    const target = spotAt(12);
    await setBlocks(sb, bot, shellAround(target, 'bedrock'));
    const out = await runOn(bot, goTo, { x: target.x, y: target.y, z: target.z });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(['NO_PATH', 'STUCK']).toContain(out.code);
    expect(out.message).toMatch(new RegExp(`^(no path to|no progress towards) ${target.x},${target.y},${target.z}`));
    expect(out.elapsedMs).toBeLessThan(30_000);
    console.log(`walled-off goTo: ${out.code} after ${(out.elapsedMs / 1000).toFixed(1)} s (timeout 120 s)`);
  });

  it('goTo from inside a closed box ends in NO_PATH at once', async () => {
    const spot = spotAt(30);
    await teleport(sb, bot, spot);
    const box: [Vec3, string][] = [];
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 2; dy++) for (let dz = -1; dz <= 1; dz++) {
      if (dx || dz || dy < 0 || dy > 1) box.push([spot.offset(dx, dy, dz), 'bedrock']);
    }
    await setBlocks(sb, bot, box);
    const before = listenerCounts(bot);
    const out = await runOn(bot, goTo, { x: home.x, y: home.y, z: home.z });
    expect(out).toMatchObject({ ok: false, code: 'NO_PATH', message: `no path to ${home.x},${home.y},${home.z} from ${spot.x},${spot.y},${spot.z}` });
    expect(out.elapsedMs).toBeLessThan(5000);
    expect(listenerCounts(bot)).toEqual(before);
  });

  it('a move the server keeps undoing ends in STUCK after the watchdog time', async () => {
    const target = spotAt(20);
    const anchor = bot.entity.position.clone();
    // The server puts the bot back every 300 ms, as a rubber-banding server would.
    const pin = setInterval(() => { void sb.command(`tp walker ${anchor.x} ${anchor.y} ${anchor.z}`); }, 300);
    try {
      const out = await runOn(bot, moveProbe, { x: target.x, y: target.y, z: target.z });
      expect(out).toMatchObject({ ok: false, code: 'STUCK' });
      if (!out.ok) expect(out.message).toMatch(/^no progress towards probe target for 2 s at /);
      expect(out.elapsedMs).toBeLessThan(8000);
    } finally {
      clearInterval(pin);
    }
    expect(bot.pathfinder.isMoving()).toBe(false);
  });

  it('an abort stops the pathfinder at once and leaves no listeners', async () => {
    const target = spotAt(60);
    const before = listenerCounts(bot);
    const ac = new AbortController();
    const pending = runOn(bot, goTo, { x: target.x, y: target.y, z: target.z }, { signal: ac.signal });
    await waitFor(() => bot.entity.position.distanceTo(home.offset(0.5, 0, 0.5)) > 3, 15_000, 'the bot to set off');
    const t0 = performance.now();
    ac.abort();
    const out = await pending;
    expect(out).toMatchObject({ ok: false, code: 'ABORTED', message: expect.stringMatching(/^goTo was stopped/) as unknown });
    expect(performance.now() - t0).toBeLessThan(200);
    await waitFor(() => !bot.pathfinder.isMoving(), 1000, 'the pathfinder to stop');
    expect(bot.pathfinder.goal).toBeNull();
    expect(bot.getControlState('forward')).toBe(false);
    expect(listenerCounts(bot)).toEqual(before);
    const stoppedAt = bot.entity.position.clone();
    await new Promise((r) => setTimeout(r, 600)); // no condition to wait for: checking that nothing moves
    expect(bot.entity.position.distanceTo(stoppedAt)).toBeLessThan(0.5);
  });

  it('goTo walks to the nearest block of a type, and NO_TARGET for a block not in the world', async () => {
    const out = await runOn(bot, goTo, { block: 'oak_log' });
    expect(out).toMatchObject({ ok: true });
    if (out.ok) expect((out.result as { distance: number }).distance).toBeLessThanOrEqual(3.5);

    const none = await runOn(bot, goTo, { block: 'emerald_block' });
    expect(none).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no emerald_block within 96 blocks', missing: { block: 'emerald_block' } });
  });

  it('goTo walks to another player by name', async () => {
    const friend = await skillBot(sb, 'friend');
    try {
      const spot = spotAt(10);
      await teleport(sb, friend, spot);
      await waitFor(() => Object.values(bot.players).some((p) => p.username === 'friend' && p.entity), 5000, 'the friend to be seen');
      const out = await runOn(bot, goTo, { entity: 'friend' });
      expect(out).toMatchObject({ ok: true });
      expect(bot.entity.position.distanceTo(friend.entity.position)).toBeLessThanOrEqual(3);
      const seen = await runOn(bot, explore, { target: 'player', kind: 'entity' });
      expect(seen).toMatchObject({ ok: true, result: { target: 'player', kind: 'entity', walked: 0 } });
    } finally {
      quit(friend);
    }
  });

  it('explore returns at once for a block already nearby', async () => {
    const out = await runOn(bot, explore, { target: 'oak_log' });
    expect(out).toMatchObject({ ok: true, result: { target: 'oak_log', kind: 'block', walked: 0 } });
    expect(out.elapsedMs).toBeLessThan(500);
  });

  it('explore finds sand that is out of sight at the start', async () => {
    const { spot, water } = spotAwayFromWater(sb, home, 48, 90);
    await teleport(sb, bot, spot);
    expect(findBlockPositions(bot, ['sand'], { maxDistance: 32 })).toEqual([]);
    const out = await runOn(bot, explore, { target: 'sand' });
    expect(out).toMatchObject({ ok: true, result: { target: 'sand', kind: 'block' } });
    if (!out.ok) return;
    const r = out.result as { at: { x: number; y: number; z: number }; walked: number; distance: number };
    // Found within 32 blocks of where it was seen; the bot coasts a little after it stops walking.
    expect(r.distance).toBeLessThanOrEqual(33);
    expect(bot.entity.position.distanceTo(new Vec3(r.at.x, r.at.y, r.at.z))).toBeLessThanOrEqual(33);
    console.log(`explore sand (nearest shore ~${Math.round(water)} blocks away): walked ${r.walked} blocks in ${(out.elapsedMs / 1000).toFixed(1)} s`);
  });

  it('explore ends in NO_TARGET for an entity that is not around, and BAD_ARGS for an unknown name', async () => {
    const out = await runOn(bot, explore, { target: 'cow', kind: 'entity', maxDistance: 8 });
    expect(out).toMatchObject({ ok: false, code: 'NO_TARGET', message: expect.stringMatching(/^no cow within 32 blocks after walking/) as unknown });
    const bad = await runOn(bot, explore, { target: 'dragon_scale' });
    expect(bad).toMatchObject({ ok: false, code: 'BAD_ARGS', message: '"dragon_scale" is not a block name in Minecraft 1.20.1' });
  });

  it('explore ends in NO_TARGET for a block that is not in the world, within its bound', async () => {
    const out = await runOn(bot, explore, { target: 'emerald_block', maxDistance: 30 });
    expect(out).toMatchObject({ ok: false, code: 'NO_TARGET', missing: { block: 'emerald_block' } });
    if (out.ok) return;
    expect(out.message).toMatch(/^no emerald_block within 32 blocks after walking \d+ blocks \(\d legs?\)$/);
    expect(out.elapsedMs).toBeLessThan(30_000);
    expect(bot.entity.position.distanceTo(home.offset(0.5, 0, 0.5))).toBeLessThan(34);
  });
});
