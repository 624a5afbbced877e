import { Command } from 'commander';
import { createInterface, type Interface } from 'node:readline';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { GAME_MODES, SUPPORTED_VERSIONS, WORLD_PRESETS } from '../config/sandbox.ts';
import { DEFAULT_PORT } from '../config/index.ts';
import { listenError } from './errors.ts';
import { servedWorld, worldOption } from './world.ts';
import { optionsOf, type RunJob } from './command.ts';
import type { CommandContext } from './context.ts';

interface ServeOptions { port?: string; host?: string; seed?: string; preset?: string; mcVersion?: string; viewDistance?: string; smeltSpeed?: string; peaceful?: boolean; gamemode?: string; world?: string; spawn?: string; save?: boolean }

export function serveCommand(run: RunJob): Command {
  return new Command('serve')
    .description('start the survival sandbox server and run until Ctrl+C (SIGINT) or SIGTERM')
    .option('--port <n>', `port to listen on; 0 picks a free one (default ${DEFAULT_PORT})`)
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--seed <seed>', 'world seed: an integer or any text (default 1)')
    .option('--preset <name>', `world preset: ${WORLD_PRESETS.join(' | ')} (default forest; flat is vanilla's superflat)`)
    .option('--gamemode <mode>', `the game mode players join in: ${GAME_MODES.join(' | ')} (default survival)`)
    .option('--mc-version <v>', `Minecraft version: ${SUPPORTED_VERSIONS.join(' | ')} (default ${SUPPORTED_VERSIONS[0]})`)
    .option('--view-distance <n>', 'chunks sent around each player, 2-16 (default 6)')
    .option('--smelt-speed <x>', 'furnace speed factor, 0.1-1000 (default 1, vanilla)')
    .option('--peaceful', 'sandbox: no zombies or spiders')
    .option('--world <path>', 'serve a copy of this world save (Anvil: level.dat, region/; never written unless --save) instead of generating terrain')
    .option('--spawn <x,z>', "with --world: the column to spawn at (default: the save's spawn)")
    .option('--save', 'with --world: write the chunks changed back into the save on exit (old region files kept aside)')
    .action(async (_opts: unknown, cmd: Command) => {
      const o = optionsOf<ServeOptions>(cmd);
      await run(cmd, {
        port: o.port, host: o.host, seed: o.seed, preset: o.preset, 'sandbox.mcVersion': o.mcVersion, viewDistance: o.viewDistance, smeltSpeed: o.smeltSpeed, peaceful: o.peaceful, gameMode: o.gamemode, world: o.world, spawn: o.spawn, save: o.save,
      }, serve);
    });
}

async function serve(ctx: CommandContext): Promise<number> {
  const { connection, sandbox } = ctx.config;
  const sb = await startSandbox({
    host: connection.host,
    port: connection.port,
    seed: sandbox.seed,
    preset: sandbox.preset,
    version: sandbox.mcVersion,
    viewDistance: sandbox.viewDistance,
    smeltSpeed: sandbox.smeltSpeed,
    peaceful: sandbox.peaceful ?? false,
    gameMode: sandbox.gameMode,
    ...worldOption(sandbox),
  }, ctx.logger).catch((err: unknown) => { throw listenError(err, connection.host, connection.port); });
  try {
    ctx.io.out(`Skillcraft sandbox listening on ${sb.host}:${sb.port} (${servedWorld(sb.options)}, ${sb.options.version})`);
    const console = consoleCommands(sb, ctx);
    try {
      await untilAborted(ctx.signal);
    } finally {
      console.close();
    }
    ctx.log.info({ reason: String(ctx.signal.reason) }, 'stopping the sandbox');
  } finally {
    await sb.stop();
  }
  return 0;
}

/**
 * Lines on stdin are server console commands, as on a vanilla server (`op alex`, `time set day`):
 * their feedback, or the error, is printed on stdout.
 */
function consoleCommands(sb: Sandbox, ctx: CommandContext): Interface {
  const rl = createInterface({ input: process.stdin, terminal: false });
  rl.on('line', (line) => {
    if (!line.trim()) return;
    sb.command(line, { reply: (text) => ctx.io.out(text) }).catch((err: unknown) => ctx.io.out(err instanceof Error ? err.message : String(err)));
  });
  return rl;
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
