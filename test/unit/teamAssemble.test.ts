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
    expect(chooseAssembler([a, b, c], wanted, a)).toEqual({ assembler: a, why: 'holds 3 of the 5 parts; 1 team mate(s) hand over, about 3 s' });
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
    expect(chooseAssembler([a, b], wanted, a)).toEqual({ assembler: a, why: 'no member holds any part' });
    const b1 = holder('B', { iron_ingot: 1 });
    const c1 = holder('C', { stick: 1 });
    expect(chooseAssembler([b1, c1], wanted, c1).assembler).toBe(c1);
  });

  it('weighs the givers\' walk, and leaves out what a member makes itself at once', () => {
    const at = (name: string, held: Record<string, number>, x: number): Holder => ({ ...holder(name, held), pos: { x, y: 64, z: 0 } });
    // Two throws whoever assembles; A holds most, but B stands between the others: the shortest walk for the givers.
    const a = at('A', { iron_ingot: 2 }, 0);
    const b = at('B', { iron_ingot: 1 }, 1);
    const c = at('C', { stick: 2 }, 41);
    expect(chooseAssembler([{ ...a, pos: undefined }, { ...b, pos: undefined }, { ...c, pos: undefined }], wanted, a).assembler.name).toBe('A');
    expect(chooseAssembler([a, b, c], wanted, a).assembler).toBe(b);
    // A makes sticks from its own planks: only B's ingot comes, a step away; C's walk is not waited for.
    const maker = { ...a, makes: new Set(['stick']) };
    expect(chooseAssembler([maker, b, c], wanted, a)).toEqual({ assembler: maker, why: 'holds 2 of the 5 parts; 1 team mate(s) hand over, about 3 s' });
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

  it('leaves out a giver with only what the assembler makes itself at once; a throw made anyway takes it along', () => {
    const c = { ...holder('C', { iron_ingot: 2, oak_planks: 4 }), makes: new Set(['stick']) };
    const a = holder('A', { iron_ingot: 1, stick: 4 });
    expect(deliveries(c, [a], wanted).map((g) => [g.giver.name, g.items])).toEqual([['A', { iron_ingot: 1, stick: 2 }]]);
    const c3 = { ...holder('C', { iron_ingot: 3 }), makes: new Set(['stick']) };
    expect(deliveries(c3, [a], wanted)).toEqual([]);
    // The sticks a stick-only giver would have given go to the next giver that gives anyway.
    const b = holder('B', { stick: 2 });
    const d = holder('D', { iron_ingot: 1, stick: 2 });
    expect(deliveries(c, [b, d], wanted).map((g) => [g.giver.name, g.items])).toEqual([['D', { iron_ingot: 1, stick: 2 }]]);
  });
});
