// Block states as vanilla gives them on placement, where flying-squid sets only a facing from the
// player's position and a half from the click: stairs (facing by look, corners), slabs (top, double),
// doors (both halves, hinge), fences, walls, panes and gates (connections, kept up as neighbours
// change), torches, banners and heads (wall variants), ladders, buttons, levers and trapdoors, and
// blocks that only turn (pumpkins, pistons, observers, hoppers, lanterns...).
import type { Block } from 'prismarine-block';
import type { Vec3 } from 'vec3';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';
import { placeFaceAttached, placeLadder, placeStandingOrWall, placeTrapdoor, standingAndWallOf, type AttachClick, type Placed } from './attached.ts';
import { doorHinge } from './doors.ts';
import { facingRuleOf } from './facing.ts';
import { isFaceSturdy, lookDirection, type Direction, type Horizontal } from './geometry.ts';
import { differs, shapedBlocks, shapeProps } from './shapes.ts';
import { clickedHalf, slabTakesClick, slabType, type SlabType } from './stairs.ts';
import { cellAt, clickOf, isReplaceable, stateOf, step, trackClicks, useHeldItem, type Click } from './world.ts';

interface PlaceData { player: SquidPlayer; placedPosition: Vec3; properties: { waterlogged?: boolean } }
type Result = { id?: number; data?: number };
type PlaceServer = SquidServer & {
  onItemPlace(name: string, handler: (d: PlaceData) => Promise<Result>, warn?: boolean): void;
  onBlockUpdate(name: string, handler: (world: SquidWorld, block: Block & { position: Vec3 }) => Promise<boolean>): void;
};
type Rule = (d: PlaceData, click: Click) => Promise<Placed | undefined> | Placed | undefined;

const attachClick = (c: Click): AttachClick => ({ face: c.face, cursorY: c.cursor.y, yaw: c.yaw, pitch: c.pitch });

export const placementPlugin: SandboxPlugin = {
  name: 'skillcraft-placement',
  server(serv, ctx) {
    const s = serv as PlaceServer;
    const registry = serv.registry;
    const has = (name: string) => registry.blocksByName[name] !== undefined;
    const cell = (world: SquidWorld, pos: Vec3) => cellAt(registry, world, pos);
    const around = (world: SquidWorld, pos: Vec3) => (d: Direction) => cell(world, step(pos, d));

    /** Registers `rule` for the item `item`: the placed block's name and properties, or nothing placed. */
    const onPlace = (item: string, rule: Rule): void => {
      if (!registry.itemsByName[item]) return;
      s.onItemPlace(item, async (d) => {
        try {
          const click = clickOf(d.player);
          const placed = await rule(d, click);
          const block = placed && registry.blocksByName[placed.name];
          if (!placed || !block) {
            resend(d.player, [click.reference, d.placedPosition]);
            return {};
          }
          const props = { ...placed.props };
          if (block.states?.some((st) => st.name === 'waterlogged') && props.waterlogged === undefined) props.waterlogged = d.properties.waterlogged === true;
          return { id: block.id, data: stateOf(registry, placed.name, props) - block.minStateId };
        } catch (err) {
          ctx.log.error({ err, item, player: d.player.username }, 'placing failed; nothing placed');
          return {};
        }
      });
    };
    /**
     * Vanilla answers every use on a block with the blocks at both sides of the face, placed or not;
     * mineflayer's placeBlock waits for them, and without them a refusal is a 5 s timeout.
     */
    const resend = (player: SquidPlayer, positions: Vec3[]) => {
      for (const location of positions) player._client.write('block_change', { location, type: player.world.sync.getBlockStateId(location) });
    };
    const free = (d: PlaceData) => isReplaceable(cell(d.player.world, d.placedPosition).name);

    for (const name of shapedBlocks(registry)) {
      if (name.endsWith('_stairs')) {
        onPlace(name, (d, c) => {
          if (!free(d)) return undefined;
          const props = { facing: lookDirection(c.yaw), half: clickedHalf(c.face, c.cursor.y) };
          return { name, props: { ...props, ...shapeProps(registry, d.player.world, d.placedPosition, name, props) } };
        });
      } else if (name.endsWith('_fence_gate')) {
        onPlace(name, (d, c) => {
          if (!free(d)) return undefined;
          const props = { facing: lookDirection(c.yaw), open: false, powered: false };
          return { name, props: { ...props, ...shapeProps(registry, d.player.world, d.placedPosition, name, props) } };
        });
      } else {
        onPlace(name, (d) => (free(d) ? { name, props: shapeProps(registry, d.player.world, d.placedPosition, name, {}) } : undefined));
      }
      s.onBlockUpdate(name, async (world, block) => {
        try {
          const props = block.getProperties() as Record<string, unknown>;
          const want = shapeProps(registry, world, block.position, name, props);
          // Sent as a block change: flying-squid's multi_block_change (what returning true sends) packs
          // positions below y=0 wrongly.
          if (differs(props, want)) await serv.setBlock(world, block.position, stateOf(registry, name, { ...props, ...want }));
        } catch (err) {
          ctx.log.error({ err, block: name, pos: block.position.toString() }, 'updating a block shape failed');
        }
        return false;
      });
    }

    for (const name of Object.keys(registry.blocksByName).filter((n) => n.endsWith('_slab'))) {
      onPlace(name, async (d, c) => {
        const world = d.player.world;
        const clicked = cell(world, c.reference);
        if (clicked.name === name && !c.reference.equals(d.placedPosition) && slabTakesClick(clicked.props.type as SlabType, c.face, c.cursor.y)) {
          // SlabBlock.canBeReplaced: the click fills the clicked slab, not the block beyond its face.
          await serv.setBlock(world, c.reference, stateOf(registry, name, { type: 'double', waterlogged: false }));
          useHeldItem(serv, d.player);
          return undefined;
        }
        const there = cell(world, d.placedPosition);
        if (!free(d) && !(there.name === name && there.props.type !== 'double')) return undefined;
        const type = slabType(there, name, c.face, c.cursor.y);
        return { name, props: { type, ...(type === 'double' ? { waterlogged: false } : {}) } };
      });
    }

    for (const name of Object.keys(registry.blocksByName).filter((n) => n.endsWith('_door'))) {
      onPlace(name, async (d, c) => {
        const world = d.player.world;
        const pos = d.placedPosition;
        const above = step(pos, 'up');
        if (!free(d) || !isReplaceable(cell(world, above).name) || !isFaceSturdy(cell(world, step(pos, 'down')).shapes, 'up')) return undefined;
        const facing = lookDirection(c.yaw);
        const hinge = doorHinge({
          doorName: name, facing,
          clickX: c.reference.x + c.cursor.x - pos.x, clickZ: c.reference.z + c.cursor.z - pos.z,
          at: (side: Horizontal, dy: 0 | 1) => cell(world, step(dy ? above : pos, side)),
        });
        const props = { facing, hinge, open: false, powered: false };
        await serv.setBlock(world, above, stateOf(registry, name, { ...props, half: 'upper' }));
        return { name, props: { ...props, half: 'lower' } };
      });
    }

    for (const name of Object.keys(registry.blocksByName)) {
      const rule = facingRuleOf(name);
      if (!rule) continue;
      onPlace(name, (d, c) => {
        const props = free(d) ? rule({ face: c.face, yaw: c.yaw, pitch: c.pitch }, around(d.player.world, d.placedPosition)) : undefined;
        return props && { name, props };
      });
    }

    for (const item of Object.keys(registry.itemsByName)) {
      const pair = standingAndWallOf(item, has);
      if (pair) onPlace(item, (d, c) => (free(d) ? placeStandingOrWall(pair, attachClick(c), around(d.player.world, d.placedPosition)) : undefined));
      else if (item === 'ladder') onPlace(item, (d, c) => (free(d) ? placeLadder(attachClick(c), around(d.player.world, d.placedPosition)) : undefined));
      else if ((item.endsWith('_button') || item === 'lever') && has(item)) {
        onPlace(item, (d, c) => (free(d) ? placeFaceAttached(item, attachClick(c), around(d.player.world, d.placedPosition)) : undefined));
      } else if (item.endsWith('_trapdoor') && has(item)) onPlace(item, (d, c) => (free(d) ? placeTrapdoor(item, attachClick(c)) : undefined));
    }
  },
  player(player, serv) {
    trackClicks(serv, player);
  },
};
