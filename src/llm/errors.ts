/**
 * Why a model call did not give a usable answer. MODEL_HTTP: the server answered with an error status;
 * MODEL_TIMEOUT: no answer within the request timeout; MODEL_UNREACHABLE: the connection failed;
 * MODEL_BAD_ANSWER: an answer that is not a valid decision; MODEL_BUDGET: the task's call or token cap
 * is spent; MODEL_ABORTED: the run was stopped.
 */
export type ModelErrorCode = 'MODEL_HTTP' | 'MODEL_TIMEOUT' | 'MODEL_UNREACHABLE' | 'MODEL_BAD_ANSWER' | 'MODEL_BUDGET' | 'MODEL_ABORTED';

export class ModelError extends Error {
  override readonly name = 'ModelError';
  constructor(
    readonly code: ModelErrorCode,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  /** Worth another attempt after a pause: rate limits, server errors, timeouts, refused connections. */
  get retryable(): boolean {
    if (this.code === 'MODEL_TIMEOUT' || this.code === 'MODEL_UNREACHABLE') return true;
    const s = this.details.status;
    return this.code === 'MODEL_HTTP' && s !== undefined && (s === 408 || s === 409 || s === 429 || s >= 500);
  }

  /** The endpoint could not be talked to at all (as opposed to an answer that was wrong). */
  get transport(): boolean {
    return this.code === 'MODEL_TIMEOUT' || this.code === 'MODEL_UNREACHABLE' || (this.code === 'MODEL_HTTP' && this.retryable);
  }
}
