import type { Command } from 'commander';
import type { FlagValues } from '../config/index.ts';
import type { CommandContext, GlobalOptions } from './context.ts';

/** The body of a command: gets its context, returns the exit code. */
export type Job = (ctx: CommandContext) => Promise<number>;

/** Builds a command's context from the parsed flags and runs its job (provided by main). */
export type RunJob = (cmd: Command, flags: FlagValues, job: Job) => Promise<void>;

/** Typed view of commander's option bag, global options included. */
export function optionsOf<T extends object>(cmd: Command): T & GlobalOptions {
  return cmd.optsWithGlobals<T & GlobalOptions>();
}
