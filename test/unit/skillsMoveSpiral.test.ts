import { describe, expect, it } from 'vitest';
import { spiralWaypoints } from '../../src/skills/spiral.ts';

describe('explore spiral', () => {
  it('walks a square spiral in legs of at most `leg` blocks, bounded by the total distance', () => {
    expect(spiralWaypoints({ x: 0.7, z: -0.2 }, 24, 160)).toEqual([
      { x: 24, z: -1 }, { x: 24, z: 23 }, { x: 0, z: 23 }, { x: -24, z: 23 }, { x: -24, z: -1 }, { x: -24, z: -25 }, { x: -8, z: -25 },
    ]);
  });

  it('cuts the last leg short at the bound and walks nothing for a zero bound', () => {
    expect(spiralWaypoints({ x: 0, z: 0 }, 24, 30)).toEqual([{ x: 24, z: 0 }, { x: 24, z: 6 }]);
    expect(spiralWaypoints({ x: 0, z: 0 }, 24, 0)).toEqual([]);
    expect(spiralWaypoints({ x: 0, z: 0 }, 0, 100)).toEqual([]);
  });

  it('adds up to exactly the bound', () => {
    const pts = spiralWaypoints({ x: 5, z: 5 }, 16, 500);
    let prev = { x: 5, z: 5 };
    let total = 0;
    for (const p of pts) {
      const step = Math.abs(p.x - prev.x) + Math.abs(p.z - prev.z);
      expect(step).toBeLessThanOrEqual(16);
      expect(p.x === prev.x || p.z === prev.z).toBe(true);
      total += step;
      prev = p;
    }
    expect(total).toBe(500);
  });
});
