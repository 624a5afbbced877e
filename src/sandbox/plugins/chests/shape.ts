// Vanilla's chest block rules (ChestBlock): which way a placed chest faces, when two chests join into
// a double chest, and when a half goes back to single. Pure functions over facing/type values.

export type Facing = 'north' | 'south' | 'west' | 'east';
export type ChestType = 'single' | 'left' | 'right';
export interface ChestState { facing: Facing; type: ChestType }

export const FACINGS: readonly Facing[] = ['north', 'south', 'west', 'east'];
export const OFFSETS: Record<Facing, { x: number; z: number }> = {
  north: { x: 0, z: -1 }, south: { x: 0, z: 1 }, west: { x: -1, z: 0 }, east: { x: 1, z: 0 },
};
const CLOCKWISE: Record<Facing, Facing> = { north: 'east', east: 'south', south: 'west', west: 'north' };
const COUNTER: Record<Facing, Facing> = { north: 'west', west: 'south', south: 'east', east: 'north' };
export const OPPOSITE: Record<Facing, Facing> = { north: 'south', south: 'north', west: 'east', east: 'west' };

/** Direction.fromYRot: the horizontal direction a player with this yaw (degrees) looks along. */
export function horizontalDirection(yawDegrees: number): Facing {
  const order: Facing[] = ['south', 'west', 'north', 'east'];
  return order[Math.floor(yawDegrees / 90 + 0.5) & 3]!;
}

/** ChestBlock.getConnectedDirection: where the other half of a double chest is. */
export function connectedDirection(state: ChestState): Facing {
  return state.type === 'left' ? CLOCKWISE[state.facing] : COUNTER[state.facing];
}

const opposite = (t: ChestType): ChestType => (t === 'left' ? 'right' : t === 'right' ? 'left' : 'single');
const axisOf = (f: Facing) => (f === 'north' || f === 'south' ? 'z' : 'x');

export interface PlacementContext {
  /** The player's horizontal look direction. */
  look: Facing;
  /** Sneaking: a chest placed against a chest's side joins that chest only. */
  sneaking: boolean;
  /** The face clicked, when it is a side face. */
  clickedSide?: Facing;
  /** The chest of the same block beside the placed one in a direction, if any. */
  neighbor(dir: Facing): ChestState | undefined;
}

/** ChestBlock.getStateForPlacement. */
export function placementState(ctx: PlacementContext): ChestState {
  const partnerFacing = (dir: Facing) => {
    const n = ctx.neighbor(dir);
    return n && n.type === 'single' ? n.facing : undefined;
  };
  let facing = OPPOSITE[ctx.look];
  let type: ChestType = 'single';
  if (ctx.clickedSide && ctx.sneaking) {
    const against = OPPOSITE[ctx.clickedSide];
    const partner = partnerFacing(against);
    if (partner && axisOf(partner) !== axisOf(ctx.clickedSide)) {
      facing = partner;
      type = COUNTER[partner] === against ? 'right' : 'left';
    }
  }
  if (type === 'single' && !ctx.sneaking) {
    if (facing === partnerFacing(CLOCKWISE[facing])) type = 'left';
    else if (facing === partnerFacing(COUNTER[facing])) type = 'right';
  }
  return { facing, type };
}

/**
 * ChestBlock.updateShape, applied towards every horizontal neighbour (`neighbor` gives the same-block
 * chest there, or null when another block is there): a single chest joins a half that points at it,
 * a half whose partner is gone becomes single.
 */
export function updatedType(state: ChestState, neighbor: (dir: Facing) => ChestState | null): ChestType {
  let type = state.type;
  for (const dir of FACINGS) {
    const n = neighbor(dir);
    const current = { facing: state.facing, type };
    if (n) {
      if (type === 'single' && n.type !== 'single' && n.facing === state.facing && connectedDirection(n) === OPPOSITE[dir]) type = opposite(n.type);
    } else if (type !== 'single' && connectedDirection(current) === dir) {
      type = 'single';
    }
  }
  return type;
}
