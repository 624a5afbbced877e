import { describe, expect, it } from 'vitest';
import { splitWork, type Estimator, type Part } from '../../src/team/split.ts';

// An iron chain as the planner prices it: the tools first (about 80 s), then 14 s an ingot more;
// sticks cost a helper from nothing 10 s, the assembler (planks left over) 1 s.
const iron: Estimator = (member, parts) => parts.reduce((n, p: Part) => n + (p.item === 'iron_ingot' ? 80 + 14 * (p.count - 1) : member === 'A' ? 1 : 10), 0);
const shareOf = (shares: Map<string, Part[]>) => Object.fromEntries([...shares].map(([m, parts]) => [m, parts.map((p) => `${p.count} ${p.item}`).join(', ')]));

describe('splitting a goal between members', () => {
  const base = { assembler: 'A', ways: [{ parts: { iron_ingot: 3, stick: 2 }, finalSeconds: 3 }], alone: 111, handoverSeconds: 10 };

  it('gives each of three members one ingot, and the sticks to the assembler, who has planks left', () => {
    const split = splitWork({ ...base, members: ['A', 'B', 'C'] }, iron);
    expect(shareOf(split.shares)).toEqual({ A: '1 iron_ingot, 2 stick', B: '1 iron_ingot', C: '1 iron_ingot' });
    expect(split.team).toBeLessThan(split.alone);
  });

  it('leaves the larger share with the assembler when two work: it stops only for a throw, a helper walks over', () => {
    const split = splitWork({ ...base, members: ['A', 'B'] }, iron);
    expect(shareOf(split.shares)).toEqual({ A: '2 iron_ingot, 2 stick', B: '1 iron_ingot' });
  });

  it('does not split what is quicker alone, and gives nothing to a member that cannot plan it', () => {
    const cheap: Estimator = (_m, parts) => parts.reduce((n, p) => n + 2 * p.count + 1, 0);
    expect(splitWork({ members: ['A', 'B'], assembler: 'A', ways: [{ parts: { stick: 4 }, finalSeconds: 1 }], alone: 9, handoverSeconds: 10 }, cheap).shares.size).toBe(0);
    const noB: Estimator = (m, parts) => (m === 'B' && parts.length > 0 ? undefined : iron(m, parts));
    expect(splitWork({ ...base, members: ['A', 'B', 'C'] }, noB).shares.has('B')).toBe(false);
  });

  it('splits a count itself in pieces (12 logs between three), at most six pieces of an item weighed', () => {
    const logs: Estimator = (_m, parts) => parts.reduce((n, p) => n + 5 + 4 * p.count, 0);
    const split = splitWork({ members: ['A', 'B', 'C'], assembler: 'A', ways: [{ parts: { oak_log: 12 }, finalSeconds: 0 }], alone: 53, handoverSeconds: 10 }, logs);
    const counts = [...split.shares.values()].map((p) => p[0]!.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12);
    expect(counts.length).toBe(3);
    expect(split.shares.get('A')![0]!.count).toBeGreaterThanOrEqual(Math.max(...counts.slice(1)));
  });
});
