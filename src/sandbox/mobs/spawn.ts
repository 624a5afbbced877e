// Creating and removing mob entities.
import { Vec3 } from 'vec3';
import { MOBS, SHEEP_COLOUR_ODDS, WOOL_COLOURS, type MobFacts, type WoolColour } from '../../knowledge/mobs.ts';
import type { Rng } from '../../knowledge/rng.ts';
import { WATER_MOB_FACTS } from '../../knowledge/waterMobs.ts';
import type { SquidWorld } from '../squid/types.ts';
import { internals } from '../plugins/items/types.ts';
import { hurtMob } from './combat.ts';
import { freshHurtMemory } from './damage.ts';
import { angleByte } from './motion.ts';
import type { MobEntity, MobWorld } from './types.ts';

export interface MobSpawnOptions {
  /** Sheep only; a natural colour (vanilla odds) when omitted. */
  colour?: WoolColour;
  /** Degrees; random when omitted. */
  yaw?: number;
}

/** Vanilla's natural sheep colours: mostly white, 5 % each black, gray and light gray, 3 % brown, rare pink. */
export function naturalSheepColour(rng: Rng): WoolColour {
  let roll = rng.next() * 1000;
  for (const [colour, perMille] of Object.entries(SHEEP_COLOUR_ODDS) as [WoolColour, number][]) {
    if (roll < perMille) return colour;
    roll -= perMille;
  }
  return 'white';
}

/** The facts of a land mob or a fish (src/knowledge/waterMobs.ts keeps the fish apart). */
function mobFacts(name: string): MobFacts | undefined {
  return MOBS[name] ?? WATER_MOB_FACTS[name];
}

/** The entity type of a mob the sandbox simulates (not one the facts table has for planning only). */
export function mobTypeId(mw: MobWorld, name: string): number | undefined {
  const facts = mobFacts(name);
  return facts && facts.sandbox !== 'none' ? mw.serv.registry.entitiesByName[name]?.id : undefined;
}

/** Spawns a mob the sandbox simulates (see MobFacts.sandbox) at `position` (feet) for every player near it. */
export function createMob(mw: MobWorld, name: string, world: SquidWorld, position: Vec3, opts: MobSpawnOptions = {}): MobEntity {
  const facts = mobFacts(name);
  const typeId = mobTypeId(mw, name);
  if (!facts || typeId === undefined) throw new Error(`the sandbox has no mob named '${name}'`);
  const yaw = opts.yaw ?? mw.rng.next() * 360 - 180;
  const colour = facts.name === 'sheep' ? (opts.colour ?? naturalSheepColour(mw.rng)) : 'white';
  const mob = internals(mw.serv).initEntity('mob', typeId, world, position.clone()) as MobEntity;
  mob.uuid = crypto.randomUUID();
  mob.name = name;
  // No `size`: flying-squid's entity tick then leaves this entity's physics to us.
  mob.velocity = new Vec3(0, 0, 0);
  mob.yaw = angleByte(yaw);
  mob.pitch = 0;
  mob.headPitch = mob.yaw;
  mob.metadata = [];
  mob.health = facts.health;
  mob.skillcraftMob = {
    facts,
    health: facts.health,
    wool: WOOL_COLOURS.indexOf(colour),
    regrowTick: 0,
    hurt: freshHurtMemory(),
    yaw,
    velocity: new Vec3(0, 0, 0),
    onGround: false,
    idleUntil: mw.serv.tickCount + mw.rng.int(20, 100),
    attackReadyTick: 0,
    swell: 0,
    swellDir: -1,
    dead: false,
    removeTick: 0,
    gone: false,
    known: position.clone(),
    knownYaw: mob.yaw,
  };
  // flying-squid's own damage paths (/kill, its pvp plugin) go through our rules.
  mob.takeDamage = ({ damage = 1 }) => { hurtMob(mw, mob, damage); };
  mw.mobs.add(mob);
  mob.updateAndSpawn();
  return mob;
}

/** Removes a mob for every client (corpse or despawn). */
export function removeMob(mw: MobWorld, mob: MobEntity): void {
  const st = mob.skillcraftMob;
  if (st.gone) return;
  st.gone = true;
  mw.mobs.delete(mob);
  internals(mw.serv).destroyEntity(mob);
  // Otherwise a player's next view update "despawns" the id again and mineflayer reports it gone twice.
  for (const p of mw.serv.players) {
    const near = (p as { nearbyEntities?: unknown[] }).nearbyEntities;
    const i = near ? near.indexOf(mob) : -1;
    if (near && i >= 0) near.splice(i, 1);
  }
}
