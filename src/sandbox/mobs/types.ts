// The state the sandbox keeps on a mob entity, and the per-server mob registry.
import type { Vec3 } from 'vec3';
import type { MobFacts } from '../../knowledge/mobs.ts';
import type { Rng } from '../../knowledge/rng.ts';
import type { SquidEntity, SquidPlayer, SquidServer } from '../squid/types.ts';
import type { SquidEntityInternals } from '../plugins/items/types.ts';
import type { HurtMemory } from './damage.ts';

/** Server ticks per mob step: 10 steps a second. */
export const STEP_TICKS = 2;

export interface MobState {
  facts: MobFacts;
  health: number;
  /** Sheep only: the `wool` metadata byte (low 4 bits colour, 0x10 sheared). */
  wool: number;
  /** Server tick at which a sheared sheep's wool grows back. */
  regrowTick: number;
  /** The last hit that landed in full (vanilla hurt invulnerability). */
  hurt: HurtMemory;
  /** Yaw in degrees (vanilla: 0 faces +z). */
  yaw: number;
  /** Blocks per tick: knockback and falling; walking is separate. */
  velocity: Vec3;
  onGround: boolean;
  /** Where it walks to (a block-centre position on its footing), if anywhere. */
  goal?: Vec3;
  /** Tick before which an idle mob does not pick a new wander goal. */
  idleUntil: number;
  /** Hostiles: tick from which the next melee hit may land. */
  attackReadyTick: number;
  /** Creepers: ticks swollen so far, and whether it swells (1) or shrinks (-1), as the `swell_dir` metadata says. */
  swell: number;
  swellDir: 1 | -1;
  /** Set when health reached 0: the corpse is removed at removeTick. */
  dead: boolean;
  removeTick: number;
  /** Removed from the world (destroyed); nothing may act on it any more. */
  gone: boolean;
  /** Where the client was last told the mob is (deltas are sent against it, not the exact position). */
  known: Vec3;
  /** The yaw byte the clients were last sent. */
  knownYaw: number;
}

export interface MobEntity extends SquidEntityInternals {
  skillcraftMob: MobState;
  headPitch: number;
  viewDistance: number;
  nearbyEntities: SquidEntity[];
  lastPositionPlayersUpdated: Vec3;
  takeDamage(opts: { damage?: number }): void;
}

export interface MobWorldOptions {
  peaceful: boolean;
  mobSpawning: boolean;
}

/** Per-server state of the mob plugin. */
export interface MobWorld {
  serv: SquidServer;
  options: MobWorldOptions;
  mobs: Set<MobEntity>;
  /** Sheep colours, wander goals, spawn positions. */
  rng: Rng;
  /** Loot and shearing counts. */
  lootRng: Rng;
  /** Fish: where they spawn and swim (a stream of its own, so the land mobs' draws stay as they were). */
  fishRng: Rng;
  /** Per player: tick of their last attack or held-item change (vanilla attack strength ticker). */
  lastSwing: WeakMap<SquidPlayer, number>;
  /** Per player: hurt invulnerability, as for mobs. */
  playerHurt: WeakMap<SquidPlayer, HurtMemory>;
}

export function isMob(entity: SquidEntity | undefined): entity is MobEntity {
  return entity !== undefined && (entity as Partial<MobEntity>).skillcraftMob !== undefined;
}
