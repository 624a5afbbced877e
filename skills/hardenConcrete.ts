import { z } from 'zod';
import {
  bestToolFor, concreteSpots, countItem, defineSkill, digAndCollect, gained, inventoryCounts, missingItems, NEARBY_RADIUS, placeToSet, posKey, powderOf,
  type SkillContext, SkillError, throwIfAborted, harvestTools,
} from '../src/actions/index.ts';

const params = z.object({
  item: z.string().min(1).describe('e.g. white_concrete'),
  count: z.number().int().min(1).max(64).default(1),
  radius: z.number().int().min(4).max(96).default(NEARBY_RADIUS),
});
type Args = z.infer<typeof params>;

export interface ConcreteResult {
  /** Powder put down that set. */
  set: number;
  gained: Record<string, number>;
}

/** Spots given up on (unreachable, not set) before the skill gives up. */
const MAX_FAILED = 4;
const RETRYABLE = new Set(['NO_PATH', 'STUCK', 'FAILED']);

function powder(ctx: Pick<SkillContext, 'knowledge'>, item: string): string {
  const p = powderOf(ctx.knowledge.registry, item);
  if (!p) throw new SkillError('BAD_ARGS', `${item} is not a concrete that powder sets into`, { item });
  return p;
}

export const hardenConcrete = defineSkill<typeof params, ConcreteResult>({
  name: 'hardenConcrete',
  summary: 'Place concrete powder touching water (it sets), then mine the concrete with a pickaxe.',
  details: 'One powder per concrete. Fails MISSING_ITEMS without the powder, NO_TOOL without a pickaxe, NO_TARGET when no water with ground beside it is within `radius` (blocks).',
  params,
  example: { item: 'white_concrete', count: 1, radius: NEARBY_RADIUS },
  preconditions: (args, kb) => ({ consume: { [powder({ knowledge: kb }, args.item)]: args.count }, equip: harvestTools(kb, args.item), facts: ['water_nearby'] }),
  effects: (args) => ({ obtain: { [args.item]: args.count } }),
  producers: (target, count, kb): Args[] => (powderOf(kb.registry, target) ? [{ item: target, count, radius: NEARBY_RADIUS }] : []),
  timeoutMs: (args) => 30_000 + args.count * 20_000,
  run: (ctx, args) => harden(ctx, args),
});

async function harden(ctx: SkillContext, args: Args): Promise<ConcreteResult> {
  const { bot, knowledge: kb, signal, log } = ctx;
  const from = powder(ctx, args.item);
  const have = countItem(bot, from);
  if (have < args.count) throw missingItems(from, args.count, have);
  // The pickaxe first: powder put down with nothing to mine it with is lost to the bot.
  if (!kb.canHarvest(args.item, null) && bestToolFor(bot, kb, args.item) === null) {
    const tool = harvestTools(kb, args.item)[0] ?? 'a pickaxe';
    throw new SkillError('NO_TOOL', `need ${tool} or better to harvest ${args.item}`, { block: args.item, tool });
  }
  const before = inventoryCounts(bot);
  const got = () => countItem(bot, args.item) - (before.get(args.item) ?? 0);
  const failed = new Set<string>();
  let set = 0;
  let lastError: SkillError | undefined;
  while (got() < args.count) {
    throwIfAborted(signal);
    const spot = concreteSpots(bot, args.radius, failed)[0];
    if (!spot) {
      const why = lastError ? ` (last: ${lastError.message})` : '';
      throw new SkillError('NO_TARGET', `no water with ground beside it within ${args.radius} blocks${failed.size > 0 ? ` other than the ${failed.size} spots tried` : ''}${why}`, { block: 'water' });
    }
    try {
      await placeToSet(ctx, spot, from, args.item);
      set++;
      await digAndCollect(ctx, spot.pos, args.item);
    } catch (err) {
      if (signal.aborted || !(err instanceof SkillError) || !RETRYABLE.has(err.code)) throw err;
      failed.add(posKey(spot.pos));
      lastError = err;
      // Powder that did not set is taken back rather than left behind.
      if (bot.blockAt(spot.pos)?.name === from) await digAndCollect(ctx, spot.pos, from);
      log.debug({ code: err.code, err: err.message, at: posKey(spot.pos) }, 'concrete did not set here; trying another spot');
      if (failed.size >= MAX_FAILED) throw new SkillError(err.code, `${err.message} (${failed.size} spots tried, got ${got()} of ${args.count})`, err.missing, { cause: err });
    }
  }
  return { set, gained: gained(before, inventoryCounts(bot)) };
}
