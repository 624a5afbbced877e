import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import { Vec3 } from 'vec3';
import { z } from 'zod';
import {
  collectLoot, countItem, defineSkill, FULL_HONEY_LEVEL, HARVEST_GIVES, NEST_BLOCKS, findBlockPositions, findItem, fmt, gained, inventoryCounts, missingItems, moveTo, NEARBY_RADIUS,
  posKey, type SkillContext, SkillError, throwIfAborted, untilAborted, waitUntil,
} from '../src/actions/index.ts';

const { goals } = pathfinderPkg;

const FULL_HONEY = FULL_HONEY_LEVEL;
const PER_HARVEST = { honeycomb: HARVEST_GIVES.honeycomb.count, honey_bottle: HARVEST_GIVES.honey_bottle.count } as const;
/** Waiting budget the planner gives each harvest: a nest fills 0 to 5 in 5-10 minutes of daylight. */
export const WAIT_PER_HARVEST_S = 600;
const MAX_WAIT_S = 3600;
/** The server answers at once; this covers the block update's and the slot's way back. */
const CONFIRM_MS = 3000;
/** Bees come out angry without a campfire under the nest: the bot walks this far off afterwards. */
const STEP_AWAY = 8;
const STEP_AWAY_MS = 10_000;
const RETRYABLE = new Set(['NO_PATH', 'STUCK', 'FAILED']);
const MAX_FAILED = 3;

const params = z.object({
  item: z.enum(['honeycomb', 'honey_bottle']),
  count: z.number().int().min(1).max(64).default(1).describe('items wanted: 3 honeycomb or 1 honey bottle a full nest'),
  radius: z.number().int().min(4).max(96).default(NEARBY_RADIUS).describe('how far to look for a bee nest or beehive, in blocks'),
  waitSeconds: z.number().int().min(0).max(MAX_WAIT_S).default(WAIT_PER_HARVEST_S).describe('how long, in all, to wait for a nest to fill'),
});
type Args = z.infer<typeof params>;

export interface HoneyResult {
  harvests: number;
  /** What the inventory gained, by item. */
  gained: Record<string, number>;
  /** Seconds spent waiting for nests to fill. */
  waited: number;
}

/** Full nests needed for `count` of the item. */
export function harvestsFor(item: Args['item'], count: number): number {
  return Math.ceil(count / PER_HARVEST[item]);
}

export const harvestHoney = defineSkill<typeof params, HoneyResult>({
  name: 'harvestHoney',
  summary: 'Shear a full bee nest nearby (3 honeycomb) or fill a glass bottle; waits for a nest to fill.',
  details: `A nest fills (honey_level 0 to ${FULL_HONEY}) in 5-10 minutes of daylight; the bot waits at the fullest one for up to \`waitSeconds\` in all. `
    + 'Fails NO_TOOL without shears, MISSING_ITEMS without glass bottles, NO_TARGET when no nest is within `radius`, TIMEOUT when none filled in time.',
  params,
  example: { item: 'honeycomb', count: 3, radius: NEARBY_RADIUS, waitSeconds: WAIT_PER_HARVEST_S },
  preconditions: (args) => (args.item === 'honeycomb'
    ? { equip: ['shears'], facts: ['bee_nest_nearby'] }
    : { consume: { glass_bottle: args.count }, facts: ['bee_nest_nearby'] }),
  // What the harvests give: whole nests' worth (a candle's one honeycomb comes with two more).
  effects: (args) => ({ obtain: { [args.item]: harvestsFor(args.item, args.count) * PER_HARVEST[args.item] } }),
  producers(target, count): Args[] {
    if (target !== 'honeycomb' && target !== 'honey_bottle') return [];
    const waitSeconds = Math.min(MAX_WAIT_S, harvestsFor(target, count) * WAIT_PER_HARVEST_S);
    return [{ item: target, count, radius: NEARBY_RADIUS, waitSeconds }];
  },
  timeoutMs: (args) => 60_000 + harvestsFor(args.item, args.count) * 30_000 + args.waitSeconds * 1000,
  run: (ctx, args) => harvest(ctx, args),
});

interface Nest {
  pos: Vec3;
  level: number;
}

function nestNames(bot: Bot): string[] {
  return NEST_BLOCKS.filter((n) => bot.registry.blocksByName[n] !== undefined);
}

function honeyLevel(bot: Bot, pos: Vec3): number | undefined {
  const block = bot.blockAt(pos);
  if (!block || !nestNames(bot).includes(block.name)) return undefined;
  return Number(block.getProperties().honey_level ?? 0);
}

/** The nests within `radius`, nearest first, with their honey level. */
function nestsAround(bot: Bot, radius: number, skip: ReadonlySet<string>): Nest[] {
  const out: Nest[] = [];
  for (const pos of findBlockPositions(bot, nestNames(bot), { maxDistance: radius, count: 32 })) {
    const level = honeyLevel(bot, pos);
    if (level !== undefined && !skip.has(posKey(pos))) out.push({ pos, level });
  }
  return out;
}

async function harvest(ctx: SkillContext, args: Args): Promise<HoneyResult> {
  const { bot, signal, log } = ctx;
  const tool = args.item === 'honeycomb' ? 'shears' : 'glass_bottle';
  if (tool === 'shears' && !findItem(bot, 'shears')) throw new SkillError('NO_TOOL', 'need shears to harvest honeycomb from a bee nest', { tool: 'shears', item: 'shears', need: 1, have: 0 });
  const bottles = countItem(bot, 'glass_bottle');
  const fills = harvestsFor(args.item, args.count);
  if (tool === 'glass_bottle' && bottles < fills) throw missingItems('glass_bottle', fills, bottles);
  const before = inventoryCounts(bot);
  const got = () => countItem(bot, args.item) - (before.get(args.item) ?? 0);
  const failed = new Set<string>();
  const waitEnd = Date.now() + args.waitSeconds * 1000;
  let waitedMs = 0;
  let harvests = 0;
  while (got() < args.count) {
    throwIfAborted(signal);
    const nests = nestsAround(bot, args.radius, failed);
    if (nests.length === 0) {
      const done = got() > 0 ? `got ${got()} of ${args.count} ${args.item}; ` : '';
      throw new SkillError('NO_TARGET', `${done}no ${failed.size > 0 ? 'other ' : ''}bee nest or beehive within ${args.radius} blocks`, { block: 'bee_nest' });
    }
    const full = nests.find((n) => n.level >= FULL_HONEY);
    if (!full) {
      const fullest = nests.reduce((a, b) => (b.level > a.level ? b : a));
      const started = Date.now();
      try {
        await waitForFull(ctx, fullest.pos, Math.max(0, waitEnd - Date.now()), args);
      } finally {
        waitedMs += Date.now() - started;
      }
      continue;
    }
    try {
      await harvestOne(ctx, full.pos, tool, args.item);
      harvests++;
    } catch (err) {
      if (signal.aborted || !(err instanceof SkillError) || !RETRYABLE.has(err.code)) throw err;
      failed.add(posKey(full.pos));
      log.debug({ code: err.code, err: err.message, at: posKey(full.pos) }, 'could not harvest this nest; trying another');
      if (failed.size >= MAX_FAILED) throw new SkillError(err.code, `${err.message} (${failed.size} nests tried)`, err.missing, { cause: err });
    }
  }
  return { harvests, gained: gained(before, inventoryCounts(bot)), waited: Math.round(waitedMs / 1000) };
}

/**
 * Waits until the nest at `pos` is full, listening to that block's updates; TIMEOUT naming the level
 * it reached when `timeoutMs` runs out first, FAILED when the nest goes.
 */
function waitForFull(ctx: SkillContext, pos: Vec3, timeoutMs: number, args: Args): Promise<void> {
  const { bot, signal, log } = ctx;
  const event = `blockUpdate:${pos.toString()}`;
  const world = bot.world as unknown as NodeJS.EventEmitter;
  log.debug({ at: posKey(pos), level: honeyLevel(bot, pos), timeoutMs }, 'waiting for a bee nest to fill');
  return new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      world.removeListener(event, onUpdate);
      signal.removeEventListener('abort', onAbort);
    };
    const settle = (err?: Error) => {
      cleanup();
      if (err) reject(err);
      else resolve();
    };
    const check = () => {
      const level = honeyLevel(bot, pos);
      if (level === undefined) settle(new SkillError('FAILED', `the bee nest at ${fmt(pos)} is gone`));
      else if (level >= FULL_HONEY) settle();
    };
    const onUpdate = () => check();
    const onAbort = () => {
      try {
        throwIfAborted(signal);
      } catch (err) {
        settle(err as Error);
      }
    };
    const timer = setTimeout(() => {
      const level = honeyLevel(bot, pos) ?? 0;
      settle(new SkillError('TIMEOUT', `no bee nest within ${args.radius} blocks filled within ${args.waitSeconds} s: the fullest, at ${fmt(pos)}, reached honey level ${level} of ${FULL_HONEY}`, { block: 'bee_nest' }));
    }, timeoutMs);
    if (signal.aborted) return onAbort();
    world.on(event, onUpdate);
    signal.addEventListener('abort', onAbort, { once: true });
    check();
  });
}

/** The face of the block turned most towards the bot's eyes, among those open to the air. */
function faceTowardBot(bot: Bot, pos: Vec3): Vec3 {
  const faces = [new Vec3(0, 1, 0), new Vec3(0, -1, 0), new Vec3(1, 0, 0), new Vec3(-1, 0, 0), new Vec3(0, 0, 1), new Vec3(0, 0, -1)];
  const towards = bot.entity.position.offset(0, 1.62, 0).minus(pos.offset(0.5, 0.5, 0.5));
  const open = faces.filter((f) => bot.blockAt(pos.plus(f))?.boundingBox === 'empty');
  return (open.length > 0 ? open : faces).reduce((best, f) => (f.dot(towards) > best.dot(towards) ? f : best));
}

/** Walks up to a full nest, uses the shears or a bottle on it, checks the nest emptied and the items arrived. */
async function harvestOne(ctx: SkillContext, pos: Vec3, tool: 'shears' | 'glass_bottle', item: Args['item']): Promise<void> {
  const { bot, signal } = ctx;
  const where = `bee nest at ${fmt(pos)}`;
  await moveTo(ctx, new goals.GoalNear(pos.x, pos.y, pos.z, 3), { what: where });
  const held = findItem(bot, tool);
  if (!held) {
    if (tool === 'shears') throw new SkillError('NO_TOOL', 'the shears broke or vanished', { tool: 'shears', item: 'shears', need: 1, have: 0 });
    throw missingItems('glass_bottle', 1, 0);
  }
  if (bot.heldItem?.name !== tool) await untilAborted(bot.equip(held, 'hand'), signal);
  const block = bot.blockAt(pos);
  if (!block || honeyLevel(bot, pos) !== FULL_HONEY) throw new SkillError('FAILED', `the ${where} is no longer full`);
  const before = countItem(bot, item);
  const face = faceTowardBot(bot, pos);
  await untilAborted(bot.activateBlock(block, face, new Vec3(0.5, 0.5, 0.5).plus(face.scaled(0.5))), signal);
  await confirm(ctx, () => honeyLevel(bot, pos) === 0, `used ${tool} on the full ${where} but its honey level did not go back to 0`);
  if (item === 'honeycomb') {
    const loot = await collectLoot(ctx, pos.offset(0.5, 0, 0.5), 'honeycomb');
    if (!loot.honeycomb) throw new SkillError('FAILED', `sheared the ${where} but picked up no honeycomb`);
  } else {
    await confirm(ctx, () => countItem(bot, 'honey_bottle') > before, `used a glass bottle on the full ${where} but got no honey bottle`);
  }
  await stepAway(ctx, pos);
}

async function confirm(ctx: SkillContext, check: () => boolean, failure: string): Promise<void> {
  await waitUntil(check, { signal: ctx.signal, timeoutMs: CONFIRM_MS, what: 'the harvest' }).catch((err: unknown) => {
    if (ctx.signal.aborted || !(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
    throw new SkillError('FAILED', `${failure} within ${CONFIRM_MS} ms`, undefined, { cause: err });
  });
}

/** Out of the angry bees' way; a walk that fails is not the harvest's failure. */
async function stepAway(ctx: SkillContext, pos: Vec3): Promise<void> {
  try {
    await moveTo(ctx, new goals.GoalInvert(new goals.GoalNear(pos.x, pos.y, pos.z, STEP_AWAY)), { what: `away from the bee nest at ${fmt(pos)}`, timeoutMs: STEP_AWAY_MS });
  } catch (err) {
    if (ctx.signal.aborted || !(err instanceof SkillError) || !RETRYABLE.has(err.code)) throw err;
    ctx.log.debug({ code: err.code, err: err.message }, 'could not step away from the bee nest');
  }
}
