// Using an item on a mob (`use_entity` interact): shears on a sheep, an empty bucket on a cow, a water
// bucket on a fish.
import { Vec3 } from 'vec3';
import { SHEARED_BIT } from '../../knowledge/mobs.ts';
import { bucketOf, isBucketMob, pickupSound } from '../../knowledge/waterMobs.ts';
import type { SquidPlayer } from '../squid/types.ts';
import { giveItems } from '../plugins/commands/give.ts';
import { dropItemEntity, itemClass } from '../plugins/items/entity.ts';
import { internals } from '../plugins/items/types.ts';
import { handSlot, isAlive, itemIn, nameOf, takeOne, wearSlot } from './hands.ts';
import { rollShearing } from './loot.ts';
import { broadcastMetadata } from './metadata.ts';
import { terrainFor } from './movement.ts';
import { removeMob } from './spawn.ts';
import type { MobEntity, MobWorld } from './types.ts';

/** Vanilla refuses interactions with entities further than this. */
const MAX_REACH = 6;
/** Ticks until a sheared sheep's wool grows back (vanilla: when it eats grass, about a minute or two). */
const REGROW_MIN = 1200;
const REGROW_MAX = 2400;

/**
 * Vanilla drops shorn wool at the sheep with a random nudge; here the wool lands on the side of the
 * sheep that faces the shearer, so a player standing next to it picks it up without walking round.
 */
function woolDropPoint(mw: MobWorld, mob: MobEntity, player: SquidPlayer): Vec3 {
  const from = mob.position;
  const towards = player.position.minus(from);
  const at = from.plus(new Vec3(towards.x * 0.6, 0, towards.z * 0.6)).offset(0, 0.5, 0);
  const { kindAt } = terrainFor(mw.serv, mob);
  return kindAt(Math.floor(at.x), Math.floor(at.y), Math.floor(at.z)) === 'air' ? at : from.offset(0, 0.5, 0);
}

function shear(mw: MobWorld, player: SquidPlayer, mob: MobEntity, slot: number): boolean {
  const st = mob.skillcraftMob;
  if (st.facts.name !== 'sheep' || (st.wool & SHEARED_BIT) !== 0) return false;
  const { item, count } = rollShearing(mw.lootRng, st.wool);
  st.wool |= SHEARED_BIT;
  st.regrowTick = mw.serv.tickCount + mw.rng.int(REGROW_MIN, REGROW_MAX);
  broadcastMetadata(mw.serv, mob, 'wool');
  dropItemEntity(mw.serv, mob.world, woolDropPoint(mw, mob, player), { name: item, count }, { velocity: new Vec3(0, 2, 0) });
  wearSlot(mw.serv, player, slot, 1);
  return true;
}

/**
 * Vanilla ItemUtils.createFilledResult: a lone bucket in survival becomes the filled one, else one is
 * taken (creative players keep it) and the filled one added.
 */
function fillResult(mw: MobWorld, player: SquidPlayer, slot: number, filled: string): void {
  const id = mw.serv.registry.itemsByName[filled]?.id;
  if (id === undefined) throw new Error(`this version has no ${filled}`);
  const held = itemIn(player, slot);
  if (player.gameMode !== 1 && held && Number(held.count) === 1) {
    player.inventory.updateSlot(slot, new (itemClass(mw.serv.registry))(id, 1));
    return;
  }
  takeOne(mw.serv, player, slot);
  giveItems(mw.serv, player, id, 1);
}

function milk(mw: MobWorld, player: SquidPlayer, mob: MobEntity, slot: number): boolean {
  if (mob.skillcraftMob.facts.name !== 'cow') return false;
  fillResult(mw, player, slot, 'milk_bucket');
  return true;
}

/** Vanilla Bucketable.bucketMobPickup: the fish goes into the water bucket, with its sound, and is gone. */
function scoop(mw: MobWorld, player: SquidPlayer, mob: MobEntity, slot: number): boolean {
  const name = mob.skillcraftMob.facts.name;
  if (!isBucketMob(name)) return false;
  internals(mw.serv).playSound(pickupSound(name), mob.world, mob.position, { volume: 1, pitch: 1, soundCategory: 'neutral' });
  fillResult(mw, player, slot, bucketOf(name));
  removeMob(mw, mob);
  return true;
}

/** Handles a player's interaction with a mob holding `hand`'s item; true when something happened. */
export function playerInteracts(mw: MobWorld, player: SquidPlayer, mob: MobEntity, hand: number): boolean {
  if (!isAlive(player) || player.gameMode === 3 || mob.skillcraftMob.dead || mob.skillcraftMob.gone) return false;
  if (player.position.distanceTo(mob.position) > MAX_REACH) return false;
  const slot = handSlot(player, hand);
  const held = nameOf(itemIn(player, slot));
  if (held === 'shears') return shear(mw, player, mob, slot);
  if (held === 'bucket') return milk(mw, player, mob, slot);
  if (held === 'water_bucket') return scoop(mw, player, mob, slot);
  return false;
}
