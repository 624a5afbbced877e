// A task that survives what a long run meets: a server that drops or restarts (reconnect with
// backoff, then resume from the real inventory), a death (respawn, collect the drops when near,
// re-plan), a stuck bot (movement-only recovery) and a full inventory (least useful stacks out).
// Each stretch between interruptions is one runAgent call; the summaries are added up.
import type { Bot } from 'mineflayer';
import { RunEvents, offsetSteps } from '../events.ts';
import { DEFAULT_LIMITS, runAgent, type AgentOptions, type RunSummary, type StopReason } from '../loop.ts';
import type { ChatRecorder } from './chat.ts';
import { BotWatch, reconnect, type BackoffOptions, type Interruption, type ReconnectAttempt } from './connection.ts';
import { countPickups, recoverDrops, waitForRespawn, type DropRecovery } from './death.ts';
import { createStepGuard } from './guard.ts';
import type { InventoryRecord } from './inventory.ts';
import type { StuckRecord } from './stuck.ts';
import { combineSummaries, noCounts, type ResilientSummary } from './summary.ts';

export type ResilienceEvent =
  | { event: 'disconnected'; reason: string }
  | ({ event: 'reconnect_attempt' } & ReconnectAttempt)
  | { event: 'reconnected'; afterMs: number }
  | { event: 'gave_up'; reason: string }
  | { event: 'died'; at: [number, number, number] }
  | { event: 'respawned'; afterMs: number }
  | ({ event: 'recover_drops' } & DropRecovery)
  | ({ event: 'stuck_recovery'; step: number } & StuckRecord)
  | ({ event: 'inventory_full'; step: number } & InventoryRecord);

export interface ResilientOptions extends Omit<AgentOptions, 'beforeSkill'> {
  /** Makes a new bot once the connection is lost; without it a lost connection ends the task. */
  connect?: (signal: AbortSignal) => Promise<Bot>;
  backoff?: Partial<BackoffOptions>;
  /** Other players' chat, kept as data for a chat-model planner; re-attached to each new bot. */
  chat?: ChatRecorder;
  /** Walk back to a near, recent death spot for the drops (default true). */
  recoverDrops?: boolean;
  /** Movement-only recovery of a stuck bot (default true). */
  stuckRecovery?: boolean;
  /** Make room when the inventory is full (default true). */
  inventoryRoom?: boolean;
}

export interface ResilientRun {
  summary: ResilientSummary;
  /** The bot at the end (a new one after a reconnect). */
  bot: Bot;
}

type Final = { reason: StopReason; detail: string };

export async function runResilient(o: ResilientOptions): Promise<ResilientRun> {
  const started = performance.now();
  const log = o.log.child({ component: 'resilience' });
  const limits = { ...DEFAULT_LIMITS, ...o.limits };
  const counts = noCounts();
  const parts: RunSummary[] = [];
  let bot = o.bot;
  let final: Final | undefined;
  let detour = 0;
  const emit = (e: ResilienceEvent) => o.events?.emit({ ...e, segment: parts.length });
  o.chat?.attach(bot);
  try {
    for (;;) {
      const offset = parts.reduce((n, s) => n + s.steps, 0);
      const gameSpent = parts.reduce((n, s) => n + s.gameSeconds, 0);
      const guard = createStepGuard({
        bot, goal: o.goal, skills: o.skills, knowledge: o.knowledge, log, stuck: o.stuckRecovery, inventory: o.inventoryRoom,
        seed: () => ++detour,
        onStuck: (step, r) => { counts.stuckRecoveries++; emit({ event: 'stuck_recovery', step: step + offset, ...r }); },
        onInventory: (step, r) => { counts.inventoryFull++; emit({ event: 'inventory_full', step: step + offset, ...r }); },
      });
      const watch = new BotWatch(bot, o.signal, log);
      let summary: RunSummary;
      // This stretch's events go on to the run's, numbered after the earlier stretches' steps.
      const stretch = new RunEvents(log);
      if (o.events) stretch.on(offsetSteps(o.events, () => offset));
      stretch.on((e) => { if (e.event === 'step') guard.record(e); });
      try {
        summary = await runAgent({
          ...o, bot, signal: watch.signal, events: stretch,
          limits: { ...limits, maxSteps: Math.max(0, limits.maxSteps - offset), maxGameSeconds: Math.max(0, limits.maxGameSeconds - gameSpent) },
          beforeSkill: (next) => guard.beforeSkill(next),
        });
      } finally {
        watch.dispose();
      }
      parts.push(summary);
      const cut = watch.interruption;
      if (summary.reason !== 'aborted' || !cut || o.signal.aborted) break;
      const next = cut.kind === 'died' ? await afterDeath(cut) : await afterDisconnect(cut);
      if (next !== 'resume') { final = next; break; }
    }
  } finally {
    o.chat?.stop();
  }
  const wall = Math.round((performance.now() - started) / 100) / 10;
  const summary = combineSummaries(parts, wall, counts, final);
  o.events?.emit({ event: 'resilient_end', summary });
  return { summary, bot };

  async function afterDeath(cut: Extract<Interruption, { kind: 'died' }>): Promise<'resume' | Final> {
    counts.deaths++;
    emit({ event: 'died', at: cut.at });
    const t0 = Date.now();
    // From the death on: a bot that respawns next to its drops takes some up before it walks anywhere.
    const pickups = countPickups(bot);
    let watch: BotWatch | undefined;
    try {
      try {
        await waitForRespawn(bot, o.signal);
      } catch (err) {
        if (o.signal.aborted) return { reason: 'aborted', detail: 'stopped while waiting to respawn' };
        if (bot._client.ended) return afterDisconnect({ kind: 'disconnected', reason: 'the connection ended while the bot was dead' });
        return { reason: 'aborted', detail: `the bot died and did not respawn: ${err instanceof Error ? err.message : String(err)}` };
      }
      emit({ event: 'respawned', afterMs: Date.now() - t0 });
      if (o.recoverDrops === false) return 'resume';
      // The walk back can meet what killed the bot, or lose the connection, like any step.
      watch = new BotWatch(bot, o.signal, log);
      const r = await recoverDrops({ bot, log, knowledge: o.knowledge, skills: o.skills, signal: watch.signal }, cut, pickups);
      if (r.ok && Object.keys(r.gained).length > 0) counts.dropsRecovered++;
      emit({ event: 'recover_drops', ...r });
    } finally {
      pickups.stop();
      watch?.dispose();
    }
    const again = watch?.interruption;
    if (!again || o.signal.aborted) return 'resume';
    return again.kind === 'died' ? afterDeath(again) : afterDisconnect(again);
  }

  async function afterDisconnect(cut: Extract<Interruption, { kind: 'disconnected' }>): Promise<'resume' | Final> {
    emit({ event: 'disconnected', reason: cut.reason });
    if (!o.connect) return { reason: 'disconnected', detail: `lost the connection (${cut.reason})` };
    const t0 = Date.now();
    try {
      bot = await reconnect(o.connect, o.signal, o.backoff, (a) => emit({ event: 'reconnect_attempt', ...a }));
    } catch (err) {
      if (o.signal.aborted) return { reason: 'aborted', detail: 'stopped while reconnecting' };
      const reason = err instanceof Error ? err.message : String(err);
      emit({ event: 'gave_up', reason });
      return { reason: 'disconnected', detail: reason };
    }
    counts.reconnects++;
    o.events?.emit({ event: 'bot', bot });
    o.chat?.attach(bot);
    emit({ event: 'reconnected', afterMs: Date.now() - t0 });
    return 'resume';
  }
}
