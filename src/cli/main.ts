import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { LOG_LEVELS } from '../log/logger.ts';
import { agentCommand } from './agent.ts';
import { benchCommand } from './bench.ts';
import { buildCommand } from './build.ts';
import type { Job, RunJob } from './command.ts';
import { createContext, processIo, type CliIo, type GlobalOptions } from './context.ts';
import { demoCommand } from './demo.ts';
import { reportError } from './errors.ts';
import { observeCommand } from './observe.ts';
import { planCommand } from './plan.ts';
import { serveCommand } from './serve.ts';
import { skillsCommand } from './skills.ts';
import { runCommand } from './run/command.ts';
import { interruptSignal } from './signals.ts';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export interface MainOptions {
  io?: CliIo;
  /** Defaults to SIGINT/SIGTERM of this process. */
  signal?: AbortSignal;
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], opts: MainOptions = {}): Promise<number> {
  const io = opts.io ?? processIo();
  const interrupt = opts.signal ? undefined : interruptSignal();
  const signal = opts.signal ?? interrupt!.signal;
  let exitCode = 0;
  let verbose = argv.includes('--verbose');

  const run: RunJob = async (cmd: Command, flags, job: Job) => {
    const globals = cmd.optsWithGlobals<GlobalOptions>();
    verbose = globals.verbose === true;
    const ctx = createContext(io, globals, flags, signal);
    exitCode = await job(ctx);
  };

  try {
    await buildProgram(io, run).parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    const { exitCode: code, line } = reportError(err);
    if (line) io.err(line);
    if (verbose && err instanceof Error && !(err instanceof CommanderError) && err.stack) io.err(err.stack);
    return code;
  } finally {
    interrupt?.dispose();
  }
}

export function buildProgram(io: CliIo, run: RunJob): Command {
  const program = new Command('skillcraft')
    .description('Skillcraft: an offline-first Minecraft agent and its survival sandbox')
    .version(version, '--version', 'print the version')
    .option('--verbose', 'more logs (debug level), and stack traces with errors')
    .option('--log-level <level>', `log level: ${LOG_LEVELS.join(' | ')} (default warn)`)
    .option('--log-format <format>', 'pretty | json (default: pretty on a terminal, JSON otherwise)')
    .option('--config <path>', 'config file (default: ./skillcraft.config.json when present)')
    .showSuggestionAfterError(true)
    // Commander would print its messages and call process.exit; we print one line and return a code.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
      outputError: () => undefined,
    });
  for (const cmd of [serveCommand(run), observeCommand(run), planCommand(run), benchCommand(run), demoCommand(run), skillsCommand(run), runCommand(run), agentCommand(run), buildCommand(run)]) {
    // Subcommands built with `new Command` do not inherit exitOverride and the output settings by themselves.
    program.addCommand(cmd.copyInheritedSettings(program));
  }
  return program;
}
