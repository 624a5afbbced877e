import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countTokens, promptTokens } from '../llm/tokens.ts';
import type { ResponseMode } from '../llm/usage.ts';

/** What a test or a benchmark sees of one request. */
export interface ScriptedRequest {
  /** 0 for the first chat request. */
  index: number;
  body: ChatRequestBody;
  headers: IncomingHttpHeaders;
  /** Date.now() when the request arrived. */
  receivedAt: number;
  /** The structured form the request asked for. */
  mode: ResponseMode;
  /** The messages' text, in order. */
  messages: { role: string; content: string }[];
}

export interface ChatRequestBody {
  model?: string;
  messages?: { role?: string; content?: unknown }[];
  response_format?: { type?: string; json_schema?: { name?: string; schema?: unknown } };
  tools?: { type?: string; function?: { name?: string; parameters?: unknown } }[];
  tool_choice?: unknown;
  temperature?: number;
}

/** One scripted answer. With none of body/raw/content/json/toolCall, an empty assistant message is sent. */
export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** A whole JSON body sent as is (error bodies). */
  body?: unknown;
  /** A body sent as raw text (a broken server). */
  raw?: string;
  /** The assistant's text. */
  content?: string;
  /** An object answered as the request asks: a tool call when it offered a tool, JSON text otherwise. */
  json?: unknown;
  toolCall?: { name: string; arguments: string };
  /** Answer after this long. */
  delayMs?: number;
  /** Never answer (until the client gives up or the server stops). */
  hang?: boolean;
  /** Leave `usage` out of this answer. */
  noUsage?: boolean;
}

export type Script = ScriptedReply[] | ((req: ScriptedRequest) => ScriptedReply | Promise<ScriptedReply>);

export interface ScriptedServerOptions {
  script: Script;
  /** Answer 400 "response_format is not supported" to json_schema requests, as basic servers do. */
  rejectResponseFormat?: boolean;
  /** Answer 400 "tools are not supported" to requests with tools. */
  rejectTools?: boolean;
  /** Send `usage` (counted with the tokenizer) in answers (default true). */
  usage?: boolean;
  model?: string;
}

export interface ScriptedServer {
  /** e.g. http://127.0.0.1:40123/v1 */
  baseUrl: string;
  requests: ScriptedRequest[];
  stop(): Promise<void>;
}

/**
 * A real HTTP server speaking the Chat Completions protocol (POST /v1/chat/completions, GET /v1/models)
 * that answers from a script: the model stand-in for tests and the prompt benchmark.
 */
export async function startScriptedServer(opts: ScriptedServerOptions): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  let cursor = 0;
  const model = opts.model ?? 'scripted';
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A script that throws is a broken test: the client sees a 500 naming the error.
      if (!res.headersSent) send(res, 500, { error: { message: `scripted server: ${(err as Error).message}` } });
      else res.destroy(err as Error);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0]!.replace(/\/+$/, '');
    if (req.method === 'GET' && (path === '/v1/models' || path === '/models')) {
      send(res, 200, { object: 'list', data: [{ id: model, object: 'model', owned_by: 'skillcraft' }] });
      return;
    }
    if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/chat/completions')) {
      send(res, 404, { error: { message: `no route ${req.method} ${path}` } });
      return;
    }
    const text = await readBody(req);
    let body: ChatRequestBody;
    try {
      body = JSON.parse(text) as ChatRequestBody;
    } catch {
      send(res, 400, { error: { message: 'the body is not JSON' } });
      return;
    }
    const messages = (body.messages ?? []).map((m) => ({ role: String(m.role), content: contentText(m.content) }));
    const mode: ResponseMode = body.tools?.length ? 'tools' : body.response_format?.type === 'json_schema' ? 'json_schema' : 'text';
    const entry: ScriptedRequest = { index: requests.length, body, headers: req.headers, receivedAt: Date.now(), mode, messages };
    requests.push(entry);
    if (opts.rejectResponseFormat && body.response_format) {
      send(res, 400, { error: { message: `response_format is not supported by this server`, type: 'invalid_request_error' } });
      return;
    }
    if (opts.rejectTools && body.tools) {
      send(res, 400, { error: { message: 'tools are not supported by this server', type: 'invalid_request_error' } });
      return;
    }
    // A list is consumed by the requests that reach the script (not by the ones refused above).
    const reply = Array.isArray(opts.script)
      ? opts.script[cursor++] ?? { status: 500, body: { error: { message: `scripted server: no reply scripted for request ${entry.index}` } } }
      : await opts.script(entry);
    if (reply.hang) return;
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    if (reply.raw !== undefined) {
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers }).end(reply.raw);
      return;
    }
    if (reply.body !== undefined) {
      send(res, reply.status ?? 200, reply.body, reply.headers);
      return;
    }
    const schema = mode === 'tools' ? body.tools : mode === 'json_schema' ? body.response_format : undefined;
    send(res, reply.status ?? 200, completion(entry, reply, model, schema === undefined ? '' : JSON.stringify(schema), opts.usage !== false && !reply.noUsage), reply.headers);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    stop: () => new Promise<void>((resolve, reject) => {
      // Hanging requests and keep-alive sockets would hold close() open forever.
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    }),
  };
}

function completion(req: ScriptedRequest, reply: ScriptedReply, model: string, schemaText: string, usage: boolean): unknown {
  let content: string | null = reply.content ?? '';
  let toolCall = reply.toolCall;
  if (reply.json !== undefined) {
    const text = JSON.stringify(reply.json);
    const tool = req.body.tools?.[0]?.function?.name;
    if (req.mode === 'tools' && tool) toolCall = { name: tool, arguments: text };
    else content = text;
  }
  if (toolCall) content = null;
  const message = {
    role: 'assistant', content,
    ...(toolCall ? { tool_calls: [{ id: `call_${req.index}`, type: 'function', function: toolCall }] } : {}),
  };
  const prompt = promptTokens(req.messages, schemaText);
  const completionTokens = countTokens(content ?? toolCall?.arguments ?? '');
  return {
    id: `chatcmpl-${req.index}`, object: 'chat.completion', created: Math.floor(req.receivedAt / 1000), model,
    choices: [{ index: 0, message, finish_reason: toolCall ? 'tool_calls' : 'stop' }],
    ...(usage ? { usage: { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens } } : {}),
  };
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : '')).join('');
  return '';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Which of our questions a request is: by the answer schema's name, else by the prompt's first words. */
export function requestPurpose(req: ScriptedRequest): 'decide' | 'goal' | 'unknown' {
  const name = req.body.response_format?.json_schema?.name ?? req.body.tools?.[0]?.function?.name;
  if (name === 'decide' || name === 'goal') return name;
  const first = req.messages[0]?.content ?? '';
  if (first.startsWith('Turn a Minecraft player')) return 'goal';
  if (first.startsWith('You control a Minecraft bot')) return 'decide';
  return 'unknown';
}
