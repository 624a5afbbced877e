import { z } from 'zod';
import { defineSkill, type DroppedItem, droppedItems, gained, inventoryCounts, pickUp, roomFor, SkillError, throwIfAborted, waitUntil } from '../src/actions/index.ts';

const params = z.object({
  item: z.string().min(1).optional().describe('only pick up this item'),
  radius: z.number().int().min(1).max(32).default(16).describe('how far to look for dropped items, in blocks'),
});

export interface CollectResult {
  /** Items added to the inventory, by name. */
  gained: Record<string, number>;
  /** Dropped stacks still lying within the radius (unreachable, or no room). */
  left: number;
}

/** Passes over the items in sight: new ones may come into sight, and items that roll get another go. */
const ROUNDS = 3;
/** Passes one stack gets before it is left lying. */
const MAX_ATTEMPTS = 2;

export const collectDrops = defineSkill<typeof params, CollectResult>({
  name: 'collectDrops',
  summary: 'Walk over dropped items within `radius` blocks (only `item` when given) to pick them up.',
  details: 'Fails NO_TARGET when there are none, INVENTORY_FULL when nothing fits.',
  params,
  example: { radius: 16 },
  preconditions: () => ({}),
  effects: (args) => (args.item ? { obtain: { [args.item]: 1 } } : {}),
  timeoutMs: 60_000,
  async run(ctx, args) {
    const { bot, knowledge: kb, signal } = ctx;
    const what = args.item ?? 'items';
    const fits = (d: DroppedItem) => d.item === null || roomFor(bot, d.item, kb) > 0;
    const attempts = new Map<number, number>();
    const inSight = () => droppedItems(ctx, { radius: args.radius, item: args.item }).filter((d) => (attempts.get(d.entity.id) ?? 0) < MAX_ATTEMPTS);
    const first = inSight();
    if (first.length === 0) throw new SkillError('NO_TARGET', `no dropped ${what} within ${args.radius} blocks`, args.item ? { item: args.item } : undefined);
    if (!first.some(fits)) {
      const item = first.find((d) => d.item !== null)?.item ?? undefined;
      throw new SkillError('INVENTORY_FULL', `inventory full: no room for ${item ?? 'the dropped items'}`, item ? { item } : undefined);
    }
    const before = inventoryCounts(bot);
    let lastError: SkillError | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      throwIfAborted(signal);
      const drops = inSight().filter(fits);
      if (drops.length === 0) break;
      const res = await pickUp(ctx, drops);
      if (res.lastError) lastError = res.lastError;
      for (const d of drops) attempts.set(d.entity.id, (attempts.get(d.entity.id) ?? 0) + 1);
    }
    // Pickups show in the inventory a moment after the entity vanishes.
    await waitUntil(() => Object.keys(gained(before, inventoryCounts(bot))).length > 0, { signal, timeoutMs: 1500, what: 'picked-up items in the inventory' })
      .catch((err: unknown) => { if (!(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err; });
    const got = gained(before, inventoryCounts(bot));
    const left = droppedItems(ctx, { radius: args.radius, item: args.item }).length;
    if (Object.keys(got).length === 0) {
      if (lastError) throw new SkillError(lastError.code, `could not pick up the dropped ${what}: ${lastError.message}`, lastError.missing, { cause: lastError });
      throw new SkillError('FAILED', `walked over ${first.length} dropped ${what} but picked none up`);
    }
    return { gained: got, left };
  },
});
