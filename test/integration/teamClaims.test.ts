import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digToLevel } from '../../skills/digToLevel.ts';
import { mineBlock } from '../../skills/mineBlock.ts';
import { placeFurnace } from '../../skills/placeFurnace.ts';
import { smeltItem } from '../../skills/smeltItem.ts';
import { lookupFor } from '../../src/actions/movement/digStairs.ts';
import type { MineResult } from '../../src/actions/mining/mine.ts';
import { ClaimBoard, claimKey, joinClaims, leaveClaims, releaseClaim, tryClaim } from '../../src/bot/claims.ts';
import { observe } from '../../src/bot/observe.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';
import { memoryLogger } from '../helpers/faults.ts';
import { clearDrops } from '../helpers/items.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { standAt, Vec3 } from '../helpers/skillsGather.ts';
import { setItems } from '../helpers/skillsMove.ts';
import { runOn, setBlocks, skillBot } from '../helpers/skills.ts';

function resultOf<T>(out: SkillOutcome): T {
  if (!out.ok) throw new Error(`skill failed: ${out.code} ${out.message}`);
  return out.result as T;
}

const keys = (at: readonly number[][]) => at.map(([x, y, z]) => `${x},${y},${z}`);

describe('claims: two members in one world never dig the same block or use the same furnace (sandbox seed 1)', () => {
  let sb: Sandbox;
  let a: Bot;
  let b: Bot;
  let board: ClaimBoard;
  // A room far above the terrain: only what a test puts there is in reach of the searches.
  let room: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 1 });
    a = await skillBot(sb, 'memberA');
    b = await skillBot(sb, 'memberB');
    const spawn = a.entity.position.floored();
    room = new Vec3(spawn.x, 200, spawn.z);
  });

  afterAll(async () => {
    quit(a);
    quit(b);
    await sb?.stop();
  });

  /** Sets blocks server-side and waits until both clients see them. */
  async function setBoth(blocks: readonly (readonly [Vec3, string])[]): Promise<void> {
    await setBlocks(sb, a, blocks);
    await waitFor(() => blocks.every(([p, name]) => b.blockAt(p)?.name === name), 5000, 'the blocks to reach memberB');
  }

  /** A fresh board, a bedrock-floored room 4 high, A in its middle and B one block east. */
  async function inRoom(items: Record<string, number>, r = 6): Promise<void> {
    board = new ClaimBoard();
    joinClaims(a, board, 'memberA');
    joinClaims(b, board, 'memberB');
    const jobs: [Vec3, string][] = [];
    for (let dx = -r; dx <= r; dx++) {
      for (let dz = -r; dz <= r; dz++) {
        jobs.push([room.offset(dx, -1, dz), 'bedrock']);
        for (let dy = 0; dy < 4; dy++) jobs.push([room.offset(dx, dy, dz), 'air']);
      }
    }
    await setBoth(jobs);
    // A stack the last test left lying (a drop that came late under load) would be picked up and counted.
    clearDrops(sb);
    await standAt(sb, a, room);
    await standAt(sb, b, room.offset(1, 0, 0));
    await setItems(sb, a, items);
    await setItems(sb, b, items);
  }

  it('two members mining one patch of stone at once dig disjoint blocks, neither finding its target gone', async () => {
    await inRoom({ wooden_pickaxe: 1 });
    // Ten stones in two rows north of both bots: the nearest ones are the same for both.
    const stones = [-2, -1, 0, 1, 2].flatMap((dx) => [room.offset(dx, 0, -3), room.offset(dx, 0, -4)]);
    await setBoth(stones.map((p) => [p, 'stone'] as const));
    const logA = memoryLogger('debug');
    const logB = memoryLogger('debug');
    const [outA, outB] = await Promise.all([
      runOn(a, mineBlock, { block: 'stone', count: 3 }, { log: logA.logger }),
      runOn(b, mineBlock, { block: 'stone', count: 3 }, { log: logB.logger }),
    ]);
    const ra = resultOf<MineResult>(outA);
    const rb = resultOf<MineResult>(outB);
    expect(ra.at).toHaveLength(ra.dug);
    expect(rb.at).toHaveLength(rb.dug);
    const both = keys(ra.at).filter((k) => keys(rb.at).includes(k));
    expect(both).toEqual([]);
    for (const [x, y, z] of [...ra.at, ...rb.at]) expect(a.blockAt(new Vec3(x, y, z))?.name).toBe('air');
    // Without claims the second bot walks to the first one's block and finds it gone ("target failed").
    expect(logA.text() + logB.text()).not.toMatch(/is gone/);
    // What stays claimed is what its owner dug (kept until it runs out, for a mate's lagging view).
    const dugBy = new Map([...keys(ra.at).map((k) => [k, 'memberA'] as const), ...keys(rb.at).map((k) => [k, 'memberB'] as const)]);
    for (const e of board.entries()) expect(dugBy.get(e.key)).toBe(e.owner);
  }, 90_000);

  it('a member leaves blocks a team mate claimed, says so when nothing else is left, and digs them once released', async () => {
    await inRoom({ wooden_pickaxe: 1 });
    const stones = [room.offset(-2, 0, -2), room.offset(-1, 0, -2), room.offset(2, 0, -2), room.offset(3, 0, -2)];
    await setBoth(stones.map((p) => [p, 'stone'] as const));
    // A went for the two nearest to B (as if walking there).
    const theirs = [stones[2]!, stones[3]!];
    for (const p of theirs) expect(tryClaim(a, p, 'block')).toBe(true);
    const out = await runOn(b, mineBlock, { block: 'stone', count: 4 });
    expect(out).toMatchObject({ ok: false, code: 'NO_TARGET' });
    if (!out.ok) expect(out.message).toMatch(/2 claimed by team mates; got 2 of 4 cobblestone/);
    for (const p of theirs) expect(b.blockAt(p)?.name).toBe('stone');
    for (const p of stones.slice(0, 2)) expect(b.blockAt(p)?.name).toBe('air');
    for (const p of theirs) releaseClaim(a, p);
    const rest = resultOf<MineResult>(await runOn(b, mineBlock, { block: 'stone', count: 2 }));
    expect(keys(rest.at).sort()).toEqual(theirs.map(claimKey).sort());
  }, 90_000);

  it('a furnace a team mate placed is no station for the other: not in its observation, and it places its own', async () => {
    await inRoom({ furnace: 1 });
    const placed = resultOf<{ placed: boolean; x: number; y: number; z: number }>(await runOn(a, placeFurnace, {}));
    expect(placed.placed).toBe(true);
    const aFurnace = new Vec3(placed.x, placed.y, placed.z);
    await waitFor(() => b.blockAt(aFurnace)?.name === 'furnace', 3000, 'memberB to see the furnace');
    expect(board.holder(claimKey(aFurnace))).toBe('memberA');
    const at = { x: placed.x, y: placed.y, z: placed.z };
    expect(observe(a).stations.furnace).toMatchObject({ at, access: 'reach' });
    expect(observe(b).stations.furnace).toBeNull();
    // B alone (in no team) would take it: the one definition of near decides, claims aside.
    leaveClaims(b);
    expect(observe(b).stations.furnace?.at).toEqual(at);
    joinClaims(b, board, 'memberB');

    // B smelts with its own furnace, never opening A's.
    await setItems(sb, b, { furnace: 1, raw_iron: 1, coal: 1 });
    const smelt = await runOn(b, smeltItem, { item: 'iron_ingot', count: 1 });
    expect(smelt).toMatchObject({ ok: true, result: { smelted: 1 } });
    const bFurnace = board.entries().find((e) => e.owner === 'memberB');
    expect(bFurnace?.key).toBeDefined();
    expect(bFurnace?.key).not.toBe(claimKey(aFurnace));
    expect(b.inventory.items().find((i) => i.name === 'furnace')).toBeUndefined();
    expect(observe(b).stations.furnace?.at).toEqual(Object.fromEntries(['x', 'y', 'z'].map((k, i) => [k, Number(bFurnace!.key.split(',')[i])])));
    // A, in turn, never sees B's furnace as a station: its own is the one near it.
    expect(observe(a).stations.furnace?.at).toEqual(at);
  }, 120_000);

  it('a member places its furnace against a wall when the floor around it is cells a team mate dug (still claimed), never in one of them', async () => {
    await inRoom({ furnace: 1 });
    const feetB = room.offset(1, 0, 0);
    // A wall east of B; A stands aside.
    await standAt(sb, a, room.offset(-4, 0, -4));
    const wall: [Vec3, string][] = [];
    for (let dz = -3; dz <= 3; dz++) for (let dy = 0; dy < 4; dy++) wall.push([feetB.offset(2, dy, dz), 'stone']);
    await setBoth(wall);
    // Every floor cell around B is one A dug out a moment ago (its claims outlive the dig, as mineBlock's do).
    const dug: Vec3[] = [];
    for (let dx = -3; dx <= 1; dx++) for (let dz = -3; dz <= 3; dz++) if (dx !== 0 || dz !== 0) dug.push(feetB.offset(dx, 0, dz));
    for (const p of dug) expect(tryClaim(a, p, 'block')).toBe(true);
    try {
      const placed = resultOf<{ placed: boolean; x: number; y: number; z: number }>(await runOn(b, placeFurnace, {}));
      expect(placed.placed).toBe(true);
      expect(dug.map(claimKey)).not.toContain(claimKey(placed));
      expect(b.blockAt(new Vec3(placed.x, placed.y, placed.z))?.name).toBe('furnace');
    } finally {
      for (const p of dug) releaseClaim(a, p);
    }
  }, 90_000);

  it('a member digging down next to a team mate goes around the cells the mate claimed', async () => {
    await inRoom({ stone_pickaxe: 1 }, 4);
    // A stands aside: B's staircase may go under its feet.
    await standAt(sb, a, room.offset(3, 0, 3));
    // Solid stone under B's cell: it digs a staircase 3 steps down into it.
    const below: [Vec3, string][] = [];
    const feetB = room.offset(1, 0, 0);
    for (let dx = -3; dx <= 3; dx++) for (let dz = -3; dz <= 3; dz++) for (let dy = 1; dy <= 6; dy++) below.push([feetB.offset(dx, -dy, dz), 'stone']);
    await setBoth(below);
    // A holds the first step's cells north, east and south of B: only west is free.
    const claimed = [[0, -1], [1, 0], [0, 1]].flatMap(([dx, dz]) => [0, -1, -2].map((dy) => feetB.offset(dx!, dy, dz!)));
    for (const p of claimed) tryClaim(a, p, 'block');
    const lookup = lookupFor(b);
    expect(lookup(feetB.x, feetB.y - 1, feetB.z - 1)).toMatchObject({ name: 'stone', claimed: true });
    expect(lookup(feetB.x - 1, feetB.y - 1, feetB.z)).toMatchObject({ name: 'stone' });
    expect(lookup(feetB.x - 1, feetB.y - 1, feetB.z)?.claimed).toBeUndefined();
    const out = await runOn(b, digToLevel, { y: feetB.y - 3 });
    const res = resultOf<{ y: number; steps: number; at?: number[][] }>(out);
    expect(res.y).toBe(feetB.y - 3);
    for (const p of claimed) expect(b.blockAt(p)?.name).toBe(p.y === feetB.y ? 'air' : 'stone');
    expect(b.blockAt(feetB.offset(-1, -1, 0))?.name).toBe('air');
    // The dug cells come with the skill's `at` list (skills/digToLevel.ts, see the team's patch).
    if (res.at) for (const k of keys(res.at)) expect(claimed.map(claimKey)).not.toContain(k);
    for (const p of claimed) releaseClaim(a, p);
  }, 90_000);

  it('two members digging down side by side at the same time never dig the same cell', async () => {
    await inRoom({ stone_pickaxe: 1 }, 4);
    const below: [Vec3, string][] = [];
    for (let dx = -3; dx <= 4; dx++) for (let dz = -4; dz <= 4; dz++) for (let dy = 1; dy <= 6; dy++) below.push([room.offset(dx, -dy, dz), 'stone']);
    await setBoth(below);
    const spies = [digSpy(a), digSpy(b)];
    try {
      const outs = await Promise.all([runOn(a, digToLevel, { y: room.y - 3 }), runOn(b, digToLevel, { y: room.y - 3 })]);
      const [ra, rb] = outs.map((o) => resultOf<{ y: number; at?: number[][] }>(o));
      expect([ra!.y, rb!.y]).toEqual([room.y - 3, room.y - 3]);
      const [da, db] = spies.map((s) => s.dug);
      expect(da!.length).toBeGreaterThan(0);
      expect(da!.filter((k) => db!.includes(k))).toEqual([]);
      // With the skill's `at` list: it is what the bot dug.
      if (ra!.at) expect(keys(ra!.at).sort()).toEqual([...new Set(da)].sort());
      if (rb!.at) expect(keys(rb!.at).sort()).toEqual([...new Set(db)].sort());
    } finally {
      for (const s of spies) s.restore();
    }
  }, 90_000);
});

/** Records every block the bot starts to dig ("x,y,z"), whatever skill digs it. */
function digSpy(bot: Bot): { dug: string[]; restore: () => void } {
  const dug: string[] = [];
  const original = bot.dig;
  const spy = (block: Parameters<Bot['dig']>[0], ...rest: unknown[]) => {
    dug.push(claimKey(block.position));
    return (original as (...args: unknown[]) => Promise<void>).call(bot, block, ...rest);
  };
  bot.dig = spy;
  return { dug, restore: () => { bot.dig = original; } };
}
