// One summary for a task that ran in several stretches (each ended by a death or a lost connection).
import type { RunSummary, StopReason } from '../loop.ts';
import type { ResilienceEvent } from './run.ts';

export interface ResilienceCounts {
  reconnects: number;
  deaths: number;
  /** Death spots walked back to, with something picked up there. */
  dropsRecovered: number;
  stuckRecoveries: number;
  /** Times a full inventory was emptied before a step. */
  inventoryFull: number;
}

export type ResilientSummary = RunSummary & {
  /** Stretches the task ran in: 1 plus one per death or reconnect. */
  segments: number;
  resilience: ResilienceCounts;
};

export function noCounts(): ResilienceCounts {
  return { reconnects: 0, deaths: 0, dropsRecovered: 0, stuckRecoveries: 0, inventoryFull: 0 };
}

/**
 * Adds up the stretches: steps, failures, game seconds, skills and reflexes are summed; the outcome is
 * the last stretch's unless `final` overrides it (the connection was given up on). A stretch's
 * failures count as recovered when another stretch followed. The model record is shared by the
 * stretches, so its last totals are the task's.
 */
export function combineSummaries(parts: readonly RunSummary[], wallSeconds: number, counts: ResilienceCounts, final?: { reason: StopReason; detail: string }): ResilientSummary {
  const last = parts.at(-1);
  if (!last) throw new Error('combineSummaries needs at least one stretch');
  const sum = (f: (s: RunSummary) => number) => parts.reduce((n, s) => n + f(s), 0);
  const skills: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.skills)) skills[k] = (skills[k] ?? 0) + v;
  const earlier = parts.slice(0, -1);
  const reason = final?.reason ?? last.reason;
  const detail = final?.detail ?? last.detail;
  return {
    goal: last.goal,
    success: final ? false : last.success,
    reason,
    ...(detail ? { detail } : {}),
    steps: sum((s) => s.steps),
    failures: sum((s) => s.failures),
    failuresRecovered: earlier.reduce((n, s) => n + s.failures, 0) + last.failuresRecovered,
    wallSeconds,
    gameSeconds: Math.round(sum((s) => s.gameSeconds) * 10) / 10,
    skills,
    reflexes: sum((s) => s.reflexes),
    ...(last.model ? { model: last.model } : {}),
    ...(last.traceDir ? { traceDir: last.traceDir } : {}),
    segments: parts.length,
    resilience: counts,
  };
}

/** The resilience part of the summary line, empty when nothing happened: `; 3 reconnects, 1 death`. */
export function resilienceText(c: ResilienceCounts): string {
  const parts: string[] = [];
  const n = (k: number, one: string, many = `${one}s`) => { if (k > 0) parts.push(`${k} ${k === 1 ? one : many}`); };
  n(c.reconnects, 'reconnect');
  n(c.deaths, 'death');
  n(c.dropsRecovered, 'death spot recovered', 'death spots recovered');
  n(c.stuckRecoveries, 'stuck recovery', 'stuck recoveries');
  n(c.inventoryFull, 'full inventory emptied', 'full inventories emptied');
  return parts.length ? `; ${parts.join(', ')}` : '';
}

/** A terminal line for a resilience event, or undefined for the quiet ones (single reconnect tries). */
export function resilienceLine(e: ResilienceEvent): string | undefined {
  const xyz = (v: readonly number[]) => v.map((n) => Math.floor(n)).join(',');
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const list = (v: readonly { name: string; count: number }[]) => v.map((s) => `${s.count} ${s.name}`).join(', ');
  switch (e.event) {
    case 'disconnected': return `connection lost (${e.reason}); reconnecting`;
    case 'reconnected': return `reconnected after ${secs(e.afterMs)}; resuming from the real inventory`;
    case 'gave_up': return `gave up: ${e.reason}`;
    case 'died': return `died at ${xyz(e.at)}; waiting to respawn`;
    case 'respawned': return `respawned after ${secs(e.afterMs)}; re-planning`;
    case 'recover_drops': return e.tried ? `death spot: ${e.detail}` : undefined;
    case 'stuck_recovery': return `stuck at ${xyz(e.at)}: ${e.ok ? `freed, now at ${xyz(e.movedTo)}` : 'could not move away'} (${e.attempts.map((a) => a.kind).join(', ')})`;
    case 'inventory_full': {
      const done = [e.stored.length ? `stored ${list(e.stored)}` : '', e.dropped.length ? `dropped ${list(e.dropped)}` : ''].filter(Boolean);
      return `inventory full: ${done.join('; ') || 'nothing could go'}`;
    }
    case 'reconnect_attempt': return undefined;
  }
}
