import pino, { type Logger, type DestinationStream } from 'pino';
import pretty from 'pino-pretty';

export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  level?: LogLevel;
  /** Default: pretty when writing to a TTY stderr, JSON otherwise (and always JSON to a given destination). */
  format?: LogFormat;
  /** Where records go; tests pass an in-memory stream. Defaults to stderr so stdout stays for results. */
  destination?: DestinationStream;
}

/** Paths pino blanks out wherever they appear in a record: keys and credentials never reach a log. */
export const REDACT_PATHS = [
  'apiKey', '*.apiKey', '*.*.apiKey', 'key', '*.key',
  'password', '*.password', 'token', '*.token', 'authorization', '*.authorization',
  'headers.authorization', '*.headers.authorization', 'accessToken', '*.accessToken',
];

export function createLogger(opts: LoggerOptions = {}): Logger {
  const format = opts.format ?? (!opts.destination && process.stderr.isTTY ? 'pretty' : 'json');
  const base = {
    level: opts.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: undefined,
  };
  if (format === 'pretty') {
    // pino-pretty as an in-thread stream rather than a transport: a transport runs in a worker thread
    // that can lose the last lines when a CLI command returns and the process exits.
    const stream = pretty({
      destination: opts.destination ?? 2,
      sync: true,
      colorize: opts.destination ? false : Boolean(process.stderr.isTTY),
      ignore: 'pid,hostname,component',
      messageFormat: '{if component}[{component}] {end}{msg}',
      translateTime: 'HH:MM:ss',
    });
    return pino(base, stream);
  }
  if (opts.destination) return pino(base, opts.destination);
  return pino(base, pino.destination({ dest: 2, sync: true }));
}

/** A logger that drops everything: the default for library callers that pass none. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
