// Vanilla's placement rules as the sandbox computes them, over block states and collision boxes from
// minecraft-data (1.20.1): look directions, face support, stairs' corners, slabs, door hinges,
// connections of fences, walls and panes, and blocks placed against a face.
import { createRequire } from 'node:module';
import type { Registry } from 'prismarine-registry';
import { describe, expect, it } from 'vitest';
import { placeFaceAttached, placeLadder, placeStandingOrWall, placeTrapdoor, standingAndWallOf } from '../../src/sandbox/plugins/placement/attached.ts';
import { connections, gateInWall } from '../../src/sandbox/plugins/placement/connect.ts';
import { doorHinge } from '../../src/sandbox/plugins/placement/doors.ts';
import { facingRuleOf } from '../../src/sandbox/plugins/placement/facing.ts';
import { isFaceSturdy, lookDirection, orderedByNearest, type Cell, type Direction, type Horizontal } from '../../src/sandbox/plugins/placement/geometry.ts';
import { clickedHalf, slabTakesClick, slabType, stairShape } from '../../src/sandbox/plugins/placement/stairs.ts';
import { cellOf, stateOf } from '../../src/sandbox/plugins/placement/world.ts';

const require = createRequire(import.meta.url);
const registry = (require('prismarine-registry') as (v: string) => Registry)('1.20.1');

function cell(name: string, props: Record<string, unknown> = {}): Cell {
  return cellOf(registry, stateOf(registry, name, props));
}
const AIR = cell('air');
/** Neighbours by direction; anything not given is air. */
const around = (n: Partial<Record<Direction, Cell>>) => (d: Direction): Cell => n[d] ?? AIR;

describe('look directions', () => {
  it('maps yaw to the horizontal direction looked along (0° south, 90° west)', () => {
    expect([0, 90, 180, 270, -90, 44, 46].map(lookDirection)).toEqual(['south', 'west', 'north', 'east', 'east', 'south', 'west']);
  });

  it('orders the six directions by the look, as Direction.orderedByNearest', () => {
    expect(orderedByNearest(0, 0)).toEqual(['south', 'down', 'west', 'east', 'up', 'north']);
    expect(orderedByNearest(180, 60)).toEqual(['down', 'north', 'west', 'east', 'south', 'up']);
    expect(orderedByNearest(-100, -20)[0]).toBe('east');
  });
});

describe('block states', () => {
  it('leaves the properties a rule does not set at the block default, not at their first value', () => {
    expect(cell('stone_button', { face: 'wall', facing: 'east' }).props).toEqual({ face: 'wall', facing: 'east', powered: false });
    expect(cell('oak_trapdoor', { facing: 'east', half: 'top' }).props).toMatchObject({ open: false, powered: false, waterlogged: false });
  });
});

describe('face support', () => {
  it('tells full faces from partial ones by the collision boxes', () => {
    expect(isFaceSturdy(cell('stone').shapes, 'north')).toBe(true);
    const bottomSlab = cell('oak_slab', { type: 'bottom' }).shapes;
    expect([isFaceSturdy(bottomSlab, 'down'), isFaceSturdy(bottomSlab, 'up'), isFaceSturdy(bottomSlab, 'east')]).toEqual([true, false, false]);
    const stair = cell('oak_stairs', { facing: 'north', half: 'bottom', shape: 'straight' }).shapes;
    expect([isFaceSturdy(stair, 'north'), isFaceSturdy(stair, 'south'), isFaceSturdy(stair, 'down')]).toEqual([true, false, true]);
    expect(isFaceSturdy(AIR.shapes, 'up')).toBe(false);
  });
});

describe('stairs and slabs', () => {
  const stair = (facing: Horizontal, half = 'bottom') => cell('oak_stairs', { facing, half, shape: 'straight' });

  it('puts the half by the clicked face and the click height', () => {
    expect([clickedHalf('down', 0.1), clickedHalf('up', 0.9), clickedHalf('north', 0.75), clickedHalf('north', 0.25)]).toEqual(['top', 'bottom', 'top', 'bottom']);
  });

  it('turns a stair into outer and inner corners with crossing stairs in front and behind', () => {
    const self = { facing: 'north', half: 'bottom' } as const;
    expect(stairShape(self, around({}))).toBe('straight');
    expect(stairShape(self, around({ north: stair('east') }))).toBe('outer_right');
    expect(stairShape(self, around({ north: stair('west') }))).toBe('outer_left');
    expect(stairShape(self, around({ south: stair('west') }))).toBe('inner_left');
    expect(stairShape(self, around({ south: stair('east') }))).toBe('inner_right');
    // A stair of the other half, or one along the same axis, leaves it straight.
    expect(stairShape(self, around({ north: stair('east', 'top') }))).toBe('straight');
    expect(stairShape(self, around({ south: stair('south') }))).toBe('straight');
    // A stair like itself on the corner's side keeps it straight (canTakeShape).
    expect(stairShape(self, around({ north: stair('east'), west: stair('north') }))).toBe('straight');
  });

  it('fills a slab from its open side and gives top or bottom otherwise', () => {
    expect([slabTakesClick('bottom', 'up', 1), slabTakesClick('bottom', 'north', 0.75), slabTakesClick('bottom', 'north', 0.25), slabTakesClick('bottom', 'down', 0)]).toEqual([true, true, false, false]);
    expect([slabTakesClick('top', 'down', 0), slabTakesClick('top', 'east', 0.25), slabTakesClick('top', 'up', 1), slabTakesClick('double', 'up', 1)]).toEqual([true, true, false, false]);
    expect(slabType(cell('oak_slab', { type: 'top' }), 'oak_slab', 'north', 0.2)).toBe('double');
    expect(slabType(cell('stone_slab', { type: 'top' }), 'oak_slab', 'north', 0.2)).toBe('bottom');
    expect(slabType(AIR, 'oak_slab', 'down', 0)).toBe('top');
  });
});

describe('door hinges', () => {
  const ctx = (clickX: number, n: Partial<Record<Horizontal, Cell>> = {}, facing: Horizontal = 'north') =>
    ({ doorName: 'oak_door', facing, clickX, clickZ: 0.5, at: (d: Horizontal) => n[d] ?? AIR });

  it('hinges on the side of the centre clicked when nothing is beside it', () => {
    expect(doorHinge(ctx(0.3))).toBe('left');
    expect(doorHinge(ctx(0.7))).toBe('right');
    expect(doorHinge({ ...ctx(0.7, {}, 'south') })).toBe('left');
  });

  it('hinges towards full blocks and away from a door beside it', () => {
    expect(doorHinge(ctx(0.3, { east: cell('stone') }))).toBe('right');
    expect(doorHinge(ctx(0.7, { west: cell('stone') }))).toBe('left');
    expect(doorHinge(ctx(0.3, { west: cell('oak_door', { half: 'lower', facing: 'north', hinge: 'left' }) }))).toBe('right');
  });
});

describe('connections', () => {
  it('joins fences to fences of their kind, full faces and gates across their axis', () => {
    const c = connections('oak_fence', around({ north: cell('spruce_fence'), south: cell('nether_brick_fence'), east: cell('stone'), west: cell('oak_fence_gate', { facing: 'north' }) }));
    expect(c).toEqual({ north: true, south: false, east: true, west: true });
    expect(connections('oak_fence', around({ west: cell('oak_fence_gate', { facing: 'east' }), east: cell('oak_leaves') }))).toMatchObject({ west: false, east: false });
  });

  it('joins panes and iron bars to each other, to walls and full faces, not to slabs', () => {
    const c = connections('glass_pane', around({ north: cell('iron_bars'), south: cell('cobblestone_wall'), east: cell('oak_slab', { type: 'bottom' }), west: cell('glass') }));
    expect(c).toEqual({ north: true, south: true, east: false, west: true });
  });

  it('gives walls low or tall sides and a post where vanilla raises one', () => {
    expect(connections('cobblestone_wall', around({}))).toEqual({ north: 'none', south: 'none', east: 'none', west: 'none', up: true });
    const straight = around({ north: cell('cobblestone_wall'), south: cell('stone') });
    expect(connections('cobblestone_wall', straight)).toEqual({ north: 'low', south: 'low', east: 'none', west: 'none', up: false });
    const under = around({ north: cell('cobblestone_wall'), south: cell('stone'), up: cell('stone') });
    expect(connections('cobblestone_wall', under)).toEqual({ north: 'tall', south: 'tall', east: 'none', west: 'none', up: false });
    const torch = around({ north: cell('cobblestone_wall'), south: cell('stone'), up: cell('torch') });
    expect(connections('cobblestone_wall', torch)).toMatchObject({ north: 'low', up: true });
    expect(connections('cobblestone_wall', around({ east: cell('cobblestone_wall') }))).toMatchObject({ east: 'low', up: true });
  });

  it('lowers a gate between walls', () => {
    expect(gateInWall('north', around({ east: cell('cobblestone_wall') }))).toBe(true);
    expect(gateInWall('north', around({ north: cell('cobblestone_wall') }))).toBe(false);
  });
});

describe('blocks placed against a face', () => {
  const has = (n: string) => registry.blocksByName[n] !== undefined;
  const torch = standingAndWallOf('torch', has)!;
  const stone = cell('stone');

  it('places a wall torch facing away from the clicked side, a standing one on top', () => {
    // Clicking the north face of a stone: the torch goes north of it, its wall to the south.
    expect(placeStandingOrWall(torch, { face: 'north', cursorY: 0.5, yaw: 0, pitch: 0 }, around({ south: stone }))).toEqual({ name: 'wall_torch', props: { facing: 'north' } });
    expect(placeStandingOrWall(torch, { face: 'up', cursorY: 1, yaw: 0, pitch: 60 }, around({ down: stone }))).toEqual({ name: 'torch', props: {} });
    // A pane's post holds the centre of a torch (canSupportCenter); a carpet's top is not a face of the block.
    expect(placeStandingOrWall(torch, { face: 'up', cursorY: 1, yaw: 0, pitch: 60 }, around({ down: cell('glass_pane') }))?.name).toBe('torch');
    expect(placeStandingOrWall(torch, { face: 'up', cursorY: 1, yaw: 0, pitch: 60 }, around({ down: cell('white_carpet') }))).toBeUndefined();
  });

  it('turns banners to face the player and heads by the yaw', () => {
    const banner = standingAndWallOf('red_banner', has)!;
    const head = standingAndWallOf('zombie_head', has)!;
    expect(banner.wall).toBe('red_wall_banner');
    expect(head.wall).toBe('zombie_wall_head');
    expect(placeStandingOrWall(banner, { face: 'up', cursorY: 1, yaw: 0, pitch: 60 }, around({ down: stone }))).toEqual({ name: 'red_banner', props: { rotation: 8 } });
    expect(placeStandingOrWall(head, { face: 'up', cursorY: 1, yaw: 90, pitch: 60 }, around({ down: stone }))).toEqual({ name: 'zombie_head', props: { rotation: 4 } });
    expect(placeStandingOrWall(head, { face: 'east', cursorY: 0.5, yaw: 90, pitch: 0 }, around({ west: stone }))).toEqual({ name: 'zombie_wall_head', props: { facing: 'east' } });
  });

  it('hangs ladders and buttons on sturdy faces; trapdoors by the clicked side', () => {
    expect(placeLadder({ face: 'west', cursorY: 0.5, yaw: 90, pitch: 0 }, around({ east: stone }))).toEqual({ name: 'ladder', props: { facing: 'west' } });
    expect(placeLadder({ face: 'up', cursorY: 1, yaw: 90, pitch: 40 }, around({ down: stone }))).toBeUndefined();
    expect(placeFaceAttached('stone_button', { face: 'up', cursorY: 1, yaw: 180, pitch: 50 }, around({ down: stone }))).toEqual({ name: 'stone_button', props: { face: 'floor', facing: 'north' } });
    expect(placeFaceAttached('lever', { face: 'south', cursorY: 0.5, yaw: 180, pitch: 0 }, around({ north: stone }))).toEqual({ name: 'lever', props: { face: 'wall', facing: 'south' } });
    expect(placeTrapdoor('oak_trapdoor', { face: 'east', cursorY: 0.8, yaw: 90, pitch: 0 })).toMatchObject({ props: { facing: 'east', half: 'top' } });
    expect(placeTrapdoor('oak_trapdoor', { face: 'up', cursorY: 1, yaw: 0, pitch: 60 })).toMatchObject({ props: { facing: 'north', half: 'bottom' } });
  });
});

describe('blocks that only turn', () => {
  const rule = (name: string) => {
    const r = facingRuleOf(name);
    if (!r) throw new Error(`no rule for ${name}`);
    return r;
  };
  const looking = (yaw: number, pitch: number, face: Direction = 'up') => ({ face, yaw, pitch });

  it('turns pumpkins and glazed terracotta to the player, anvils across, campfires along the look', () => {
    expect(rule('carved_pumpkin')(looking(180, 30), around({}))).toEqual({ facing: 'south' });
    expect(rule('white_glazed_terracotta')(looking(90, 30), around({}))).toEqual({ facing: 'east' });
    expect(rule('anvil')(looking(180, 30), around({}))).toEqual({ facing: 'east' });
    expect(rule('campfire')(looking(0, 30), around({}))).toEqual({ facing: 'south' });
    expect(facingRuleOf('stone')).toBeUndefined();
  });

  it('points pistons and dispensers at the player in 3D, observers away, hoppers into the clicked block', () => {
    expect(rule('piston')(looking(0, 80), around({}))).toEqual({ facing: 'up' });
    expect(rule('dispenser')(looking(-90, 10), around({}))).toEqual({ facing: 'west' });
    expect(rule('observer')(looking(-90, 10), around({}))).toEqual({ facing: 'east' });
    expect(rule('hopper')(looking(0, 10, 'north'), around({}))).toEqual({ facing: 'south' });
    expect(rule('hopper')(looking(0, 80, 'up'), around({}))).toEqual({ facing: 'down' });
  });

  it('sets rods along the clicked face and hangs lanterns under blocks', () => {
    expect(rule('end_rod')(looking(0, 10, 'east'), around({}))).toEqual({ facing: 'east' });
    expect(rule('end_rod')(looking(0, 10, 'up'), around({ down: cell('end_rod', { facing: 'up' }) }))).toEqual({ facing: 'down' });
    expect(rule('lantern')(looking(0, -60, 'down'), around({ up: cell('stone') }))).toEqual({ hanging: true });
    expect(rule('lantern')(looking(0, 60, 'up'), around({ down: cell('stone') }))).toEqual({ hanging: false });
    expect(rule('lantern')(looking(0, 60, 'up'), around({}))).toBeUndefined();
  });
});
