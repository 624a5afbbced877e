// The mob step, run for every mob a few times a second from the server tick.
import type { Logger } from 'pino';
import { SHEARED_BIT } from '../../knowledge/mobs.ts';
import { isWaterMob } from '../../knowledge/waterMobs.ts';
import type { SquidPlayer } from '../squid/types.ts';
import { thinkMob } from './ai.ts';
import { broadcastMetadata } from './metadata.ts';
import { moveMob, terrainFor } from './movement.ts';
import { removeMob } from './spawn.ts';
import { swimMob } from './swim.ts';
import { STEP_TICKS, type MobEntity, type MobWorld } from './types.ts';

export { STEP_TICKS };

/** Hostiles further than this from every player despawn; animals there stand still. */
export const DESPAWN_DISTANCE = 64;

function nearestDistance(mob: MobEntity, players: readonly SquidPlayer[]): number {
  let best = Infinity;
  for (const p of players) if (p.world === mob.world) best = Math.min(best, p.position.distanceTo(mob.position));
  return best;
}

function stepMob(mw: MobWorld, mob: MobEntity, players: readonly SquidPlayer[], tick: number): void {
  const st = mob.skillcraftMob;
  if (st.dead) {
    if (tick >= st.removeTick) removeMob(mw, mob);
    return;
  }
  const hostile = st.facts.kind === 'hostile';
  if (hostile && mw.options.peaceful) {
    removeMob(mw, mob);
    return;
  }
  if ((st.wool & SHEARED_BIT) !== 0 && tick >= st.regrowTick) {
    st.wool &= ~SHEARED_BIT;
    broadcastMetadata(mw.serv, mob, 'wool');
  }
  // With nobody online nothing moves or despawns (vanilla checks distance to a player only).
  if (players.length === 0) return;
  const fish = isWaterMob(st.facts.name);
  if (nearestDistance(mob, players) > DESPAWN_DISTANCE) {
    // Fish despawn far from players as monsters do (vanilla: unless let out of a bucket).
    if (hostile || fish) removeMob(mw, mob);
    return;
  }
  if (fish) {
    swimMob(mw, mob, players, tick);
    return;
  }
  const walk = thinkMob(mw, mob, terrainFor(mw.serv, mob), players, tick);
  if (st.dead || st.gone) return;
  moveMob(mw.serv, mob, STEP_TICKS, walk);
}

/** One step of every mob; a mob whose step fails is logged and removed, so one bad mob cannot flood the log. */
export function stepMobs(mw: MobWorld, log: Logger): void {
  const tick = mw.serv.tickCount;
  const players = mw.serv.players.filter((p) => !p.disconnected);
  for (const mob of [...mw.mobs]) {
    try {
      stepMob(mw, mob, players, tick);
    } catch (err) {
      log.error({ err, entityId: mob.id, mob: mob.skillcraftMob.facts.name }, 'mob step failed; removing the mob');
      removeMob(mw, mob);
    }
  }
}
