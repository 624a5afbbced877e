// Where to build when no spot is given: the nearest open, level piece of ground the structure's footprint
// fits on, as a player would pick it (no tree to fell, no hill to dig away, nothing to fill in below).
// In a forest there may be none within reach: then the level ground with the least to clear from the
// structure's own cells (a trunk or two, leaves a player reaches from the ground), never a spot up in
// the canopy or over water.
import { Vec3 } from 'vec3';
import { REPLACEABLE } from '../../build/survey.ts';
import type { Structure } from '../../build/types.ts';

/** What a site is judged on: the bot's position and its view of the world. */
export interface SiteView {
  entity: { position: Vec3 };
  blockAt(p: Vec3): { name: string; boundingBox: string } | null;
}

/** How far from the bot a site is looked for (blocks, each way). */
const SEARCH = 24;
/** Kept free around the footprint: room to walk round it while building. */
const MARGIN = 1;

const solidGround = (b: { name: string; boundingBox: string } | null): boolean => b !== null && b.boundingBox === 'block' && !b.name.includes('leaves');

/** The ground height at a column: the first cell above solid ground (not leaves), searched from `fromY` down and up. */
function groundAt(bot: SiteView, x: number, z: number, fromY: number): number | undefined {
  for (let y = fromY + 6; y >= fromY - 6; y--) {
    const below = bot.blockAt(new Vec3(x, y - 1, z));
    const at = bot.blockAt(new Vec3(x, y, z));
    if (!below || !at) return undefined;
    if (solidGround(below) && REPLACEABLE.has(at.name)) return y;
  }
  return undefined;
}

/** The structure's lowest north-west corner on the nearest level, open site, else the level one least in the way; undefined when there is none. */
export function findBuildSite(bot: SiteView, structure: Structure): Vec3 | undefined {
  const feet = bot.entity.position.floored();
  const { x: sx, y: sy, z: sz } = structure.size;
  const candidates: Vec3[] = [];
  for (let dx = -SEARCH; dx <= SEARCH; dx++) for (let dz = -SEARCH; dz <= SEARCH; dz++) candidates.push(feet.offset(dx, 0, dz));
  candidates.sort((a, b) => a.distanceTo(feet) - b.distanceTo(feet));
  let fallback: { at: Vec3; cost: number } | undefined;
  for (const c of candidates) {
    // The bot's own column is no site: it would stand in the first layer.
    if (c.x - MARGIN <= feet.x && feet.x <= c.x + sx - 1 + MARGIN && c.z - MARGIN <= feet.z && feet.z <= c.z + sz - 1 + MARGIN) continue;
    const y = groundAt(bot, c.x, c.z, feet.y);
    if (y === undefined) continue;
    const at = new Vec3(c.x, y, c.z);
    if (fits(bot, at, sx, sy, sz)) return at;
    // Each block to clear costs about as much as walking 4 blocks further.
    const clear = inTheWay(bot, at, sx, sy, sz);
    const cost = clear === undefined ? Infinity : clear + at.distanceTo(feet) / 4;
    if (cost < (fallback?.cost ?? Infinity)) fallback = { at, cost };
  }
  return fallback?.at;
}

function fits(bot: SiteView, o: Vec3, sx: number, sy: number, sz: number): boolean {
  for (let x = o.x - MARGIN; x < o.x + sx + MARGIN; x++) {
    for (let z = o.z - MARGIN; z < o.z + sz + MARGIN; z++) {
      const below = bot.blockAt(new Vec3(x, o.y - 1, z));
      if (!solidGround(below) || below!.name === 'water') return false;
      for (let y = o.y; y < o.y + sy + 1; y++) {
        const b = bot.blockAt(new Vec3(x, y, z));
        if (!b || !REPLACEABLE.has(b.name) || b.name === 'water' || b.name === 'lava') return false;
      }
    }
  }
  return true;
}

/**
 * Blocks standing in the footprint's cells on level ground (no margin, nothing above the structure);
 * undefined when the ground under it is not level and solid, or water or lava is in the way.
 */
function inTheWay(bot: SiteView, o: Vec3, sx: number, sy: number, sz: number): number | undefined {
  let n = 0;
  for (let x = o.x; x < o.x + sx; x++) {
    for (let z = o.z; z < o.z + sz; z++) {
      if (!solidGround(bot.blockAt(new Vec3(x, o.y - 1, z)))) return undefined;
      for (let y = o.y; y < o.y + sy; y++) {
        const b = bot.blockAt(new Vec3(x, y, z));
        if (!b || b.name === 'water' || b.name === 'lava') return undefined;
        if (!REPLACEABLE.has(b.name)) n++;
      }
    }
  }
  return n;
}
