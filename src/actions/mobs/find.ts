// Finding mobs among the entities the bot sees, and reading what their metadata says (a sheep's wool).
import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import { HOSTILE_MOBS, woolColour, WOOL_COLOURS, type WoolColour } from '../../knowledge/mobs.ts';

export { WOOL_COLOURS, type WoolColour };

/** Whether the entity is still in the bot's world (not killed, despawned or out of view). */
export function isPresent(bot: Bot, e: Entity): boolean {
  return e.isValid && bot.entities[e.id] === e;
}

/** A metadata field by its name in minecraft-data's list for the entity's type (undefined when unknown or unset). */
export function metadataOf(bot: Bot, e: Entity, key: string): unknown {
  const keys = e.name === undefined ? undefined : bot.registry.entitiesByName[e.name]?.metadataKeys;
  const i = keys?.indexOf(key) ?? -1;
  return i < 0 ? undefined : (e.metadata as unknown[])[i];
}

/** Killed: its health reads 0 (the corpse stays in view for a second before it is removed). */
export function isDead(bot: Bot, e: Entity): boolean {
  const health = metadataOf(bot, e, 'health');
  return typeof health === 'number' && health <= 0;
}

export function isBaby(bot: Bot, e: Entity): boolean {
  return metadataOf(bot, e, 'baby') === true;
}

/** A sheep's wool colour and whether it is sheared; null for anything else or a sheep whose metadata has not arrived. */
export function sheepWool(bot: Bot, e: Entity): { colour: WoolColour; sheared: boolean } | null {
  if (e.name !== 'sheep') return null;
  const byte = metadataOf(bot, e, 'wool');
  return typeof byte === 'number' ? woolColour(byte) : null;
}

/** Whether the name is a wool colour ("white", "light_blue"). */
export function isWoolColour(name: string): name is WoolColour {
  return (WOOL_COLOURS as readonly string[]).includes(name);
}

/** The nearest grown-up `name` within `radius` of the bot that passes `filter`, or null. */
export function nearestMob(bot: Bot, name: string, radius: number, filter: (e: Entity) => boolean = () => true): Entity | null {
  const me = bot.entity.position;
  let best: Entity | null = null;
  let bestD = radius;
  for (const e of Object.values(bot.entities)) {
    if (e === bot.entity || e.name !== name || !e.isValid || isDead(bot, e) || isBaby(bot, e) || !filter(e)) continue;
    const d = e.position.distanceTo(me);
    if (d <= bestD) {
      best = e;
      bestD = d;
    }
  }
  return best;
}

/** Hostile mobs within `radius` of the bot, nearest first. */
export function hostilesNear(bot: Bot, radius: number): Entity[] {
  const me = bot.entity.position;
  return Object.values(bot.entities)
    .filter((e) => e !== bot.entity && e.isValid && !isDead(bot, e) && (e.type === 'hostile' || HOSTILE_MOBS.includes(e.name ?? '')) && e.position.distanceTo(me) <= radius)
    .sort((a, b) => a.position.distanceTo(me) - b.position.distanceTo(me));
}
