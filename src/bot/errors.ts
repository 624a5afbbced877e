/** Why a bot could not join a server. Every failure of `connectBot` is one of these. */
export type BotConnectErrorCode =
  | 'REFUSED'
  | 'NOT_FOUND'
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'KICKED'
  | 'CLOSED'
  | 'ABORTED'
  | 'UNSUPPORTED_VERSION'
  | 'FAILED';

export class BotConnectError extends Error {
  readonly code: BotConnectErrorCode;
  /** `host:port` of the server. */
  readonly address: string;

  constructor(code: BotConnectErrorCode, address: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BotConnectError';
    this.code = code;
    this.address = address;
  }
}

const SOCKET_ERRORS: Record<string, [BotConnectErrorCode, string]> = {
  ECONNREFUSED: ['REFUSED', 'connection refused'],
  ENOTFOUND: ['NOT_FOUND', 'host not found'],
  EAI_AGAIN: ['NOT_FOUND', 'host name lookup failed'],
  EHOSTUNREACH: ['UNREACHABLE', 'host unreachable'],
  ENETUNREACH: ['UNREACHABLE', 'network unreachable'],
  EADDRNOTAVAIL: ['UNREACHABLE', 'address not available'],
  ETIMEDOUT: ['TIMEOUT', 'connection timed out'],
  ECONNRESET: ['CLOSED', 'connection reset by the server'],
  EPIPE: ['CLOSED', 'connection closed by the server'],
};

/** Turns a socket or protocol error from minecraft-protocol into a typed, one-line error. */
export function toConnectError(err: unknown, address: string): BotConnectError {
  if (err instanceof BotConnectError) return err;
  const e = err instanceof Error ? err : new Error(String(err));
  const errno = (e as NodeJS.ErrnoException).code ?? e.message;
  const known = SOCKET_ERRORS[errno];
  if (known) return new BotConnectError(known[0], address, `cannot reach ${address}: ${known[1]}`, { cause: e });
  // minecraft-protocol's ping rejects with these plain messages.
  if (/closed before the server sent a status/i.test(e.message)) {
    return new BotConnectError('CLOSED', address, `cannot reach ${address}: connection closed before the server answered the status ping`, { cause: e });
  }
  return new BotConnectError('FAILED', address, `cannot join ${address}: ${firstLine(e.message)}`, { cause: e });
}

/** Kick reasons arrive as a chat component (JSON text or an object); keep only the words. */
export function kickText(reason: unknown): string {
  let value = reason;
  if (typeof reason === 'string') {
    try {
      value = JSON.parse(reason) as unknown;
    } catch {
      // A plain-text reason is not JSON: it is already the words.
      return firstLine(reason);
    }
  }
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') parts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { text?: unknown; translate?: unknown; extra?: unknown; with?: unknown };
      if (typeof n.text === 'string') parts.push(n.text);
      else if (typeof n.translate === 'string') parts.push(n.translate);
      if (n.with) walk(n.with);
      if (n.extra) walk(n.extra);
    }
  };
  walk(value);
  return firstLine(parts.join('').trim()) || 'no reason given';
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
