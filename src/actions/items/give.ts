// A hand-over between two players, as a player does it: walk up to the other one, look at their feet and
// throw the items; they land at the other's feet and are picked up there after vanilla's 2 s delay.
import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import type { Vec3 } from 'vec3';
import pathfinderPkg from 'mineflayer-pathfinder';
import { SkillError, missingItems } from '../../base/errors.ts';
import { sleep, waitUntil } from '../../base/wait.ts';
import type { SkillContext } from '../../skills/types.ts';
import { moveTo } from '../movement/move.ts';
import { countItem } from './inventory.ts';

const { GoalNear, GoalInvert } = pathfinderPkg.goals;

/**
 * How far from the receiver the giver throws from: a throw lands about two blocks ahead, inside the
 * receiver's pickup box (its own box grown by one block) and outside the giver's.
 */
const THROW_DISTANCE = 2.5;
/** Where the giver waits after throwing: beyond its own pickup reach of anything lying at the receiver's feet. */
const STAND_BACK = 3.5;
/** Closer than this, the items would land beyond the receiver, or back in reach of the giver. */
const TOO_CLOSE = 1.6;
/** The walk up to the receiver: at least this long, and this long per block of straight distance. */
const WALK_MIN_MS = 15_000;
const WALK_MS_PER_BLOCK = 1_200;
/** A look's time to reach the server and be applied before a toss that depends on it. */
const LOOK_SETTLE_MS = 150;
/** Vanilla's pickup delay for thrown items, and a margin for the receiver's inventory update. */
const PICKUP_WAIT_MS = 6000;

export interface GiveResult {
  to: string;
  /** What left the giver's inventory. */
  given: Record<string, number>;
  /** Whether the giver saw the receiver pick every thrown stack up (the `playerCollect` event). */
  collected: boolean;
}

function receiverEntity(bot: Bot, to: string) {
  const entity = bot.players[to]?.entity;
  if (!entity) throw new SkillError('NO_TARGET', `${to} is not in sight (no such player near)`, { item: to, need: 1, have: 0 });
  return entity;
}

/** Walks to player `to`, throws `items` at their feet and waits until they picked them up. */
export async function giveItems(ctx: SkillContext, to: string, items: Readonly<Record<string, number>>): Promise<GiveResult> {
  const { bot, signal } = ctx;
  if (to === bot.username) throw new SkillError('BAD_ARGS', 'a bot cannot give items to itself');
  for (const [item, n] of Object.entries(items)) {
    const have = countItem(bot, item);
    if (have < n) throw missingItems(item, n, have);
  }
  let target = receiverEntity(bot, to);
  // Bounded by the distance: a walk that winds on underground ends STUCK, and a team's hand-over has the receiver come instead.
  const walkMs = Math.max(WALK_MIN_MS, bot.entity.position.distanceTo(target.position) * WALK_MS_PER_BLOCK);
  await moveTo(ctx, new GoalNear(target.position.x, target.position.y, target.position.z, THROW_DISTANCE), { what: `${to}`, stuckMs: 8000, timeoutMs: walkMs });
  target = receiverEntity(bot, to);
  if (bot.entity.position.distanceTo(target.position) < TOO_CLOSE) {
    // Standing on top of the receiver: a step back first, or the throw flies past them.
    const away = bot.entity.position.minus(target.position);
    const dir = away.norm() > 0.01 ? away.normalize() : away.set(1, 0, 0);
    const spot = target.position.plus(dir.scaled(THROW_DISTANCE));
    await moveTo(ctx, new GoalNear(spot.x, spot.y, spot.z, 0.7), { what: `a spot ${THROW_DISTANCE} blocks from ${to}` });
  }
  // The stacks thrown are the item entities that appear next to the giver while it throws.
  const thrown = new Set<number>();
  const taken = new Set<number>();
  const onSpawn = (e: Entity) => { if (e.name === 'item' && e.position.distanceTo(bot.entity.position) < 4) thrown.add(e.id); };
  const onCollect = (collector: Entity, collected: Entity) => { if (collector.id === target.id && thrown.has(collected.id)) taken.add(collected.id); };
  const given: Record<string, number> = {};
  bot.on('entitySpawn', onSpawn);
  bot.on('playerCollect', onCollect);
  try {
    for (const [item, n] of Object.entries(items)) {
      const id = bot.registry.itemsByName[item]?.id;
      if (id === undefined) throw new SkillError('BAD_ARGS', `unknown item "${item}"`);
      const before = countItem(bot, item);
      // Not forced: mineflayer sends a forced look only with the next physics tick, after the toss, and the
      // server would throw along the old look (the way the giver walked), at the giver's own feet.
      await bot.lookAt(target.position.offset(0, 0.1, 0));
      await bot.toss(id, null, n);
      await waitUntil(() => countItem(bot, item) <= before - n, { signal, timeoutMs: 3000, what: `${n} ${item} out of the inventory` });
      given[item] = before - countItem(bot, item);
    }
    // Out of the landing spot's reach before the 2 s pickup delay ends, so that the giver does not take its own throw back.
    await stepAway(ctx, target.position);
    // The receiver picks the stacks up once the pickup delay is over; the giver sees each go.
    const settled = () => thrown.size > 0 && [...thrown].every((id) => taken.has(id) || bot.entities[id] === undefined);
    try {
      await waitUntil(settled, { signal, timeoutMs: PICKUP_WAIT_MS, what: `${to} picking the items up`, gameAge: () => Number(bot.time.age) });
    } catch (err) {
      if (signal.aborted) throw err;
    }
    const collected = thrown.size > 0 && [...thrown].every((id) => taken.has(id));
    if (!collected) {
      const lying = [...thrown].filter((id) => !taken.has(id)).map((id) => bot.entities[id]?.position.floored().toString() ?? 'gone');
      ctx.log.debug({ giver: bot.entity.position.floored().toString(), receiver: target.position.floored().toString(), lying, taken: taken.size, thrown: thrown.size }, 'hand-over not picked up');
    }
    return { to, given, collected };
  } finally {
    bot.removeListener('entitySpawn', onSpawn);
    bot.removeListener('playerCollect', onCollect);
  }
}

/**
 * Sets `items` down at the bot's own feet (looking straight down, so they do not fly) and steps back out of
 * its own reach before vanilla's 2 s pickup delay ends, for a team mate to walk over and pick up: the way
 * to hand over in a tunnel, where a throw hits the wall and comes back. Returns what left the inventory.
 */
export async function setDown(ctx: SkillContext, items: Readonly<Record<string, number>>): Promise<Record<string, number>> {
  const { bot, signal } = ctx;
  const spot = bot.entity.position.clone();
  const given: Record<string, number> = {};
  for (const [item, n] of Object.entries(items)) {
    const id = bot.registry.itemsByName[item]?.id;
    if (id === undefined) throw new SkillError('BAD_ARGS', `unknown item "${item}"`);
    const before = countItem(bot, item);
    if (before < n) throw missingItems(item, n, before);
    // The look goes out with the next physics tick, and a server may apply it a moment after a click that
    // follows close behind (flying-squid does): the toss must not overtake it, or the items are thrown along
    // the old look, blocks away. Ticks caught up in a burst come at once, so the clock is waited on too.
    await bot.look(bot.entity.yaw, -Math.PI / 2, true);
    await bot.waitForTicks(2);
    await sleep(LOOK_SETTLE_MS, signal);
    await bot.toss(id, null, n);
    await waitUntil(() => countItem(bot, item) <= before - n, { signal, timeoutMs: 3000, what: `${n} ${item} out of the inventory` });
    given[item] = before - countItem(bot, item);
  }
  await stepAway(ctx, spot);
  return given;
}

/** Walks to beyond STAND_BACK of `from`; a giver that cannot (a pit, a wall) stays where it is. */
async function stepAway(ctx: SkillContext, from: Vec3): Promise<void> {
  if (ctx.bot.entity.position.distanceTo(from) >= STAND_BACK) return;
  try {
    await moveTo(ctx, new GoalInvert(new GoalNear(from.x, from.y, from.z, STAND_BACK)), { what: 'a spot away from the items', stuckMs: 3000, timeoutMs: 4000 });
  } catch (err) {
    if (ctx.signal.aborted || !(err instanceof SkillError)) throw err;
  }
}

/**
 * Walks up to player `to` (within `range`), digging its way out of a pit or through a wall if it has to:
 * the other half of a hand-over, when the giver cannot reach the receiver. `where`: where the player is
 * when it is out of sight.
 */
export async function approachPlayer(ctx: SkillContext, to: string, range = THROW_DISTANCE, where?: Vec3): Promise<void> {
  // Beyond the entity tracking range the player is not in sight; a team mate's position is known anyway.
  const at = ctx.bot.players[to]?.entity?.position ?? where ?? receiverEntity(ctx.bot, to).position;
  await moveTo(ctx, new GoalNear(at.x, at.y, at.z, range), { what: to, canDig: true, stuckMs: 8000 });
}
