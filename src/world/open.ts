// Opening a world for a task: the embedded sandbox (started here) or a server given by host and port;
// one bot connected to it, a way to connect again after the connection is lost, and one teardown.
// The CLI, the benchmarks and the tests open worlds through this; the agent side never starts a sandbox.
import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import type { TaskWorld } from '../agent/run.ts';
import { connectBot, disconnectBot } from '../bot/connect.ts';
import { AGENT_OLDEST_VERSION } from '../bot/version.ts';
import type { ConnectionConfig } from '../config/schema.ts';
import { BIOME_PRESETS, DEFAULT_VERSION, type SandboxOptionsInput } from '../config/sandbox.ts';
import type { Terrain } from '../knowledge/vanillaOverworld.ts';
import { startLatencyProxy, type LatencyProxy } from '../net/latencyProxy.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { startServeProcess, type ServeOptions } from './serveProcess.ts';

export interface WorldSpec {
  /** The server and the bot's name; with `sandbox`, host, port, auth and version come from the sandbox. */
  connection: ConnectionConfig;
  /** Start the embedded sandbox with these options instead of joining `connection`'s server. */
  sandbox?: SandboxOptionsInput;
  /** Run that sandbox as `skillcraft serve` in a process of its own (as users do), not in this one. */
  sandboxProcess?: boolean;
  /** Put a latency proxy (src/net/latencyProxy.ts) between the bot and the server. */
  latency?: { delayMs: number; jitterMs?: number; seed?: number };
}

export interface OpenWorld extends TaskWorld {
  /** The embedded sandbox, when this world is one. */
  readonly sandbox: Sandbox | undefined;
  /** Where the bot connects (the sandbox's address when there is one). */
  readonly target: ConnectionConfig;
  /** The sandbox's generated terrain, or vanilla's (a server, or a save the sandbox serves): which overworld to plan for. */
  readonly terrain: Terrain;
  connect(signal: AbortSignal): Promise<Bot>;
  /** Disconnects the bot (the current one, after reconnects) and stops the sandbox. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts the sandbox when asked, connects a bot and returns the world. A failure after the sandbox
 * started stops it again, so nothing is left listening.
 */
export async function openWorld(spec: WorldSpec, opts: { log: Logger; signal?: AbortSignal; timeoutMs?: number }): Promise<OpenWorld> {
  const sb = spec.sandbox;
  const child = sb && spec.sandboxProcess ? await startServeProcess(serveOptions(sb)) : undefined;
  const sandbox = sb && !child ? await startSandbox({ host: '127.0.0.1', port: 0, ...sb }, opts.log) : undefined;
  const stopServer = async () => { await sandbox?.stop(); await child?.stop(); };
  let proxy: LatencyProxy | undefined;
  const server = sandbox ?? child;
  let target: ConnectionConfig = server
    ? { ...spec.connection, host: server.host, port: server.port, auth: 'offline', mcVersion: sandbox?.options.version ?? (sb?.world ? 'auto' : sb?.version ?? DEFAULT_VERSION) }
    : spec.connection;
  try {
    if (spec.latency) {
      proxy = await startLatencyProxy({ targetHost: target.host, targetPort: target.port, ...spec.latency });
      target = { ...target, host: proxy.host, port: proxy.port };
    }
  } catch (err) {
    await stopServer();
    throw err;
  }
  // On a user's server the agent's version floor applies; the sandbox serves older versions for tests.
  const floor = server ? {} : { minVersion: AGENT_OLDEST_VERSION };
  const connect = (signal: AbortSignal) => connectBot(target, { log: opts.log, signal, ...floor, ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }) });
  let bot: Bot;
  try {
    bot = await connect(opts.signal ?? AbortSignal.timeout(60_000));
  } catch (err) {
    await proxy?.close();
    await stopServer();
    throw err;
  }
  let closed = false;
  const world: OpenWorld = {
    sandbox, target, bot, connect, terrain: terrainOf(sb, server !== undefined),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await disconnectBot(world.bot, { log: opts.log });
      } finally {
        await proxy?.close();
        await stopServer();
      }
    },
  };
  return world;
}

function serveOptions(sb: SandboxOptionsInput): ServeOptions {
  return {
    seed: sb.seed ?? 1, ...(sb.preset ? { preset: sb.preset } : {}), ...(sb.peaceful ? { peaceful: true } : {}),
    ...(sb.smeltSpeed === undefined ? {} : { smeltSpeed: sb.smeltSpeed }),
    extra: [...(sb.version ? ['--mc-version', sb.version] : []), ...(sb.world ? ['--world', sb.world.path] : []), ...(sb.world?.spawn ? ['--spawn', `${sb.world.spawn.x},${sb.world.spawn.z}`] : [])],
  };
}

/**
 * Whose overworld the planner assumes: the sandbox's narrower model only on the first four presets,
 * which grow oak and birch and nothing else; vanilla's on a server, a save, and the biome presets.
 */
export function terrainOf(sb: SandboxOptionsInput | undefined, sandboxServed: boolean): Terrain {
  if (!sandboxServed || !sb || sb.world) return 'vanilla';
  return (BIOME_PRESETS as readonly string[]).includes(sb.preset ?? 'forest') ? 'vanilla' : 'sandbox';
}
