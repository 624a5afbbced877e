/** A task the parser cannot accept; the CLI prints the message as one line and exits 2. */
export class TaskError extends Error {
  readonly code = 'BAD_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'TaskError';
  }
}
