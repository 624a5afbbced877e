// Where to fish: surface water a cast can land in (open water when treasure is wanted), and a dry
// place on the shore within a cast of it to stand on.
import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import { Vec3 } from 'vec3';
import { isOpenWater, waterKind } from '../../knowledge/fishing.ts';
import { findBlockPositions } from '../world/scan.ts';
import { fluidOf, isSolid } from '../mining/world.ts';

const { goals } = pathfinderPkg;

/** Horizontal distance from the feet to the water aimed at: far enough to clear the bank, near enough to aim true. */
export const CAST_MIN = 2;
export const CAST_MAX = 5;
/** Feet at most this far above the water surface. */
const BANK_HEIGHT = 4;
/** Water blocks looked at, nearest first. */
const CANDIDATES = 512;

const kindAt = (bot: Bot) => (x: number, y: number, z: number) => waterKind(bot.blockAt(new Vec3(x, y, z))?.name);

/** Whether the bobber would be in open water at this water block (vanilla's treasure condition), as the bot sees the blocks. */
export function openWaterAt(bot: Bot, pos: Vec3): boolean {
  return isOpenWater(pos.x, pos.y, pos.z, kindAt(bot));
}

/** A water block with air above it and water on every side at the surface: a bobber landing near it floats. */
function isPond(bot: Bot, pos: Vec3): boolean {
  const at = kindAt(bot);
  if (at(pos.x, pos.y + 1, pos.z) !== 'air') return false;
  for (let dx = -1; dx <= 1; dx++) for (let dz = -1; dz <= 1; dz++) if (at(pos.x + dx, pos.y, pos.z + dz) !== 'water') return false;
  return true;
}

/** Surface water within `radius` of the bot to cast into, nearest first; only open water when `open`. */
export function fishingWaters(bot: Bot, radius: number, open: boolean): Vec3[] {
  return findBlockPositions(bot, ['water'], { maxDistance: radius, count: CANDIDATES })
    .filter((p) => isPond(bot, p) && (!open || openWaterAt(bot, p)));
}

function horizontal(a: { x: number; z: number }, water: Vec3): number {
  return Math.hypot(a.x - (water.x + 0.5), a.z - (water.z + 0.5));
}

/** Whether feet at `feet` make a place to cast into `water` from: dry ground on the bank, within a cast. */
export function canCastFrom(bot: Bot, feet: Vec3, water: Vec3): boolean {
  const d = horizontal(feet, water);
  const up = Math.floor(feet.y) - water.y;
  if (d < CAST_MIN || d > CAST_MAX || up < 1 || up > BANK_HEIGHT) return false;
  const cell = new Vec3(Math.floor(feet.x), Math.floor(feet.y), Math.floor(feet.z));
  return fluidOf(bot.blockAt(cell)) === null && isSolid(bot.blockAt(cell.offset(0, -1, 0)));
}

/** pathfinder's goal: any dry standing place from which `water` is within a cast. */
export class CastFrom extends goals.Goal {
  constructor(private readonly bot: Bot, private readonly water: Vec3) {
    super();
  }

  heuristic(node: { x: number; y: number; z: number }): number {
    const d = horizontal({ x: node.x + 0.5, z: node.z + 0.5 }, this.water);
    const ring = d < CAST_MIN ? CAST_MIN - d : Math.max(0, d - CAST_MAX);
    return ring + Math.max(0, this.water.y + 1 - node.y);
  }

  isEnd(node: { x: number; y: number; z: number }): boolean {
    return canCastFrom(this.bot, new Vec3(node.x + 0.5, node.y, node.z + 0.5), this.water);
  }
}
