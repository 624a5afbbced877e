import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import { watchBotStatus } from './botStatus.ts';
import { fileUnder, sendFile, sendText } from './files.ts';
import { SseHub } from './sse.ts';
import { DashboardState } from './state.ts';
import type { DashboardEvent, DashboardSnapshot } from './types.ts';
import { mountView, VIEW_PREFIX, type View3d } from './view3d.ts';

const PAGE_DIR = fileURLToPath(new URL('./page', import.meta.url));
/** The page's own files; everything else under / is a 404. */
const PAGE_FILES = new Set(['index.html', 'app.js', 'style.css']);

const LOCAL_NAMES: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The host name of a Host header, without the port. */
function hostName(header: string | undefined): string {
  if (!header) return '';
  return header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.replace(/:\d+$/, '');
}

/** A team's member as the dashboard shows it: a row, and a bot the 3D view can follow. */
export interface DashboardMember {
  readonly name: string;
  readonly bot: Bot;
}

interface CommonOptions {
  log: Logger;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the page shows what the bot does, to this machine only. */
  host?: string;
  /** The 3D view (default on). */
  view?: boolean;
  /** Chunks around the bot the 3D view draws (default 4). */
  viewDistance?: number;
  /** Changes are sent to pages at most this often (default 100 ms). */
  flushMs?: number;
}

/** One bot, or a team: a row per member, in this order; each page's 3D view follows the member it picks (the first by default). */
export type DashboardOptions = CommonOptions & ({ bot: Bot; members?: undefined } | { members: readonly DashboardMember[]; bot?: undefined });

export interface Dashboard {
  readonly url: string;
  readonly publish: (event: DashboardEvent) => void;
  readonly snapshot: () => DashboardSnapshot;
  /** Pages with the dashboard open (live event streams). */
  readonly pages: number;
  /** Shows another bot from now on (a new one after a reconnect): status and the 3D view follow it. On a team's dashboard: the first member's. */
  setBot(bot: Bot): void;
  /** A team member's new bot (after a reconnect): its row and the views following it move to it. */
  setMemberBot(name: string, bot: Bot): void;
  /** The bot each page's 3D view follows (a member's name, `''` for a single bot). */
  following(): string[];
  /** Closes the HTTP server, the viewer's sockets, every page's stream and the bot sampler. */
  close(): Promise<void>;
}

/** Serves the local dashboard page: task, plan, running skill, bot, log lines and the 3D view, updated live. */
export async function startDashboard(opts: DashboardOptions): Promise<Dashboard> {
  const log = opts.log.child({ component: 'dashboard' });
  const host = opts.host ?? '127.0.0.1';
  const viewEnabled = opts.view ?? true;
  const loopback = LOCAL_NAMES.has(host);
  /**
   * Bound to this machine, the dashboard answers only to this machine's names and its own pages: a web
   * page elsewhere that points its host name at 127.0.0.1 (DNS rebinding) or opens a socket gets nothing.
   */
  const allowed = (req: IncomingMessage): boolean => {
    if (!loopback) return true;
    if (!LOCAL_NAMES.has(hostName(req.headers.host))) return false;
    const origin = req.headers.origin;
    return origin === undefined || LOCAL_NAMES.has(hostName(origin.replace(/^https?:\/\//, '')));
  };
  // A single bot is the member named '' whose status is the page's own `bot`.
  const team = opts.members !== undefined;
  const members = opts.members ?? [{ name: '', bot: opts.bot }];
  if (members.length === 0) throw new Error('a team dashboard needs at least one member');
  const bots = new Map(members.map((m) => [m.name, m.bot]));
  const first = members[0]!.name;
  const target = (who: string | undefined): { name: string; bot: Bot } => {
    const name = who !== undefined && bots.has(who) ? who : first;
    return { name, bot: bots.get(name)! };
  };
  const state = new DashboardState({ enabled: viewEnabled, path: VIEW_PREFIX });
  const sse = new SseHub();
  let view: View3d | undefined;
  let flush: NodeJS.Timeout | undefined;
  const flushMs = opts.flushMs ?? 100;

  const server = createServer((req, res) => {
    try {
      route(req, res);
    } catch (err) {
      log.error({ err, url: req.url }, 'dashboard request failed');
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.destroy();
    }
  });
  const route = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed');
    if (!allowed(req)) return sendText(res, 403, 'forbidden host');
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/events') return sse.open(req, res, JSON.stringify(state.snapshot()));
    if (pathname === '/state') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' });
      return void res.end(JSON.stringify(state.snapshot()));
    }
    if (view?.handle(req, res, pathname)) return;
    if (pathname === '/favicon.ico') return void res.writeHead(204).end();
    const name = pathname === '/' ? 'index.html' : pathname.slice(1);
    const file = PAGE_FILES.has(name) ? fileUnder(PAGE_DIR, name) : undefined;
    if (!file) return sendText(res, 404, 'not found');
    sendFile(res, file, req.method === 'HEAD');
  };

  server.listen(opts.port ?? 0, host);
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void => reject(new Error(`the dashboard cannot listen on ${host}:${opts.port ?? 0}: ${err.message}`, { cause: err }));
    server.once('error', onError);
    server.once('listening', () => {
      server.removeListener('error', onError);
      resolve();
    });
  });
  server.on('error', (err) => log.error({ err }, 'dashboard server error'));
  if (viewEnabled) view = mountView(server, target, log, opts.viewDistance ?? 4, allowed);

  let closing: Promise<void> | undefined;
  const publish = (event: DashboardEvent): void => {
    state.apply(event);
    if (closing) return;
    // Bursts (a step ending, a plan, a log line) go out as one snapshot.
    flush ??= setTimeout(() => {
      flush = undefined;
      sse.send(JSON.stringify(state.snapshot()));
    }, flushMs);
  };
  const sample = (name: string, bot: Bot): (() => void) => watchBotStatus(bot, (status) => publish(team ? { type: 'member', who: name, event: { type: 'bot', status } } : { type: 'bot', status }));
  if (team) publish({ type: 'team', names: members.map((m) => m.name) });
  const sampling = new Map(members.map((m) => [m.name, sample(m.name, m.bot)]));
  const setMemberBot = (name: string, next: Bot): void => {
    if (!bots.has(name) || bots.get(name) === next || closing) return;
    sampling.get(name)?.();
    bots.set(name, next);
    sampling.set(name, sample(name, next));
    view?.retarget(name);
  };

  const { port } = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
  log.info({ url }, 'dashboard ready');

  return {
    url,
    publish,
    snapshot: () => state.snapshot(),
    get pages() {
      return sse.size;
    },
    setBot(next) {
      setMemberBot(first, next);
    },
    setMemberBot,
    following() {
      return view?.following() ?? [];
    },
    close() {
      closing ??= (async () => {
        for (const stop of sampling.values()) stop();
        if (flush) clearTimeout(flush);
        sse.close();
        const closed = view ? view.close() : new Promise<void>((resolve) => server.close(() => resolve()));
        // Browsers keep idle connections open; without this close() would wait for them to time out.
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
