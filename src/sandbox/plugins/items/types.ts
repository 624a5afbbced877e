// flying-squid internals the items, sound and command plugins touch beyond the shared shapes in
// squidTypes.ts; kept here so these plugins can be read (and replaced) on their own.
import type { Vec3 } from 'vec3';
import type { Item } from 'prismarine-item';
import type { SquidEntity, SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';

/** What the items plugin keeps on an item entity it spawned. */
export interface DroppedItemState {
  item: Item;
  /** Date.now() from which players may pick it up. */
  pickupAt: number;
  despawnAt: number;
  onGround: boolean;
  resting: boolean;
  ticksResting: number;
  gone: boolean;
}

export interface SquidEntityInternals extends SquidEntity {
  entityType: number;
  spawnPacketName: string;
  data?: number;
  yaw: number;
  pitch: number;
  onGround?: boolean;
  size?: Vec3;
  gravity?: Vec3;
  getSpawnPacket(): Record<string, unknown>;
  updateAndSpawn(): void;
  sendPosition(position: Vec3, onGround: boolean, teleport?: boolean): Promise<unknown>;
  getNearbyPlayers(): SquidPlayer[];
  skillcraftItem?: DroppedItemState;
}

export interface ItemEntity extends SquidEntityInternals {
  skillcraftItem: DroppedItemState;
}

export interface SquidPlayerInternals extends SquidPlayer {
  yaw: number;
  pitch: number;
  spawnEntity(entity: SquidEntityInternals): void;
  collect(entity: SquidEntity): void;
  handleCommand(command: string): Promise<void>;
  sendSelfPosition(position?: Vec3): void;
  sendPosition(position: Vec3, onGround: boolean, teleport?: boolean): Promise<unknown>;
}

export interface SoundOptions {
  whitelist?: SquidPlayer | SquidPlayer[];
  blacklist?: SquidPlayer[];
  radius?: number;
  volume?: number;
  pitch?: number;
  soundCategory?: number | string;
}

export interface SquidServerInternals extends SquidServer {
  doDaylightCycle: boolean;
  initEntity(type: string, entityType: number, world: SquidWorld, position: Vec3): SquidEntityInternals;
  destroyEntity(entity: SquidEntity): void;
  getNearby(loc: { world: SquidWorld; position: Vec3; radius?: number }): SquidPlayer[];
  setTime(time: number): void;
  playSound(sound: string, world: SquidWorld | null, position: Vec3 | null, opts?: SoundOptions): void;
  playSoundId(soundId: number, world: SquidWorld | null, position: Vec3 | null, opts?: SoundOptions): void;
}

export function internals(serv: SquidServer): SquidServerInternals {
  return serv as SquidServerInternals;
}

export function playerInternals(player: SquidPlayer): SquidPlayerInternals {
  return player as SquidPlayerInternals;
}
