// /execute: the modifiers the harnesses and datapacks use most (as, at, in, positioned), then `run`.
import { Vec3 } from 'vec3';
import type { SquidServer } from '../../squid/types.ts';
import { CommandError, coordinate, originOf, resolvePlayers, words, type CommandContext } from './core.ts';

const OVERWORLD = new Set(['overworld', 'minecraft:overworld']);

async function execute(serv: SquidServer, args: string, ctx: CommandContext): Promise<void> {
  const a = words(args);
  let next: CommandContext = { ...ctx };
  let i = 0;
  while (i < a.length && a[i] !== 'run') {
    const sub = a[i]!;
    if (sub === 'as' || sub === 'at') {
      const targets = resolvePlayers(serv, next, a[i + 1] ?? '');
      if (targets.length !== 1) throw new CommandError(`execute ${sub}: one target only in this sandbox`);
      next = sub === 'as' ? { ...next, as: targets[0]! } : { ...next, pos: targets[0]!.position.clone() };
      i += 2;
    } else if (sub === 'in') {
      const dim = a[i + 1] ?? '';
      if (!OVERWORLD.has(dim)) throw new CommandError(`Unknown dimension '${dim}': the sandbox has the overworld only`);
      i += 2;
    } else if (sub === 'positioned') {
      const [x, y, z] = a.slice(i + 1, i + 4);
      if (z === undefined) throw new CommandError('execute positioned needs three coordinates');
      const from = originOf(next);
      next = { ...next, pos: new Vec3(coordinate(x!, from?.x, true, 'x'), coordinate(y!, from?.y, false, 'y'), coordinate(z, from?.z, true, 'z')) };
      i += 4;
    } else {
      throw new CommandError(`Unsupported execute subcommand '${sub}' (as, at, in, positioned, run)`);
    }
  }
  const command = a.slice(i + 1).join(' ');
  if (a[i] !== 'run' || !command) throw new CommandError('Usage: /execute [as|at|in|positioned …] run <command>');
  await serv.commands.use(command, next, true);
}

export const EXECUTE_COMMANDS = [
  { base: 'execute', info: 'Runs a command as, at or in somewhere else', usage: '/execute [as <player>] [at <player>] [in <dimension>] [positioned <pos>] run <command>', run: execute },
];
