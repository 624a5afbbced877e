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
  /**
   * Streams the current bot (see `target`) to the open pages again: after a reconnect it is a new one.
   * With a member's name, only the pages that follow that member.
   */
  retarget(who?: string): void;
  /** The member each open page follows (`''` for a single bot's dashboard). */
  following(): string[];
  /** Disconnects every viewer and closes the HTTP server the sockets share. */
  close(): Promise<void>;
}

/** The bot a page's view shows: a team's member by name (undefined: the first), or the one bot. */
export type ViewTarget = (who: string | undefined) => { name: string; bot: Bot };

/**
 * prismarine-viewer's third-person view of a bot, mounted on our own HTTP server: its prebuilt page
 * and assets under /view/ and its socket at /view/socket.io (the page derives that path from its own
 * URL). This does what the viewer's `mineflayer()` helper does, without its own express server on
 * every interface, its console output, and with a position sent on connect so a bot standing still
 * is shown too. On a team's dashboard each page picks the member it follows by its view's address
 * (`/view/?who=Skillcraft2`): the viewer's bundle cannot send anything else, but its socket's
 * handshake carries that address as its Referer.
 */
export function mountView(server: Server, target: ViewTarget, log: Logger, viewDistance: number, allow: (req: IncomingMessage) => boolean): View3d {
  const pkg = require.resolve('prismarine-viewer/package.json');
  const { viewer } = require('prismarine-viewer') as ViewerModule;
  // The page's bundled socket.io client must talk to the server version the viewer was built with.
  const { Server: SocketServer } = createRequire(pkg)('socket.io') as { Server: SocketServerConstructor };
  const publicDir = path.join(path.dirname(pkg), 'public');
  // WebSockets are not bound by the same-origin rule: other pages' handshakes are refused here.
  const io = new SocketServer(server, { path: `${VIEW_PREFIX}socket.io`, serveClient: false, allowRequest: (req, done) => done(null, allow(req)) });
  const streams = new Map<ViewerSocket, { who: string | undefined; name: string; stop: () => void }>();
  const stream = (socket: ViewerSocket, who: string | undefined): void => {
    const { name, bot: b } = target(who);
    // A member whose connection is gone may have no entity: nothing to show until it is back.
    const stop = b.entity?.position ? streamBot(b, socket, new viewer.WorldView(b.world, viewDistance, b.entity.position, socket), log) : () => undefined;
    streams.set(socket, { who, name, stop });
  };

  io.on('connection', (socket) => {
    stream(socket, followedMember(socket));
    socket.on('disconnect', () => {
      streams.get(socket)?.stop();
      streams.delete(socket);
    });
  });

  return {
    handle(req, res, pathname) {
      if (!pathname.startsWith(VIEW_PREFIX)) return false;
      const head = req.method === 'HEAD';
      const rest = pathname.slice(VIEW_PREFIX.length);
      // Our copy of the viewer's index.html loads follow.js (camera follow, status for checks) and ghost.js (a build's ghost) first.
      if (rest === '' || rest === 'index.html') sendFile(res, path.join(PAGE_DIR, 'view.html'), head);
      else if (rest === 'follow.js' || rest === 'ghost.js') sendFile(res, path.join(PAGE_DIR, rest), head);
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
    retarget(who) {
      for (const [socket, s] of [...streams]) {
        if (who !== undefined && s.name !== who) continue;
        s.stop();
        stream(socket, s.who);
      }
    },
    following() {
      return [...streams.values()].map((s) => s.name);
    },
    async close() {
      for (const s of streams.values()) s.stop();
      streams.clear();
      await io.close();
    },
  };
}

/** The `who` of the view page's address, which the socket's first request names as its Referer. */
function followedMember(socket: ViewerSocket): string | undefined {
  const referer = socket.handshake?.headers.referer;
  if (!referer) return undefined;
  try {
    return new URL(referer).searchParams.get('who') ?? undefined;
  } catch {
    return undefined; // not an address: follow the default bot
  }
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
