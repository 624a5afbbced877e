// Picking up what a mob dropped (its loot, or wool sheared off it).
import type { Vec3 } from 'vec3';
import { pickUp, waitForDrops } from '../items/drops.ts';
import { SkillError } from '../../base/errors.ts';
import { gained, inventoryCounts } from '../items/inventory.ts';
import type { SkillContext } from '../../skills/types.ts';
import { waitUntil } from '../../base/wait.ts';

/** How far loot spreads from where the mob stood: items spawn with a small random push. */
const LOOT_RADIUS = 4;
/** The server drops loot as the mob dies; this covers the packets' way to the client. */
const LOOT_WAIT_MS = 2000;

/**
 * Waits for the items dropped around `at` (only `item` when given) and walks over them. Returns what
 * the inventory gained; nothing dropped (a loot roll of 0) is not a failure.
 */
export async function collectLoot(ctx: SkillContext, at: Vec3, item?: string): Promise<Record<string, number>> {
  const before = inventoryCounts(ctx.bot);
  const drops = await waitForDrops(ctx, at, { radius: LOOT_RADIUS, timeoutMs: LOOT_WAIT_MS, ...(item === undefined ? {} : { item }) });
  if (drops.length === 0) return {};
  const res = await pickUp(ctx, drops);
  // A pickup shows in the inventory a moment after the item entity vanishes.
  if (res.taken > 0) {
    await waitUntil(() => Object.keys(gained(before, inventoryCounts(ctx.bot))).length > 0, { signal: ctx.signal, timeoutMs: 1500, what: 'picked-up loot in the inventory' })
      .catch((err: unknown) => { if (!(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err; });
  }
  return gained(before, inventoryCounts(ctx.bot));
}
