import { mkdirSync, openSync, writeSync, closeSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Observation } from '../bot/observation.ts';

/** What a trace keeps of an observation: enough to follow the run, small enough for every step. */
export interface ObservationDigest {
  position: [number, number, number];
  health: number;
  food: number;
  inventory: Record<string, number>;
  nearby: string[];
  timeOfDay: number;
}

export function digest(obs: Observation, nearbyLimit = 12): ObservationDigest {
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    position: [r(obs.position.x), r(obs.position.y), r(obs.position.z)],
    health: obs.health,
    food: obs.food,
    inventory: obs.inventory,
    nearby: obs.blocks.slice(0, nearbyLimit).map((b) => `${b.name}@${Math.round(b.nearest)}`),
    timeOfDay: obs.time.timeOfDay,
  };
}

/**
 * A JSONL trace under `runs/<timestamp>/`: one line per event, written synchronously so a crash
 * loses nothing already recorded; the summary is written to a temporary file and renamed into place.
 */
export class TraceWriter {
  readonly dir: string;
  private fd: number | undefined;

  constructor(root: string, now = new Date()) {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    this.dir = join(root, stamp);
    mkdirSync(this.dir, { recursive: true });
    this.fd = openSync(join(this.dir, 'trace.jsonl'), 'a');
  }

  write(event: Record<string, unknown>): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, `${JSON.stringify({ t: new Date().toISOString(), ...event })}\n`);
  }

  summary(data: Record<string, unknown>): void {
    const tmp = join(this.dir, 'summary.json.tmp');
    writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`);
    renameSync(tmp, join(this.dir, 'summary.json'));
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
