// `skillcraft serve` in a child process, as users run it: the bot and the server share no process, no
// event loop and no objects, and talk over TCP only (optionally through the latency proxy).
import type { Bot } from 'mineflayer';
import { connectBot } from '../../src/bot/connect.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createLogger } from '../../src/log/logger.ts';
import { startLatencyProxy, type LatencyProxy } from '../../src/net/latencyProxy.ts';
import { resyncWindow } from '../../src/net/windowClicks.ts';
import { startServeProcess } from '../../src/world/serveProcess.ts';
import { counts } from './inventory.ts';
import { waitFor } from './sandbox.ts';

export interface ChildServer {
  host: string;
  port: number;
  /** The server's stderr so far (its logs), for failure messages. */
  log(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s. Safe to call twice. */
  stop(): Promise<void>;
}

export interface ServeOptions { seed: number; preset: string; peaceful?: boolean; smeltSpeed?: number }

/** Starts `skillcraft serve --port 0` (src/world/serveProcess.ts) and resolves with the address it prints. */
export function startChildServer(o: ServeOptions, timeoutMs = 30_000): Promise<ChildServer> {
  return startServeProcess(o, timeoutMs);
}

/** The two ways the tests reach the child server: straight, and through 50 ms ± 20 ms each way. */
export const ROUTES = [
  { name: 'directly', delayMs: 0, jitterMs: 0 },
  { name: 'through a 50 ms ± 20 ms proxy', delayMs: 50, jitterMs: 20 },
] as const;
export type Route = (typeof ROUTES)[number];

/** The server's address by `route`: itself, or a latency proxy in front of it (closed by `close`). */
export async function routeTo(server: ChildServer, route: Route, seed = 1): Promise<{ host: string; port: number; close(): Promise<void> }> {
  if (route.delayMs === 0) return { host: server.host, port: server.port, close: () => Promise.resolve() };
  const proxy: LatencyProxy = await startLatencyProxy({ targetHost: server.host, targetPort: server.port, delayMs: route.delayMs, jitterMs: route.jitterMs, seed });
  return proxy;
}

const log = createLogger({ level: (process.env.SKILLCRAFT_TEST_LOG as 'debug' | undefined) ?? 'warn', format: 'json' });
export const knowledge = createKnowledge('1.20.1');

/** A bot joined as the agent joins (pathfinder loaded), spawned with its chunks. */
export function remoteBot(at: { host: string; port: number }, username: string): Promise<Bot> {
  return connectBot({ host: at.host, port: at.port, username, auth: 'offline', mcVersion: '1.20.1' }, { log, timeoutMs: 30_000 });
}

/** Asks the server for the whole inventory and waits for it: what the checks read is the server's. */
export function confirmInventory(bot: Bot): Promise<void> {
  return resyncWindow(bot, bot.inventory, { signal: AbortSignal.timeout(5000), timeoutMs: 5000 });
}

/** Sets the inventory with the commands any vanilla server has (everybody is op in the sandbox). */
export async function setInventoryByCommands(bot: Bot, items: Readonly<Record<string, number>>): Promise<void> {
  if (bot.inventory.slots.some(Boolean)) {
    bot.chat(`/clear ${bot.username}`);
    await waitFor(() => bot.inventory.slots.every((s) => !s), 5000, `${bot.username}'s inventory to be cleared`);
  }
  for (const [name, n] of Object.entries(items)) {
    bot.chat(`/give ${bot.username} ${name} ${n}`);
    await waitFor(() => (counts(bot)[name] ?? 0) >= n, 5000, `${n} ${name} to reach ${bot.username}`);
  }
  await confirmInventory(bot);
}
