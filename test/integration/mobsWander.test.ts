import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, waitFor } from '../helpers/sandbox.ts';
import { placeBot, serverTicks } from '../helpers/items.ts';
import { mobSandbox, summonAt, Vec3 } from '../helpers/mobs.ts';

// A 5 × 5 stone pillar (top at y 149, mobs stand at 150) on a floor three blocks lower, with a strip of
// leaves level with the top on its east side: a cliff on three sides and leaves on the fourth.
const TOP = 149;
const FLOOR = 146;
const PILLAR = { x0: 6, x1: 10, z0: 6, z1: 10 };
const LEAVES = { x0: 11, x1: 13 };

async function buildArena(sb: Sandbox): Promise<void> {
  const reg = sb.server.registry;
  const stone = reg.blocksByName.stone!.defaultState;
  const leaves = reg.blocksByName.oak_leaves!.defaultState;
  const set = (x: number, y: number, z: number, state: number) => sb.server.setBlock(sb.server.overworld, new Vec3(x, y, z), state);
  const jobs: Promise<void>[] = [];
  for (let x = -4; x <= 20; x++) {
    for (let z = -4; z <= 20; z++) {
      jobs.push(set(x, FLOOR, z, stone));
      for (let y = FLOOR + 1; y <= TOP + 3; y++) {
        const inPillar = x >= PILLAR.x0 && x <= PILLAR.x1 && z >= PILLAR.z0 && z <= PILLAR.z1 && y <= TOP;
        const inLeaves = x >= LEAVES.x0 && x <= LEAVES.x1 && z >= PILLAR.z0 && z <= PILLAR.z1 && y === TOP;
        jobs.push(set(x, y, z, inPillar ? stone : inLeaves ? leaves : 0));
      }
    }
  }
  await Promise.all(jobs);
}

describe('mobs: wandering on terrain', () => {
  let sb: Sandbox;
  let bot: Bot;

  beforeAll(async () => {
    sb = await mobSandbox({ seed: 41 });
    bot = await testBot(sb, 'shepherd');
    await buildArena(sb);
    await placeBot(sb, bot, new Vec3(0, FLOOR + 1, 0));
  });
  afterAll(async () => {
    quit(bot);
    await sb.stop();
  });

  it('animals wander on a pillar without stepping off its cliffs or onto the leaves beside it', async () => {
    const centre = new Vec3(8, TOP + 1, 8);
    const mobs = [
      ...(await summonAt(sb, bot, 'cow', centre, '3')).server,
      ...(await summonAt(sb, bot, 'chicken', centre, '2')).server,
      ...(await summonAt(sb, bot, 'pig', centre)).server,
      ...(await summonAt(sb, bot, 'sheep', centre)).server,
    ];
    const farthest = new Map<number, number>();
    const leftPillar: string[] = [];
    const until = sb.server.tickCount + 200;
    while (sb.server.tickCount < until) {
      for (const m of mobs) {
        const p = m.position;
        const onPillar = p.y === TOP + 1 && p.x >= PILLAR.x0 && p.x < PILLAR.x1 + 1 && p.z >= PILLAR.z0 && p.z < PILLAR.z1 + 1;
        if (!onPillar) leftPillar.push(`${m.skillcraftMob.facts.name} at ${p.toString()}`);
        farthest.set(m.id, Math.max(farthest.get(m.id) ?? 0, p.distanceTo(centre.offset(0.5, 0, 0.5))));
      }
      await serverTicks(sb, 2);
    }
    expect(leftPillar).toEqual([]);
    // They did wander (most of them a block or more), so the edges were tested.
    expect([...farthest.values()].filter((d) => d >= 1).length).toBeGreaterThanOrEqual(4);
    // The client saw them move too.
    for (const m of mobs) expect(bot.entities[m.id]!.position.distanceTo(m.position)).toBeLessThan(0.5);
  });

  it('a mob dropped into a pool wades out and never walks back in', async () => {
    // A 3 × 3 pool, one block deep, sunk into a raised stone square (x, z 13..21).
    const reg = sb.server.registry;
    const jobs: Promise<void>[] = [];
    for (let x = 13; x <= 21; x++) {
      for (let z = 13; z <= 21; z++) {
        const pool = x >= 16 && x <= 18 && z >= 16 && z <= 18;
        const state = pool ? reg.blocksByName.water!.defaultState : reg.blocksByName.stone!.defaultState;
        jobs.push(sb.server.setBlock(sb.server.overworld, new Vec3(x, FLOOR + 1, z), state));
      }
    }
    await Promise.all(jobs);
    const { server } = await summonAt(sb, bot, 'cow', new Vec3(17, FLOOR + 1, 17));
    const cow = server[0]!;
    await waitFor(() => cow.position.y === FLOOR + 2, 30_000, 'the cow to climb out of the pool');
    const inPool = () => cow.position.x >= 16 && cow.position.x < 19 && cow.position.z >= 16 && cow.position.z < 19;
    expect(inPool()).toBe(false);
    const until = sb.server.tickCount + 100;
    while (sb.server.tickCount < until) {
      expect(inPool(), `cow at ${cow.position.toString()}`).toBe(false);
      await serverTicks(sb, 2);
    }
  });

  it('a mob summoned in the air falls onto the ground below', async () => {
    const { server, client } = await summonAt(sb, bot, 'pig', new Vec3(2, FLOOR + 8, 2));
    await waitFor(() => server[0]!.position.y === FLOOR + 1, 5000, 'the pig to land');
    await waitFor(() => Math.abs(client[0]!.position.y - (FLOOR + 1)) < 0.01, 3000, 'the client to see it land');
  });
});
