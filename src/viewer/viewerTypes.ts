// The few shapes of prismarine-viewer and the socket.io it ships that the dashboard uses: both are
// untyped CommonJS from our side (socket.io is the viewer's own dependency, see view3d.ts).
import type { IncomingHttpHeaders, IncomingMessage, Server as HttpServer } from 'node:http';
import type { EventEmitter } from 'node:events';
import type { Vec3 } from 'vec3';
import type { Bot } from 'mineflayer';

export interface ViewerSocket {
  emit(event: string, ...args: unknown[]): boolean;
  on(event: 'disconnect', listener: (reason: string) => void): this;
  disconnect(close?: boolean): this;
  /** The first HTTP request of the connection (socket.io keeps its headers). */
  readonly handshake?: { headers: IncomingHttpHeaders };
}

export interface SocketServer {
  on(event: 'connection', listener: (socket: ViewerSocket) => void): this;
  /** Disconnects every socket, closes the engine and the HTTP server it is attached to. */
  close(): Promise<void>;
  readonly engine: { clientsCount: number };
}

export interface SocketServerOptions {
  path: string;
  serveClient: boolean;
  /** Decides each handshake (`callback(null, false)` refuses it). */
  allowRequest?: (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => void;
}

export type SocketServerConstructor = new (server: HttpServer, opts: SocketServerOptions) => SocketServer;

/** prismarine-viewer's WorldView: streams the bot's chunks, entities and block updates to one socket. */
export interface WorldView extends EventEmitter {
  init(pos: Vec3): Promise<void>;
  updatePosition(pos: Vec3, force?: boolean): Promise<void>;
  listenToBot(bot: Bot): void;
  removeListenersFromBot(bot: Bot): void;
  readonly loadedChunks: Record<string, boolean>;
}

export type WorldViewConstructor = new (world: Bot['world'], viewDistance: number, position: Vec3, emitter: ViewerSocket) => WorldView;

export interface ViewerModule {
  viewer: { WorldView: WorldViewConstructor };
  supportedVersions: string[];
}
