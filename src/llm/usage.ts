import { ModelError, type ModelErrorCode } from './errors.ts';

export type ResponseMode = 'json_schema' | 'tools' | 'text';

/** One HTTP request to the model: what it cost and how it ended. */
// A type, not an interface: trace events are plain records (an interface has no index signature).
export type CallRecord = {
  /** What the call was for: `decide`, `goal`. */
  purpose: string;
  /** 1 for the first request of a question, 2+ for retries of the same question. */
  attempt: number;
  mode: ResponseMode;
  latencyMs: number;
  promptTokens: number;
  completionTokens: number;
  /** The server sent no `usage`: the tokens were counted here with the tokenizer. */
  estimated: boolean;
  ok: boolean;
  code?: ModelErrorCode;
  status?: number;
  message?: string;
  /** The pause before the next attempt (retry-after or backoff). */
  waitMs?: number;
};

/** What the planner and the client report, in order; the agent loop writes them to the trace. */
export type ModelEvent =
  | ({ event: 'model_call' } & CallRecord)
  /** The response format the endpoint rejected; later calls use `to`. */
  | { event: 'model_stepdown'; from: ResponseMode; to: ResponseMode; status?: number; message: string }
  /** An answer that was not a valid choice, sent back to the model with the reason. */
  | { event: 'model_reject'; purpose: string; reason: string; answer: string; retry: boolean }
  /** The model gave no usable decision: the graph planner's next step was taken instead (or the run stops). */
  | { event: 'model_fallback'; reason: string; code: ModelErrorCode; decision?: { skill: string; args: Record<string, unknown> } }
  /** A free-text task turned into a goal. */
  | { event: 'model_goal'; text: string; goal: unknown };

/** The run summary's `model` block. */
export interface ModelSummary {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** Requests repeated after an error and answers asked again after a rejection. */
  retries: number;
  /** Decisions taken from the graph planner because the model gave none. */
  fallbacks: number;
  /** Requests that ended in an error (HTTP status, timeout, refused connection). */
  errors: number;
  /** Answers rejected (bad JSON, unknown skill, bad arguments, unmet preconditions). */
  rejected: number;
  latencyMs: { total: number; max: number };
}

/** A stone pickaxe takes about 8 decisions of under 2,000 prompt tokens: these leave room for much longer tasks. */
export const DEFAULT_LIMITS: ModelLimits = { maxCalls: 200, maxTokens: 500_000 };

export interface ModelLimits {
  /** HTTP requests the task may make. */
  maxCalls: number;
  /** Prompt plus completion tokens the task may spend. */
  maxTokens: number;
}

/**
 * One task's spending and its record: the caps are checked before every request (so a spent budget
 * makes no request at all) and every request, retry, rejection and fallback is kept for the trace.
 */
export class ModelUsage {
  private readonly events: ModelEvent[] = [];
  private readonly totals: ModelSummary = {
    calls: 0, promptTokens: 0, completionTokens: 0, retries: 0, fallbacks: 0, errors: 0, rejected: 0, latencyMs: { total: 0, max: 0 },
  };

  constructor(readonly limits: ModelLimits, private readonly listener?: (e: ModelEvent) => void) {}

  /** Throws MODEL_BUDGET when a request of about `promptTokens` would go over a cap. */
  reserve(promptTokens: number): void {
    const { maxCalls, maxTokens } = this.limits;
    if (this.totals.calls >= maxCalls) throw new ModelError('MODEL_BUDGET', `the task's model budget is spent: ${this.totals.calls} of ${maxCalls} calls made`);
    const spent = this.tokens;
    if (spent + promptTokens > maxTokens) {
      throw new ModelError('MODEL_BUDGET', `the task's model budget is spent: ${spent} of ${maxTokens} tokens used, the next prompt needs about ${promptTokens}`);
    }
  }

  get tokens(): number {
    return this.totals.promptTokens + this.totals.completionTokens;
  }

  record(e: ModelEvent): void {
    const t = this.totals;
    if (e.event === 'model_call') {
      t.calls++;
      t.promptTokens += e.promptTokens;
      t.completionTokens += e.completionTokens;
      if (e.attempt > 1) t.retries++;
      if (!e.ok) t.errors++;
      t.latencyMs.total += e.latencyMs;
      t.latencyMs.max = Math.max(t.latencyMs.max, e.latencyMs);
    } else if (e.event === 'model_reject') {
      t.rejected++;
      if (e.retry) t.retries++;
    } else if (e.event === 'model_fallback') {
      t.fallbacks++;
    }
    this.events.push(e);
    this.listener?.(e);
  }

  /** Events since the last drain (the loop writes them to the trace after each decision). */
  drain(): ModelEvent[] {
    return this.events.splice(0);
  }

  summary(): ModelSummary {
    const t = this.totals;
    return { ...t, latencyMs: { total: Math.round(t.latencyMs.total), max: Math.round(t.latencyMs.max) } };
  }
}
