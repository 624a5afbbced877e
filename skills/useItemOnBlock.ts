import type { Vec3 } from 'vec3';
import { z } from 'zod';
import {
  blockUse, countItem, defineSkill, digAndCollect, fillContainer, findCandidates, gained, inventoryCounts, itemsFor, type Knowledge, missingItems,
  missingTool, NEARBY_RADIUS, placeNearby, posKey, type SkillContext, SkillError, throwIfAborted, USE_KIND, USES, useToolOn, usesGiving, carriedTool, type BlockUse,
} from '../src/actions/index.ts';

const params = z.object({
  block: z.string().min(1).describe('e.g. oak_log, pumpkin, water'),
  use: z.enum(USES),
  count: z.number().int().min(1).max(64).default(1),
  radius: z.number().int().min(4).max(96).default(NEARBY_RADIUS),
  place: z.boolean().default(false).describe('place the block from the inventory first'),
});
type Args = z.infer<typeof params>;

export interface UseResult {
  /** Blocks used on (or fills). */
  used: number;
  /** Every item the run added to the inventory (the pumpkin's seeds included). */
  gained: Record<string, number>;
}

/** What the tools are called in messages, and what they do. */
const TOOL_WORDS: Readonly<Record<string, { what: string; doing: string }>> = { axe: { what: 'an axe', doing: 'strip' }, shears: { what: 'shears', doing: 'carve' } };
/** Blocks given up on (unreachable, unchanged) before the skill gives up. */
const MAX_FAILED = 4;
const RETRYABLE = new Set(['NO_PATH', 'STUCK', 'FAILED']);

/** Whether an item has a crafting recipe. */
function crafted(kb: Knowledge, item: string): boolean {
  const id = kb.itemId(item);
  return id !== undefined && (kb.registry.recipes[id]?.length ?? 0) > 0;
}

function useOf(kb: Knowledge, args: Pick<Args, 'use' | 'block' | 'place'>): BlockUse {
  const u = blockUse(kb.registry, args.use, args.block);
  if (!u) throw new SkillError('BAD_ARGS', `using ${args.use} on ${args.block} gives nothing in Minecraft ${kb.version}`, { block: args.block });
  if (args.place && (USE_KIND[u.use] !== 'tool' || !kb.isItem(u.block))) throw new SkillError('BAD_ARGS', `${args.block} cannot be placed to use ${args.use} on`, { block: args.block });
  return u;
}

export const useItemOnBlock = defineSkill<typeof params, UseResult>({
  name: 'useItemOnBlock',
  summary: 'Use an item on blocks nearby: an axe strips logs, shears carve pumpkins, a bucket or bottle takes a fluid.',
  details: 'Fails NO_TOOL without the axe or shears, MISSING_ITEMS without empty buckets or bottles, NO_TARGET when no such block (a source for fluids) is within `radius`. `count` is items wanted, one block or fill each. With `place`, puts the block down from the inventory first (a block only crafting makes: oak_wood, bamboo_block).',
  params,
  example: { block: 'oak_log', use: 'axe' as const, count: 1, radius: NEARBY_RADIUS, place: false },
  preconditions(args, kb) {
    const u = useOf(kb, args);
    const where = args.place ? { consume: { [u.block]: args.count } } : { facts: [`${u.block}_nearby`] };
    if (USE_KIND[u.use] === 'container') return { consume: { [u.use]: args.count }, facts: [`${u.block}_nearby`] };
    // Any axe strips (run() holds the first carried), so a bot holding an iron axe makes no wooden one.
    return { equip: itemsFor(kb.registry, u.use), ...where };
  },
  effects: (args, kb) => ({ obtain: { [useOf(kb, args).gives]: args.count } }),
  producers(target, count, kb): Args[] {
    return usesGiving(kb.registry, target).flatMap((u) => {
      const here = { block: u.block, use: u.use, count, radius: NEARBY_RADIUS, place: false };
      // A block only crafting makes (oak_wood, a bamboo block) is not found in the world: it is put down.
      return USE_KIND[u.use] === 'tool' && crafted(kb, u.block) ? [here, { ...here, place: true }] : [here];
    });
  },
  timeoutMs: (args) => 30_000 + args.count * 20_000,
  run: (ctx, args) => (USE_KIND[args.use] === 'container' ? fill(ctx, args) : useTool(ctx, args)),
});

async function fill(ctx: SkillContext, args: Args): Promise<UseResult> {
  const u = useOf(ctx.knowledge, args);
  const have = countItem(ctx.bot, u.use);
  if (have < args.count) throw missingItems(u.use, args.count, have);
  const before = inventoryCounts(ctx.bot);
  for (let i = 0; i < args.count; i++) {
    throwIfAborted(ctx.signal);
    await fillContainer(ctx, u, args.radius);
  }
  return { used: args.count, gained: gained(before, inventoryCounts(ctx.bot)) };
}

async function useTool(ctx: SkillContext, args: Args): Promise<UseResult> {
  const { bot, signal, log } = ctx;
  const u = useOf(ctx.knowledge, args);
  const tools = itemsFor(bot.registry, u.use);
  const words = TOOL_WORDS[u.use] ?? { what: u.use, doing: 'use it on' };
  if (!carriedTool(bot, tools)) throw missingTool(words.what, tools, u.block, words.doing);
  if (args.place && countItem(bot, u.block) < args.count) throw missingItems(u.block, args.count, countItem(bot, u.block));
  const becomes = u.becomes!;
  const before = inventoryCounts(bot);
  const got = () => countItem(bot, u.gives) - (before.get(u.gives) ?? 0);
  const failed = new Set<string>();
  let used = 0;
  let lastError: SkillError | undefined;
  while (got() < args.count) {
    throwIfAborted(signal);
    const pos = args.place ? (await placeNearby(ctx, u.block)).position : target(ctx, u.block, args.radius, failed, lastError, got());
    try {
      await useToolOn(ctx, pos, tools, becomes);
      used++;
      await digAndCollect(ctx, pos, u.gives);
    } catch (err) {
      if (signal.aborted || !(err instanceof SkillError) || !RETRYABLE.has(err.code)) throw err;
      failed.add(posKey(pos));
      lastError = err;
      log.debug({ code: err.code, err: err.message, at: posKey(pos) }, 'could not use the tool on this block; trying another');
      if (failed.size >= MAX_FAILED || args.place) throw new SkillError(err.code, `${err.message} (${failed.size} ${u.block} tried, got ${got()} of ${args.count} ${u.gives})`, err.missing, { cause: err });
    }
  }
  return { used, gained: gained(before, inventoryCounts(bot)) };
}

/** The next block to use the tool on: the cheapest to reach, not one that failed. */
function target(ctx: SkillContext, block: string, radius: number, failed: ReadonlySet<string>, lastError: SkillError | undefined, got: number): Vec3 {
  const { candidates } = findCandidates(ctx.bot, [block], radius, failed);
  const first = candidates[0];
  if (first) return first.pos;
  const done = got > 0 ? `got ${got}; ` : '';
  const why = lastError ? ` (last: ${lastError.message})` : '';
  throw new SkillError('NO_TARGET', `${done}no ${failed.size > 0 ? 'other ' : ''}${block} within ${radius} blocks${why}`, { block });
}
