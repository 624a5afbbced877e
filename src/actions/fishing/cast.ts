// One cast of a fishing rod: throw the bobber at a spot, see it float, wait for the bite (the bubble
// and fishing particles vanilla sends at the bobber, which is also what mineflayer's bot.fish()
// waits for) and reel in. Written out rather than bot.fish(), which has no timeout and no way to
// tell a bobber lying on the bank from one in the water.
import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import type { Vec3 } from 'vec3';
import { SkillError } from '../../base/errors.ts';
import { abortReason, sleep, untilAborted, waitForEvent, waitUntil } from '../../base/wait.ts';
import { APPROACH_TICKS, BITE_TICKS, LURE_TICKS } from '../../knowledge/fishing.ts';
import type { SkillContext } from '../../skills/types.ts';
import { findItem } from '../items/inventory.ts';
import { fluidOf } from '../mining/world.ts';

/** The look goes out with the next physics tick (50 ms); a cast sent before it flies the old way. */
const LOOK_SETTLE_MS = 120;
const BOBBER_SPAWN_MS = 3000;
/** A bobber flies well under a second to a spot a few blocks off; still not in water after this, it missed. */
const LANDING_MS = 3000;
/** The longest a fish takes to bite (lure and approach at their maxima), plus the bite itself and slack. */
const BITE_WAIT_MS = ((LURE_TICKS[1] + APPROACH_TICKS[1] + BITE_TICKS[1]) / 20) * 1000 + 5000;
/** How near the bobber the bite's particles appear (mineflayer's test: 1.23 blocks sideways). */
const BITE_RADIUS = 1.23;
/** Vanilla's bite: 6 bubble and 6 fishing particles. */
const BITE_PARTICLES = 6;

/**
 * What became of a cast: a fish on the line, reeled in; the bobber out of the water; the bobber gone
 * by itself (the server removed it); no bite in the longest time a fish takes.
 */
export type CastResult = 'caught' | 'missed' | 'lost' | 'no_bite';

interface ParticleSeen {
  name?: string;
  count: number;
  position: Vec3;
}

function isOwnBobber(bot: Bot, e: Entity): boolean {
  if (e.name !== 'fishing_bobber') return false;
  const owner = (e as Entity & { objectData?: unknown }).objectData;
  return typeof owner === 'number' ? owner === bot.entity.id : e.position.distanceTo(bot.entity.position) < 3;
}

const present = (bot: Bot, e: Entity) => e.isValid && bot.entities[e.id] === e;

/** Holds the fishing rod; NO_TOOL without one (none carried, or it broke). */
export async function holdRod(ctx: SkillContext): Promise<void> {
  const { bot, signal } = ctx;
  if (bot.heldItem?.name === 'fishing_rod') return;
  const rod = findItem(bot, 'fishing_rod');
  if (!rod) throw new SkillError('NO_TOOL', 'need a fishing rod to fish', { tool: 'fishing_rod', item: 'fishing_rod', need: 1, have: 0 });
  await untilAborted(bot.equip(rod, 'hand'), signal);
}

/**
 * Casts at `aim` (a point on the water surface) and reels in at the bite. A bobber that does not come
 * to float in water is reeled straight back ('missed'). The bobber is never left out: on any failure
 * or abort it is reeled in before the error goes on.
 */
export async function castOnce(ctx: SkillContext, aim: Vec3): Promise<CastResult> {
  const { bot, signal } = ctx;
  await holdRod(ctx);
  await untilAborted(bot.lookAt(aim, true), signal);
  await sleep(LOOK_SETTLE_MS, signal);
  const spawned = waitForEvent<[Entity]>(bot, 'entitySpawn', { signal, timeoutMs: BOBBER_SPAWN_MS, what: 'fishing bobber', filter: (e) => isOwnBobber(bot, e) });
  bot.activateItem();
  const [bobber] = await spawned.catch((err: unknown) => {
    if (err instanceof SkillError && err.code === 'TIMEOUT') throw new SkillError('FAILED', 'the rod threw no bobber', undefined, { cause: err });
    throw err;
  });
  let out = true;
  const reel = () => {
    if (out && present(bot, bobber) && bot.heldItem?.name === 'fishing_rod') bot.activateItem();
    out = false;
  };
  try {
    const floats = () => fluidOf(bot.blockAt(bobber.position)) === 'water';
    await waitUntil(() => floats() || !present(bot, bobber), { signal, timeoutMs: LANDING_MS, what: 'the bobber to land in water' }).catch((err: unknown) => {
      if (!(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
    });
    if (!present(bot, bobber)) return 'lost';
    if (!floats()) {
      reel();
      return 'missed';
    }
    return await biteOrGone(ctx, bobber, reel);
  } finally {
    reel();
  }
}

/** Waits for the bite at the bobber and reels in then; 'lost' when the bobber goes first, 'no_bite' after the longest wait. */
function biteOrGone(ctx: SkillContext, bobber: Entity, reel: () => void): Promise<CastResult> {
  const { bot, signal } = ctx;
  const bitten = (p: ParticleSeen) => (p.name === 'fishing' || p.name === 'bubble') && p.count === BITE_PARTICLES
    && Math.hypot(p.position.x - bobber.position.x, p.position.z - bobber.position.z) <= BITE_RADIUS;
  return new Promise<CastResult>((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const cleanup = () => {
      clearTimeout(timer);
      bot.removeListener('particle', onParticle);
      bot.removeListener('entityGone', onGone);
      signal.removeEventListener('abort', onAbort);
    };
    const finish = (r: CastResult) => {
      cleanup();
      if (r === 'caught') reel();
      resolve(r);
    };
    const onParticle = (p: ParticleSeen) => { if (bitten(p)) finish('caught'); };
    const onGone = (e: Entity) => { if (e.id === bobber.id) finish('lost'); };
    const onAbort = () => { cleanup(); reject(abortReason(signal)); };
    const timer = setTimeout(() => finish('no_bite'), BITE_WAIT_MS);
    bot.on('particle', onParticle);
    bot.on('entityGone', onGone);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
