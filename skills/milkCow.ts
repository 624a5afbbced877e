import type { Entity } from 'prismarine-entity';
import { z } from 'zod';
import { approach, countItem, defineSkill, findItem, fmt, isPresent, missingItems, NEARBY_RADIUS, nearestMob, type SkillContext, SkillError, throwIfAborted, untilAborted, waitUntil } from '../src/actions/index.ts';

const params = z.object({
  count: z.number().int().min(1).max(36).default(1).describe('milk buckets wanted (one empty bucket each)'),
  radius: z.number().int().min(4).max(96).default(NEARBY_RADIUS).describe('how far to look for a cow, in blocks'),
});
type Args = z.infer<typeof params>;

export interface MilkResult {
  milked: number;
}

/** The server swaps the bucket at once; this covers the slot update's way back. */
const MILK_CONFIRM_MS = 3000;
/** Cows given up on (unreachable, not milked) before the skill gives up. */
const MAX_LOST = 3;

export const milkCow = defineSkill<typeof params, MilkResult>({
  name: 'milkCow',
  summary: 'Milk `count` cows nearby, an empty bucket each.',
  details: 'Fails MISSING_ITEMS without buckets, NO_TARGET with no cow within `radius`.',
  params,
  example: { count: 1, radius: NEARBY_RADIUS },
  preconditions: (args) => ({ consume: { bucket: args.count }, facts: ['cow_nearby'] }),
  effects: (args) => ({ obtain: { milk_bucket: args.count } }),
  producers: (target, count): Args[] => (target === 'milk_bucket' ? [{ count, radius: NEARBY_RADIUS }] : []),
  timeoutMs: (args) => 30_000 + args.count * 10_000,
  run: (ctx, args) => milk(ctx, args),
});

async function milk(ctx: SkillContext, args: Args): Promise<MilkResult> {
  const { bot, signal, log } = ctx;
  const buckets = countItem(bot, 'bucket');
  if (buckets < args.count) throw missingItems('bucket', args.count, buckets);
  const lost = new Set<number>();
  let milked = 0;
  while (milked < args.count) {
    throwIfAborted(signal);
    const cow = nearestMob(bot, 'cow', args.radius, (e) => !lost.has(e.id));
    if (!cow) {
      const done = milked > 0 ? `milked ${milked} of ${args.count}; ` : '';
      throw new SkillError('NO_TARGET', `${done}no ${lost.size > 0 ? 'other ' : ''}cow within ${args.radius} blocks`, { block: 'cow' });
    }
    try {
      await milkOne(ctx, cow);
      milked++;
    } catch (err) {
      if (signal.aborted || !(err instanceof SkillError) || !['NO_PATH', 'STUCK', 'FAILED'].includes(err.code)) throw err;
      lost.add(cow.id);
      log.debug({ code: err.code, err: err.message }, 'could not milk one cow; trying another');
      if (lost.size >= MAX_LOST) throw new SkillError(err.code, `could not milk a cow (${lost.size} tried): ${err.message}`, err.missing, { cause: err });
    }
  }
  return { milked };
}

/** Walks up to a cow, uses a bucket on it, and waits for the milk bucket in the inventory. */
async function milkOne(ctx: SkillContext, cow: Entity): Promise<void> {
  const { bot, signal } = ctx;
  await approach(ctx, cow, 'cow');
  if (!isPresent(bot, cow)) throw new SkillError('FAILED', 'the cow went out of sight');
  const bucket = findItem(bot, 'bucket');
  if (!bucket) throw missingItems('bucket', 1, 0);
  if (bot.heldItem?.name !== 'bucket') await untilAborted(bot.equip(bucket, 'hand'), signal);
  const before = countItem(bot, 'milk_bucket');
  await untilAborted(bot.activateEntity(cow), signal);
  await waitUntil(() => countItem(bot, 'milk_bucket') > before, { signal, timeoutMs: MILK_CONFIRM_MS, what: 'a milk bucket' }).catch((err: unknown) => {
    if (signal.aborted || !(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
    throw new SkillError('FAILED', `used a bucket on the cow at ${fmt(cow.position)} but got no milk within ${MILK_CONFIRM_MS} ms`, undefined, { cause: err });
  });
}
