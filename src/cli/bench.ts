import { Command } from 'commander';
import type { RunJob } from './command.ts';

export function benchCommand(run: RunJob): Command {
  return new Command('bench')
    .description('run a named benchmark and print its figures (no name: list them)')
    .argument('[name]', 'benchmark name')
    .argument('[args...]', 'arguments for the benchmark')
    // Options after the name belong to the benchmark, not to us.
    .allowUnknownOption(true)
    .action(async (name: string | undefined, args: string[], _opts: unknown, cmd: Command) => {
      await run(cmd, {}, async (ctx) => {
        // Loaded on demand: benchmarks pull in the sandbox and measurement code other commands never need.
        const bench = await import('../bench/index.ts');
        if (name === undefined) {
          for (const b of bench.listBenches()) ctx.io.out(`${b.name}  ${b.describe}`);
          return 0;
        }
        return bench.runBench(name, args, { log: ctx.logger, out: (line) => ctx.io.out(line), signal: ctx.signal });
      });
    });
}
