import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { Vec3 } from 'vec3';
import { silentLogger } from '../log/logger.ts';
import { loadSquid, registerGenerator } from './squid/load.ts';
import type { SquidPlayer, SquidServer } from './squid/types.ts';
import { sandboxOptionsSchema, type SandboxOptions, type SandboxOptionsInput } from '../config/sandbox.ts';
import { createWorldGenerator, type WorldGenerator, type WorldRegistry } from './worldgen/index.ts';
import { SANDBOX_PLUGINS } from './plugins/index.ts';
import { patchRegistry } from '../knowledge/patches.ts';
import { loadSavedChunksSafely, type AnvilLike } from './worldSave/chunks.ts';
import { copyWorldSave } from './worldSave/copy.ts';
import { groundNear } from './worldSave/ground.ts';
import { readWorldSave, servedVersion } from './worldSave/save.ts';
import { saveWithoutLosingChanges } from './worldSave/saving.ts';
import type { SandboxContext } from './plugin.ts';

export interface Sandbox {
  readonly host: string;
  readonly port: number;
  readonly options: SandboxOptions;
  readonly world: WorldGenerator;
  readonly server: SquidServer;
  /** Runs a console command as the server (op), e.g. `give bot oak_log 3`. */
  command(line: string, opts?: { reply?: (text: string) => void }): Promise<void>;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
let generatorCount = 0;

export async function startSandbox(input: SandboxOptionsInput = {}, log: Logger = silentLogger()): Promise<Sandbox> {
  const parsed = sandboxOptionsSchema.parse(input);
  await ensurePortFree(parsed.host, parsed.port);
  const squid = loadSquid();
  const slog = log.child({ component: 'sandbox' });
  // A save is served by the version that reads it (its own span of versions), from a copy.
  const save = parsed.world ? await readWorldSave(parsed.world.path) : undefined;
  const options: SandboxOptions = save ? { ...parsed, version: servedVersion(save, parsed.version) } : parsed;
  const copy = save ? await copyWorldSave(save) : undefined;

  // Built before the server so that a generator error is one clear failure, not a rejection inside
  // flying-squid's start-up. flying-squid looks generators up by name in one shared table; a unique
  // name per server keeps several sandboxes with different seeds in one process apart.
  const registry = (require('prismarine-registry') as (v: string) => WorldRegistry)(options.version);
  // The version's blocks as vanilla has them (dig classes minecraft-data gets wrong), for the server too.
  patchRegistry(registry as unknown as Parameters<typeof patchRegistry>[0]);
  let world: WorldGenerator;
  try {
    world = createWorldGenerator({ seed: options.seed, preset: options.preset, registry });
  } catch (err) {
    await copy?.remove();
    throw new SandboxStartError(`sandbox world could not be generated: ${(err as Error).message}`, 'SANDBOX_START', { cause: err });
  }
  const genName = `skillcraft-${++generatorCount}`;
  registerGenerator(genName, () => (cx: number, cz: number) => world.generateChunk(cx, cz));

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
    gameMode: options.gameMode === 'creative' ? 1 : 0,
    difficulty: 1,
    generation: { name: genName, options: { seed: options.seed } },
    ...(copy ? { worldFolder: copy.dir } : {}),
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
  // One 'tick' listener per plugin that keeps time (furnaces, hunger, weather, fishing, …): not a leak.
  (serv as unknown as { setMaxListeners(n: number): void }).setMaxListeners(40);

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

  const startup = new AbortController();
  const failed = once(serv, 'error', { signal: startup.signal }).then(([err]) => { throw err as Error; });
  try {
    await Promise.race([serv.waitForReady(10_000), failed]);
  } catch (err) {
    await stopServer(serv, new Map()).catch(() => undefined);
    await copy?.remove();
    throw new SandboxStartError(`sandbox could not start on ${options.host}:${options.port}: ${(err as Error).message}`, 'SANDBOX_START', { cause: err });
  } finally {
    startup.abort();
    failed.catch(() => undefined); // settled by the abort above; nothing left to report
  }
  serv.on('error', (err: Error) => slog.error({ err }, 'sandbox server error'));
  let spawn = world.spawnPoint();
  if (save && copy) {
    saveWithoutLosingChanges(serv.overworld);
    const anvil = (serv.overworld as unknown as { storageProvider: AnvilLike }).storageProvider;
    loadSavedChunksSafely(anvil, serv.registry, (x, z, why) => slog.debug({ x, z, why }, 'saved chunk left to the generator'));
    const column = parsed.world?.spawn ?? save.spawn ?? { x: 0, z: 0 };
    spawn = (await groundNear(serv.overworld, column.x, column.z)) ?? spawn;
    slog.info({ world: save.path, version: save.versionName, served: options.version, spawn }, 'serving a copy of a world save');
  }
  serv.getSpawnPoint = () => Promise.resolve(new Vec3(spawn.x + 0.5, spawn.y, spawn.z + 0.5));

  const port = serv.listeningPort ?? options.port;
  slog.info({ port, seed: options.seed, preset: options.preset, version: options.version }, 'sandbox ready');

  let stopped: Promise<void> | undefined;
  return {
    host: options.host === '0.0.0.0' ? '127.0.0.1' : options.host,
    port,
    options,
    world,
    server: serv,
    async command(line: string, opts: { reply?: (text: string) => void } = {}) {
      // flying-squid's handleCommand only logs a failed command; `use` throws its error instead
      // (console context: usage errors, unknown commands and our CommandErrors all throw).
      const text = line.trim().replace(/^\//, '');
      const output = await serv.commands.use(text, opts.reply ? { reply: opts.reply } : {}, true);
      if (output) slog.info({ command: text, output }, 'command output');
    },
    stop() {
      // The generator table is process-wide: a stopped sandbox's entry would keep its world alive.
      stopped ??= stopServer(serv, timers).then(() => stopSaving(serv, parsed.world?.save === true)).then(async () => {
        if (!copy || parsed.world?.save !== true) return;
        const back = await copy.writeBack();
        slog.info({ world: parsed.world.path, written: back.written, backup: back.backup }, 'wrote the changed region files back into the save');
      }).finally(() => { delete squid.generations[genName]; }).then(() => copy?.remove());
      return stopped;
    },
  };
}

/** The sandbox did not start; `BAD_INPUT` when the address given cannot be used (busy port, bad host). */
export class SandboxStartError extends Error {
  constructor(message: string, readonly code: 'BAD_INPUT' | 'SANDBOX_START' = 'SANDBOX_START', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxStartError';
  }
}

/**
 * flying-squid waits for 'listening' with a timer whose rejection nobody catches, so a busy port
 * would crash the process seconds later. Checking the port first turns that into one clear error.
 */
async function ensurePortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const { createServer } = await import('node:net');
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      const why = `cannot listen on ${host}:${port}: ${err.code === 'EADDRINUSE' ? 'address already in use' : err.message}`;
      reject(new SandboxStartError(why, 'BAD_INPUT', { cause: err }));
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
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

/**
 * A served save's copy is written every second (changed chunks); stop that before the copy goes.
 * With `flush`, the changes since the last write are saved first (they are about to be written back).
 */
async function stopSaving(serv: SquidServer, flush: boolean): Promise<void> {
  const w = serv.overworld as unknown as { savingInt?: NodeJS.Timeout; finishedSaving?: Promise<unknown>; saveNow?: () => Promise<void>; storageProvider?: { close?: () => Promise<unknown> } };
  if (w.savingInt) clearInterval(w.savingInt);
  await w.finishedSaving?.catch(() => undefined);
  if (flush) await w.saveNow?.();
  // The region files stay open otherwise (a worker that serves many saves in turn leaks their handles).
  await w.storageProvider?.close?.();
}

function routeSquidLogs(serv: SquidServer, log: Logger): void {
  // flying-squid formats lines with colour codes for a console; strip them for structured logs.
  // eslint-disable-next-line no-control-regex
  const plain = (m: string) => String(m).replace(/\u001b\[[0-9;]*m/g, '');
  serv.info = (m) => log.debug(plain(m));
  // We replace some of flying-squid's block handlers on purpose; its "registered twice" notice is expected.
  serv.warn = (m) => (/registered twice/.test(m) ? log.debug(plain(m)) : log.warn(plain(m)));
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
