// Hits both ways: players on mobs (weapon damage, attack charge, invulnerability, knockback, wear,
// death and loot) and hostile mobs on players (armour, invulnerability, knockback).
import { Vec3 } from 'vec3';
import { chargedDamage, damageAfterArmour, weaponFacts } from '../../knowledge/mobs.ts';
import type { SquidPlayer } from '../squid/types.ts';
import { getGameRule } from '../plugins/commands/time.ts';
import { applyHit, armourWear, freshHurtMemory, weaponWear } from './damage.ts';
import { ARMOUR_SLOTS, handSlot, isAlive, itemIn, living, nameOf, wearSlot, wornArmour } from './hands.ts';
import { dropStacks, rollLoot } from './loot.ts';
import { broadcastHurt, broadcastMetadata, viewers, writeViewers } from './metadata.ts';
import type { MobEntity, MobWorld } from './types.ts';

/** Vanilla removes a corpse 20 ticks after death. */
const CORPSE_TICKS = 20;
/**
 * Knockback of a hit, in blocks per tick: a small hop away from the attacker that moves the victim
 * about half a block. Vanilla's 0.4 sends it 2–3 blocks; kept modest so a bot that stands still
 * stays in reach of what it fights.
 */
const KNOCKBACK = 0.1;
const KNOCKBACK_HOP = 0.2;
/** Vanilla (1.20) refuses attacks on entities further than this from the attacker. */
const MAX_ATTACK_DISTANCE = 6;
/** Ticks a mob's melee attack waits after a hit. */
export const MOB_ATTACK_COOLDOWN = 20;

/** A unit vector (horizontal) from `from` to `to`; a fixed direction when they coincide. */
function awayFrom(from: Vec3, to: Vec3): Vec3 {
  const d = new Vec3(to.x - from.x, 0, to.z - from.z);
  const len = Math.hypot(d.x, d.z);
  return len < 1e-4 ? new Vec3(1, 0, 0) : d.scaled(1 / len);
}

/**
 * Damages a mob by `damage` (before its hurt invulnerability), from `attacker` if a player hit it.
 * Returns true when the hit landed.
 */
export function hurtMob(mw: MobWorld, mob: MobEntity, damage: number, attacker?: SquidPlayer): boolean {
  const st = mob.skillcraftMob;
  if (st.dead || st.gone) return false;
  const hit = applyHit(st.hurt, damage, mw.serv.tickCount);
  if (!hit) return false;
  st.health -= hit.dealt;
  mob.health = st.health;
  broadcastMetadata(mw.serv, mob, 'health');
  if (hit.full) {
    broadcastHurt(mw.serv, mob.id, viewers(mw.serv, mob), st.yaw);
    if (attacker) {
      const dir = awayFrom(attacker.position, mob.position);
      // As vanilla: half the old motion plus the push; walking pauses until it lands.
      st.velocity = new Vec3(st.velocity.x / 2 + dir.x * KNOCKBACK, Math.min(KNOCKBACK_HOP, st.velocity.y / 2 + KNOCKBACK_HOP), st.velocity.z / 2 + dir.z * KNOCKBACK);
      st.onGround = false;
    }
  }
  if (st.health <= 0) killMob(mw, mob);
  return true;
}

function killMob(mw: MobWorld, mob: MobEntity): void {
  const st = mob.skillcraftMob;
  st.dead = true;
  st.health = 0;
  st.goal = undefined;
  st.removeTick = mw.serv.tickCount + CORPSE_TICKS;
  writeViewers(mw.serv, mob, 'entity_status', { entityId: mob.id, entityStatus: 3 });
  if (getGameRule(mw.serv, 'doMobLoot') !== false) dropStacks(mw, mob, rollLoot(st.facts, mw.lootRng, st.wool));
}

/** Resets a player's attack charge (vanilla: after every attack and when the held item changes). */
export function resetSwing(mw: MobWorld, player: SquidPlayer): void {
  mw.lastSwing.set(player, mw.serv.tickCount);
}

/**
 * A player's attack on a mob (`use_entity` attack): the held weapon's damage scaled by the attack
 * charge, the weapon worn when the hit lands. No critical hits (a falling player's bonus).
 */
export function playerAttacks(mw: MobWorld, player: SquidPlayer, mob: MobEntity): void {
  if (!isAlive(player) || player.gameMode === 3 || mob.skillcraftMob.dead) return;
  if (player.position.distanceTo(mob.position) > MAX_ATTACK_DISTANCE) return;
  const slot = handSlot(player, 0);
  const weapon = nameOf(itemIn(player, slot));
  const last = mw.lastSwing.get(player);
  const ticks = last === undefined ? Infinity : mw.serv.tickCount - last;
  resetSwing(mw, player);
  const damage = chargedDamage(weaponFacts(weapon), ticks);
  if (hurtMob(mw, mob, damage, player)) wearSlot(mw.serv, player, slot, weaponWear(weapon));
}

/** A hostile mob's melee hit (or `raw` damage from it, an explosion's) on a player, after the player's armour; the armour wears. */
export function mobHitsPlayer(mw: MobWorld, mob: MobEntity, player: SquidPlayer, raw = mob.skillcraftMob.facts.attackDamage ?? 0): boolean {
  const p = living(player);
  if (!isAlive(player)) return false;
  const damage = damageAfterArmour(raw, wornArmour(player));
  let memory = mw.playerHurt.get(player);
  if (!memory) {
    memory = freshHurtMemory();
    mw.playerHurt.set(player, memory);
  }
  const hit = applyHit(memory, damage, mw.serv.tickCount);
  if (!hit) return false;
  const health = Math.max(0, p.health - hit.dealt);
  p.updateHealth(health);
  if (hit.full) {
    for (const slot of ARMOUR_SLOTS) if (itemIn(player, slot)) wearSlot(mw.serv, player, slot, armourWear(raw));
    broadcastHurt(mw.serv, player.id, [player, ...viewers(mw.serv, mob).filter((v) => v !== player)]);
    const dir = awayFrom(mob.position, player.position);
    // flying-squid's sendVelocity takes blocks per second; the client applies its own knockback.
    p.sendVelocity(new Vec3(dir.x * KNOCKBACK * 20, KNOCKBACK_HOP * 20, dir.z * KNOCKBACK * 20));
  }
  if (health <= 0) {
    for (const other of mw.serv.players) if (other !== player) other._client.write('entity_status', { entityId: player.id, entityStatus: 3 });
  }
  return true;
}
