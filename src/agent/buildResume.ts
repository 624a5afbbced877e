// A build's placing cut short by the world rather than by the build: the connection lost (a server
// restart) is made again, a death is waited out. The build then carries on from a new survey of the
// world, so what was placed before stays and nothing is placed twice.
import type { Logger } from 'pino';
import { reconnect, type Interruption } from './resilience/connection.ts';
import { waitForRespawn } from './resilience/death.ts';
import type { RunEvents } from './events.ts';
import type { TaskWorld } from './run.ts';

/** Interruptions one build goes through before it gives up. */
export const MAX_INTERRUPTIONS = 5;

/** How an interruption ended: the bot is back (world.bot is the new one after a reconnect), or why not. */
export type Resumed = { ok: true } | { ok: false; why: string };

export async function afterInterruption(world: TaskWorld, cut: Interruption, signal: AbortSignal, log: Logger, events?: RunEvents): Promise<Resumed> {
  if (cut.kind === 'died') {
    events?.emit({ event: 'died', at: cut.at, segment: 0 });
    const t0 = Date.now();
    try {
      await waitForRespawn(world.bot, signal);
    } catch (err) {
      if (signal.aborted) return { ok: false, why: 'stopped' };
      if (!world.bot._client.ended) return { ok: false, why: `the bot died and did not respawn: ${err instanceof Error ? err.message : String(err)}` };
      return afterInterruption(world, { kind: 'disconnected', reason: 'the connection ended while the bot was dead' }, signal, log, events);
    }
    events?.emit({ event: 'respawned', afterMs: Date.now() - t0, segment: 0 });
    return { ok: true };
  }
  events?.emit({ event: 'disconnected', reason: cut.reason, segment: 0 });
  if (!world.connect) return { ok: false, why: `lost the connection (${cut.reason})` };
  const t0 = Date.now();
  try {
    world.bot = await reconnect(world.connect, signal, {}, (a) => events?.emit({ event: 'reconnect_attempt', ...a, segment: 0 }));
  } catch (err) {
    if (signal.aborted) return { ok: false, why: 'stopped' };
    const reason = err instanceof Error ? err.message : String(err);
    events?.emit({ event: 'gave_up', reason, segment: 0 });
    return { ok: false, why: `lost the connection and could not connect again: ${reason}` };
  }
  log.info({ afterMs: Date.now() - t0 }, 'reconnected; the build carries on from what the world holds');
  events?.emit({ event: 'bot', bot: world.bot });
  events?.emit({ event: 'reconnected', afterMs: Date.now() - t0, segment: 0 });
  return { ok: true };
}
