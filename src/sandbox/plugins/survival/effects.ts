// Status effects on players, as vanilla's LivingEntity keeps them: each has an amplifier and a duration
// in ticks (-1: infinite), counts down every tick, is told to its player with entity_effect and taken
// away with remove_entity_effect. Hunger, saturation, regeneration and poison act on the server; the
// rest (speed, jump boost, …) only change what the client does, which the packet is enough for.
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { exhaust } from './hunger.ts';

export interface EffectType { id: number; name: string }

export interface ActiveEffect {
  type: EffectType;
  amplifier: number;
  /** Ticks left; -1 for an infinite effect. */
  duration: number;
  /** Vanilla's particle flags: 1 ambient, 2 particles shown, 4 icon shown. */
  flags: number;
}

type LivingPlayer = SquidPlayer & {
  health: number; food: number; foodSaturation: number;
  updateHealth(n: number): void; updateFood(n: number): void;
};

const active = new WeakMap<SquidPlayer, Map<number, ActiveEffect>>();

function effectsOf(player: SquidPlayer): Map<number, ActiveEffect> {
  let m = active.get(player);
  if (!m) active.set(player, (m = new Map<number, ActiveEffect>()));
  return m;
}

/** Vanilla's resource name of an effect ('hunger', 'jump_boost'); minecraft-data names them in PascalCase. */
export function effectKey(type: EffectType): string {
  if (type.name === 'BadLuck') return 'unluck';
  return type.name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** The effect a command names ('hunger', 'minecraft:hunger'), if the version has it. */
export function findEffect(serv: SquidServer, text: string): EffectType | undefined {
  const key = text.replace(/^minecraft:/, '');
  const all = (serv.registry as unknown as { effectsArray: EffectType[] }).effectsArray;
  return all.find((e) => effectKey(e) === key);
}

/** Instantaneous effects (vanilla's InstantenousMobEffect) last one tick whatever the command says. */
export function isInstant(type: EffectType): boolean {
  return ['instant_health', 'instant_damage', 'saturation'].includes(effectKey(type));
}

/** The player's active effects, strongest first as stored. */
export function activeEffects(player: SquidPlayer): ActiveEffect[] {
  return [...effectsOf(player).values()];
}

function sendEffect(serv: SquidServer, player: SquidPlayer, e: ActiveEffect): void {
  // Up to 1.20.4 the amplifier is a signed byte (vanilla writes `amplifier & 255`), from 1.20.5 a varint.
  const byteAmplifier = !serv.registry.version['>=']('1.20.5');
  const amplifier = byteAmplifier ? ((e.amplifier & 255) << 24) >> 24 : e.amplifier;
  player._client.write('entity_effect', {
    entityId: player.id,
    effectId: e.type.id,
    amplifier,
    duration: e.duration,
    hideParticles: e.flags,
    flags: e.flags,
  });
}

function sendRemove(player: SquidPlayer, type: EffectType): void {
  player._client.write('remove_entity_effect', { entityId: player.id, effectId: type.id });
}

/**
 * Adds an effect as LivingEntity.addEffect with MobEffectInstance.update: a stronger amplifier replaces
 * the current one, an equal one only extends a shorter duration. False when nothing changed (vanilla's
 * "Unable to apply this effect").
 */
export function giveEffect(serv: SquidServer, player: SquidPlayer, effect: ActiveEffect): boolean {
  const effects = effectsOf(player);
  const current = effects.get(effect.type.id);
  if (current) {
    const longer = current.duration !== -1 && (effect.duration === -1 || effect.duration > current.duration);
    if (effect.amplifier > current.amplifier) {
      current.amplifier = effect.amplifier;
      current.duration = effect.duration;
    } else if (effect.amplifier === current.amplifier && longer) {
      current.duration = effect.duration;
    } else if (current.flags === effect.flags) {
      return false;
    }
    current.flags = effect.flags;
    sendEffect(serv, player, current);
    return true;
  }
  const added = { ...effect };
  effects.set(effect.type.id, added);
  sendEffect(serv, player, added);
  return true;
}

/** Removes one effect, or all of them; the number removed. */
export function clearEffects(player: SquidPlayer, only?: EffectType): number {
  const effects = effectsOf(player);
  const removed = [...effects.values()].filter((e) => !only || e.type.id === only.id);
  for (const e of removed) {
    effects.delete(e.type.id);
    sendRemove(player, e.type);
  }
  return removed.length;
}

/** Forgets every effect without telling the client (a respawned client starts without any). */
export function resetEffects(player: SquidPlayer): void {
  active.delete(player);
}

/** Whether this tick of the effect acts (vanilla's MobEffect.isDurationEffectTick). */
function acts(key: string, e: ActiveEffect): boolean {
  const every = key === 'regeneration' ? 50 >> e.amplifier : key === 'poison' ? 25 >> e.amplifier : 0;
  if (key === 'regeneration' || key === 'poison') return every > 0 ? e.duration % every === 0 : true;
  return key === 'hunger' || key === 'saturation';
}

function apply(player: LivingPlayer, key: string, e: ActiveEffect): void {
  if (player.health <= 0) return;
  const level = e.amplifier + 1;
  switch (key) {
    case 'hunger':
      exhaust(player, 0.005 * level);
      break;
    case 'saturation':
      // FoodData.eat(amplifier + 1, 1.0): food, then twice as much saturation, capped by the food level.
      player.foodSaturation = Math.min(player.foodSaturation + level * 2, Math.min(20, player.food + level));
      player.updateFood(Math.min(20, player.food + level));
      break;
    case 'regeneration':
      if (player.health < 20) player.updateHealth(Math.min(20, player.health + 1));
      break;
    case 'poison':
      if (player.health > 1 && player.gameMode !== 1 && player.gameMode !== 3) player.updateHealth(player.health - 1);
      break;
  }
}

/** Counts every player's effects down one tick and applies those that act on the server. */
export function effectsTick(serv: SquidServer): void {
  for (const player of serv.players) if (!player.disconnected) tickPlayer(player);
}

function tickPlayer(player: SquidPlayer): void {
  const effects = active.get(player);
  if (!effects) return;
  for (const e of [...effects.values()]) {
    const key = effectKey(e.type);
    if (e.duration !== 0 && acts(key, e)) apply(player as LivingPlayer, key, e);
    if (e.duration > 0) e.duration--;
    if (e.duration === 0) {
      effects.delete(e.type.id);
      sendRemove(player, e.type);
    }
  }
}
