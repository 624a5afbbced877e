import type { Logger } from 'pino';
import { silentLogger } from '../log/logger.ts';
import { ModelError } from './errors.ts';
import { backoffMs, sleep } from '../base/wait.ts';
import { countTokens, promptTokens } from './tokens.ts';
import { Transport, type OutputSchema } from './transport.ts';
import type { ModelUsage, ResponseMode } from './usage.ts';

export interface ChatClientOptions {
  /** An OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 (Ollama) or https://api.openai.com/v1. */
  baseUrl: string;
  /** Optional: local servers need none. Never logged, traced or put in a message. */
  apiKey?: string;
  model: string;
  temperature?: number;
  /** One request's timeout (default 60 s). */
  timeoutMs?: number;
  /** Repeats of one request after HTTP 429/5xx, a timeout or a refused connection (default 2). */
  maxRetries?: number;
  /** First backoff pause; doubles each retry (default 500 ms). */
  backoffMs?: number;
  /** A longer retry-after than this is not waited for: the request fails instead (default 30 s). */
  maxRetryWaitMs?: number;
  /** The response format to try first (default json_schema); see `mode`. */
  mode?: ResponseMode;
  log?: Logger;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface AskRequest {
  /** What the call is for, as traces show it (`decide`, `goal`). */
  purpose: string;
  messages: ChatMessage[];
  /** The answer's JSON schema: a response format, a tool's parameters, or only described in text. */
  output: OutputSchema;
  signal: AbortSignal;
}

export interface Answer {
  text: string;
  mode: ResponseMode;
}

const NEXT_MODE: Readonly<Record<ResponseMode, ResponseMode | undefined>> = { json_schema: 'tools', tools: 'text', text: undefined };
/** How a server says it does not know a request field (OpenAI, vLLM, llama.cpp, Ollama, FastAPI wording). */
const UNSUPPORTED = /response_format|json_schema|tool_choice|tools?\b|function|unsupported|not supported|unknown|unrecognized|extra (inputs|fields)|not allowed|not implemented/i;

/**
 * A chat model behind an OpenAI-compatible endpoint, asked for one JSON object per question. The
 * structured form steps down once per endpoint when the server rejects it (json_schema → tools →
 * plain text), and is remembered; HTTP 429/5xx, timeouts and refused connections are retried with
 * backoff that honours retry-after; every request is checked against the task's caps and recorded.
 */
export class ChatClient {
  private current: ResponseMode;
  private readonly transport: Transport;
  private readonly log: Logger;

  constructor(readonly opts: ChatClientOptions) {
    this.current = opts.mode ?? 'json_schema';
    this.transport = new Transport({ baseUrl: opts.baseUrl, apiKey: opts.apiKey, timeoutMs: opts.timeoutMs ?? 60_000 });
    this.log = opts.log ?? silentLogger();
  }

  /** The response format this endpoint is asked for now. */
  get mode(): ResponseMode {
    return this.current;
  }

  get endpoint(): string {
    return this.opts.baseUrl;
  }

  /** Asks once (plus retries); throws ModelError when no answer came back. */
  async ask(req: AskRequest, usage: ModelUsage): Promise<Answer> {
    const maxRetries = this.opts.maxRetries ?? 2;
    const maxWait = this.opts.maxRetryWaitMs ?? 30_000;
    let attempt = 0;
    let retries = 0;
    for (;;) {
      attempt++;
      const mode = this.current;
      const estimate = promptTokens(req.messages, mode === 'text' ? '' : JSON.stringify(req.output.schema));
      usage.reserve(estimate);
      const started = performance.now();
      try {
        const raw = await this.transport.send(this.opts.model, this.opts.temperature ?? 0, req.messages, mode, req.output, req.signal);
        const latencyMs = round(performance.now() - started);
        const record = {
          purpose: req.purpose, attempt, mode, latencyMs, promptTokens: raw.usage?.promptTokens ?? estimate,
          completionTokens: raw.usage?.completionTokens ?? countTokens(raw.text), estimated: !raw.usage, ok: true,
        };
        usage.record({ event: 'model_call', ...record });
        this.log.debug(record, 'model call');
        return { text: raw.text, mode };
      } catch (err) {
        if (!(err instanceof ModelError)) throw err;
        const latencyMs = round(performance.now() - started);
        const next = this.stepDown(err, mode);
        let waitMs: number | undefined;
        if (!next && err.retryable && retries < maxRetries) {
          const wanted = err.details.retryAfterMs ?? backoffMs(retries + 1, this.opts.backoffMs ?? 500);
          if (wanted <= maxWait) waitMs = Math.ceil(wanted);
        }
        const record = {
          purpose: req.purpose, attempt, mode, latencyMs, promptTokens: 0, completionTokens: 0, estimated: true, ok: false,
          code: err.code, ...(err.details.status !== undefined ? { status: err.details.status } : {}), message: err.message,
          ...(waitMs !== undefined ? { waitMs } : {}),
        };
        usage.record({ event: 'model_call', ...record });
        if (err.code === 'MODEL_ABORTED') throw err;
        this.log.info(record, 'model call failed');
        if (next) {
          usage.record({ event: 'model_stepdown', from: mode, to: next, ...(err.details.status !== undefined ? { status: err.details.status } : {}), message: err.message });
          this.log.info({ from: mode, to: next }, 'the model server rejects this response format; using the next one from now on');
          this.current = next;
          continue;
        }
        if (waitMs === undefined) throw err;
        retries++;
        await sleep(waitMs, req.signal);
      }
    }
  }

  /** The format to use next when the server rejected this one as unsupported; undefined otherwise. */
  private stepDown(err: ModelError, mode: ResponseMode): ResponseMode | undefined {
    const s = err.details.status;
    if (err.code !== 'MODEL_HTTP' || (s !== 400 && s !== 422)) return undefined;
    // Several requests may be in flight: another one already stepped down.
    if (this.current !== mode) return this.current;
    return UNSUPPORTED.test(err.message) ? NEXT_MODE[mode] : undefined;
  }
}

export function createChatClient(opts: ChatClientOptions): ChatClient {
  return new ChatClient(opts);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
