// One stream for a team run: every member's run events tagged with who, and the coordinator's own.
import type { Logger } from 'pino';
import type { RunEvent } from '../agent/events.ts';
import type { TeamEvent } from './types.ts';

export type TeamListener = (e: TeamEvent) => void;

/** The subscribers of a team run. A listener that throws is logged, never the run's problem. */
export class TeamEvents {
  private readonly listeners = new Set<TeamListener>();

  constructor(private readonly log?: Logger) {}

  on(listener: TeamListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  emit(e: TeamEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        this.log?.warn({ err, event: e.event }, 'a team event listener failed');
      }
    }
  }

  /** A listener for one member's run stream that passes its events on, tagged with the member's name. */
  member(who: string): (e: RunEvent) => void {
    return (e) => this.emit({ ...e, who });
  }
}
