// Blocks placed against a face (StandingAndWallBlockItem, LadderBlock, FaceAttachedHorizontalDirectionalBlock,
// TrapDoorBlock): which block and state a click gives, tried in the order vanilla tries directions.
import { OPPOSITE, faceCovers, isFaceSturdy, isHorizontal, lookDirection, nearestLookingDirections, rotationSegment, type Cell, type Direction, type Horizontal } from './geometry.ts';
import { clickedHalf } from './stairs.ts';

export interface Placed { name: string; props: Record<string, unknown> }
export interface AttachClick { face: Direction; cursorY: number; yaw: number; pitch: number }

/** The standing and wall blocks an item places; `rotation` says how a standing one turns to the player. */
export interface StandingAndWall { standing: string; wall: string; rotation?: 'towards' | 'away' }

/** Items that place a standing block on top of a block and a wall block against a side. */
export function standingAndWallOf(item: string, has: (name: string) => boolean): StandingAndWall | undefined {
  const pairs: [RegExp, (m: string) => string, StandingAndWall['rotation']][] = [
    [/^(torch|soul_torch)$/, (n) => n.replace('torch', 'wall_torch'), undefined],
    [/_banner$/, (n) => n.replace(/_banner$/, '_wall_banner'), 'away'],
    [/_(skull|head)$/, (n) => n.replace(/_(skull|head)$/, '_wall_$1'), 'towards'],
  ];
  for (const [pattern, wallName, rotation] of pairs) {
    if (!pattern.test(item) || item === 'piston_head') continue;
    const wall = wallName(item);
    if (has(item) && has(wall)) return { standing: item, wall, ...(rotation ? { rotation } : {}) };
  }
  return undefined;
}

/** Block.canSupportCenter: the centre of the face is held up. */
const supportsCenter = (c: Cell, face: Direction) => faceCovers(c.shapes, face, 7 / 16, 7 / 16, 9 / 16, 9 / 16);
const needsSupport = (name: string): boolean => name.endsWith('torch');

/**
 * StandingAndWallBlockItem.getPlacementState: the first looking direction (the clicked block's first)
 * that is not up and whose block can stay: down gives the standing block, a side the wall block facing away.
 */
export function placeStandingOrWall(item: StandingAndWall, click: AttachClick, at: (d: Direction) => Cell): Placed | undefined {
  for (const d of nearestLookingDirections(click.yaw, click.pitch, click.face, false)) {
    if (d === 'up') continue;
    if (d === 'down') {
      if (needsSupport(item.standing) && !supportsCenter(at('down'), 'up')) continue;
      if (item.standing.endsWith('_banner') && at('down').shapes.length === 0) continue;
      if (!item.rotation) return { name: item.standing, props: {} };
      // Banners (like signs) take RotationSegment of yaw + 180, heads of the yaw itself.
      const rotation = rotationSegment(click.yaw + (item.rotation === 'away' ? 180 : 0));
      return { name: item.standing, props: { rotation } };
    }
    const facing = OPPOSITE[d] as Horizontal;
    // Wall torches need a sturdy face; banners and heads only a solid block (any collision box, here).
    const wall = at(d);
    const ok = needsSupport(item.wall) ? isFaceSturdy(wall.shapes, facing) : wall.shapes.length > 0;
    if (ok) return { name: item.wall, props: { facing } };
  }
  return undefined;
}

/** LadderBlock.getStateForPlacement: against the first horizontal looking direction with a sturdy face. */
export function placeLadder(click: AttachClick, at: (d: Direction) => Cell): Placed | undefined {
  for (const d of nearestLookingDirections(click.yaw, click.pitch, click.face, false)) {
    if (!isHorizontal(d)) continue;
    const facing = OPPOSITE[d] as Horizontal;
    if (isFaceSturdy(at(d).shapes, facing)) return { name: 'ladder', props: { facing } };
  }
  return undefined;
}

/** FaceAttachedHorizontalDirectionalBlock (buttons, levers): on the first looking direction's sturdy face. */
export function placeFaceAttached(name: string, click: AttachClick, at: (d: Direction) => Cell): Placed | undefined {
  for (const d of nearestLookingDirections(click.yaw, click.pitch, click.face, false)) {
    if (!isFaceSturdy(at(d).shapes, OPPOSITE[d])) continue;
    if (d === 'up' || d === 'down') return { name, props: { face: d === 'up' ? 'ceiling' : 'floor', facing: lookDirection(click.yaw) } };
    return { name, props: { face: 'wall', facing: OPPOSITE[d] } };
  }
  return undefined;
}

/** TrapDoorBlock.getStateForPlacement: hinged on a clicked side, else facing the player and half by the face. */
export function placeTrapdoor(name: string, click: AttachClick): Placed {
  if (isHorizontal(click.face)) return { name, props: { facing: click.face, half: clickedHalf(click.face, click.cursorY), open: false } };
  return { name, props: { facing: OPPOSITE[lookDirection(click.yaw)], half: click.face === 'up' ? 'bottom' : 'top', open: false } };
}
