// Opening a world for a task: the embedded sandbox (started here) or a server given by host and port;
// one bot connected to it, a way to connect again after the connection is lost, and one teardown.
// The CLI, the benchmarks and the tests open worlds through this; the agent side never starts a sandbox.
import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import type { TaskWorld } from '../agent/run.ts';
import { connectBot, disconnectBot } from '../bot/connect.ts';
import type { ConnectionConfig } from '../config/schema.ts';
import type { SandboxOptionsInput } from '../config/sandbox.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';

export interface WorldSpec {
  /** The server and the bot's name; with `sandbox`, host, port, auth and version come from the sandbox. */
  connection: ConnectionConfig;
  /** Start the embedded sandbox with these options instead of joining `connection`'s server. */
  sandbox?: SandboxOptionsInput;
}

export interface OpenWorld extends TaskWorld {
  /** The embedded sandbox, when this world is one. */
  readonly sandbox: Sandbox | undefined;
  /** Where the bot connects (the sandbox's address when there is one). */
  readonly target: ConnectionConfig;
  connect(signal: AbortSignal): Promise<Bot>;
  /** Disconnects the bot (the current one, after reconnects) and stops the sandbox. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts the sandbox when asked, connects a bot and returns the world. A failure after the sandbox
 * started stops it again, so nothing is left listening.
 */
export async function openWorld(spec: WorldSpec, opts: { log: Logger; signal?: AbortSignal; timeoutMs?: number }): Promise<OpenWorld> {
  const sandbox = spec.sandbox ? await startSandbox({ host: '127.0.0.1', port: 0, ...spec.sandbox }, opts.log) : undefined;
  const target: ConnectionConfig = sandbox
    ? { ...spec.connection, host: sandbox.host, port: sandbox.port, auth: 'offline', mcVersion: sandbox.options.version }
    : spec.connection;
  const connect = (signal: AbortSignal) => connectBot(target, { log: opts.log, signal, ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }) });
  let bot: Bot;
  try {
    bot = await connect(opts.signal ?? AbortSignal.timeout(60_000));
  } catch (err) {
    await sandbox?.stop();
    throw err;
  }
  let closed = false;
  const world: OpenWorld = {
    sandbox, target, bot, connect,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await disconnectBot(world.bot, { log: opts.log });
      } finally {
        await sandbox?.stop();
      }
    },
  };
  return world;
}
