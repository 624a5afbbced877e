import { Command } from 'commander';
import { DEFAULT_VERSION, PRESETS, SUPPORTED_VERSIONS } from '../config/sandbox.ts';
import { optionsOf, type RunJob } from './command.ts';
import { DEFAULT_TASK, runTaskCommand } from './run/command.ts';

interface DemoOptions { seed?: string; preset?: string; task?: string; world?: string; spawn?: string; save?: boolean; mcVersion?: string; bots?: string }

/** What `npm start` runs: the offline planner and the skills on a fresh sandbox, from an empty inventory. */
export function demoCommand(run: RunJob): Command {
  return new Command('demo')
    .description(`start a sandbox on a free port and let the bot do a task from nothing (default "${DEFAULT_TASK}")`)
    .option('--seed <seed>', 'world seed: an integer or any text (default 1)')
    .option('--preset <name>', `world preset: ${PRESETS.join(' | ')} (default forest)`)
    .option('--task <goal>', `what to do (default "${DEFAULT_TASK}")`)
    .option('--mc-version <v>', `Minecraft version: ${SUPPORTED_VERSIONS.join(' | ')} (default ${DEFAULT_VERSION})`)
    .option('--world <path>', 'serve a copy of this world save (Anvil: level.dat, region/) instead of generating terrain')
    .option('--spawn <x,z>', "with --world: the column to spawn at (default: the save's spawn)")
    .option('--save', 'with --world: write the chunks changed back into the save on exit (old region files kept aside)')
    .option('--bots <n>', 'a team of n bots shares the task (default 1)')
    .action(async (_opts: unknown, cmd: Command) => {
      const o = optionsOf<DemoOptions>(cmd);
      await run(cmd, { seed: o.seed, preset: o.preset, world: o.world, spawn: o.spawn, save: o.save, 'sandbox.mcVersion': o.mcVersion }, (ctx) => runTaskCommand(ctx, {
        task: o.task ?? DEFAULT_TASK, ...(o.bots === undefined ? {} : { bots: o.bots }),
        // On a terminal the world and the dashboard stay up for a look around after the task; in scripts and tests the demo ends.
        keepOpen: process.stdout.isTTY,
      }));
    });
}
