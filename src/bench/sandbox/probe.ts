// Runs in a fresh process so that its timings start at process start and its RSS is ours alone.
// Prints one JSON line of figures on stdout.
import { once } from 'node:events';
import mineflayer, { type Bot } from 'mineflayer';
import { startSandbox } from '../../sandbox/server.ts';
import { measureChunkGeneration } from '../../sandbox/worldgen/index.ts';

const MB = 1024 * 1024;

async function spawnBot(port: number, username: string): Promise<Bot> {
  const bot = mineflayer.createBot({ host: '127.0.0.1', port, username, version: '1.20.1', auth: 'offline', hideErrors: true });
  await once(bot, 'spawn', { signal: AbortSignal.timeout(20_000) });
  await bot.waitForChunksToLoad();
  return bot;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const seed = Number(process.argv[2] ?? 1);
  const callStart = performance.now();
  const sb = await startSandbox({ port: 0, seed, preset: 'forest' });
  const ready = performance.now();
  const first = await spawnBot(sb.port, 'bench0');
  const spawned = performance.now();
  await settle(3000);
  const rss1 = process.memoryUsage().rss;
  const bots = [first];
  for (let i = 1; i < 5; i++) bots.push(await spawnBot(sb.port, `bench${i}`));
  await settle(3000);
  const rss5 = process.memoryUsage().rss;
  for (const b of bots) b.quit();
  const chunk = measureChunkGeneration(sb.server.registry, seed, 'forest', 64);
  await sb.stop();
  process.stdout.write(JSON.stringify({
    readyMs: ready, readyFromCallMs: ready - callStart, spawnedMs: spawned, spawnedFromReadyMs: spawned - ready,
    rss1MB: rss1 / MB, rss5MB: rss5 / MB, msPerChunk: chunk.msPerChunk,
  }) + '\n');
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`probe failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
