import { once } from 'node:events';
import type { Logger } from 'pino';
import { Vec3 } from 'vec3';
import { silentLogger } from '../log/logger.ts';
import { loadSquid, registerGenerator } from './squid.ts';
import type { SquidPlayer, SquidServer } from './squidTypes.ts';
import { sandboxOptionsSchema, type SandboxOptions, type SandboxOptionsInput } from './options.ts';
import { createWorldGenerator, type WorldGenerator } from './worldgen/index.ts';
import { SANDBOX_PLUGINS } from './plugins/index.ts';
import type { SandboxContext } from './plugin.ts';

export interface Sandbox {
  readonly host: string;
  readonly port: number;
  readonly options: SandboxOptions;
  readonly world: WorldGenerator;
  readonly server: SquidServer;
  /** Runs a console command as the server (op), e.g. `give bot oak_log 3`. */
  command(line: string): Promise<void>;
  stop(): Promise<void>;
}

let generatorCount = 0;

export async function startSandbox(input: SandboxOptionsInput = {}, log: Logger = silentLogger()): Promise<Sandbox> {
  const options = sandboxOptionsSchema.parse(input);
  const squid = loadSquid();
  const slog = log.child({ component: 'sandbox' });

  // flying-squid looks generators up by name in one shared table; a unique name per server keeps
  // several sandboxes with different seeds in one process apart.
  const genName = `skillcraft-${++generatorCount}`;
  let world: WorldGenerator | undefined;
  registerGenerator(genName, (genOpts) => {
    world = createWorldGenerator({ seed: options.seed, preset: options.preset, registry: genOpts.registry as never });
    return (cx: number, cz: number) => world!.generateChunk(cx, cz);
  });

  const serv = squid.createMCServer({
    port: options.port,
    host: options.host,
    'online-mode': false,
    version: options.version,
    logging: false,
    noConsoleOutput: true,
    // A debug function also switches off flying-squid's process-wide error handlers, which would
    // swallow our errors and call process.exit() on any uncaught exception.
    debug: (msg: string) => slog.trace({ squid: true }, msg),
    gameMode: 0,
    difficulty: 1,
    generation: { name: genName, options: { seed: options.seed } },
    kickTimeout: 30_000,
    plugins: {},
    'view-distance': options.viewDistance,
    'everybody-op': true,
    'max-entities': 2000,
    'max-players': options.maxPlayers,
    motd: 'Skillcraft sandbox',
    'player-list-text': { header: { text: 'Skillcraft' }, footer: { text: 'sandbox' } },
  });
  routeSquidLogs(serv, slog);

  const ctx: SandboxContext = { log: slog, options };
  const timers = trackPlayerIntervals(serv);
  for (const plugin of SANDBOX_PLUGINS) {
    const plog = slog.child({ plugin: plugin.name });
    const pctx = { ...ctx, log: plog };
    serv.addPlugin(plugin.name, {
      server: plugin.server ? (s) => plugin.server!(s, pctx) : undefined,
      player: plugin.player ? (p, s) => plugin.player!(p, s, pctx) : undefined,
    });
  }

  const failed = once(serv, 'error').then(([err]) => { throw err as Error; });
  await Promise.race([serv.waitForReady(10_000), failed]);
  if (!world) throw new Error('sandbox world generator was not created');
  const spawn = world.spawnPoint();
  serv.getSpawnPoint = () => Promise.resolve(new Vec3(spawn.x + 0.5, spawn.y, spawn.z + 0.5));

  const port = serv.listeningPort ?? options.port;
  slog.info({ port, seed: options.seed, preset: options.preset, version: options.version }, 'sandbox ready');
  const readyWorld = world;

  let stopped: Promise<void> | undefined;
  return {
    host: options.host === '0.0.0.0' ? '127.0.0.1' : options.host,
    port,
    options,
    world: readyWorld,
    server: serv,
    async command(line: string) {
      await serv.handleCommand(line);
    },
    stop() {
      stopped ??= stopServer(serv, timers);
      return stopped;
    },
  };
}

async function stopServer(serv: SquidServer, timers: Map<SquidPlayer, NodeJS.Timeout[]>): Promise<void> {
  serv.isClosed = true;
  serv.stopTickInterval();
  for (const list of timers.values()) list.forEach(clearInterval);
  timers.clear();
  for (const player of [...serv.players]) player._client.end('Server closed');
  const closed = once(serv._server, 'close');
  serv._server.close();
  await Promise.race([closed, new Promise((r) => setTimeout(r, 2000).unref())]);
  serv.removeAllListeners();
}

function routeSquidLogs(serv: SquidServer, log: Logger): void {
  // flying-squid formats lines with colour codes for a console; strip them for structured logs.
  // eslint-disable-next-line no-control-regex
  const plain = (m: string) => String(m).replace(/\u001b\[[0-9;]*m/g, '');
  serv.info = (m) => log.debug(plain(m));
  serv.warn = (m) => log.warn(plain(m));
  serv.err = (m) => log.error(plain(m));
  serv.log = (m) => log.debug(plain(m));
}

/**
 * flying-squid starts a latency-broadcast interval per player on login and never clears it, so it
 * keeps writing to closed connections and keeps the process alive. The interval is created right
 * after `_sendPlayerList` in the same synchronous block; we catch exactly that one call and clear
 * it when the player leaves or the server stops.
 */
function trackPlayerIntervals(serv: SquidServer): Map<SquidPlayer, NodeJS.Timeout[]> {
  const timers = new Map<SquidPlayer, NodeJS.Timeout[]>();
  serv.addPlugin('skillcraft-interval-tracker', {
    player(player) {
      const s = serv as SquidServer & { _sendPlayerList: (p: SquidPlayer) => void };
      // 'asap' fires after every player plugin (login's included) ran and before login() starts.
      player.once('asap', () => {
        const original = s._sendPlayerList;
        s._sendPlayerList = function (toPlayer: SquidPlayer) {
          original.call(this, toPlayer);
          if (toPlayer !== player) return;
          const realSetInterval = globalThis.setInterval;
          const restore = () => { globalThis.setInterval = realSetInterval; };
          const capture = (fn: () => void, ms?: number): NodeJS.Timeout => {
            restore();
            const t = realSetInterval(fn, ms);
            timers.set(player, [...(timers.get(player) ?? []), t]);
            return t;
          };
          globalThis.setInterval = capture;
          queueMicrotask(restore);
        };
      });
      player.once('disconnected', () => {
        timers.get(player)?.forEach(clearInterval);
        timers.delete(player);
      });
    },
  });
  return timers;
}
