import { describe, expect, it } from 'vitest';
import { footingAt, landingY, supported, type BlockKind, type KindAt, type StepRules } from '../../src/sandbox/mobs/footing.ts';

/** A little world: `blocks` maps "x,y,z" to a kind; everything else is air, and y < 0 is solid ground. */
function world(blocks: Record<string, BlockKind>, ground = 0): KindAt {
  return (x, y, z) => blocks[`${x},${y},${z}`] ?? (y < ground ? 'solid' : 'air');
}

const animal: StepRules = { headroom: 2, maxDrop: 1, avoidLeaves: true };
const chaser: StepRules = { headroom: 2, maxDrop: 3, avoidLeaves: false };

describe('mob footing', () => {
  it('walks on flat ground at the same height', () => {
    expect(footingAt(world({}), 1.5, 0.5, 0, animal)).toBe(0);
  });

  it('steps up one block when there is room above it, never two', () => {
    expect(footingAt(world({ '1,0,0': 'solid' }), 1.5, 0.5, 0, animal)).toBe(1);
    expect(footingAt(world({ '1,0,0': 'solid', '1,1,0': 'solid' }), 1.5, 0.5, 0, animal)).toBeNull();
    // A block of headroom missing above the step.
    expect(footingAt(world({ '1,0,0': 'solid', '1,2,0': 'solid' }), 1.5, 0.5, 0, animal)).toBeNull();
  });

  it('steps down one block; a bigger drop is a cliff for animals but not for a chasing monster', () => {
    expect(footingAt(world({}, -1), 1.5, 0.5, 0, animal)).toBe(-1);
    expect(footingAt(world({}, -2), 1.5, 0.5, 0, animal)).toBeNull();
    expect(footingAt(world({}, -3), 1.5, 0.5, 0, chaser)).toBe(-3);
    expect(footingAt(world({}, -4), 1.5, 0.5, 0, chaser)).toBeNull();
  });

  it('never onto leaves for animals, but monsters may', () => {
    const leaves = world({ '1,-1,0': 'leaves' });
    expect(footingAt(leaves, 1.5, 0.5, 0, animal)).toBeNull();
    expect(footingAt(leaves, 1.5, 0.5, 0, chaser)).toBe(0);
    expect(footingAt(world({ '1,0,0': 'leaves' }), 1.5, 0.5, 0, animal)).toBeNull();
  });

  it('never into or onto water and lava, under a low ceiling, or into an unloaded column', () => {
    expect(footingAt(world({ '1,0,0': 'liquid' }), 1.5, 0.5, 0, animal)).toBeNull();
    expect(footingAt(world({ '1,-1,0': 'liquid' }), 1.5, 0.5, 0, chaser)).toBeNull();
    expect(footingAt(world({ '1,1,0': 'solid' }), 1.5, 0.5, 0, animal)).toBeNull();
    expect(footingAt(world({ '1,1,0': 'solid' }), 1.5, 0.5, 0, { ...animal, headroom: 1 })).toBe(0);
    expect(footingAt(world({ '1,0,0': 'unknown' }), 1.5, 0.5, 0, animal)).toBeNull();
  });

  it('is held up by solid blocks, leaves and unloaded columns; lands on the first floor below', () => {
    const w = world({ '0,-1,0': 'leaves', '0,-5,0': 'unknown' }, -10);
    expect(supported(world({}), 0.5, 0, 0.5)).toBe(true);
    expect(supported(world({}), 0.5, 3, 0.5)).toBe(false);
    expect(supported(w, 0.5, 0, 0.5)).toBe(true);
    expect(landingY(world({}), 0.5, 2, -1, 0.5)).toBe(0);
    expect(landingY(world({}), 0.5, 3, 2.2, 0.5)).toBeNull();
    expect(landingY(w, 0.5, -2, -8, 0.5)).toBe(-4);
  });
});
