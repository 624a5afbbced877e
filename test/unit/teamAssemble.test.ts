import { describe, expect, it } from 'vitest';
import { chooseAssembler, deliveries, partsHeld, type Holder } from '../../src/team/assemble.ts';

const holder = (name: string, held: Record<string, number>): Holder => ({ name, held: new Map(Object.entries(held)) });
const wanted = { iron_ingot: 3, stick: 2 };

describe('choosing the assembler', () => {
  it('is the member fewest team mates hand over to, then the one holding most parts (no more of an item than the goal takes)', () => {
    const a = holder('A', { iron_ingot: 1, stick: 4, oak_planks: 9 });
    const b = holder('B', { iron_ingot: 1 });
    const c = holder('C', { iron_ingot: 2, cobblestone: 30 });
    expect(partsHeld(a, wanted)).toBe(3);
    // A takes C's two ingots, C takes A's ingot and sticks: one hand-over either way, and A holds more.
    expect(chooseAssembler([a, b, c], wanted, a)).toMatchObject({ assembler: a, gifts: [{ giver: c, items: { iron_ingot: 2 } }], why: 'holds 3 of the 5 parts; 1 team mate(s) hand over' });
    // Sticks alone at A: A would take ingots from B and C, C only B's ingot.
    const sticks = holder('A', { stick: 4 });
    const c4 = holder('C', { iron_ingot: 2, stick: 2 });
    expect(chooseAssembler([sticks, b, c4], wanted, sticks).assembler).toBe(c4);
    const c2 = holder('C', { iron_ingot: 2, stick: 2 });
    expect(chooseAssembler([a, b, c2], wanted, a).assembler).toBe(c2);
  });

  it('keeps the preferred member on a tie, and when nobody holds a part', () => {
    const a = holder('A', {});
    const b = holder('B', {});
    expect(chooseAssembler([a, b], wanted, a)).toEqual({ assembler: a, gifts: [], why: 'no member holds any part' });
    const b1 = holder('B', { iron_ingot: 1 });
    const c1 = holder('C', { stick: 1 });
    expect(chooseAssembler([b1, c1], wanted, c1).assembler).toBe(c1);
  });
});

describe('choosing the assembler by how soon the hand-overs reach it', () => {
  it('is the holder the givers reach soonest, though it holds fewer parts; parts break a tie', () => {
    const a = holder('A', { iron_ingot: 1, stick: 2 });
    const b = holder('B', { iron_ingot: 1 });
    const c = holder('C', { iron_ingot: 1 });
    const at: Record<string, number> = { A: 0, B: 40, C: 42 };
    // The longest walk at 4 blocks a second, then 4 s a throw.
    const seconds = (r: Holder, givers: readonly Holder[]) => Math.max(0, ...givers.map((g) => Math.abs(at[g.name]! - at[r.name]!) / 4)) + givers.length * 4;
    // B and C stand together, A far off: to B, A walks 10 s and C steps over; to A, C walks 10.5 s.
    expect(chooseAssembler([a, b, c], wanted, a, seconds).assembler).toBe(b);
    // All three together: the same time whoever receives, and A holds most.
    at.A = 41;
    at.B = 41;
    at.C = 41;
    expect(chooseAssembler([a, b, c], wanted, c, seconds)).toMatchObject({ assembler: a, why: 'holds 3 of the 5 parts; 2 team mate(s) hand over' });
  });
});

describe('taking only some of the parts and making the rest', () => {
  const a = holder('A', { iron_ingot: 1, stick: 2 });
  const b = holder('B', { iron_ingot: 1 });
  const c = holder('C', { iron_ingot: 1 });
  // Seconds to walk to each receiver: C stands 60 s from the others (deep in its shaft); A and B side by side.
  const apart: Record<string, number> = { AB: 2, AC: 60, BC: 60 };
  const seconds = (r: Holder, givers: readonly Holder[]) => Math.max(0, ...givers.map((g) => apart[[r.name, g.name].sort().join('')]!)) + givers.length * 4;
  /** An ingot made from here: 20 s; the craft itself 2 s. */
  const finish = (perIngot: number) => (r: Holder, gifts: readonly { items: Record<string, number> }[]) => {
    const ingots = (r.held.get('iron_ingot') ?? 0) + gifts.reduce((n, g) => n + (g.items.iron_ingot ?? 0), 0);
    const sticks = (r.held.get('stick') ?? 0) + gifts.reduce((n, g) => n + (g.items.stick ?? 0), 0);
    return 2 + Math.max(0, 3 - ingots) * perIngot + Math.max(0, 2 - sticks) * 1;
  };

  it('leaves a far mate out when making its part is sooner than its walk', () => {
    const chosen = chooseAssembler([a, b, c], wanted, a, seconds, finish(20));
    expect(chosen.assembler).toBe(a);
    expect(chosen.gifts.map((g) => g.giver.name)).toEqual(['B']);
    expect(chosen.why).toBe('holds 3 of the 5 parts; 1 team mate(s) hand over; makes the other 1 itself');
    // B's walk and throw (6 s), then the craft and one ingot made (22 s): the estimate the trace records.
    expect(chosen.seconds).toBe(28);
  });

  it('waits for every mate when the walk is sooner than making the part', () => {
    const chosen = chooseAssembler([a, b, c], wanted, a, seconds, finish(100));
    expect(chosen.gifts.map((g) => g.giver.name).sort()).toEqual(['B', 'C']);
    expect(chosen.why).toBe('holds 3 of the 5 parts; 2 team mate(s) hand over');
  });

  it('never leaves out a part that cannot be made', () => {
    const chosen = chooseAssembler([a, b, c], wanted, a, seconds, (r, gifts) => (finish(20)(r, gifts) > 2 ? Infinity : 2));
    expect(chosen.gifts).toHaveLength(2);
  });
});

describe('what the others hand over', () => {
  it('only what the assembler lacks, from whoever holds most first, and nothing from those who hold none', () => {
    const c = holder('C', { iron_ingot: 2 });
    const a = holder('A', { iron_ingot: 1, stick: 4 });
    const b = holder('B', { iron_ingot: 1, stick: 1 });
    const d = holder('D', { dirt: 5 });
    expect(deliveries(c, [b, a, d], wanted).map((g) => [g.giver.name, g.items])).toEqual([['A', { iron_ingot: 1, stick: 2 }]]);
    const lone = holder('L', {});
    expect(deliveries(lone, [b, a], wanted).map((g) => [g.giver.name, g.items])).toEqual([['A', { iron_ingot: 1, stick: 2 }], ['B', { iron_ingot: 1 }]]);
  });
});
