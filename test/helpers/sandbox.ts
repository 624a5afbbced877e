import { once } from 'node:events';
import mineflayer, { type Bot } from 'mineflayer';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.ts';
import type { SandboxOptionsInput } from '../../src/config/sandbox.ts';
import { createLogger } from '../../src/log/logger.ts';

/**
 * One sandbox per test file: call in beforeAll, stop in afterAll. Logs only at warn+ unless SKILLCRAFT_TEST_LOG
 * is set. Natural mob spawning is off unless a test asks for it, so only the mobs a test summons exist.
 */
export async function testSandbox(opts: SandboxOptionsInput = {}): Promise<Sandbox> {
  const level = (process.env.SKILLCRAFT_TEST_LOG as 'debug' | undefined) ?? 'warn';
  return startSandbox({ port: 0, mobSpawning: false, ...opts }, createLogger({ level, format: 'json' }));
}

let botCount = 0;

/** A plain mineflayer bot on the sandbox, spawned with its chunks loaded (bounded wait). */
export async function testBot(sb: Sandbox, username = `bot${++botCount}`, timeoutMs = 15_000): Promise<Bot> {
  const bot = mineflayer.createBot({ host: sb.host, port: sb.port, username, version: sb.options.version, auth: 'offline', hideErrors: true });
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), timeoutMs);
  try {
    await once(bot, 'spawn', { signal: ac.signal });
    await bot.waitForChunksToLoad();
    return bot;
  } catch (err) {
    bot.quit();
    throw new Error(`bot ${username} did not spawn within ${timeoutMs} ms: ${(err as Error).message}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until `check()` is true, polling; throws after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function quit(bot: Bot | undefined): void {
  if (bot) bot.quit();
}
