// Setting concrete: concrete powder put down touching water is concrete at once (vanilla
// ConcretePowderBlock), then mined with a pickaxe. Where: an air cell beside water with ground under
// it, else into a water cell at the edge of the water with ground under it (water is replaceable).
import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import { missingItems, SkillError } from '../../base/errors.ts';
import { fmt } from '../../base/position.ts';
import { untilAborted, waitUntil } from '../../base/wait.ts';
import { setsIntoConcrete, type WetCell } from '../../knowledge/interactions.ts';
import type { SkillContext } from '../../skills/types.ts';
import { findItem } from '../items/inventory.ts';
import { inReach, isSupport, occupiesBot } from '../items/placement.ts';
import { posKey } from '../mining/world.ts';
import { moveTo } from '../movement/move.ts';
import { findBlockPositions } from '../world/scan.ts';

const { goals } = pathfinderPkg;
const SIDES = [new Vec3(1, 0, 0), new Vec3(-1, 0, 0), new Vec3(0, 0, 1), new Vec3(0, 0, -1)];
/** Where to place against, best first: the ground under the cell, then its sides. */
const SUPPORTS = [new Vec3(0, -1, 0), ...SIDES];
const AIR = new Set(['air', 'cave_air', 'void_air']);
const SET_WAIT_MS = 2000;

export interface ConcreteSpot {
  pos: Vec3;
  /** The solid block to place against, and its face. */
  against: Block;
  face: Vec3;
}

function wetCell(bot: Bot, pos: Vec3): WetCell {
  const b = bot.blockAt(pos);
  return { name: b?.name ?? 'air', properties: b?.getProperties() ?? {} };
}

function spotAt(bot: Bot, pos: Vec3): ConcreteSpot | null {
  if (occupiesBot(bot, pos)) return null;
  const ground = bot.blockAt(pos.offset(0, -1, 0));
  if (!ground || ground.boundingBox !== 'block') return null;
  if (!setsIntoConcrete(wetCell(bot, pos), (dx, dy, dz) => wetCell(bot, pos.offset(dx, dy, dz)))) return null;
  for (const d of SUPPORTS) {
    const against = bot.blockAt(pos.plus(d));
    if (isSupport(against)) return { pos, against: against!, face: d.scaled(-1) };
  }
  return null;
}

/**
 * Cells where powder would set, nearest water first: air beside it with ground under it, then edge
 * water cells (open above, ground under) to place into. `tried` positions are left out.
 */
export function concreteSpots(bot: Bot, radius: number, tried: ReadonlySet<string>): ConcreteSpot[] {
  const beside: ConcreteSpot[] = [];
  const into: ConcreteSpot[] = [];
  for (const w of findBlockPositions(bot, ['water'], { maxDistance: radius, count: 48 })) {
    for (const d of SIDES) {
      const p = w.plus(d);
      if (tried.has(posKey(p)) || !AIR.has(bot.blockAt(p)?.name ?? '')) continue;
      const spot = spotAt(bot, p);
      if (spot) beside.push(spot);
    }
    if (!tried.has(posKey(w)) && AIR.has(bot.blockAt(w.offset(0, 1, 0))?.name ?? '')) {
      const spot = spotAt(bot, w);
      if (spot && SIDES.some((d) => isSupport(bot.blockAt(w.plus(d))))) into.push(spot);
    }
  }
  return [...beside, ...into];
}

/**
 * Puts `powder` down at the spot (walking into reach) and waits for `concrete` there. FAILED when the
 * powder did not set (then it is left there for the caller to take back) or the placing failed.
 */
export async function placeToSet(ctx: SkillContext, spot: ConcreteSpot, powder: string, concrete: string): Promise<void> {
  const { bot, signal } = ctx;
  const where = fmt(spot.pos);
  if (!inReach(bot, spot.pos) || occupiesBot(bot, spot.pos)) {
    await moveTo(ctx, new goals.GoalNear(spot.pos.x, spot.pos.y + 1, spot.pos.z, 3), { what: `a spot to put ${powder} at ${where}` });
  }
  if (!inReach(bot, spot.pos) || occupiesBot(bot, spot.pos)) throw new SkillError('FAILED', `${where} is out of reach from ${fmt(bot.entity.position)}`);
  const stack = findItem(bot, powder);
  if (!stack) throw missingItems(powder, 1, 0);
  if (bot.heldItem?.name !== powder) await untilAborted(bot.equip(stack, 'hand'), signal);
  const against = bot.blockAt(spot.against.position);
  if (!against || !isSupport(against)) throw new SkillError('FAILED', `nothing to place ${powder} against at ${where} any longer`);
  try {
    await untilAborted(bot.placeBlock(against, spot.face), signal);
  } catch (err) {
    if (signal.aborted) throw err;
    throw new SkillError('FAILED', `placing ${powder} at ${where} failed: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
  }
  await waitUntil(() => bot.blockAt(spot.pos)?.name === concrete, { signal, timeoutMs: SET_WAIT_MS, what: `${concrete} at ${where}` }).catch((err: unknown) => {
    if (signal.aborted || !(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
    throw new SkillError('FAILED', `put ${powder} at ${where} but the world shows ${bot.blockAt(spot.pos)?.name ?? 'nothing'}, not ${concrete}`, undefined, { cause: err });
  });
}
