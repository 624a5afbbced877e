import type { Vec3 } from 'vec3';
import { z } from 'zod';
import {
  bestToolFor, copperStage, countItem, defineSkill, digAndCollect, fmt, gained, harvestTools, inventoryCounts, LAG_FACTOR, lagAwareDeadline,
  missingItems, placeNearby, posKey, secondsToStage, type SkillContext, SkillError, throwIfAborted, WEATHERED_STAGES,
  COPPER_PIECES, type CopperPiece, pieceMissing, weatheredAt,
} from '../src/actions/index.ts';

/** The longest wait the skill accepts, in game seconds: an oxidized door takes about 4.4 hours on average. */
const MAX_WAIT_S = 14 * 3600;
/** The wait the planner gives, as a multiple of the mean: stages are random, and a group waits for its slowest. */
const WAIT_MARGIN = 3;
/** How often the game-time deadline is looked at between the blocks' updates. */
const RECHECK_MS = 1000;

const params = z.object({
  stage: z.enum(WEATHERED_STAGES),
  block: z.enum(COPPER_PIECES).default('copper_block'),
  count: z.number().int().min(1).max(16).default(1).describe('pieces to set out, one item each'),
  waitSeconds: z.number().int().min(0).max(MAX_WAIT_S).default(3600).describe('how long to wait in all, in game seconds'),
});
type Args = z.infer<typeof params>;

export interface WeatherResult {
  placed: number;
  gained: Record<string, number>;
  /** Game seconds spent waiting for the copper to weather. */
  waited: number;
}

/** The wait the planner gives `count` pieces to reach `stage` at the default randomTickSpeed. */
export function waitFor(stage: Args['stage'], piece: CopperPiece = 'copper_block'): number {
  return Math.min(MAX_WAIT_S, Math.ceil(secondsToStage(stage, undefined, piece) * WAIT_MARGIN));
}

export const weatherCopper = defineSkill<typeof params, WeatherResult>({
  name: 'weatherCopper',
  summary: 'Set `count` `block`s out, wait (an hour or more) until they weather to `stage`, mine them.',
  details: `Each copper block ages a stage in about ${Math.round(secondsToStage('exposed') / 60)}-${Math.round((secondsToStage('weathered') - secondsToStage('exposed')) / 60)} minutes of game time (a door 4 times as long: its halves hold each other back); each is mined as soon as it reaches \`stage\`. `
    + 'Fails BAD_ARGS for a piece the version lacks (doors and trapdoors: 1.21+), MISSING_ITEMS without the pieces, NO_TOOL without a stone pickaxe or better, NO_TARGET with nowhere to set them, TIMEOUT (the blocks taken back) naming each block\'s stage when `waitSeconds` runs out.',
  params,
  example: { stage: 'exposed', block: 'copper_block', count: 1, waitSeconds: waitFor('exposed') },
  preconditions: (args, kb) => ({ consume: { [args.block]: args.count }, equip: harvestTools(kb, weatheredAt(args.block, args.stage)) }),
  effects: (args) => ({ obtain: { [weatheredAt(args.block, args.stage)]: args.count } }),
  producers(target, count, kb): Args[] {
    for (const block of COPPER_PIECES) {
      const stage = WEATHERED_STAGES.find((s) => weatheredAt(block, s) === target);
      if (!stage || pieceMissing(block, kb.registry) !== undefined) continue;
      return [{ stage, block, count: Math.min(16, count), waitSeconds: waitFor(stage, block) }];
    }
    return [];
  },
  // The game-time wait may run up to LAG_FACTOR times the clock on a lagging server; the rest is walking and digging.
  timeoutMs: (args) => 60_000 + args.count * 30_000 + args.waitSeconds * 1000 * LAG_FACTOR,
  run: (ctx, args) => weather(ctx, args),
});

async function weather(ctx: SkillContext, args: Args): Promise<WeatherResult> {
  const { bot, knowledge: kb, signal, log } = ctx;
  const want = weatheredAt(args.block, args.stage);
  const absent = pieceMissing(args.block, bot.registry);
  if (absent !== undefined) throw new SkillError('BAD_ARGS', `cannot set out ${args.block} on ${bot.version}: ${absent}`, { item: args.block });
  const have = countItem(bot, args.block);
  if (have < args.count) throw missingItems(args.block, args.count, have);
  // The pickaxe first: copper put down with nothing to mine it with is lost to the bot. (1.21.4's data
  // lets a hand take a copper door.)
  const tools = harvestTools(kb, want);
  if (tools.length > 0 && bestToolFor(bot, kb, want) === null) {
    throw new SkillError('NO_TOOL', `need ${tools[0]} or better to mine ${want}`, { block: want, tool: tools[0] });
  }
  const before = inventoryCounts(bot);
  const pending = await setOut(ctx, args.block, args.count);
  const startAge = bot.time.age;
  const overdue = lagAwareDeadline(args.waitSeconds * 1000, () => bot.time.age);
  const waited = () => Math.max(0, Math.round((bot.time.age - startAge) / 20));
  const past: string[] = [];
  while (pending.length > 0) {
    throwIfAborted(signal);
    for (const pos of [...pending]) {
      const name = bot.blockAt(pos)?.name ?? 'nothing';
      const stage = copperStage(name);
      if (name !== want && stage !== undefined && !isPast(stage, args.stage)) continue;
      pending.splice(pending.indexOf(pos), 1);
      if (name === want) await digAndCollect(ctx, pos, want).catch(async (err: unknown) => {
        // The rest set out come back with the bot rather than stay behind.
        if (!signal.aborted && err instanceof SkillError) await takeBack(ctx, pending);
        throw err;
      });
      else if (stage !== undefined) {
        // Weathered on while another was being dug: no scraping back here, so it is taken back as it is.
        past.push(`${fmt(pos)} ${stage}`);
        await takeBack(ctx, [pos]);
      } else log.warn({ at: posKey(pos), now: name }, 'a copper piece set out is gone');
    }
    if (pending.length === 0) break;
    if (overdue()) {
      const stages = pending.map((p) => `${fmt(p)} ${copperStage(bot.blockAt(p)?.name ?? '') ?? 'gone'}`);
      await takeBack(ctx, pending);
      throw new SkillError('TIMEOUT', `copper did not reach ${args.stage} within ${args.waitSeconds} s of game time: ${stages.join(', ')} (taken back)`, { item: want, need: args.count, have: countItem(bot, want) - (before.get(want) ?? 0) });
    }
    await nextChange(ctx, pending);
  }
  const got = countItem(bot, want) - (before.get(want) ?? 0);
  if (got < args.count) {
    const why = past.length > 0 ? `weathered past ${args.stage} before it was mined: ${past.join(', ')}` : 'a block set out went missing';
    throw new SkillError('FAILED', `got ${got} of ${args.count} ${want}: ${why}`, { item: want, need: args.count, have: got });
  }
  return { placed: args.count, gained: gained(before, inventoryCounts(bot)), waited: waited() };
}

function isPast(stage: string, wanted: Args['stage']): boolean {
  return WEATHERED_STAGES.indexOf(stage as Args['stage']) > WEATHERED_STAGES.indexOf(wanted);
}

/** Puts `count` pieces down near the bot; NO_TARGET (the ones placed taken back) when there is no room. */
async function setOut(ctx: SkillContext, piece: CopperPiece, count: number): Promise<Vec3[]> {
  const cells: Vec3[] = [];
  for (let i = 0; i < count; i++) {
    try {
      // A door's cell is its lower half, the one that ages and that the skill watches and digs.
      cells.push((await placeNearby(ctx, piece)).position.clone());
    } catch (err) {
      if (ctx.signal.aborted || !(err instanceof SkillError) || !['FAILED', 'NO_PATH', 'STUCK'].includes(err.code)) throw err;
      await takeBack(ctx, cells);
      throw new SkillError('NO_TARGET', `nowhere to set ${piece.replace('_', ' ')} ${i + 1} of ${count} out near the bot: ${err.message}`, { block: piece }, { cause: err });
    }
  }
  return cells;
}

/** Mines the copper set out back into the inventory, at whatever stage it is; a block that will not come is left, and logged. */
async function takeBack(ctx: SkillContext, cells: readonly Vec3[]): Promise<void> {
  for (const pos of cells) {
    const name = ctx.bot.blockAt(pos)?.name ?? '';
    if (copperStage(name) === undefined) continue;
    try {
      await digAndCollect(ctx, pos, name);
    } catch (err) {
      if (ctx.signal.aborted || !(err instanceof SkillError)) throw err;
      ctx.log.warn({ code: err.code, err: err.message, at: posKey(pos) }, 'could not take a copper piece back');
    }
  }
}

/** Resolves when a block update reaches one of `cells`, or after RECHECK_MS (so the game-time deadline is seen). */
function nextChange(ctx: SkillContext, cells: readonly Vec3[]): Promise<void> {
  const { bot, signal } = ctx;
  const world = bot.world as unknown as NodeJS.EventEmitter;
  const events = cells.map((p) => `blockUpdate:${p.toString()}`);
  return new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      for (const e of events) world.removeListener(e, onUpdate);
      signal.removeEventListener('abort', onAbort);
    };
    const onUpdate = () => {
      cleanup();
      resolve();
    };
    const onAbort = () => {
      cleanup();
      try {
        throwIfAborted(signal);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    const timer = setTimeout(onUpdate, RECHECK_MS);
    if (signal.aborted) return onAbort();
    for (const e of events) world.on(e, onUpdate);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
