import { describe, expect, it } from 'vitest';
import { chooseDirection, describeRefusals, DIRS, planStep, type Cell, type DigCheck, type Lookup, type P } from '../../src/actions/movement/stairs.ts';

const GRAVITY = new Set(['sand', 'gravel']);
const cell = (name: string): Cell => {
  const liquid = name === 'water' || name === 'lava';
  const empty = name === 'air' || name === 'short_grass';
  return { name, liquid, empty, solid: !liquid && !empty, gravity: GRAVITY.has(name) };
};

/**
 * A hand-made world: stone up to y 63, air above, with `edits` ("x,y,z" → block name) on top, and
 * nothing known beyond |x| or |z| of `known`.
 */
function world(edits: Record<string, string> = {}, known = 40): Lookup {
  return (x, y, z) => {
    if (Math.abs(x) > known || Math.abs(z) > known) return null;
    return cell(edits[`${x},${y},${z}`] ?? (y <= 63 ? 'stone' : 'air'));
  };
}

const canDig: DigCheck = (name) => (name === 'bedrock' ? 'never' : name === 'obsidian' ? 'tool' : 'ok');
const feet: P = { x: 0, y: 64, z: 0 };
const [north, east, south] = DIRS as [typeof DIRS[0], typeof DIRS[0], typeof DIRS[0]];

describe('stair steps down', () => {
  it('clears the 3-high column ahead (only what is not empty) and steps one down onto solid ground', () => {
    expect(planStep(world(), feet, north, 'down', canDig)).toEqual({
      ok: true, dir: north, next: { x: 0, y: 63, z: -1 }, dig: [{ x: 0, y: 63, z: -1 }], fallingAbove: false,
    });
    const deeper = { x: 0, y: 50, z: 0 };
    const plan = planStep(world(), deeper, east, 'down', canDig);
    expect(plan).toMatchObject({ ok: true, next: { x: 1, y: 49, z: 0 }, dig: [{ x: 1, y: 51, z: 0 }, { x: 1, y: 50, z: 0 }, { x: 1, y: 49, z: 0 }] });
  });

  it('refuses a step that would dig into or next to lava or water, or stand on it', () => {
    expect(planStep(world({ '0,63,-2': 'lava' }), feet, north, 'down', canDig)).toMatchObject({ ok: false, hazard: 'lava', at: { x: 0, y: 63, z: -2 }, block: 'lava' });
    expect(planStep(world({ '0,63,-1': 'water' }), feet, north, 'down', canDig)).toMatchObject({ ok: false, hazard: 'water', at: { x: 0, y: 63, z: -1 } });
    expect(planStep(world({ '0,62,-1': 'lava' }), feet, north, 'down', canDig)).toMatchObject({ ok: false, hazard: 'lava', at: { x: 0, y: 62, z: -1 } });
    // Water beside an air block that is already open is not a reason to refuse.
    expect(planStep(world({ '1,64,-1': 'water' }), feet, north, 'down', canDig)).toMatchObject({ ok: true });
  });

  it('refuses unknown blocks, blocks it cannot break, blocks needing a better tool, and a missing floor', () => {
    expect(planStep(world({}, 0), feet, north, 'down', canDig)).toMatchObject({ ok: false, hazard: 'unknown' });
    expect(planStep(world({ '0,63,-1': 'bedrock' }), feet, north, 'down', canDig)).toMatchObject({ ok: false, hazard: 'unbreakable', block: 'bedrock' });
    expect(planStep(world({ '0,63,-1': 'obsidian' }), feet, north, 'down', canDig)).toMatchObject({ ok: false, hazard: 'tool', block: 'obsidian' });
    expect(planStep(world({ '0,62,-1': 'air' }), feet, north, 'down', canDig)).toMatchObject({ ok: false, hazard: 'no_floor', at: { x: 0, y: 62, z: -1 } });
  });

  it('notes sand or gravel above a block it digs', () => {
    const deeper = { x: 0, y: 50, z: 0 };
    expect(planStep(world({ '0,52,-1': 'gravel' }), deeper, north, 'down', canDig)).toMatchObject({ ok: true, fallingAbove: true });
  });
});

describe('stair steps up', () => {
  it('clears above the head and two blocks ahead, and steps onto the block ahead', () => {
    const inside = { x: 0, y: 50, z: 0 };
    expect(planStep(world(), inside, south, 'up', canDig)).toEqual({
      ok: true, dir: south, next: { x: 0, y: 51, z: 1 },
      dig: [{ x: 0, y: 52, z: 0 }, { x: 0, y: 52, z: 1 }, { x: 0, y: 51, z: 1 }], fallingAbove: false,
    });
    // Out at the surface with nothing higher ahead: no floor to step onto.
    expect(planStep(world(), feet, south, 'up', canDig)).toMatchObject({ ok: false, hazard: 'no_floor' });
  });
});

describe('choosing a direction', () => {
  it('keeps going straight when that is safe, and never turns back going down', () => {
    const choice = chooseDirection(world(), { x: 0, y: 50, z: 0 }, 'down', canDig, east, 8);
    expect(choice).toMatchObject({ plan: { dir: east }, ahead: 8 });
    // Only the way back is open: refusing it keeps the step just made walkable.
    const walls = { '0,49,-1': 'bedrock', '0,49,1': 'bedrock', '1,49,0': 'bedrock' };
    const boxed = chooseDirection(world(walls), { x: 0, y: 50, z: 0 }, 'down', canDig, east, 8);
    expect('refused' in boxed && boxed.refused.map((r) => r.dir.name)).toEqual(['east', 'north', 'south']);
  });

  it('turns away from lava a few steps ahead, choosing the longest safe run', () => {
    const start = { x: 0, y: 50, z: 0 };
    const choice = chooseDirection(world({ '0,46,-4': 'lava' }), start, 'down', canDig, north, 8);
    expect('plan' in choice && choice.plan.dir.name).not.toBe('north');
    expect(choice).toMatchObject({ ahead: 8 });
  });

  it('prefers a step with no gravel overhead when the runs are equally long', () => {
    const choice = chooseDirection(world({ '0,52,-1': 'gravel' }), { x: 0, y: 50, z: 0 }, 'down', canDig, undefined, 4);
    expect(choice).toMatchObject({ plan: { dir: east, fallingAbove: false } });
  });

  it('lists why every direction was refused', () => {
    const lava: Record<string, string> = {};
    for (const [dx, dz] of [[0, -1], [1, 0], [0, 1], [-1, 0]]) lava[`${dx},62,${dz}`] = 'lava';
    const choice = chooseDirection(world(lava), feet, 'down', canDig, undefined, 8);
    expect('refused' in choice).toBe(true);
    if (!('refused' in choice)) return;
    expect(describeRefusals(choice.refused)).toBe('north: lava at 0,62,-1; east: lava at 1,62,0; south: lava at 0,62,1; west: lava at -1,62,0');
  });
});
