// Fighting a creeper without taking its blast: hit it only while its fuse is young, then run out of its
// reach (past the 7 blocks at which vanilla's SwellGoal gives up) and wait there until the fuse has
// shrunk back, as a player does. The fuse is read from the creeper's `swell_dir` metadata.
import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import type { Entity } from 'prismarine-entity';
import { SkillError } from '../../base/errors.ts';
import { sleep, waitUntil } from '../../base/wait.ts';
import { CREEPER_FUSE } from '../../knowledge/mobs.ts';
import type { SkillContext } from '../../skills/types.ts';
import { moveToUntil } from '../movement/move.ts';
import { isDead, isPresent, metadataOf } from './find.ts';

const { goals } = pathfinderPkg;

const TICK_MS = 50;
/** Far enough that the fuse stops: vanilla's 7 blocks, feet to feet, and one to spare. */
export const CREEPER_CLEAR = CREEPER_FUSE.calmBeyond + 1;
/** A fuse older than this leaves no time for a hit and the run out of the blast (30 ticks in all). */
export const FUSE_HIT_MS = (CREEPER_FUSE.ticks * TICK_MS) / 3;
/** minecraft-data 1.18 names no metadata keys; a creeper's swell_dir sits at 16 from 1.17 on. */
const SWELL_INDEX = 16;

/** Whether the entity explodes rather than hits (a creeper). */
export function explodes(e: Entity): boolean {
  return e.name === 'creeper';
}

/** Whether a creeper is swelling (its fuse burning) as the server last said. */
export function swelling(bot: Bot, e: Entity): boolean {
  const v = metadataOf(bot, e, 'swell_dir') ?? (e.metadata as unknown[])[SWELL_INDEX];
  return typeof v === 'number' && v > 0;
}

/** Watches a creeper's fuse: since when it has been swelling, read at every call. */
export function fuseWatch(bot: Bot, e: Entity): { tooLate: () => boolean } {
  let since: number | undefined;
  return {
    tooLate() {
      if (!swelling(bot, e)) since = undefined;
      else since ??= Date.now();
      return since !== undefined && Date.now() - since > FUSE_HIT_MS;
    },
  };
}

/**
 * Runs until the creeper is past CREEPER_CLEAR and its fuse stops, then waits out the time the fuse
 * takes to shrink back. A bot that cannot get away (NO_PATH, STUCK) waits where it is: the blast is
 * then what it is, and the fight goes on after.
 */
export async function backOff(ctx: SkillContext, e: Entity, what: string): Promise<void> {
  const { bot, signal, log } = ctx;
  const gone = () => !isPresent(bot, e) || isDead(bot, e);
  if (gone()) return;
  const clear = () => gone() || (e.position.distanceTo(bot.entity.position) > CREEPER_CLEAR && !swelling(bot, e));
  try {
    const away = new goals.GoalInvert(new goals.GoalFollow(e, CREEPER_CLEAR));
    await moveToUntil(ctx, away, { what: `away from the ${what}`, stuckMs: 2000, timeoutMs: 6000, canDig: false }, clear, TICK_MS * 2);
  } catch (err) {
    if (signal.aborted || !(err instanceof SkillError) || !['NO_PATH', 'STUCK'].includes(err.code)) throw err;
    log.debug({ code: err.code, err: err.message }, 'could not run from the creeper');
  }
  await waitUntil(() => gone() || !swelling(bot, e), { signal, timeoutMs: CREEPER_FUSE.ticks * TICK_MS * 2, what: 'the fuse to stop' }).catch((err: unknown) => {
    if (!(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
  });
  if (!gone()) await sleep(CREEPER_FUSE.ticks * TICK_MS, signal);
}
