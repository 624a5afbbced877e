import pino, { type Logger, type DestinationStream } from 'pino';

export type LogFormat = 'pretty' | 'json';
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface LoggerOptions {
  level?: LogLevel;
  /** Default: pretty on a TTY, JSON otherwise. */
  format?: LogFormat;
  /** Where JSON records go; tests pass an in-memory stream. Defaults to stderr so stdout stays for results. */
  destination?: DestinationStream;
}

/** Paths pino blanks out wherever they appear in a record: keys and credentials never reach a log. */
export const REDACT_PATHS = [
  'apiKey', '*.apiKey', '*.*.apiKey', 'key', '*.key',
  'password', '*.password', 'token', '*.token', 'authorization', '*.authorization',
  'headers.authorization', '*.headers.authorization', 'accessToken', '*.accessToken',
];

export function createLogger(opts: LoggerOptions = {}): Logger {
  const format = opts.format ?? (process.stderr.isTTY ? 'pretty' : 'json');
  const base = {
    level: opts.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: undefined,
  };
  if (opts.destination) return pino(base, opts.destination);
  if (format === 'pretty') {
    return pino({
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { destination: 2, colorize: true, ignore: 'pid,hostname,component', messageFormat: '[{component}] {msg}', translateTime: 'HH:MM:ss' },
      },
    });
  }
  return pino(base, pino.destination({ dest: 2, sync: true }));
}

/** A logger that drops everything: the default for library callers that pass none. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
