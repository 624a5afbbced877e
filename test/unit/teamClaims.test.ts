import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Bot } from 'mineflayer';
import { describe, expect, it } from 'vitest';
import { CLAIM_TTL_MS, ClaimBoard, claimedByOthers, claimKey, claimsOf, isClaimedByOther, joinClaims, releaseClaim, stationClaimKind, tryClaim, tryClaimAll } from '../../src/bot/claims.ts';
import { chooseDirection, DIRS, planStep, type Cell, type Lookup } from '../../src/actions/movement/stairs.ts';
import { dugPositions, dugTwice, handoverBalance, readTeamTrace } from '../../src/team/traceCheck.ts';
import type { Handover, TeamEvent } from '../../src/team/types.ts';

/** A clock the test moves by hand. */
function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

describe('ClaimBoard', () => {
  it('gives a key to one owner at a time; the owner renews it, others are refused', () => {
    const board = new ClaimBoard(clock().now);
    expect(board.claim('1,2,3', 'A', 60_000)).toBe(true);
    expect(board.claim('1,2,3', 'B', 60_000)).toBe(false);
    expect(board.claim('1,2,3', 'A', 60_000)).toBe(true);
    expect(board.holder('1,2,3')).toBe('A');
    expect(board.holder('9,9,9')).toBeUndefined();
    expect(board.claim('4,5,6', 'B', 60_000)).toBe(true);
    expect(board.heldByOthers('A')).toEqual(new Set(['4,5,6']));
    expect(board.heldByOthers('B')).toEqual(new Set(['1,2,3']));
    expect(board.heldByOthers('C')).toEqual(new Set(['1,2,3', '4,5,6']));
  });

  it('lets a claim run out after its time; a renewal never shortens it', () => {
    const c = clock();
    const board = new ClaimBoard(c.now);
    board.claim('f', 'A', CLAIM_TTL_MS.furnace);
    board.claim('f', 'A', CLAIM_TTL_MS.block);
    c.advance(CLAIM_TTL_MS.block + 1);
    expect(board.holder('f')).toBe('A');
    expect(board.claim('f', 'B', 1000)).toBe(false);
    c.advance(CLAIM_TTL_MS.furnace);
    expect(board.holder('f')).toBeUndefined();
    expect(board.heldByOthers('B')).toEqual(new Set());
    expect(board.claim('f', 'B', 1000)).toBe(true);
    c.advance(999);
    expect(board.holder('f')).toBe('B');
    c.advance(1);
    expect(board.holder('f')).toBeUndefined();
  });

  it('releases only the holder\'s claim; releaseAll drops a lost member\'s claims', () => {
    const board = new ClaimBoard(clock().now);
    board.claim('a', 'A', 60_000);
    board.claim('b', 'A', 60_000);
    board.claim('c', 'B', 60_000);
    expect(board.release('a', 'B')).toBe(false);
    expect(board.holder('a')).toBe('A');
    expect(board.release('a', 'A')).toBe(true);
    expect(board.holder('a')).toBeUndefined();
    expect(board.claim('a', 'B', 60_000)).toBe(true);
    expect(board.releaseAll('A')).toBe(1);
    expect(board.entries().map((e) => `${e.key}:${e.owner}`).sort()).toEqual(['a:B', 'c:B']);
  });

  it('claims furnaces, blast furnaces and smokers; tables and chests are shared', () => {
    expect(['furnace', 'blast_furnace', 'smoker'].map(stationClaimKind)).toEqual(['furnace', 'furnace', 'furnace']);
    expect(['crafting_table', 'chest', 'barrel'].map(stationClaimKind)).toEqual([undefined, undefined, undefined]);
  });
});

describe('claims attached to bots', () => {
  // The helpers only use the bot as a key.
  const fakeBot = () => ({}) as Bot;

  it('a bot in no team claims everything and sees no one else\'s claims', () => {
    const bot = fakeBot();
    expect(claimsOf(bot)).toBeUndefined();
    expect(tryClaim(bot, { x: 1, y: 2, z: 3 }, 'block')).toBe(true);
    expect(tryClaimAll(bot, [{ x: 1, y: 2, z: 3 }], 'block')).toBe(true);
    expect(claimedByOthers(bot)).toEqual(new Set());
    expect(isClaimedByOther(bot, { x: 1, y: 2, z: 3 })).toBe(false);
    releaseClaim(bot, { x: 1, y: 2, z: 3 });
  });

  it('members of one board exclude each other; a reconnected member keeps its claims', () => {
    const board = new ClaimBoard(clock().now);
    const a = fakeBot();
    const b = fakeBot();
    joinClaims(a, board, 'A');
    joinClaims(b, board, 'B');
    const p = { x: 10, y: 64, z: -3 };
    expect(tryClaim(a, p, 'block')).toBe(true);
    expect(tryClaim(b, p, 'block')).toBe(false);
    expect(claimedByOthers(b)).toEqual(new Set([claimKey(p)]));
    expect(claimedByOthers(a)).toEqual(new Set());
    expect(isClaimedByOther(b, p)).toBe(true);
    expect(isClaimedByOther(a, p)).toBe(false);
    // All or nothing: one cell held by A leaves B with none of them.
    expect(tryClaimAll(b, [{ x: 10, y: 65, z: -3 }, p], 'block')).toBe(false);
    expect(board.holder('10,65,-3')).toBeUndefined();
    const a2 = fakeBot();
    joinClaims(a2, board, 'A');
    expect(tryClaim(a2, p, 'block')).toBe(true);
    releaseClaim(a2, p);
    expect(tryClaim(b, p, 'block')).toBe(true);
    expect(claimKey({ x: 1.7, y: 64, z: -0.2 })).toBe('1,64,-1');
  });
});

describe('stairs and claims', () => {
  const cell = (name: string, claimed = false): Cell => ({ name, empty: name === 'air', solid: name !== 'air', liquid: false, gravity: false, ...(claimed ? { claimed } : {}) });
  /** Stone below y 64, air above; `claimed` cells are a team mate's. */
  const world = (claimed: Set<string>): Lookup => (x, y, z) => cell(y < 64 ? 'stone' : 'air', claimed.has(`${x},${y},${z}`));
  const feet = { x: 0, y: 64, z: 0 };
  const canDig = () => 'ok' as const;

  it('a step through a team mate\'s cell, or onto a floor a mate will dig, is refused; another way is taken', () => {
    const north = DIRS[0]!;
    expect(planStep(world(new Set(['0,63,-1'])), feet, north, 'down', canDig)).toMatchObject({ ok: false, hazard: 'claimed', at: { x: 0, y: 63, z: -1 } });
    expect(planStep(world(new Set(['0,62,-1'])), feet, north, 'down', canDig)).toMatchObject({ ok: false, hazard: 'claimed', at: { x: 0, y: 62, z: -1 } });
    const choice = chooseDirection(world(new Set(['0,63,-1'])), feet, 'down', canDig, north, 4);
    expect('plan' in choice && choice.plan.dir.name).not.toBe('north');
  });
});

/** A member's step event as the coordinator forwards it. */
function step(who: string, n: number, skill: string, result: unknown, ok = true): TeamEvent {
  const decision = { skill, args: {} };
  const outcome = ok
    ? { ok: true as const, skill, args: {}, elapsedMs: 1000, result }
    : { ok: false as const, skill, args: {}, elapsedMs: 1000, code: 'FAILED' as const, message: 'no' };
  return { event: 'step', who, step: n, decision, outcome, planMs: 1, observation: {}, gameSeconds: n * 10, progress: 0 } as unknown as TeamEvent;
}

function handover(out: Handover['out'], got: Handover['in']): TeamEvent {
  return { event: 'handover', from: 'A', to: 'B', method: 'drop', why: 'near', items: out, out, in: got, ok: true, gameSeconds: 3 };
}

describe('team trace checks', () => {
  it('reads dug positions only from a list of [x, y, z]', () => {
    expect(dugPositions({ at: [[1, 2, 3], [4, 5, 6]] })).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(dugPositions({ at: { x: 1, y: 2, z: 3 } })).toEqual([]);
    expect(dugPositions(null)).toEqual([]);
    expect(dugPositions({ dug: 3 })).toEqual([]);
  });

  it('finds positions dug by two steps, by one member or two, with who and when', () => {
    const events: TeamEvent[] = [
      { event: 'assign', who: 'A', subGoal: { id: 1, item: 'oak_log', count: 3, estimate: 30 }, why: 'near' },
      step('A', 1, 'mineBlock', { dug: 2, at: [[1, 64, 1], [1, 65, 1]] }),
      step('B', 1, 'mineBlock', { dug: 2, at: [[5, 64, 5], [5, 64, 5]] }),
      step('B', 2, 'digToLevel', { dug: 1, at: [[1, 65, 1]] }),
      step('A', 2, 'mineBlock', { dug: 1, at: [[7, 64, 7]] }),
      step('A', 3, 'mineBlock', { dug: 1, at: [[7, 64, 7]] }),
      step('A', 4, 'mineBlock', { at: [[1, 64, 1]] }, false),
    ];
    const twice = dugTwice(events);
    expect(twice).toEqual([
      { pos: [1, 65, 1], byOthers: true, digs: [
        { who: 'A', step: 1, skill: 'mineBlock', gameSeconds: 10, index: 1 },
        { who: 'B', step: 2, skill: 'digToLevel', gameSeconds: 20, index: 3 },
      ] },
      { pos: [7, 64, 7], byOthers: false, digs: [
        { who: 'A', step: 2, skill: 'mineBlock', gameSeconds: 20, index: 4 },
        { who: 'A', step: 3, skill: 'mineBlock', gameSeconds: 30, index: 5 },
      ] },
    ]);
    expect(dugTwice(events.slice(0, 3))).toEqual([]);
  });

  it('balances hand-overs: the ones that lost items, and the totals in and out', () => {
    const events = [
      handover({ oak_planks: 4, stick: 2 }, { oak_planks: 4, stick: 2 }),
      step('A', 1, 'mineBlock', { at: [] }),
      handover({ wheat: 3 }, { wheat: 2 }),
    ];
    const balance = handoverBalance(events);
    expect(balance.count).toBe(2);
    expect(balance.totals).toEqual({ out: { oak_planks: 4, stick: 2, wheat: 3 }, in: { oak_planks: 4, stick: 2, wheat: 2 }, astray: {} });
    expect(balance.unbalanced).toHaveLength(1);
    expect(balance.unbalanced[0]).toMatchObject({ index: 2, diff: { wheat: 1 }, handover: { from: 'A', to: 'B', out: { wheat: 3 }, in: { wheat: 2 } } });
    expect(balance).toMatchObject({ lost: 1, gained: 0 });
    expect(handoverBalance([handover({ oak_log: 4 }, { oak_log: 6 })])).toMatchObject({ lost: 0, gained: 2 });
    expect(handoverBalance([]).unbalanced).toEqual([]);
  });

  it('counts what a team mate picked up of a throw as astray, not lost; what reached nobody is still lost', () => {
    const mate = { ...handover({ iron_ingot: 2 }, {}), astray: { C: { iron_ingot: 2 } } } as TeamEvent;
    const half = { ...handover({ iron_ingot: 3 }, { iron_ingot: 1 }), astray: { C: { iron_ingot: 1 } } } as TeamEvent;
    const balance = handoverBalance([mate, half]);
    expect(balance).toMatchObject({ lost: 1, gained: 0, count: 2 });
    expect(balance.totals.astray).toEqual({ iron_ingot: 3 });
    expect(balance.unbalanced).toHaveLength(1);
    expect(balance.unbalanced[0]).toMatchObject({ index: 1, diff: { iron_ingot: 1 } });
  });

  it('reads a JSONL trace, leaving out a last line cut short and naming a bad line elsewhere', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'team-trace-'));
    try {
      const file = path.join(dir, 'team.jsonl');
      const lines = [step('A', 1, 'mineBlock', { at: [[1, 2, 3]] }), handover({ stick: 1 }, { stick: 1 })].map((e) => JSON.stringify(e));
      writeFileSync(file, `${lines.join('\n')}\n{"event":"han`);
      const events = await readTeamTrace(file);
      expect(events.map((e) => e.event)).toEqual(['step', 'handover']);
      writeFileSync(file, `${lines[0]}\nnot json\n${lines[1]}\n`);
      await expect(readTeamTrace(file)).rejects.toThrow(/team\.jsonl:2: not a JSON line/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
