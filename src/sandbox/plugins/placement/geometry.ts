// Directions and block faces as vanilla's placement code reasons about them (Direction, VoxelShape face
// tests), over the collision boxes minecraft-data gives for each block state.

export type Horizontal = 'north' | 'south' | 'west' | 'east';
export type Direction = Horizontal | 'up' | 'down';
export type Box = readonly number[];

/** What placement rules read of a block: its name, state properties and collision boxes. */
export interface Cell {
  name: string;
  props: Record<string, unknown>;
  shapes: readonly Box[];
}

export const HORIZONTALS: readonly Horizontal[] = ['north', 'east', 'south', 'west'];
export const OFFSET: Record<Direction, readonly [number, number, number]> = {
  north: [0, 0, -1], south: [0, 0, 1], west: [-1, 0, 0], east: [1, 0, 0], up: [0, 1, 0], down: [0, -1, 0],
};
export const OPPOSITE: Record<Direction, Direction> = { north: 'south', south: 'north', west: 'east', east: 'west', up: 'down', down: 'up' };
export const CLOCKWISE: Record<Horizontal, Horizontal> = { north: 'east', east: 'south', south: 'west', west: 'north' };
export const COUNTER: Record<Horizontal, Horizontal> = { north: 'west', west: 'south', south: 'east', east: 'north' };
/** block_place's face numbers: 0 down, 1 up, then north, south, west, east. */
export const FACE_BY_NUMBER: readonly Direction[] = ['down', 'up', 'north', 'south', 'west', 'east'];

export const isHorizontal = (d: Direction): d is Horizontal => d !== 'up' && d !== 'down';
export const axisOf = (d: Direction): 'x' | 'y' | 'z' => (d === 'east' || d === 'west' ? 'x' : d === 'up' || d === 'down' ? 'y' : 'z');

/** Direction.fromYRot: the horizontal way a player with this yaw (degrees) looks (0° south, 90° west). */
export function lookDirection(yaw: number): Horizontal {
  return (['south', 'west', 'north', 'east'] as const)[Math.floor(yaw / 90 + 0.5) & 3]!;
}

/** RotationSegment.convertToSegment: one of 16 rotations, 0 facing south. */
export function rotationSegment(degrees: number): number {
  return Math.floor(degrees / 22.5 + 0.5) & 15;
}

/** Direction.orderedByNearest: the six directions, the one the look points along most first. */
export function orderedByNearest(yaw: number, pitch: number): Direction[] {
  const xRot = (pitch * Math.PI) / 180;
  const yRot = (-yaw * Math.PI) / 180;
  const sinX = Math.sin(xRot), cosX = Math.cos(xRot), sinY = Math.sin(yRot), cosY = Math.cos(yRot);
  const east = sinY > 0, up = sinX < 0, south = cosY > 0;
  const dx = east ? sinY : -sinY, dy = up ? -sinX : sinX, dz = south ? cosY : -cosY;
  const fx = dx * cosX, fz = dz * cosX;
  const h: Direction = east ? 'east' : 'west', v: Direction = up ? 'up' : 'down', d: Direction = south ? 'south' : 'north';
  const make = (a: Direction, b: Direction, c: Direction): Direction[] => [a, b, c, OPPOSITE[c], OPPOSITE[b], OPPOSITE[a]];
  if (dx > dz) {
    if (dy > fx) return make(v, h, d);
    return fz > dy ? make(h, d, v) : make(h, v, d);
  }
  if (dy > fz) return make(v, d, h);
  return fx > dy ? make(d, h, v) : make(d, v, h);
}

/**
 * BlockPlaceContext.getNearestLookingDirections: the look's order, with the clicked block's direction
 * (opposite the clicked face) moved first unless the click replaces the clicked block itself.
 */
export function nearestLookingDirections(yaw: number, pitch: number, clickedFace: Direction, replacingClicked: boolean): Direction[] {
  const order = orderedByNearest(yaw, pitch);
  if (replacingClicked) return order;
  const towardsClicked = OPPOSITE[clickedFace];
  return [towardsClicked, ...order.filter((d) => d !== towardsClicked)];
}

/** Samples of a face, as (u, v) in sixteenths' centres: enough to tell a full face from a partial one. */
const SAMPLES = Array.from({ length: 8 }, (_, i) => (i + 0.5) / 8);

function touchesFace(box: Box, face: Direction): boolean {
  const [x0, y0, z0, x1, y1, z1] = box as [number, number, number, number, number, number];
  switch (face) {
    case 'down': return y0 <= 0;
    case 'up': return y1 >= 1;
    case 'north': return z0 <= 0;
    case 'south': return z1 >= 1;
    case 'west': return x0 <= 0;
    case 'east': return x1 >= 1;
  }
}

function coversPoint(box: Box, face: Direction, u: number, v: number): boolean {
  const [x0, y0, z0, x1, y1, z1] = box as [number, number, number, number, number, number];
  // u and v run along the face's two other axes: (x, z) for up/down, (x, y) for north/south, (z, y) for west/east.
  if (face === 'up' || face === 'down') return x0 <= u && u <= x1 && z0 <= v && v <= z1;
  if (face === 'north' || face === 'south') return x0 <= u && u <= x1 && y0 <= v && v <= y1;
  return z0 <= u && u <= z1 && y0 <= v && v <= y1;
}

/** Whether the boxes touching `face` cover the whole face (BlockState.isFaceSturdy, full support). */
export function isFaceSturdy(shapes: readonly Box[], face: Direction): boolean {
  const onFace = shapes.filter((b) => touchesFace(b, face));
  if (onFace.length === 0) return false;
  return SAMPLES.every((u) => SAMPLES.every((v) => onFace.some((b) => coversPoint(b, face, u, v))));
}

/**
 * Whether the face's projection covers a rectangle (u0..u1, v0..v1) of it: Block.canSupportCenter uses
 * the centre 2×2 sixteenths of the top face; walls test the post and side rectangles under a block above.
 */
export function faceCovers(shapes: readonly Box[], face: Direction, u0: number, v0: number, u1: number, v1: number): boolean {
  const onFace = shapes.filter((b) => touchesFace(b, face));
  const steps = [0.25, 0.5, 0.75];
  return steps.every((a) => steps.every((b) => {
    const u = u0 + (u1 - u0) * a, v = v0 + (v1 - v0) * b;
    return onFace.some((box) => coversPoint(box, face, u, v));
  }));
}

export const isFullCube = (shapes: readonly Box[]): boolean => shapes.length === 1 && shapes[0]!.join() === '0,0,0,1,1,1';
