import type { Socket } from 'node:net';
import mineflayer, { type Bot, type BotOptions } from 'mineflayer';
import { pathfinder } from 'mineflayer-pathfinder';
import type { Logger } from 'pino';
import { Vec3 } from 'vec3';
import type { ConnectionConfig } from '../config/schema.ts';
import { BotConnectError, kickText, toConnectError } from './errors.ts';
import { assertAtLeast, detectVersion } from './version.ts';
import { Deadline } from './wait.ts';

export interface ConnectOptions {
  log: Logger;
  /** Aborting cancels the connection attempt and closes the socket. */
  signal?: AbortSignal;
  /** Whole budget for ping, login, spawn and chunks. Default 20 s (Microsoft sign-in needs more). */
  timeoutMs?: number;
  /** Chunk radius around the spawn that must be loaded before the bot is returned (default 2: 5x5 columns). */
  chunkRadius?: number;
  /** Refuse, before joining, a server older than this (the agent's floor on a user's server). */
  minVersion?: string;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;

/**
 * Joins a Minecraft server and resolves once the bot has spawned and the columns around it are
 * loaded. The bot comes back with mineflayer-pathfinder loaded and an error logger attached.
 * Every failure is a `BotConnectError`; on failure the socket is closed.
 */
export async function connectBot(config: ConnectionConfig, opts: ConnectOptions): Promise<Bot> {
  const address = `${config.host}:${config.port}`;
  const log = opts.log.child({ component: 'bot', username: config.username });
  const deadline = new Deadline(opts.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, address, opts.signal);
  let bot: Bot | undefined;
  try {
    const version = config.mcVersion === 'auto' ? await detectVersion(config.host, config.port, deadline) : config.mcVersion;
    if (opts.minVersion !== undefined) assertAtLeast(version, opts.minVersion, address);
    log.debug({ address, version, auth: config.auth }, 'connecting');
    const options: BotOptions = {
      host: config.host,
      port: config.port,
      username: config.username,
      auth: config.auth,
      version,
      // Errors reach our logger through the listener below, never mineflayer's console.log.
      hideErrors: true,
      logErrors: false,
      onMsaCode: (code) => log.warn(`Microsoft sign-in: open ${code.verification_uri} and enter the code ${code.user_code}`),
    };
    bot = mineflayer.createBot(options);
    attachLogging(bot, log);
    bot.loadPlugin(pathfinder);
    await waitForSpawn(bot, address, deadline);
    await waitForChunks(bot, opts.chunkRadius ?? 2, deadline);
    log.debug({ position: bot.entity.position.toString() }, 'spawned');
    return bot;
  } catch (err) {
    if (bot) {
      bot.end('connect failed');
      // A failed connection has nothing to flush; without this a server that never answers keeps
      // the half-closed socket (and the process) alive for minecraft-protocol's 30 s close timer.
      (bot._client.socket as Socket | undefined)?.destroy();
    }
    throw toConnectError(err, address);
  } finally {
    deadline.dispose();
  }
}

/** Leaves the server and resolves once the socket is closed; after `timeoutMs` the socket is destroyed. */
export async function disconnectBot(bot: Bot, opts: { timeoutMs?: number; log?: Logger } = {}): Promise<void> {
  const client = bot._client;
  if (client.ended || !client.socket || client.socket.destroyed) return;
  const timeoutMs = opts.timeoutMs ?? 3000;
  await new Promise<void>((resolve) => {
    const onEnd = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      bot.removeListener('end', onEnd);
      opts.log?.warn({ timeoutMs }, 'server did not close the connection in time; destroying the socket');
      client.socket.destroy();
      resolve();
    }, timeoutMs);
    bot.once('end', onEnd);
    bot.quit();
  });
}

function attachLogging(bot: Bot, log: Logger): void {
  // Lives as long as the bot: without an 'error' listener a late socket error would crash the process.
  bot.on('error', (err) => log.warn({ err }, 'bot connection error'));
  bot.on('kicked', (reason, loggedIn) => log.warn({ loggedIn }, `kicked: ${kickText(reason)}`));
  bot.on('end', (reason) => log.debug({ reason }, 'disconnected'));
}

function waitForSpawn(bot: Bot, address: string, deadline: Deadline): Promise<void> {
  return deadline.wait<void>('spawn', (resolve, reject) => {
    const onSpawn = (): void => resolve();
    const onError = (err: Error): void => reject(toConnectError(err, address));
    const onKicked = (reason: string): void => {
      reject(new BotConnectError('KICKED', address, `kicked by ${address} during login: ${kickText(reason)}`));
    };
    const onEnd = (reason: string): void => {
      reject(new BotConnectError('CLOSED', address, `connection to ${address} closed before spawn (${reason})`));
    };
    bot.once('spawn', onSpawn);
    bot.on('error', onError);
    bot.once('kicked', onKicked);
    bot.once('end', onEnd);
    return () => {
      bot.removeListener('spawn', onSpawn);
      bot.removeListener('error', onError);
      bot.removeListener('kicked', onKicked);
      bot.removeListener('end', onEnd);
    };
  });
}

/** Waits until every column within `radius` chunks of the bot is loaded (mineflayer's own wait has a fixed 10 s and no abort). */
function waitForChunks(bot: Bot, radius: number, deadline: Deadline): Promise<void> {
  const cx = Math.floor(bot.entity.position.x / 16);
  const cz = Math.floor(bot.entity.position.z / 16);
  const missing = new Set<string>();
  for (let dx = -radius; dx <= radius; dx++) {
    for (let dz = -radius; dz <= radius; dz++) {
      const corner = new Vec3((cx + dx) * 16, 0, (cz + dz) * 16);
      if (!bot.world.getColumnAt(corner)) missing.add(`${corner.x},${corner.z}`);
    }
  }
  if (missing.size === 0) return Promise.resolve();
  return deadline.wait<void>(`${missing.size} chunk columns`, (resolve, reject) => {
    const onLoad = (corner: { x: number; z: number }): void => {
      missing.delete(`${corner.x},${corner.z}`);
      if (missing.size === 0) resolve();
    };
    const onEnd = (reason: string): void => {
      reject(new BotConnectError('CLOSED', bot._client.socket?.remoteAddress ?? 'server', `connection closed while loading chunks (${reason})`));
    };
    bot.on('chunkColumnLoad', onLoad);
    bot.once('end', onEnd);
    return () => {
      bot.removeListener('chunkColumnLoad', onLoad);
      bot.removeListener('end', onEnd);
    };
  });
}
