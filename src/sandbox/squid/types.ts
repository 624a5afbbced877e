// The parts of flying-squid's (untyped, CommonJS) runtime objects that our plugins touch.
// flying-squid is pinned exactly in package.json because these are internals, not a public API.
import type { EventEmitter } from 'node:events';
import type { Vec3 } from 'vec3';
import type { Registry } from 'prismarine-registry';
import type { Item } from 'prismarine-item';
import type { Block } from 'prismarine-block';

/** prismarine-world's synchronous view: reads only loaded columns (unloaded ones read as air, id 0). */
export interface SquidWorldSync {
  getBlockStateId(pos: Vec3): number;
  getColumnAt(pos: Vec3): unknown;
}

export interface SquidWorld {
  sync: SquidWorldSync;
  getBlock(pos: Vec3): Promise<Block>;
  getBlockStateId(pos: Vec3): Promise<number>;
  getBlockType(pos: Vec3): Promise<number>;
  setBlockStateId(pos: Vec3, stateId: number): Promise<void>;
  getColumn(chunkX: number, chunkZ: number): Promise<unknown>;
}

export interface SquidClient extends EventEmitter {
  write(name: string, params: Record<string, unknown>): void;
  end(reason?: string): void;
  socket?: { remoteAddress?: string; destroy(): void };
}

export interface SquidWindow {
  slots: (Item | null)[];
  updateSlot(slot: number, item: Item | null): void;
  on(event: 'updateSlot', listener: (slot: number, oldItem: Item | null, newItem: Item | null) => void): void;
  removeAllListeners(event: 'updateSlot'): void;
}

export interface SquidEntity extends EventEmitter {
  id: number;
  uuid?: string;
  type: string;
  name?: string;
  position: Vec3;
  velocity: Vec3;
  world: SquidWorld;
  metadata: { key: number; type: number | string; value?: unknown }[];
  itemId?: number;
  itemCount?: number;
  itemDamage?: number;
  pickupTime?: number;
  deathTime?: number;
  bornTime?: number;
  health?: number;
  destroy?: () => void;
  _writeOthersNearby(name: string, params: Record<string, unknown>): void;
  getOthers(): { players: SquidPlayer[] };
}

export interface SquidPlayer extends SquidEntity {
  username: string;
  _client: SquidClient;
  inventory: SquidWindow;
  heldItemSlot: number;
  gameMode: number;
  op: boolean;
  spawnPoint: Vec3;
  disconnected?: boolean;
  sendBlock(pos: Vec3, stateId: number): void;
  changeBlock(pos: Vec3, type: number, meta: number): Promise<void>;
  setBlock(pos: Vec3, type: number, meta: number): Promise<void>;
  chat(message: string): void;
  teleport(pos: Vec3): Promise<void> | void;
  behavior: (event: string, data: unknown, onSuccess?: (d: never) => unknown, onCancel?: (d: never) => unknown) => Promise<unknown>;
}

export interface SquidCommandInfo {
  base: string;
  aliases?: string[];
  info: string;
  usage: string;
  op?: boolean;
  onlyPlayer?: boolean;
  parse?: (str: string, ctx: { player?: SquidPlayer }) => unknown;
  action: (params: never, ctx: { player?: SquidPlayer }) => unknown;
}

export interface SquidPluginDef {
  server?: (this: unknown, serv: SquidServer, settings: Record<string, unknown>) => void;
  player?: (this: unknown, player: SquidPlayer, serv: SquidServer) => void;
  entity?: (this: unknown, entity: SquidEntity, serv: SquidServer) => void;
}

export interface SquidServer extends EventEmitter {
  registry: Registry;
  supportFeature(feature: string): boolean;
  players: SquidPlayer[];
  entities: Record<number, SquidEntity>;
  overworld: SquidWorld;
  tickCount: number;
  time: number;
  listeningPort?: number;
  _server: EventEmitter & { close(): void; socketServer?: { address(): { port: number } | string | null } };
  commands: {
    add(cmd: SquidCommandInfo): void;
    uniqueHash?: Record<string, SquidCommandInfo>;
    /** Runs a command line (no leading slash); user errors are thrown (console) or returned as text (player). */
    use(command: string, ctx?: { player?: SquidPlayer; reply?: (text: string) => void }, op?: boolean): Promise<string | undefined>;
  };
  addPlugin(name: string, plugin: SquidPluginDef, settings?: unknown): void;
  getSpawnPoint(world: SquidWorld): Promise<Vec3>;
  spawnObject(type: number, world: SquidWorld, pos: Vec3, opts: Record<string, unknown>): SquidEntity;
  setBlock(world: SquidWorld, pos: Vec3, stateId: number): Promise<void>;
  waitForReady(timeoutMs: number): Promise<unknown>;
  stopTickInterval(): void;
  destroy(): Promise<void>;
  log(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  err(msg: string): void;
  debug?: (msg: string) => void;
  handleCommand(str: string, ctx?: unknown): Promise<unknown>;
  isClosed?: boolean;
}
