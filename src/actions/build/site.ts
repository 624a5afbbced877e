// Where to build when no spot is given: the nearest open, level piece of ground the structure's footprint
// fits on, as a player would pick it (no tree to fell, no hill to dig away, nothing to fill in below).
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import { REPLACEABLE } from '../../build/survey.ts';
import type { Structure } from '../../build/types.ts';
import { isSolid } from '../items/placement.ts';

/** How far from the bot a site is looked for (blocks, each way). */
const SEARCH = 24;
/** Kept free around the footprint: room to walk round it while building. */
const MARGIN = 1;

/** The ground height at a column: the first cell above a solid block, searched from `fromY` down and up. */
function groundAt(bot: Bot, x: number, z: number, fromY: number): number | undefined {
  for (let y = fromY + 6; y >= fromY - 6; y--) {
    const below = bot.blockAt(new Vec3(x, y - 1, z));
    const at = bot.blockAt(new Vec3(x, y, z));
    if (!below || !at) return undefined;
    if (isSolid(below) && REPLACEABLE.has(at.name) && !below.name.includes('leaves')) return y;
  }
  return undefined;
}

/** The structure's lowest north-west corner on the nearest level, open site; undefined when there is none. */
export function findBuildSite(bot: Bot, structure: Structure): Vec3 | undefined {
  const feet = bot.entity.position.floored();
  const { x: sx, y: sy, z: sz } = structure.size;
  const candidates: Vec3[] = [];
  for (let dx = -SEARCH; dx <= SEARCH; dx++) for (let dz = -SEARCH; dz <= SEARCH; dz++) candidates.push(feet.offset(dx, 0, dz));
  candidates.sort((a, b) => a.distanceTo(feet) - b.distanceTo(feet));
  for (const c of candidates) {
    // The bot's own column is no site: it would stand in the first layer.
    if (c.x - MARGIN <= feet.x && feet.x <= c.x + sx - 1 + MARGIN && c.z - MARGIN <= feet.z && feet.z <= c.z + sz - 1 + MARGIN) continue;
    const y = groundAt(bot, c.x, c.z, feet.y);
    if (y === undefined) continue;
    if (fits(bot, new Vec3(c.x, y, c.z), sx, sy, sz)) return new Vec3(c.x, y, c.z);
  }
  return undefined;
}

function fits(bot: Bot, o: Vec3, sx: number, sy: number, sz: number): boolean {
  for (let x = o.x - MARGIN; x < o.x + sx + MARGIN; x++) {
    for (let z = o.z - MARGIN; z < o.z + sz + MARGIN; z++) {
      const below = bot.blockAt(new Vec3(x, o.y - 1, z));
      if (!below || !isSolid(below) || below.name.includes('leaves') || below.name === 'water') return false;
      for (let y = o.y; y < o.y + sy + 1; y++) {
        const b = bot.blockAt(new Vec3(x, y, z));
        if (!b || !REPLACEABLE.has(b.name) || b.name === 'water' || b.name === 'lava') return false;
      }
    }
  }
  return true;
}
