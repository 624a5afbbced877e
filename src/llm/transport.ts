import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { ModelError } from './errors.ts';
import { retryAfterMs } from './retry.ts';
import type { ResponseMode } from './usage.ts';

/** Local servers (Ollama, vLLM, llama.cpp) take any key; the `openai` client insists on one. */
export const PLACEHOLDER_KEY = 'sk-no-key';

export interface TransportOptions {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

export interface OutputSchema {
  name: string;
  description: string;
  schema: Record<string, unknown>;
}

export interface RawAnswer {
  /** The answer's text: the tool call's arguments in `tools` mode, else the message content. */
  text: string;
  usage?: { promptTokens: number; completionTokens: number };
}

/**
 * One Chat Completions request through the `openai` client, with its own retries off (ours count
 * calls and honour the task's caps) and every failure turned into a ModelError whose message never
 * carries the key.
 */
export class Transport {
  private readonly client: OpenAI;
  private readonly secret: string | undefined;

  constructor(private readonly opts: TransportOptions) {
    this.secret = opts.apiKey;
    this.client = new OpenAI({
      baseURL: opts.baseUrl, apiKey: opts.apiKey ?? PLACEHOLDER_KEY, timeout: opts.timeoutMs, maxRetries: 0,
      // Its console logger would bypass ours (and our redaction); failures reach the caller as errors.
      logLevel: 'off',
    });
  }

  async send(model: string, temperature: number, messages: ChatCompletionMessageParam[], mode: ResponseMode, out: OutputSchema, signal: AbortSignal): Promise<RawAnswer> {
    const params: ChatCompletionCreateParamsNonStreaming = { model, temperature, messages };
    if (mode === 'json_schema') {
      params.response_format = { type: 'json_schema', json_schema: { name: out.name, description: out.description, schema: out.schema, strict: false } };
    } else if (mode === 'tools') {
      params.tools = [{ type: 'function', function: { name: out.name, description: out.description, parameters: out.schema } }];
      params.tool_choice = { type: 'function', function: { name: out.name } };
    }
    // The SDK leaves its abort listener on the signal it is given: give it one per request, linked to the
    // run's, so a long run does not pile listeners onto its own signal.
    const request = new AbortController();
    const forward = () => request.abort(signal.reason);
    if (signal.aborted) forward();
    else signal.addEventListener('abort', forward, { once: true });
    let res: ChatCompletion;
    try {
      res = await this.client.chat.completions.create(params, { signal: request.signal, timeout: this.opts.timeoutMs, maxRetries: 0 });
    } catch (err) {
      throw this.toModelError(err, signal);
    } finally {
      signal.removeEventListener('abort', forward);
    }
    const message = res.choices?.[0]?.message;
    if (!message) throw new ModelError('MODEL_BAD_ANSWER', 'the answer has no choices');
    const call = message.tool_calls?.find((c) => c.type === 'function');
    const text = call?.type === 'function' ? call.function.arguments : message.content ?? '';
    const u = res.usage;
    return { text, ...(u ? { usage: { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens } } : {}) };
  }

  private toModelError(err: unknown, signal: AbortSignal): Error {
    if (signal.aborted || err instanceof APIUserAbortError) return new ModelError('MODEL_ABORTED', 'the run was stopped during a model call', { cause: err });
    if (err instanceof APIConnectionTimeoutError) return new ModelError('MODEL_TIMEOUT', `no answer from ${this.opts.baseUrl} within ${this.opts.timeoutMs} ms`);
    if (err instanceof APIConnectionError) {
      const code = (err.cause as NodeJS.ErrnoException | undefined)?.code ?? causeCode(err);
      return new ModelError('MODEL_UNREACHABLE', `cannot reach the model at ${this.opts.baseUrl}${code ? ` (${code})` : ''}`);
    }
    if (err instanceof APIError) {
      const api = err as HttpError;
      if (api.status !== undefined) {
        const headers = api.headers;
        const wait = headers ? retryAfterMs((h) => headers.get(h)) : undefined;
        const text = this.redact(describe(api));
        return new ModelError('MODEL_HTTP', `HTTP ${api.status} from the model server: ${text}`, { status: api.status, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
      }
    }
    // The client could not read what came back (not JSON, no body).
    if (err instanceof OpenAIError) return new ModelError('MODEL_BAD_ANSWER', `unreadable answer: ${this.redact(err.message)}`);
    return err instanceof Error ? err : new Error(String(err));
  }

  /** A server may echo the key (OpenAI does, masked); nothing of it goes further. */
  redact(text: string): string {
    let out = this.secret ? text.split(this.secret).join('[redacted]') : text;
    out = out.replace(/\b(sk|key)-[A-Za-z0-9*_-]{6,}/g, '$1-[redacted]');
    return out;
  }
}

type HttpError = APIError<number | undefined, Headers | undefined, object | undefined>;

function describe(err: HttpError): string {
  const body = err.error as { message?: unknown } | undefined;
  const msg = typeof body?.message === 'string' ? body.message : err.message.replace(/^\d{3}\s*/, '');
  return (msg.split('\n')[0] ?? '').slice(0, 300) || 'no message';
}

/** undici wraps the socket error: `fetch failed` → cause → cause.code (ECONNREFUSED). */
function causeCode(err: Error): string | undefined {
  let c: unknown = err.cause;
  for (let i = 0; i < 4 && c; i++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    c = (c as { cause?: unknown }).cause;
  }
  return undefined;
}
