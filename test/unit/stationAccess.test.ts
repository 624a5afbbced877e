import { describe, expect, it } from 'vitest';
import { Vec3 } from 'vec3';
import { accessFrom, Cell, type CellReader } from '../../src/bot/stationAccess.ts';

/** A world of stone below y 64 and air above, with some cells changed. */
function world(changes: Record<string, Cell> = {}): CellReader {
  return (x, y, z) => changes[`${x},${y},${z}`] ?? (y < 64 ? Cell.Solid : Cell.Open);
}

/** Digs a vertical shaft at (x, z) from y `top` down to y `bottom` (both dug). */
function shaft(x: number, z: number, bottom: number, top: number, into: Record<string, Cell> = {}): Record<string, Cell> {
  for (let y = bottom; y <= top; y++) into[`${x},${y},${z}`] = Cell.Open;
  return into;
}

const feet = (x: number, y: number, z: number) => ({ x: x + 0.5, y, z: z + 0.5 });

describe('station access: one definition of near', () => {
  it('a table next to the bot on open ground is in reach', () => {
    const table = new Vec3(2, 64, 0);
    const site = accessFrom(world({ '2,64,0': Cell.Solid }), feet(0, 64, 0), [table]);
    expect(site).toMatchObject({ access: 'reach', steps: 0 });
  });

  it('a table eight blocks along flat ground is a short walk, with the cell to stand on', () => {
    const table = new Vec3(8, 64, 0);
    const site = accessFrom(world({ '8,64,0': Cell.Solid }), feet(0, 64, 0), [table]);
    expect(site?.access).toBe('walk');
    expect(site!.steps).toBeGreaterThanOrEqual(4);
    expect(site!.steps).toBeLessThanOrEqual(6);
    expect(site!.stand!.y).toBe(64);
  });

  it('from the bottom of a pit five deep the table on the rim is not near, though within reach distance through rock', () => {
    // The bot dug down at (1,*,0) to y 59; the table stands on the surface at (2,64,0) beside the
    // pit's edge; the pit's open column goes straight up, the rock between eyes and table is solid.
    const cells = shaft(1, 0, 59, 63, { '2,64,0': Cell.Solid });
    const table = new Vec3(2, 64, 1);
    cells['2,64,1'] = Cell.Solid;
    const site = accessFrom(world(cells), feet(1, 59, 0), [table]);
    expect(site).toBeNull();
  });

  it('a table behind a wall is not in reach, but is a walk around the wall', () => {
    const cells: Record<string, Cell> = { '3,64,0': Cell.Solid };
    for (let z = -2; z <= 2; z++) for (let y = 64; y <= 66; y++) cells[`2,${y},${z}`] = Cell.Solid;
    const site = accessFrom(world(cells), feet(0, 64, 0), [new Vec3(3, 64, 0)]);
    expect(site?.access).toBe('walk');
  });

  it('a table buried in rock, in sight of no cell, is never near', () => {
    const site = accessFrom(world(), feet(0, 64, 0), [new Vec3(1, 62, 0)]);
    expect(site).toBeNull();
  });

  it('climbs one block, never two, and drops at most three', () => {
    // A step of one block up to a ledge with a table on it: a walk.
    const ledge: Record<string, Cell> = {};
    for (let x = 2; x <= 12; x++) for (let z = -3; z <= 3; z++) ledge[`${x},64,${z}`] = Cell.Solid;
    ledge['10,65,0'] = Cell.Solid;
    expect(accessFrom(world(ledge), feet(0, 64, 0), [new Vec3(10, 65, 0)])?.access).toBe('walk');
    // A cliff of two blocks (the table far back on top) cannot be climbed.
    const cliff: Record<string, Cell> = {};
    for (let x = 2; x <= 14; x++) for (let z = -20; z <= 20; z++) { cliff[`${x},64,${z}`] = Cell.Solid; cliff[`${x},65,${z}`] = Cell.Solid; }
    cliff['12,66,0'] = Cell.Solid;
    expect(accessFrom(world(cliff), feet(0, 64, 0), [new Vec3(12, 66, 0)])).toBeNull();
  });
});
