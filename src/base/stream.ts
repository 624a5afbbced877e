// One stream of events with its subscribers: a run's (src/agent/events.ts) and a team's (src/team/events.ts).
// A listener that throws is logged, never the emitter's problem.

/** The part of a pino logger a stream needs. */
interface WarnLog { warn(obj: object, msg: string): void }

export class EventStream<E extends { event: string }> {
  private readonly listeners = new Set<(e: E) => void>();

  constructor(private readonly log?: WarnLog) {}

  /** Adds a listener; returns the call that removes it. */
  on(listener: (e: E) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  emit(e: E): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        this.log?.warn({ err, event: e.event }, 'an event listener failed');
      }
    }
  }
}
