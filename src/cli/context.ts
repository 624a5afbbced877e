import type { DestinationStream, Logger } from 'pino';
import { loadConfig, type Config, type FlagValues } from '../config/index.ts';
import { createLogger } from '../log/logger.ts';

/** Where the CLI reads and writes; tests pass in-memory versions. */
export interface CliIo {
  /** One result line on stdout. */
  out(line: string): void;
  /** One message line on stderr (errors; logs go through the logger). */
  err(line: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Log records go here instead of stderr (tests). */
  logDestination?: DestinationStream;
}

export function processIo(): CliIo {
  return {
    out: (line) => { process.stdout.write(`${line}\n`); },
    err: (line) => { process.stderr.write(`${line}\n`); },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Everything a command needs, built once from the parsed flags: no globals. */
export interface CommandContext {
  readonly config: Readonly<Config>;
  /** Root logger: hand it to components, which add their own `component` binding. */
  readonly logger: Logger;
  /** The CLI's own logger (`component: 'cli'`). */
  readonly log: Logger;
  readonly io: CliIo;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
}

/** The program-wide options commander parsed (they may appear before or after the command name). */
export interface GlobalOptions {
  verbose?: boolean;
  logLevel?: string;
  logFormat?: string;
  config?: string;
}

export function createContext(io: CliIo, globals: GlobalOptions, flags: FlagValues, signal: AbortSignal): CommandContext {
  const config = loadConfig({
    flags: { ...flags, verbose: globals.verbose, logLevel: globals.logLevel, logFormat: globals.logFormat },
    env: io.env,
    cwd: io.cwd,
    configPath: globals.config,
  });
  const logger = createLogger({ level: config.log.level, format: config.log.format, destination: io.logDestination });
  const log = logger.child({ component: 'cli' });
  log.debug({ config }, 'configuration');
  return { config, logger, log, io, signal };
}
