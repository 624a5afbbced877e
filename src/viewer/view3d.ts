import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import { fileUnder, sendFile } from './files.ts';
import type { SocketServerConstructor, ViewerModule, ViewerSocket, WorldView } from './viewerTypes.ts';

const require = createRequire(import.meta.url);
const PAGE_DIR = fileURLToPath(new URL('./page', import.meta.url));

export const VIEW_PREFIX = '/view/';

export interface View3d {
  /** Serves the viewer's page and assets under /view/; false when the path is not the viewer's. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
  /** Pages showing the 3D view right now. */
  readonly clients: number;
  /** Streams the current bot (see `bot`) to every open page again: after a reconnect it is a new one. */
  retarget(): void;
  /** Disconnects every viewer and closes the HTTP server the sockets share. */
  close(): Promise<void>;
}

/**
 * prismarine-viewer's third-person view of `bot`, mounted on our own HTTP server: its prebuilt page
 * and assets under /view/ and its socket at /view/socket.io (the page derives that path from its own
 * URL). This does what the viewer's `mineflayer()` helper does, without its own express server on
 * every interface, its console output, and with a position sent on connect so a bot standing still
 * is shown too.
 */
export function mountView(server: Server, bot: () => Bot, log: Logger, viewDistance: number, allow: (req: IncomingMessage) => boolean): View3d {
  const pkg = require.resolve('prismarine-viewer/package.json');
  const { viewer } = require('prismarine-viewer') as ViewerModule;
  // The page's bundled socket.io client must talk to the server version the viewer was built with.
  const { Server: SocketServer } = createRequire(pkg)('socket.io') as { Server: SocketServerConstructor };
  const publicDir = path.join(path.dirname(pkg), 'public');
  // WebSockets are not bound by the same-origin rule: other pages' handshakes are refused here.
  const io = new SocketServer(server, { path: `${VIEW_PREFIX}socket.io`, serveClient: false, allowRequest: (req, done) => done(null, allow(req)) });
  const streams = new Map<ViewerSocket, () => void>();
  const stream = (socket: ViewerSocket): void => {
    const b = bot();
    streams.set(socket, streamBot(b, socket, new viewer.WorldView(b.world, viewDistance, b.entity.position, socket), log));
  };

  io.on('connection', (socket) => {
    stream(socket);
    socket.on('disconnect', () => {
      streams.get(socket)?.();
      streams.delete(socket);
    });
  });

  return {
    handle(req, res, pathname) {
      if (!pathname.startsWith(VIEW_PREFIX)) return false;
      const head = req.method === 'HEAD';
      const rest = pathname.slice(VIEW_PREFIX.length);
      // Our copy of the viewer's index.html loads follow.js first (camera follow, status for checks).
      if (rest === '' || rest === 'index.html') sendFile(res, path.join(PAGE_DIR, 'view.html'), head);
      else if (rest === 'follow.js') sendFile(res, path.join(PAGE_DIR, 'follow.js'), head);
      else {
        const file = fileUnder(publicDir, rest);
        if (!file) return false;
        sendFile(res, file, head, 3600);
      }
      return true;
    },
    get clients() {
      return io.engine.clientsCount;
    },
    retarget() {
      for (const [socket, cleanup] of [...streams]) {
        cleanup();
        stream(socket);
      }
    },
    async close() {
      for (const cleanup of streams.values()) cleanup();
      streams.clear();
      await io.close();
    },
  };
}

function streamBot(bot: Bot, socket: ViewerSocket, view: WorldView, log: Logger): () => void {
  const failed = (what: string) => (err: unknown) => log.warn({ err }, `3D view: ${what} failed`);
  socket.emit('version', bot.version);
  view.init(bot.entity.position).catch(failed('sending the world'));
  const position = (): void => {
    socket.emit('position', { pos: bot.entity.position, yaw: bot.entity.yaw, addMesh: true });
    view.updatePosition(bot.entity.position).catch(failed('sending new chunks'));
  };
  bot.on('move', position);
  view.listenToBot(bot);
  position();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    bot.removeListener('move', position);
    view.removeListenersFromBot(bot);
  };
}
