import { Command } from 'commander';
import { connectBot, disconnectBot, DEFAULT_CONNECT_TIMEOUT_MS } from '../bot/connect.ts';
import { observe } from '../bot/observe.ts';
import { renderObservation } from '../bot/render.ts';
import { DEFAULT_PORT, DEFAULT_RADIUS } from '../config/index.ts';
import { optionsOf, type RunJob } from './command.ts';
import type { CommandContext } from './context.ts';

interface ObserveOptions { host?: string; port?: string; username?: string; auth?: string; mcVersion?: string; radius?: string; json?: boolean }

/** Microsoft sign-in waits for a person to enter a device code in a browser. */
const MICROSOFT_TIMEOUT_MS = 300_000;

export function observeCommand(run: RunJob): Command {
  return new Command('observe')
    .description('join a server, print one observation of the bot and its surroundings, and leave')
    .option('--host <host>', 'server address (default 127.0.0.1)')
    .option('--port <n>', `server port (default ${DEFAULT_PORT})`)
    .option('--username <name>', 'player name (default skillcraft)')
    .option('--auth <mode>', 'offline | microsoft (default offline)')
    .option('--mc-version <v>', 'protocol version, or auto to ask the server (default auto)')
    .option('--radius <n>', `blocks around the bot to survey, 1-128 (default ${DEFAULT_RADIUS})`)
    .option('--json', 'print the observation as JSON instead of text')
    .action(async (_opts: unknown, cmd: Command) => {
      const o = optionsOf<ObserveOptions>(cmd);
      await run(cmd, {
        host: o.host, port: o.port, username: o.username, auth: o.auth, mcVersion: o.mcVersion, radius: o.radius,
      }, (ctx) => observeOnce(ctx, o.json === true));
    });
}

async function observeOnce(ctx: CommandContext, json: boolean): Promise<number> {
  const { connection, observe: observeConfig } = ctx.config;
  const timeoutMs = connection.auth === 'microsoft' ? MICROSOFT_TIMEOUT_MS : DEFAULT_CONNECT_TIMEOUT_MS;
  const bot = await connectBot(connection, { log: ctx.logger, signal: ctx.signal, timeoutMs });
  try {
    const started = performance.now();
    const obs = observe(bot, { radius: observeConfig.radius });
    ctx.log.debug({ ms: Math.round(performance.now() - started), blockTypes: obs.blocks.length }, 'observed');
    ctx.io.out(json ? JSON.stringify(obs) : renderObservation(obs));
  } finally {
    await disconnectBot(bot, { log: ctx.log });
  }
  return 0;
}
