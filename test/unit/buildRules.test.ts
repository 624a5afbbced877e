import { describe, expect, it } from 'vitest';
import { DIRECTION, placedWithAnother, placeOptions, yawOf } from '../../src/actions/build/rules.ts';
import { matches, progressLine, survey } from '../../src/build/survey.ts';
import type { Structure } from '../../src/build/types.ts';

const refs = (name: string, props: Record<string, string>) => placeOptions(name, props).map((o) => [o.ref.toString(), o.look ?? '-', o.half ?? '-'].join(' '));

describe('how a block is placed to get its state', () => {
  it('clicks along a log\'s axis, behind a wall torch or ladder, and under a top stair', () => {
    expect(refs('oak_log', { axis: 'x' })).toEqual([`${DIRECTION.west.toString()} - -`, `${DIRECTION.east.toString()} - -`]);
    expect(refs('wall_torch', { facing: 'south' })).toEqual([`${DIRECTION.north.toString()} - -`]);
    expect(refs('ladder', { facing: 'east' })).toEqual([`${DIRECTION.west.toString()} - -`]);
    expect(refs('oak_stairs', { facing: 'west', half: 'top' })[0]).toBe(`${DIRECTION.up.toString()} west -`);
    expect(refs('oak_stairs', { facing: 'west', half: 'top' })[1]).toBe(`${DIRECTION.north.toString()} west top`);
    expect(refs('stone_slab', { type: 'bottom' })[0]).toBe(`${DIRECTION.down.toString()} - -`);
  });

  it('looks the way a stair, door or gate faces, and away from where a furnace faces', () => {
    expect(placeOptions('oak_door', { facing: 'north', half: 'lower' })).toEqual([{ ref: DIRECTION.down, look: 'north' }]);
    expect(placeOptions('oak_fence_gate', { facing: 'east' })[0]?.look).toBe('east');
    expect(placeOptions('furnace', { facing: 'east' })[0]?.look).toBe('west');
    expect([yawOf('north'), yawOf('west'), yawOf('south'), yawOf('east')]).toEqual([0, Math.PI / 2, Math.PI, -Math.PI / 2]);
  });

  it('leaves a door\'s upper half and a bed\'s head to the block that places them', () => {
    expect(placedWithAnother('oak_door', { half: 'upper' })).toBe(true);
    expect(placedWithAnother('red_bed', { part: 'head' })).toBe(true);
    expect(placedWithAnother('oak_stairs', { half: 'top' })).toBe(false);
  });
});

describe('a structure against the world', () => {
  const s: Structure = { name: 't', size: { x: 3, y: 1, z: 1 }, format: 'sponge', blocks: [
    { x: 0, y: 0, z: 0, name: 'oak_fence', props: { east: 'true', west: 'false', north: 'false', south: 'false', waterlogged: 'false' } },
    { x: 1, y: 0, z: 0, name: 'cobblestone', props: {} },
    { x: 2, y: 0, z: 0, name: 'oak_stairs', props: { facing: 'north', half: 'bottom', shape: 'straight' } },
  ] };

  it('counts right, wrong and missing blocks, with the line the terminal prints', () => {
    const world: Record<string, { name: string; props: Record<string, string | boolean> }> = {
      '10,64,0': { name: 'oak_fence', props: { east: true, west: false, north: false, south: false, waterlogged: false } },
      '11,64,0': { name: 'dirt', props: {} },
      '12,64,0': { name: 'air', props: {} },
    };
    const r = survey(s, { x: 10, y: 64, z: 0 }, (x, y, z) => world[`${x},${y},${z}`]);
    expect([r.correct.length, r.wrong.length, r.missing.length]).toEqual([1, 1, 1]);
    expect(r.wrong[0]?.found).toBe('dirt');
    expect(progressLine(r)).toBe('1 / 3 placed, wrong: 1');
  });

  it('compares the sides a fence takes from its neighbours only once the build is done', () => {
    const lone = { name: 'oak_fence', props: { east: false, west: false, north: false, south: false, waterlogged: false } };
    expect(matches(s.blocks[0]!, lone)).toBe(false);
    expect(matches(s.blocks[0]!, lone, true)).toBe(true);
    const turned = { name: 'oak_stairs', props: { facing: 'south', half: 'bottom', shape: 'straight' } };
    expect(matches(s.blocks[2]!, turned, true)).toBe(false);
  });
});
