import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';

/** The parts of a prismarine-chunk (1.18+) section the search reads. */
interface Section {
  /** Indirect palettes only; single-value and direct sections have none. */
  palette?: number[];
  data?: { value?: unknown };
  solidBlockCount?: number;
  get(pos: { x: number; y: number; z: number }): number;
}
interface Column {
  minY?: number;
  sections?: (Section | null | undefined)[];
}

type XYZ = { readonly x: number; readonly y: number; readonly z: number };

/**
 * Positions of the blocks named `names` within `radius` of `center`, nearest first, at most `max`.
 *
 * Unlike mineflayer's `findBlocks`, sections with a single value (all air, all stone) are decided
 * from that value: mineflayer sees no palette on them and reads all 4096 blocks through `blockAt`,
 * which measured 0.2-0.5 s for one search over 32 blocks. Sections whose palette lacks the names
 * are skipped; the rest are read state by state, without Block objects.
 */
export function findNearestBlocks(bot: Bot, names: readonly string[], radius: number, max: number, center: XYZ = bot.entity.position): Vec3[] {
  const states = new Set<number>();
  for (const name of names) {
    const b = bot.registry.blocksByName[name];
    if (b) for (let s = b.minStateId ?? b.defaultState; s <= (b.maxStateId ?? b.defaultState); s++) states.add(s);
  }
  if (states.size === 0) return [];
  const r2 = radius * radius;
  const worldMinY = bot.game.minY ?? 0;
  const found: { d2: number; x: number; y: number; z: number }[] = [];
  const local = { x: 0, y: 0, z: 0 };
  const x0 = Math.floor(center.x - radius);
  const x1 = Math.floor(center.x + radius);
  const z0 = Math.floor(center.z - radius);
  const z1 = Math.floor(center.z + radius);
  const y0 = Math.max(worldMinY, Math.floor(center.y - radius));
  const y1 = Math.min(worldMinY + (bot.game.height ?? 384) - 1, Math.floor(center.y + radius));
  for (let cx = Math.floor(x0 / 16); cx <= Math.floor(x1 / 16); cx++) {
    for (let cz = Math.floor(z0 / 16); cz <= Math.floor(z1 / 16); cz++) {
      const column = bot.world.getColumn(cx, cz) as unknown as Column | null | undefined;
      if (!column?.sections) continue;
      const minY = column.minY ?? worldMinY;
      for (let si = 0; si < column.sections.length; si++) {
        const sy = minY + si * 16;
        if (sy + 15 < y0 || sy > y1) continue;
        const section = column.sections[si];
        if (!section || section.solidBlockCount === 0) continue;
        const single = section.palette === undefined && typeof section.data?.value === 'number' ? section.data.value : undefined;
        if (single !== undefined && !states.has(single)) continue;
        if (section.palette && !section.palette.some((s) => states.has(s))) continue;
        for (let y = Math.max(sy, y0); y <= Math.min(sy + 15, y1); y++) {
          const dy = y + 0.5 - center.y;
          for (let x = Math.max(cx * 16, x0); x <= Math.min(cx * 16 + 15, x1); x++) {
            const dx = x + 0.5 - center.x;
            for (let z = Math.max(cz * 16, z0); z <= Math.min(cz * 16 + 15, z1); z++) {
              const dz = z + 0.5 - center.z;
              const d2 = dx * dx + dy * dy + dz * dz;
              if (d2 > r2) continue;
              if (single === undefined) {
                local.x = x & 15; local.y = y - sy; local.z = z & 15;
                if (!states.has(section.get(local))) continue;
              }
              found.push({ d2, x, y, z });
            }
          }
        }
      }
    }
  }
  found.sort((a, b) => a.d2 - b.d2);
  return found.slice(0, max).map((f) => new Vec3(f.x, f.y, f.z));
}
