// After a death: wait (bounded) until the bot has respawned and stands on loaded ground, then, when
// the death spot is near and recent, walk back and pick up what fell there before re-planning.
import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import { Vec3 } from 'vec3';
import type { Knowledge } from '../../knowledge/kb.ts';
import type { SkillRegistry } from '../../skills/define.ts';
import { SkillError } from '../../base/errors.ts';
import { runSkill } from '../../skills/runner.ts';
import { sleep, waitUntil } from '../../base/wait.ts';
import type { Entity } from 'prismarine-entity';
import { droppedItems, namedStack } from '../../actions/items/drops.ts';
import { fmt } from '../../base/position.ts';

declare module 'mineflayer' {
  interface Bot {
    /** False from a death until the respawned bot's first health update (mineflayer's health plugin). */
    isAlive: boolean;
  }
}

export const RESPAWN_TIMEOUT_MS = 30_000;
/** Drops are walked back to when they lie this close to where the bot respawned… */
const RECOVER_DISTANCE = 48;
/** …and fell this recently (vanilla items despawn after 5 minutes). */
const RECOVER_WITHIN_MS = 4 * 60_000;
/** Drops are looked for this far around the death spot. */
const COLLECT_RADIUS = 8;

/**
 * Resolves once the bot is alive again (mineflayer respawns it by itself), its chunks are loaded and
 * it stands on the ground; TIMEOUT after `timeoutMs`, DISCONNECTED when the connection ends first.
 */
export async function waitForRespawn(bot: Bot, signal: AbortSignal, timeoutMs = RESPAWN_TIMEOUT_MS): Promise<void> {
  const ac = new AbortController();
  const onEnd = () => ac.abort(new SkillError('DISCONNECTED', 'lost the connection while waiting to respawn'));
  const onParent = () => ac.abort(signal.reason);
  bot.once('end', onEnd);
  if (signal.aborted) onParent();
  else signal.addEventListener('abort', onParent, { once: true });
  try {
    if (!bot.isAlive) bot.respawn();
    await waitUntil(() => bot.isAlive && bot.health > 0, { signal: ac.signal, timeoutMs, what: 'respawn', everyMs: 100 });
    // mineflayer holds physics for a moment after a respawn; the first moves then land the bot.
    await waitUntil(() => bot.entity.onGround && bot.world.getColumnAt(bot.entity.position) !== null, { signal: ac.signal, timeoutMs: 10_000, what: 'the bot on the ground after respawning', everyMs: 100 });
    await sleep(250, ac.signal);
  } finally {
    bot.removeListener('end', onEnd);
    signal.removeEventListener('abort', onParent);
  }
}

export interface DropRecovery {
  tried: boolean;
  ok: boolean;
  gained: Record<string, number>;
  detail: string;
}

export interface RecoverContext {
  bot: Bot;
  log: Logger;
  knowledge: Knowledge;
  skills: SkillRegistry;
  signal: AbortSignal;
}

/** What the bot picks up from the moment it is made until `stop()`, by item name. */
export interface PickupCount {
  gained(): Record<string, number>;
  stop(): void;
}

/**
 * Counts the stacks the server says the bot picked up (the collect packet), from the death on: a bot
 * that respawns next to its drops picks some up before it walks anywhere, and they count as recovered.
 */
export function countPickups(bot: Bot): PickupCount {
  const got: Record<string, number> = {};
  const onCollect = (collector: Entity, collected: Entity) => {
    if (collector?.id !== bot.entity?.id || collected?.name !== 'item') return;
    const stack = namedStack(bot, collected);
    if (stack) got[stack.name] = (got[stack.name] ?? 0) + stack.count;
  };
  bot.on('playerCollect', onCollect);
  return { gained: () => ({ ...got }), stop: () => { bot.removeListener('playerCollect', onCollect); } };
}

/**
 * Walks to the death spot and collects the items there, when it is near and recent; never throws.
 * `pickups` has counted since the death, so what the bot took up on respawning is in `gained` too.
 */
export async function recoverDrops(ctx: RecoverContext, death: { at: [number, number, number]; atMs: number }, pickups: PickupCount): Promise<DropRecovery> {
  const { bot } = ctx;
  const spot = new Vec3(...death.at);
  const distance = bot.entity.position.distanceTo(spot);
  if (distance > RECOVER_DISTANCE || Date.now() - death.atMs > RECOVER_WITHIN_MS) {
    return { tried: false, ok: false, gained: pickups.gained(), detail: `death spot ${Math.round(distance)} blocks away; not walked back to` };
  }
  const goTo = ctx.skills.get('goTo');
  const collect = ctx.skills.get('collectDrops');
  if (!goTo || !collect) return { tried: false, ok: false, gained: pickups.gained(), detail: 'goTo or collectDrops is not loaded' };
  const env = { bot, log: ctx.log, knowledge: ctx.knowledge, signal: ctx.signal };
  const walk = await runSkill(goTo, { x: spot.x, y: spot.y, z: spot.z, range: 3 }, { ...env, timeoutMs: 60_000 });
  if (!walk.ok) return { tried: true, ok: false, gained: pickups.gained(), detail: `could not walk back: ${walk.code} ${walk.message}` };
  // With nothing left to pick up it fails NO_TARGET: the drops were taken on the way (or at respawn).
  const got = await runSkill(collect, { radius: COLLECT_RADIUS }, { ...env, timeoutMs: 30_000 });
  const gained = pickups.gained();
  // What still lies there says why a drop was not recovered (out of reach, no room), for the trace.
  const left = droppedItems({ bot }, { near: spot, radius: COLLECT_RADIUS }).map((d) => `${d.count} ${d.item ?? 'item'} at ${fmt(d.entity.position)}`);
  const leftNote = left.length > 0 ? `; left ${left.join(', ')}` : '';
  if (!got.ok && Object.keys(gained).length === 0) return { tried: true, ok: false, gained, detail: `${got.code}: ${got.message}${leftNote}` };
  return { tried: true, ok: true, gained, detail: `picked up ${Object.entries(gained).map(([n, c]) => `${c} ${n}`).join(', ') || 'nothing'}${leftNote}` };
}
