import { describe, expect, it } from 'vitest';
import { PartsLedger } from '../../src/team/ledger.ts';
import type { SubGoal } from '../../src/team/types.ts';

const sg = (id: number, item: string, count: number): SubGoal => ({ id, item, count, estimate: 60 });
// An iron pickaxe between three: an ingot each, the sticks with the assembler A.
const shares = () => new Map([['A', [sg(1, 'iron_ingot', 1), sg(2, 'stick', 2)]], ['B', [sg(3, 'iron_ingot', 1)]], ['C', [sg(4, 'iron_ingot', 1)]]]);

describe('the parts ledger', () => {
  it('counts what the team still misses of each item', () => {
    const l = new PartsLedger(shares());
    expect([l.missing('iron_ingot'), l.missing('stick'), l.missing('diamond')]).toEqual([3, 2, 0]);
    l.start('B', sg(3, 'iron_ingot', 1));
    expect(l.finish('B', sg(3, 'iron_ingot', 1))).toEqual([]);
    expect(l.missing('iron_ingot')).toBe(2);
  });

  it('gives a member with nothing left a copy of the oldest part still worked on, once per part', () => {
    const l = new PartsLedger(shares());
    l.start('A', sg(1, 'iron_ingot', 1));
    l.start('B', sg(3, 'iron_ingot', 1));
    expect(l.copyFor('C')).toEqual({ subGoal: { id: 5, item: 'iron_ingot', count: 1, estimate: 60 }, of: 'A' });
    // A's part has its copy; the next spare member gets B's.
    expect(l.copyFor('C')?.of).toBe('B');
    expect(l.copyFor('C')).toBeUndefined();
    // Never its own part.
    const m = new PartsLedger(shares());
    m.start('A', sg(1, 'iron_ingot', 1));
    expect(m.copyFor('A')).toBeUndefined();
  });

  it('calls off the runs still making an item once the team has enough of it, and no copy is made of it then', () => {
    const l = new PartsLedger(shares());
    l.start('A', sg(1, 'iron_ingot', 1));
    l.start('B', sg(3, 'iron_ingot', 1));
    l.start('C', sg(4, 'iron_ingot', 1));
    expect(l.finish('C', sg(4, 'iron_ingot', 1))).toEqual([]);
    const copy = l.copyFor('C')!;
    l.start('C', copy.subGoal);
    expect(l.finish('C', copy.subGoal)).toEqual([]);
    expect(l.finish('B', sg(3, 'iron_ingot', 1))).toEqual(['A']);
    expect(l.wanted(sg(1, 'iron_ingot', 1))).toBe(false);
    expect(l.wanted(sg(2, 'stick', 2))).toBe(true);
    l.stop('A');
    l.start('A', sg(2, 'stick', 2));
    // B would copy the sticks, but not more than the team misses.
    expect(l.copyFor('B')?.subGoal).toMatchObject({ item: 'stick', count: 2 });
  });

  it('copies no more of a part than the team still misses', () => {
    const l = new PartsLedger(new Map([['A', [sg(1, 'oak_log', 6)]], ['B', [sg(2, 'oak_log', 6)]]]));
    l.start('A', sg(1, 'oak_log', 6));
    l.start('B', sg(2, 'oak_log', 6));
    l.finish('B', sg(2, 'oak_log', 6));
    expect(l.copyFor('B')?.subGoal.count).toBe(6);
    const k = new PartsLedger(new Map([['A', [sg(1, 'oak_log', 6)]], ['B', [sg(2, 'oak_log', 2)]]]));
    k.start('A', sg(1, 'oak_log', 6));
    k.start('B', sg(2, 'oak_log', 2));
    k.stop('B');
    expect(k.copyFor('B')?.subGoal.count).toBe(6);
  });
});
