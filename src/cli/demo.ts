import { Command } from 'commander';
import { PRESETS } from '../config/sandbox.ts';
import { optionsOf, type RunJob } from './command.ts';
import { DEFAULT_TASK, runTaskCommand } from './run/command.ts';

interface DemoOptions { seed?: string; preset?: string; task?: string }

/** What `npm start` runs: the offline planner and the skills on a fresh sandbox, from an empty inventory. */
export function demoCommand(run: RunJob): Command {
  return new Command('demo')
    .description(`start a sandbox on a free port and let the bot do a task from nothing (default "${DEFAULT_TASK}")`)
    .option('--seed <seed>', 'world seed: an integer or any text (default 1)')
    .option('--preset <name>', `world preset: ${PRESETS.join(' | ')} (default forest)`)
    .option('--task <goal>', `what to do (default "${DEFAULT_TASK}")`)
    .action(async (_opts: unknown, cmd: Command) => {
      const o = optionsOf<DemoOptions>(cmd);
      await run(cmd, { seed: o.seed, preset: o.preset }, (ctx) => runTaskCommand(ctx, {
        task: o.task ?? DEFAULT_TASK,
        // On a terminal the world and the dashboard stay up for a look around after the task; in scripts and tests the demo ends.
        keepOpen: process.stdout.isTTY,
      }));
    });
}
