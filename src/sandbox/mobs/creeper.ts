// A creeper as vanilla's SwellGoal has it (the fuse's numbers: CREEPER_FUSE in src/knowledge/mobs.ts):
// it walks up to its target, starts to swell within 3 blocks and stands still while it swells, swells on
// while the target stays within 7 blocks, else shrinks back, and explodes once swollen for 30 ticks.
// Players within reach of the blast take vanilla's explosion damage (every ray taken to reach them)
// after armour. The sandbox's explosion breaks no blocks, and the creeper drops nothing.
import { explosionDamage } from '../../knowledge/mobs.ts';
import type { SquidPlayer } from '../squid/types.ts';
import { internals } from '../plugins/items/types.ts';
import { mobHitsPlayer } from './combat.ts';
import { isAlive } from './hands.ts';
import { broadcastMetadata } from './metadata.ts';
import { removeMob } from './spawn.ts';
import { STEP_TICKS, type MobEntity, type MobWorld } from './types.ts';

/** One AI step of a creeper's fuse; true while it swells (it stands still then) or once it has exploded. */
export function stepFuse(mw: MobWorld, mob: MobEntity, target: SquidPlayer | undefined): boolean {
  const st = mob.skillcraftMob;
  const fuse = st.facts.explodes;
  if (!fuse) return false;
  const d = target ? target.position.distanceTo(mob.position) : Infinity;
  const dir = (st.swell > 0 || d < fuse.swellWithin) && d <= fuse.calmBeyond ? 1 : -1;
  if (dir !== st.swellDir) {
    st.swellDir = dir;
    broadcastMetadata(mw.serv, mob, 'swell');
  }
  st.swell = Math.max(0, st.swell + dir * STEP_TICKS);
  if (st.swell < fuse.ticks) return dir === 1;
  explode(mw, mob, fuse.power);
  return true;
}

function explode(mw: MobWorld, mob: MobEntity, power: number): void {
  const st = mob.skillcraftMob;
  st.dead = true;
  st.health = 0;
  internals(mw.serv).playSound('entity.generic.explode', mob.world, mob.position, { volume: 4, pitch: 1, soundCategory: 'hostile' });
  for (const p of mw.serv.players) {
    if (p.world !== mob.world || !isAlive(p) || p.gameMode === 1 || p.gameMode === 3) continue;
    const damage = explosionDamage(power, p.position.distanceTo(mob.position));
    if (damage > 0) mobHitsPlayer(mw, mob, p, damage);
  }
  removeMob(mw, mob);
}
