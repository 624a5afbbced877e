import { CommanderError } from 'commander';
import { ConfigError } from '../config/index.ts';
import { BotConnectError } from '../bot/errors.ts';

export const EXIT_OK = 0;
/** The command ran and failed. */
export const EXIT_FAILED = 1;
/** Bad flags, bad configuration, or a server that cannot be reached. */
export const EXIT_BAD_INPUT = 2;
/** Interrupted by SIGINT/SIGTERM before the job finished (shell convention 128 + 2). */
export const EXIT_INTERRUPTED = 130;

/** An error the CLI reports as bad input (exit 2), e.g. a port already in use. */
export class CliInputError extends Error {
  readonly code = 'BAD_INPUT';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliInputError';
  }
}

export interface Reported {
  exitCode: number;
  /** One line for stderr, or undefined when there is nothing to add (help already printed). */
  line: string | undefined;
}

/** Maps any error that reached the top of a command to an exit code and one stderr line. */
export function reportError(err: unknown): Reported {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return { exitCode: EXIT_OK, line: undefined };
    // No command given: commander has printed the help to stderr already.
    if (err.code === 'commander.help') return { exitCode: EXIT_BAD_INPUT, line: undefined };
    return { exitCode: EXIT_BAD_INPUT, line: oneLine(err.message) };
  }
  if (err instanceof BotConnectError) {
    return { exitCode: err.code === 'ABORTED' ? EXIT_INTERRUPTED : EXIT_BAD_INPUT, line: oneLine(err.message) };
  }
  if (err instanceof ConfigError) return { exitCode: EXIT_BAD_INPUT, line: oneLine(err.message) };
  const e = err instanceof Error ? err : new Error(String(err));
  if ((e as { code?: unknown }).code === 'BAD_INPUT') return { exitCode: EXIT_BAD_INPUT, line: oneLine(e.message) };
  return { exitCode: EXIT_FAILED, line: `error: ${oneLine(e.message)}` };
}

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: 'address already in use',
  EACCES: 'permission denied',
  EADDRNOTAVAIL: 'address not available on this machine',
  ENOTFOUND: 'host not found',
};

/** Socket errors from starting a server become bad input naming the address; others pass through. */
export function listenError(err: unknown, host: string, port: number): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? LISTEN_ERRORS[code] : undefined;
  return reason ? new CliInputError(`cannot listen on ${host}:${port}: ${reason}`, { cause: err }) : err;
}

export function oneLine(text: string): string {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).join(' ') || 'unknown error';
}
