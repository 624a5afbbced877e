import pathfinderPkg from 'mineflayer-pathfinder';
import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import { Vec3 } from 'vec3';
import { z } from 'zod';
import { defineSkill, findBlockPositions, findNearestEntity, fmt, isExposed, isUnreachable, markUnreachable, moveTo, noTarget, SEARCH_RADIUS, type SkillContext, SkillError } from '../src/actions/index.ts';

const { goals } = pathfinderPkg;

/** Candidates tried, nearest first, when the nearest block of a type cannot be reached. */
const BLOCK_TRIES = 3;
/** Re-aims at an entity that moved away while the bot walked, this many times. */
const ENTITY_TRIES = 3;

const range = z.number().min(0).max(64).optional().describe('how close to get, in blocks');
const params = z.union([
  z.object({ x: z.number(), y: z.number(), z: z.number(), range }),
  z.object({ block: z.string().min(1).describe('block name, e.g. oak_log'), range }),
  z.object({ entity: z.string().min(1).describe('entity name or player username'), range }),
]);
type Args = z.infer<typeof params>;

export interface GoToResult {
  /** Where the bot stands now (feet, block coordinates). */
  position: { x: number; y: number; z: number };
  /** The position walked to (the block, or where the entity was). */
  target: { x: number; y: number; z: number };
  distance: number;
}

export const goTo = defineSkill({
  name: 'goTo',
  summary: 'Walk to a position, the nearest reachable block of a type, or an entity.',
  details: 'Stops within `range` blocks (default 1 for a position, else 2).',
  params,
  example: { block: 'oak_log', range: 2 },
  preconditions: (args) => ('block' in args ? { facts: [`${args.block}_nearby`] } : 'entity' in args ? { facts: [`${args.entity}_nearby`] } : {}),
  effects: () => ({}),
  timeoutMs: 120_000,
  run: (ctx, args) => walk(ctx, args),
});

async function walk(ctx: SkillContext, args: Args): Promise<GoToResult> {
  if ('block' in args) return toBlock(ctx, args.block, args.range ?? 2);
  if ('entity' in args) return toEntity(ctx, args.entity, args.range ?? 2);
  const target = new Vec3(Math.floor(args.x), Math.floor(args.y), Math.floor(args.z));
  const r = args.range ?? 1;
  const far = target.distanceTo(ctx.bot.entity.position);
  await moveTo(ctx, new goals.GoalNear(target.x, target.y, target.z, r), { what: fmt(target), searchRadius: searchRadiusFor(far) });
  return result(ctx.bot, target);
}

async function toBlock(ctx: SkillContext, name: string, r: number): Promise<GoToResult> {
  const { bot, log } = ctx;
  if (!bot.registry.blocksByName[name]) throw new SkillError('BAD_ARGS', `"${name}" is not a block name in Minecraft ${bot.version}`);
  const found = findBlockPositions(bot, [name], { maxDistance: SEARCH_RADIUS, count: 24 }).filter((p) => !isUnreachable(bot, p));
  if (found.length === 0) throw noTarget(name, SEARCH_RADIUS);
  // Blocks buried in the ground are known from the chunk data, but walking to them means digging.
  const me = bot.entity.position;
  const ranked = found
    .map((p) => ({ p, d: p.distanceTo(me) + (isExposed(bot, p) ? 0 : 16) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, BLOCK_TRIES);
  let last: unknown;
  for (const { p } of ranked) {
    try {
      await moveTo(ctx, new goals.GoalNear(p.x, p.y, p.z, r), { what: `${name} at ${fmt(p)}`, searchRadius: searchRadiusFor(p.distanceTo(bot.entity.position)) });
      return result(bot, p);
    } catch (err) {
      if (!(err instanceof SkillError) || (err.code !== 'NO_PATH' && err.code !== 'STUCK')) throw err;
      log.debug({ code: err.code, err: err.message }, 'block not reachable; trying the next one');
      markUnreachable(bot, p, [name]);
      last = err;
    }
  }
  throw last instanceof Error ? last : new SkillError('NO_PATH', `no path to any ${name}`);
}

async function toEntity(ctx: SkillContext, name: string, r: number): Promise<GoToResult> {
  const { bot } = ctx;
  let entity: Entity | null = findNearestEntity(bot, name, SEARCH_RADIUS);
  if (!entity) throw noTarget(name, SEARCH_RADIUS);
  for (let tries = 1; ; tries++) {
    const at = entity.position.floored();
    await moveTo(ctx, new goals.GoalNear(at.x, at.y, at.z, r), { what: `${name} at ${fmt(at)}`, searchRadius: searchRadiusFor(at.distanceTo(bot.entity.position)) });
    if (entity.position.distanceTo(bot.entity.position) <= r + 1 || tries >= ENTITY_TRIES) return result(bot, at);
    // It moved (or left); aim at wherever the nearest one is now.
    entity = findNearestEntity(bot, name, SEARCH_RADIUS);
    if (!entity) throw noTarget(name, SEARCH_RADIUS);
  }
}

/**
 * A search bound that grows with the distance, so that an unreachable goal ends in NO_PATH after
 * exploring a region around the straight line, not the whole loaded world.
 */
function searchRadiusFor(distance: number): number {
  return Math.max(48, Math.ceil(distance * 1.5) + 24);
}

function result(bot: Bot, target: Vec3): GoToResult {
  const p = bot.entity.position;
  return {
    position: { x: Math.floor(p.x), y: Math.floor(p.y), z: Math.floor(p.z) },
    target: { x: target.x, y: target.y, z: target.z },
    distance: Math.round(p.distanceTo(target.offset(0.5, 0, 0.5)) * 10) / 10,
  };
}
