import { describe, expect, it } from 'vitest';
import { fish } from '../../skills/fish.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { catchPerCast, CATCHES, fishableItems, fishingSeconds, isOpenWater, meanCasts, needsOpenWater, rollCatch, SECONDS_PER_CAST, type WaterKind } from '../../src/knowledge/fishing.ts';
import { createRng } from '../../src/knowledge/rng.ts';

const kb = createKnowledge('1.20.1');

describe('fishing as vanilla gives it (gameplay/fishing, no luck)', () => {
  it('counts the catch per cast: fish 85, junk 10 and, in open water only, treasure 5', () => {
    // Not in open water the treasure's 5 goes to the others: cod is 85/95 × 60/100.
    expect(catchPerCast('cod', false)).toBeCloseTo((85 / 95) * 0.6, 10);
    expect(catchPerCast('cod', true)).toBeCloseTo(0.85 * 0.6, 10);
    expect(catchPerCast('salmon', true)).toBeCloseTo(0.85 * 0.25, 10);
    expect(catchPerCast('pufferfish', true)).toBeCloseTo(0.85 * 0.13, 10);
    expect(catchPerCast('tropical_fish', true)).toBeCloseTo(0.85 * 0.02, 10);
    // Junk weighs 100 outside jungles (bamboo's 10 is jungle-only); ink sacs come ten at a time.
    expect(catchPerCast('bone', true)).toBeCloseTo(0.1 * 0.1, 10);
    expect(catchPerCast('ink_sac', true)).toBeCloseTo(0.1 * 0.01 * 10, 10);
    expect(catchPerCast('lily_pad', false)).toBeCloseTo((10 / 95) * 0.17, 10);
    expect(catchPerCast('name_tag', false)).toBe(0);
    expect(catchPerCast('name_tag', true)).toBeCloseTo(0.05 / 6, 10);
    expect(catchPerCast('bamboo', true)).toBe(0);
    expect(catchPerCast('diamond', true)).toBe(0);
  });

  it('tells treasure from the rest, and prices casts in seconds', () => {
    expect(['name_tag', 'saddle', 'nautilus_shell'].map(needsOpenWater)).toEqual([true, true, true]);
    expect(['cod', 'bone', 'fishing_rod'].map(needsOpenWater)).toEqual([false, false, false]);
    expect(meanCasts('name_tag', 1)).toBeCloseTo(120, 6);
    expect(meanCasts('diamond', 1)).toBe(Infinity);
    // A cast waits 5-30 s for the lure and 1-4 s for the approach: about 22 s with the throw.
    expect(SECONDS_PER_CAST).toBe(22);
    expect(fishingSeconds('cod', 2)).toBeCloseTo((2 / catchPerCast('cod', false)) * 22, 6);
    expect(fishableItems()).toEqual(expect.arrayContaining(['cod', 'salmon', 'tropical_fish', 'pufferfish', 'ink_sac', 'bone', 'leather', 'lily_pad', 'bowl', 'string', 'tripwire_hook', 'name_tag', 'saddle', 'nautilus_shell']));
    expect(fishableItems()).not.toContain('bamboo');
  });

  it('rolls the sandbox\'s catches from the same table, leaving out what it cannot make', () => {
    const rng = createRng(5);
    const seen = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const c = rollCatch(rng, true);
      seen.set(c.name, (seen.get(c.name) ?? 0) + c.count);
    }
    for (const e of Object.values(CATCHES).flat().filter((x) => x.notInSandbox && x.item !== 'fishing_rod')) expect(seen.has(e.item), e.item).toBe(false);
    expect((seen.get('cod') ?? 0) / 20_000).toBeCloseTo(0.51, 1);
    expect(seen.get('ink_sac')! % 10).toBe(0);
    const notOpen = createRng(5);
    for (let i = 0; i < 5000; i++) expect(['name_tag', 'saddle', 'nautilus_shell']).not.toContain(rollCatch(notOpen, false).name);
  });

  it('finds open water as vanilla does: water layers under air layers, 5×5 each, nothing else', () => {
    // A pond of water from y 60 down, air from 61 up, within x, z ∈ [-r, r].
    const pond = (r: number, surface = 60, bottom = 55) => (x: number, y: number, z: number): WaterKind =>
      Math.abs(x) > r || Math.abs(z) > r || y < bottom ? 'other' : y <= surface ? 'water' : 'air';
    expect(isOpenWater(0, 60, 0, pond(2))).toBe(true);
    expect(isOpenWater(1, 60, 0, pond(2))).toBe(false);
    // One deep: the layer under the bobber is the pond's floor.
    expect(isOpenWater(0, 60, 0, pond(3, 60, 60))).toBe(false);
    // The lowest layer must be water: a block two above the surface is no place for treasure.
    expect(isOpenWater(0, 62, 0, pond(3))).toBe(false);
    // Air under water (a floating sheet) is no open water.
    const sheet = (x: number, y: number, z: number): WaterKind => (y === 59 ? 'air' : pond(3)(x, y, z));
    expect(isOpenWater(0, 60, 0, sheet)).toBe(false);
    const lily = (x: number, y: number, z: number): WaterKind => (x === 1 && z === 1 && y === 61 ? 'other' : pond(3)(x, y, z));
    expect(isOpenWater(0, 60, 0, lily)).toBe(false);
  });

  it('the fish skill produces what fishing gives, holding a rod by water, for its count', () => {
    expect(fish.producers?.('cod', 2, kb)).toEqual([{ item: 'cod', count: 2, radius: 32 }]);
    expect(fish.producers?.('name_tag', 1, kb)).toEqual([{ item: 'name_tag', count: 1, radius: 32 }]);
    expect(fish.producers?.('diamond', 1, kb)).toEqual([]);
    expect(fish.producers?.('bamboo', 1, kb)).toEqual([]);
    expect(fish.preconditions({ item: 'cod', count: 2, radius: 32 }, kb)).toEqual({ equip: ['fishing_rod'], facts: ['water_nearby'] });
    expect(fish.effects({ item: 'cod', count: 2, radius: 32 }, kb)).toEqual({ obtain: { cod: 2 } });
  });
});
