// One stream for a team run: every member's run events tagged with who, and the coordinator's own.
import type { RunEvent } from '../agent/events.ts';
import { EventStream } from '../base/stream.ts';
import type { TeamEvent } from './types.ts';

export type TeamListener = (e: TeamEvent) => void;

/** The subscribers of a team run. A listener that throws is logged, never the run's problem. */
export class TeamEvents extends EventStream<TeamEvent> {
  /** A listener for one member's run stream that passes its events on, tagged with the member's name. */
  member(who: string): (e: RunEvent) => void {
    return (e) => this.emit({ ...e, who });
  }
}
