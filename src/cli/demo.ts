import { Command } from 'commander';
import { connectBot, disconnectBot } from '../bot/connect.ts';
import { observe } from '../bot/observe.ts';
import { renderObservation } from '../bot/render.ts';
import { startSandbox } from '../sandbox/server.ts';
import { PRESETS } from '../sandbox/options.ts';
import { optionsOf, type RunJob } from './command.ts';
import type { CommandContext } from './context.ts';

interface DemoOptions { seed?: string; preset?: string }

export function demoCommand(run: RunJob): Command {
  return new Command('demo')
    .description('start a sandbox on a free port, join it with a bot and print what the bot sees')
    .option('--seed <seed>', 'world seed: an integer or any text (default 1)')
    .option('--preset <name>', `world preset: ${PRESETS.join(' | ')} (default forest)`)
    .action(async (_opts: unknown, cmd: Command) => {
      const o = optionsOf<DemoOptions>(cmd);
      await run(cmd, { seed: o.seed, preset: o.preset }, demo);
    });
}

async function demo(ctx: CommandContext): Promise<number> {
  const { sandbox, connection, observe: observeConfig } = ctx.config;
  const sb = await startSandbox({
    host: '127.0.0.1', port: 0, seed: sandbox.seed, preset: sandbox.preset, version: sandbox.mcVersion, viewDistance: sandbox.viewDistance,
  }, ctx.logger);
  try {
    ctx.io.out(`Skillcraft sandbox listening on ${sb.host}:${sb.port} (seed ${sandbox.seed}, preset ${sandbox.preset}, ${sandbox.mcVersion})`);
    const bot = await connectBot(
      // The sandbox is offline-mode: a Microsoft account name from the config would not be a valid player name.
      { ...connection, username: connection.auth === 'offline' ? connection.username : 'skillcraft', host: sb.host, port: sb.port, auth: 'offline', mcVersion: sb.options.version },
      { log: ctx.logger, signal: ctx.signal },
    );
    try {
      ctx.io.out(renderObservation(observe(bot, { radius: observeConfig.radius })));
    } finally {
      await disconnectBot(bot, { log: ctx.log });
    }
  } finally {
    await sb.stop();
  }
  return 0;
}
