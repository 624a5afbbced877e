// Blocks a real mineflayer bot places get vanilla's states: stairs (facing by look, half, corners that
// follow a neighbour placed later), slabs (top, double from one more item), doors (both halves, hinge,
// refused under a block, broken whole), fences, walls, panes and gates (connections kept up as
// neighbours come and go), wall torches, ladders, buttons, trapdoors, logs and banners. Each state is
// read from the server's world and from the bot's own view, on 1.20.1 and 1.21.4.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Registry } from 'prismarine-registry';
import { createRequire } from 'node:module';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { droppedItemOf } from '../../src/sandbox/plugins/items/entity.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { flatFloor } from '../helpers/world.ts';
import { give, itemId } from '../helpers/windows.ts';

const require = createRequire(import.meta.url);
type Props = Record<string, unknown>;
interface BlockReader { fromStateId(id: number, biome: number): { name: string; getProperties(): Props } }
type PlacingBot = Bot & { _placeBlockWithOptions(ref: unknown, face: Vec3, opts: Record<string, unknown>): Promise<void>; _genericPlace(ref: unknown, face: Vec3, opts: Record<string, unknown>): Promise<void> };

const UP = new Vec3(0, 1, 0);
const ITEMS = ['oak_stairs', 'oak_slab', 'oak_door', 'oak_fence', 'cobblestone_wall', 'glass_pane', 'oak_fence_gate', 'torch', 'ladder', 'stone_button', 'oak_trapdoor', 'oak_log', 'red_banner', 'iron_axe', 'carved_pumpkin', 'piston', 'observer', 'hopper', 'lantern'];

/** Polls until `check` holds or `ms` pass; the caller asserts afterwards, so a failure shows the state. */
async function settle(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}

describe.each(['1.20.1', '1.21.4'] as const)('placement states on %s', (version) => {
  let sb: Sandbox;
  let bot: PlacingBot;
  let base: Vec3;
  let reader: BlockReader;
  const rel = (x: number, y: number, z: number) => base.offset(x, y, z);

  const serverView = (pos: Vec3) => {
    const b = reader.fromStateId(sb.server.overworld.sync.getBlockStateId(pos), 0);
    return { name: b.name, props: b.getProperties() };
  };
  const botView = (pos: Vec3) => {
    const b = bot.blockAt(pos);
    return { name: b?.name, props: b?.getProperties() as Props | undefined };
  };
  const fits = (v: { name?: string; props?: Props }, name: string, props: Props) => v.name === name && Object.entries(props).every(([k, x]) => v.props?.[k] === x);

  /** The block at `pos` is `name` with `props` on the server and in the bot's view. */
  async function expectBlock(pos: Vec3, name: string, props: Props = {}): Promise<void> {
    await settle(() => fits(serverView(pos), name, props) && fits(botView(pos), name, props));
    expect(serverView(pos)).toMatchObject({ name, props });
    expect(botView(pos)).toMatchObject({ name, props });
  }

  async function standAt(x: number, z: number): Promise<void> {
    const at = rel(x, 0, z).offset(0.5, 0, 0.5);
    await sb.command(`tp ${bot.username} ${at.x} ${at.y} ${at.z}`);
    await waitFor(() => bot.entity.position.distanceTo(at) < 0.1, 3000, `the bot to stand at ${x},${z}`);
  }

  /** Holds `item` and clicks `face` of the block at `ref`, as bot.placeBlock does (look at the face, then use). */
  async function place(item: string, ref: Vec3, face: Vec3, opts: Record<string, unknown> = {}): Promise<void> {
    await bot.equip(itemId(bot, item), 'hand');
    const block = bot.blockAt(ref);
    if (!block) throw new Error(`no block at ${ref.toString()}`);
    await bot._placeBlockWithOptions(block, face, { swingArm: 'right', ...opts });
  }
  const onFloor = (item: string, x: number, z: number, opts: Record<string, unknown> = {}) => place(item, rel(x, -1, z), UP, opts);
  const setStone = (x: number, y: number, z: number) => sb.server.setBlock(sb.server.overworld, rel(x, y, z), sb.server.registry.blocksByName.stone!.defaultState);
  const count = (item: string) => bot.inventory.items().filter((i) => i.name === item).reduce((n, i) => n + i.count, 0);

  beforeAll(async () => {
    sb = await testSandbox({ seed: 5, preset: 'flat', version });
    reader = (require('prismarine-block') as (r: Registry) => BlockReader)(sb.server.registry);
    bot = (await testBot(sb, 'placer')) as PlacingBot;
    base = await flatFloor(sb, bot, 6);
    for (const item of ITEMS) await give(sb, bot, item, 6);
  });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('places stairs facing the look, on the clicked half, and turns corners when a crossing stair comes', async () => {
    await standAt(0, 0);
    await onFloor('oak_stairs', 0, 2);
    await expectBlock(rel(0, 0, 2), 'oak_stairs', { facing: 'south', half: 'bottom', shape: 'straight' });
    // A stair in front of it, facing across: the first becomes an outer corner (a neighbour update).
    await standAt(-3, 3);
    await onFloor('oak_stairs', 0, 3);
    await expectBlock(rel(0, 0, 3), 'oak_stairs', { facing: 'east', shape: 'straight' });
    await expectBlock(rel(0, 0, 2), 'oak_stairs', { facing: 'south', shape: 'outer_left' });
    // A stair behind another, facing across: an inner corner.
    await standAt(0, 0);
    await onFloor('oak_stairs', 0, -3);
    await standAt(3, -2);
    await onFloor('oak_stairs', 0, -2);
    await expectBlock(rel(0, 0, -2), 'oak_stairs', { facing: 'west' });
    await expectBlock(rel(0, 0, -3), 'oak_stairs', { facing: 'north', half: 'bottom', shape: 'inner_left' });
    // The upper half of a block's side gives an upside-down stair.
    await standAt(0, 0);
    await setStone(3, 0, 0);
    await place('oak_stairs', rel(3, 0, 0), new Vec3(-1, 0, 0), { half: 'top' });
    await expectBlock(rel(2, 0, 0), 'oak_stairs', { facing: 'east', half: 'top', shape: 'straight' });
    // Broken, the crossing stair leaves the first one straight again.
    await bot.equip(itemId(bot, 'iron_axe'), 'hand');
    await bot.dig(bot.blockAt(rel(0, 0, 3))!, true);
    await expectBlock(rel(0, 0, 2), 'oak_stairs', { facing: 'south', shape: 'straight' });
  });

  it('places bottom and top slabs, and fills a slab into a double slab with one more item', async () => {
    await standAt(0, 0);
    await onFloor('oak_slab', -2, 0);
    await expectBlock(rel(-2, 0, 0), 'oak_slab', { type: 'bottom' });
    const before = count('oak_slab');
    // Clicking the slab's top face fills it; mineflayer sees no new block across the face, so it is sent by hand.
    await bot.equip(itemId(bot, 'oak_slab'), 'hand');
    await bot._genericPlace(bot.blockAt(rel(-2, 0, 0)), UP, { swingArm: 'right' });
    await expectBlock(rel(-2, 0, 0), 'oak_slab', { type: 'double' });
    await settle(() => count('oak_slab') === before - 1);
    expect(count('oak_slab')).toBe(before - 1);
    expect(serverView(rel(-2, 1, 0)).name).toBe('air');
    await setStone(-3, 0, 1);
    await place('oak_slab', rel(-3, 0, 1), new Vec3(1, 0, 0), { half: 'top' });
    await expectBlock(rel(-2, 0, 1), 'oak_slab', { type: 'top' });
  });

  it('places both halves of a door with the hinge vanilla picks, refuses one under a block, and breaks it whole', async () => {
    await standAt(0, 0);
    // Facing north, a click right of the centre hinges it on the right.
    await onFloor('oak_door', -1, -4, { delta: new Vec3(0.8, 1, 0.5) });
    await expectBlock(rel(-1, 0, -4), 'oak_door', { half: 'lower', facing: 'north', hinge: 'right', open: false });
    await expectBlock(rel(-1, 1, -4), 'oak_door', { half: 'upper', facing: 'north', hinge: 'right' });
    // Beside it, the same click: the door on its right puts the hinge on the left (a double door).
    await onFloor('oak_door', -2, -4, { delta: new Vec3(0.8, 1, 0.5) });
    await expectBlock(rel(-2, 0, -4), 'oak_door', { half: 'lower', hinge: 'left' });
    await expectBlock(rel(-2, 1, -4), 'oak_door', { half: 'upper', hinge: 'left' });

    await setStone(2, 1, -4);
    const doors = count('oak_door');
    await bot.equip(itemId(bot, 'oak_door'), 'hand');
    await bot._genericPlace(bot.blockAt(rel(2, -1, -4)), UP, { swingArm: 'right' });
    await new Promise((r) => setTimeout(r, 500));
    expect(serverView(rel(2, 0, -4)).name).toBe('air');
    expect(count('oak_door')).toBe(doors);

    const droppedDoors = () => Object.values(sb.server.entities).map(droppedItemOf).filter((i) => i?.name === 'oak_door').reduce((n, i) => n + (i?.count ?? 0), 0);
    const dropsBefore = droppedDoors();
    await bot.equip(itemId(bot, 'iron_axe'), 'hand');
    // Breaking the upper half of one door and the lower half of the other: each goes whole, one door each.
    await bot.dig(bot.blockAt(rel(-1, 1, -4))!, true);
    await expectBlock(rel(-1, 1, -4), 'air');
    await expectBlock(rel(-1, 0, -4), 'air');
    await bot.dig(bot.blockAt(rel(-2, 0, -4))!, true);
    await expectBlock(rel(-2, 0, -4), 'air');
    await expectBlock(rel(-2, 1, -4), 'air');
    await settle(() => droppedDoors() >= dropsBefore + 2, 1000);
    await new Promise((r) => setTimeout(r, 200));
    expect(droppedDoors() - dropsBefore).toBe(2);
  });

  it('connects fences, walls and panes to their neighbours, and disconnects them when one is broken', async () => {
    await standAt(0, 0);
    await onFloor('oak_fence', -5, -1);
    await expectBlock(rel(-5, 0, -1), 'oak_fence', { north: false, south: false, east: false, west: false });
    await onFloor('oak_fence', -5, -2);
    await expectBlock(rel(-5, 0, -2), 'oak_fence', { south: true, north: false });
    await expectBlock(rel(-5, 0, -1), 'oak_fence', { north: true, south: false });
    await setStone(-6, 0, -1);
    await expectBlock(rel(-5, 0, -1), 'oak_fence', { north: true, west: true });
    await bot.equip(itemId(bot, 'iron_axe'), 'hand');
    await bot.dig(bot.blockAt(rel(-5, 0, -2))!, true);
    await expectBlock(rel(-5, 0, -1), 'oak_fence', { north: false, west: true });

    await onFloor('cobblestone_wall', 4, 2);
    await expectBlock(rel(4, 0, 2), 'cobblestone_wall', { north: 'none', south: 'none', east: 'none', west: 'none', up: true });
    await onFloor('cobblestone_wall', 4, 3);
    await onFloor('glass_pane', 4, 4);
    await expectBlock(rel(4, 0, 4), 'glass_pane', { north: true, south: false, east: false, west: false });
    // Joined on both sides along one axis, the middle wall has no post.
    await expectBlock(rel(4, 0, 3), 'cobblestone_wall', { north: 'low', south: 'low', up: false });
    await expectBlock(rel(4, 0, 2), 'cobblestone_wall', { south: 'low', up: true });
    // A block on top makes the joined sides tall.
    await setStone(4, 1, 3);
    await expectBlock(rel(4, 0, 3), 'cobblestone_wall', { north: 'tall', south: 'tall', up: false });

    await onFloor('oak_fence_gate', 1, 5);
    await expectBlock(rel(1, 0, 5), 'oak_fence_gate', { facing: 'south', open: false, in_wall: false });
  });

  it('puts torches, ladders and buttons on the clicked wall, trapdoors and logs by the clicked face, banners by the look', async () => {
    await standAt(0, 0);
    await setStone(4, 0, -1);
    await place('torch', rel(4, 0, -1), new Vec3(-1, 0, 0));
    await expectBlock(rel(3, 0, -1), 'wall_torch', { facing: 'west' });
    // Each face is clicked from where a player sees it.
    await standAt(3, -3);
    await place('ladder', rel(4, 0, -1), new Vec3(0, 0, -1));
    await expectBlock(rel(4, 0, -2), 'ladder', { facing: 'north' });
    await standAt(0, 0);
    await place('stone_button', rel(4, 0, -1), new Vec3(0, 0, 1));
    await expectBlock(rel(4, 0, 0), 'stone_button', { face: 'wall', facing: 'south' });
    await onFloor('torch', -1, 5);
    await expectBlock(rel(-1, 0, 5), 'torch');

    await setStone(-3, 0, 3);
    await place('oak_trapdoor', rel(-3, 0, 3), new Vec3(0, 0, -1), { half: 'top' });
    await expectBlock(rel(-3, 0, 2), 'oak_trapdoor', { facing: 'north', half: 'top', open: false });
    await standAt(-3, 6);
    await place('oak_log', rel(-3, 0, 3), new Vec3(0, 0, 1));
    await expectBlock(rel(-3, 0, 4), 'oak_log', { axis: 'z' });
    await standAt(0, 0);
    await onFloor('oak_log', 1, -5);
    await expectBlock(rel(1, 0, -5), 'oak_log', { axis: 'y' });

    // Looking due north (yaw 180), a banner's rotation is that of yaw + 180: 0, facing the player.
    await onFloor('red_banner', 0, -5);
    await expectBlock(rel(0, 0, -5), 'red_banner', { rotation: '0' });
  });

  it('turns pumpkins, pistons, observers and hoppers as vanilla does, and hangs a lantern under a block', async () => {
    await standAt(0, 0);
    // Looking north: the pumpkin's face looks back south; looking south (mostly level): the piston faces
    // the player (north), the observer's face looks away (south).
    await onFloor('carved_pumpkin', 2, -6);
    await expectBlock(rel(2, 0, -6), 'carved_pumpkin', { facing: 'south' });
    await onFloor('piston', -2, 6);
    await expectBlock(rel(-2, 0, 6), 'piston', { facing: 'north', extended: false });
    await onFloor('observer', 2, 6);
    await expectBlock(rel(2, 0, 6), 'observer', { facing: 'south', powered: false });
    // A hopper placed against the east side of a block points into it.
    await standAt(6, -1);
    await place('hopper', rel(4, 0, -1), new Vec3(1, 0, 0));
    await expectBlock(rel(5, 0, -1), 'hopper', { facing: 'west', enabled: true });
    // Clicked from below (the eyes under the block's bottom face), a lantern hangs.
    await standAt(0, 0);
    await setStone(-4, 2, -5);
    await place('lantern', rel(-4, 2, -5), new Vec3(0, -1, 0));
    await expectBlock(rel(-4, 1, -5), 'lantern', { hanging: true });
  });
});
