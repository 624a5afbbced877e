import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import { digToLevel } from '../../skills/digToLevel.ts';
import { goTo } from '../../skills/goTo.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { listenerCounts, setItems, standable, teleport } from '../helpers/skillsMove.ts';
import { runOn, setBlocks, skillBot } from '../helpers/skills.ts';

describe('digToLevel', () => {
  let sb: Sandbox;
  let bot: Bot;
  let home: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 7 });
    bot = await skillBot(sb, 'digger');
    home = bot.entity.position.floored();
  });

  afterAll(async () => {
    quit(bot);
    await sb.stop();
  });

  it('fails with NO_TOOL without a pickaxe, before digging anything', async () => {
    await setItems(sb, bot, { oak_planks: 4 });
    const before = bot.entity.position.clone();
    const out = await runOn(bot, digToLevel, { y: 40 });
    expect(out).toMatchObject({
      ok: false, code: 'NO_TOOL', message: 'need wooden_pickaxe or better to harvest stone', missing: { block: 'stone', tool: 'wooden_pickaxe' },
    });
    expect(bot.entity.position.distanceTo(before)).toBeLessThan(0.5);

    // 3 blocks per step: one wooden pickaxe (59 uses) cannot last from the surface to y 12.
    await setItems(sb, bot, { wooden_pickaxe: 1 });
    const short = await runOn(bot, digToLevel, { y: 12 });
    expect(short).toMatchObject({ ok: false, code: 'NO_TOOL', missing: { tool: 'wooden_pickaxe', have: 59 } });
    if (!short.ok) expect(short.message).toMatch(/^\d+ stair steps need about \d+ pickaxe uses, the pickaxes carried have 59 left$/);
  });

  it('digs a staircase from the surface down to y 12 with stone pickaxes, and walks back up it', async () => {
    // One stone pickaxe lasts 131 blocks; ~55 steps of 3 blocks need two.
    await setItems(sb, bot, { stone_pickaxe: 2 });
    const start = bot.entity.position.floored();
    const t0 = performance.now();
    const out = await runOn(bot, digToLevel, { y: 12 });
    const seconds = (performance.now() - t0) / 1000;
    expect(out.ok ? out.result : out).toMatchObject({ y: 12, how: 'stairs' });
    if (!out.ok) return;
    const { steps, dug, digMs, walkMs } = out.result as { steps: number; dug: number; digMs: number; walkMs: number };
    console.log(`digToLevel: y ${start.y} -> 12, ${steps} steps, ${dug} blocks dug in ${seconds.toFixed(1)} s (${(seconds / steps).toFixed(2)} s/step; digging ${(digMs / 1000).toFixed(1)} s, stepping ${(walkMs / 1000).toFixed(1)} s)`);
    expect(Math.floor(bot.entity.position.y)).toBe(12);
    expect(bot.entity.onGround).toBe(true);
    expect(bot.blockAt(bot.entity.position.offset(0, -1, 0))?.boundingBox).toBe('block');
    expect(bot.inventory.items().some((i) => i.name === 'cobblestone')).toBe(true);

    const t1 = performance.now();
    const back = await runOn(bot, goTo, { x: start.x, y: start.y, z: start.z }, { timeoutMs: 180_000 });
    const up = (performance.now() - t1) / 1000;
    expect(back).toMatchObject({ ok: true });
    console.log(`goTo back up the stairs: ${up.toFixed(1)} s`);
    expect(bot.entity.position.distanceTo(start.offset(0.5, 0, 0.5))).toBeLessThan(2);
  }, 400_000);

  it('digs a staircase up out of a closed pocket when there is no way to walk up', async () => {
    const column = findFlatSpot(sb, home, 55);
    const pocket = new Vec3(column.x, 30, column.z);
    await setBlocks(sb, bot, [[pocket.offset(0, -1, 0), 'stone'], [pocket, 'air'], [pocket.offset(0, 1, 0), 'air']]);
    await teleport(sb, bot, pocket);
    await setItems(sb, bot, { iron_pickaxe: 1 });
    const out = await runOn(bot, digToLevel, { y: 36 });
    expect(out).toMatchObject({ ok: true, result: { y: 36, steps: 6, how: 'stairs' } });
    expect(Math.floor(bot.entity.position.y)).toBe(36);
    console.log(`digToLevel up 6 steps: ${(out.elapsedMs / 1000).toFixed(1)} s`);
  });

  it('stops with DANGER when every way down would open onto lava', async () => {
    const spot = findFlatSpot(sb, home, 40);
    await teleport(sb, bot, spot);
    await setItems(sb, bot, { stone_pickaxe: 1 });
    const feet = bot.entity.position.floored();
    // Lava under the ring of floor blocks around the bot: every first step down would reveal it.
    const lava: [Vec3, string][] = [];
    for (let dx = -2; dx <= 2; dx++) for (let dz = -2; dz <= 2; dz++) if (dx || dz) lava.push([feet.offset(dx, -2, dz), 'lava']);
    await setBlocks(sb, bot, lava);
    const out = await runOn(bot, digToLevel, { y: feet.y - 10 });
    expect(out).toMatchObject({ ok: false, code: 'DANGER', missing: { block: 'lava' } });
    if (!out.ok) expect(out.message).toMatch(/^digging down from .*: no safe way \(north: lava at/);
    expect(bot.entity.position.floored()).toEqual(feet);
  });

  it('stops digging and leaves no listeners when the runner aborts it', async () => {
    const spot = findFlatSpot(sb, home, 70);
    await teleport(sb, bot, spot);
    await setItems(sb, bot, { iron_pickaxe: 1 });
    const before = listenerCounts(bot);
    const ac = new AbortController();
    const started = bot.entity.position.y;
    const pending = runOn(bot, digToLevel, { y: 0 }, { signal: ac.signal });
    await waitFor(() => bot.entity.position.y < started - 1.5, 30_000, 'the first steps down');
    const t0 = performance.now();
    ac.abort();
    const out = await pending;
    expect(out).toMatchObject({ ok: false, code: 'ABORTED' });
    expect(performance.now() - t0).toBeLessThan(500);
    await waitFor(() => !bot.targetDigBlock && !bot.pathfinder.isMoving(), 2000, 'the bot to stand still');
    expect(bot.pathfinder.goal).toBeNull();
    expect(listenerCounts(bot)).toEqual(before);
  });
});

/** A standable column on the ring of radius r around `center` (first match in a fixed order). */
function findFlatSpot(sb: Sandbox, center: Vec3, r: number): Vec3 {
  for (let a = 0; a < 32; a++) {
    const x = Math.floor(center.x + r * Math.cos((a * Math.PI) / 16));
    const z = Math.floor(center.z + r * Math.sin((a * Math.PI) / 16));
    const s = standable(sb, x, z);
    if (s) return s;
  }
  throw new Error(`no standable spot ${r} blocks around ${center.toString()}`);
}
