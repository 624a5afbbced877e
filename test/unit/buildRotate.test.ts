import { describe, expect, it } from 'vitest';
import { exampleStructures } from '../../src/build/examples.ts';
import { rotateProps, rotateStructure, type Rotation } from '../../src/build/rotate.ts';
import type { Structure } from '../../src/build/types.ts';

/** An L of three blocks, 3 long in x and 2 deep in z, with a stair pointing north at the far end. */
const ell: Structure = {
  name: 'ell',
  size: { x: 3, y: 1, z: 2 },
  format: 'sponge',
  blocks: [
    { x: 0, y: 0, z: 0, name: 'stone', props: {} },
    { x: 1, y: 0, z: 0, name: 'oak_log', props: { axis: 'x' } },
    { x: 2, y: 0, z: 0, name: 'oak_stairs', props: { facing: 'north', half: 'bottom', shape: 'inner_left', waterlogged: 'false' } },
    { x: 0, y: 0, z: 1, name: 'dirt', props: {} },
  ],
};

const at = (s: Structure, x: number, y: number, z: number) => s.blocks.find((b) => b.x === x && b.y === y && b.z === z);

describe('rotateProps', () => {
  it('turns facing clockwise seen from above, leaving up and down', () => {
    expect(rotateProps({ facing: 'north' }, 1)).toEqual({ facing: 'east' });
    expect(rotateProps({ facing: 'east' }, 1)).toEqual({ facing: 'south' });
    expect(rotateProps({ facing: 'west' }, 1)).toEqual({ facing: 'north' });
    expect(rotateProps({ facing: 'north' }, 2)).toEqual({ facing: 'south' });
    expect(rotateProps({ facing: 'north' }, 3)).toEqual({ facing: 'west' });
    expect(rotateProps({ facing: 'down' }, 1)).toEqual({ facing: 'down' });
    expect(rotateProps({ facing: 'up', powered: 'false' }, 3)).toEqual({ facing: 'up', powered: 'false' });
  });

  it('swaps axis x and z on quarter turns only', () => {
    expect(rotateProps({ axis: 'x' }, 1)).toEqual({ axis: 'z' });
    expect(rotateProps({ axis: 'z' }, 3)).toEqual({ axis: 'x' });
    expect(rotateProps({ axis: 'x' }, 2)).toEqual({ axis: 'x' });
    expect(rotateProps({ axis: 'y' }, 1)).toEqual({ axis: 'y' });
  });

  it('adds four sixteenths of a turn to a sign or banner rotation per quarter turn', () => {
    expect(rotateProps({ rotation: '0', waterlogged: 'false' }, 1)).toEqual({ rotation: '4', waterlogged: 'false' });
    expect(rotateProps({ rotation: '14' }, 1)).toEqual({ rotation: '2' });
    expect(rotateProps({ rotation: '5' }, 2)).toEqual({ rotation: '13' });
  });

  it('moves each side of a fence, wall or pane with the side', () => {
    const fence = { north: 'true', east: 'false', south: 'false', west: 'true', waterlogged: 'false' };
    expect(rotateProps(fence, 1)).toEqual({ north: 'true', east: 'true', south: 'false', west: 'false', waterlogged: 'false' });
    const wall = { north: 'tall', east: 'low', south: 'none', west: 'none', up: 'true', waterlogged: 'false' };
    expect(rotateProps(wall, 1)).toEqual({ north: 'none', east: 'tall', south: 'low', west: 'none', up: 'true', waterlogged: 'false' });
    expect(rotateProps(wall, 2)).toEqual({ north: 'none', east: 'none', south: 'tall', west: 'low', up: 'true', waterlogged: 'false' });
    // A vine on one side only: the side moves, the others do not appear.
    expect(rotateProps({ north: 'true', up: 'false' }, 1)).toEqual({ east: 'true', up: 'false' });
  });

  it('turns a stair\'s facing and keeps its shape; keeps door hinges, bed parts and chest types', () => {
    expect(rotateProps({ facing: 'north', half: 'top', shape: 'outer_right', waterlogged: 'false' }, 1))
      .toEqual({ facing: 'east', half: 'top', shape: 'outer_right', waterlogged: 'false' });
    expect(rotateProps({ facing: 'south', half: 'upper', hinge: 'left', open: 'false', powered: 'false' }, 1))
      .toEqual({ facing: 'west', half: 'upper', hinge: 'left', open: 'false', powered: 'false' });
    expect(rotateProps({ facing: 'east', part: 'head', occupied: 'false' }, 2)).toEqual({ facing: 'west', part: 'head', occupied: 'false' });
    expect(rotateProps({ facing: 'north', type: 'left', waterlogged: 'false' }, 1)).toEqual({ facing: 'east', type: 'left', waterlogged: 'false' });
  });

  it('turns rail shapes as vanilla spells them', () => {
    const rail = (shape: string, q: number): string | undefined => rotateProps({ shape }, q).shape;
    expect(rail('north_south', 1)).toBe('east_west');
    expect(rail('east_west', 1)).toBe('north_south');
    expect(rail('ascending_east', 1)).toBe('ascending_south');
    expect(rail('ascending_north', 1)).toBe('ascending_east');
    expect(rail('south_east', 1)).toBe('south_west');
    expect(rail('south_west', 1)).toBe('north_west');
    expect(rail('north_west', 1)).toBe('north_east');
    expect(rail('north_east', 1)).toBe('south_east');
    expect(rail('north_east', 2)).toBe('south_west');
  });

  it('turns jigsaw and crafter orientations', () => {
    expect(rotateProps({ orientation: 'north_up' }, 1)).toEqual({ orientation: 'east_up' });
    expect(rotateProps({ orientation: 'up_west' }, 1)).toEqual({ orientation: 'up_north' });
  });
});

describe('rotateStructure', () => {
  it('turns positions clockwise seen from above and re-bases them at 0', () => {
    const r = rotateStructure(ell, 90);
    expect(r.size).toEqual({ x: 2, y: 1, z: 3 });
    // North-west corner goes to north-east; the row along x (north edge) becomes a column down the east edge.
    expect(at(r, 1, 0, 0)?.name).toBe('stone');
    expect(at(r, 1, 0, 1)).toEqual({ x: 1, y: 0, z: 1, name: 'oak_log', props: { axis: 'z' } });
    expect(at(r, 1, 0, 2)?.props).toEqual({ facing: 'east', half: 'bottom', shape: 'inner_left', waterlogged: 'false' });
    expect(at(r, 0, 0, 0)?.name).toBe('dirt');
    for (const deg of [0, 90, 180, 270] as Rotation[]) {
      const s = rotateStructure(ell, deg);
      expect(Math.min(...s.blocks.map((b) => b.x))).toBe(0);
      expect(Math.min(...s.blocks.map((b) => b.z))).toBe(0);
      expect(s.blocks.every((b) => b.x < s.size.x && b.z < s.size.z)).toBe(true);
    }
  });

  it('composes: four quarter turns are none, 90 then 270 is none, 90 twice is 180', () => {
    const norm = (s: Structure) => JSON.stringify(s.blocks.map((b) => ({ ...b, props: Object.fromEntries(Object.entries(b.props).sort()) })));
    for (const s of [ell, ...exampleStructures()]) {
      let r = s;
      for (let i = 0; i < 4; i++) r = rotateStructure(r, 90);
      expect(norm(r)).toBe(norm(s));
      expect(norm(rotateStructure(rotateStructure(s, 90), 270))).toBe(norm(s));
      expect(norm(rotateStructure(rotateStructure(s, 90), 90))).toBe(norm(rotateStructure(s, 180)));
      expect(rotateStructure(s, 0)).toEqual(s);
    }
  });

  it('keeps a door facing into the hut from outside: the south-wall door goes to the west wall facing east', () => {
    const hut = exampleStructures().find((s) => s.name === 'hut')!;
    const door = rotateStructure(hut, 90).blocks.filter((b) => b.name === 'oak_door');
    expect(door.map((b) => [b.x, b.y, b.z, b.props.facing, b.props.half])).toEqual([[0, 1, 2, 'east', 'lower'], [0, 2, 2, 'east', 'upper']]);
  });

  it('keeps every fence joined exactly to the fences and gates beside it', () => {
    for (const s of exampleStructures().filter((e) => e.blocks.some((b) => b.name === 'oak_fence'))) {
      for (const deg of [90, 180, 270] as Rotation[]) {
        const r = rotateStructure(s, deg);
        for (const f of r.blocks.filter((b) => b.name === 'oak_fence')) {
          const side = (dx: number, dz: number) => String(at(r, f.x + dx, f.y, f.z + dz)?.name.startsWith('oak_fence') === true);
          expect({ name: `${s.name} ${deg}`, ...f.props }).toEqual({ name: `${s.name} ${deg}`, north: side(0, -1), east: side(1, 0), south: side(0, 1), west: side(-1, 0), waterlogged: 'false' });
        }
      }
    }
  });

  it('refuses a rotation that is not a quarter turn', () => {
    expect(() => rotateStructure(ell, 45 as Rotation)).toThrow(/0, 90, 180 or 270/);
  });
});
