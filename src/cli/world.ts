import type { Logger } from 'pino';
import type { Preset } from '../config/sandbox.ts';
import { openWorld, type OpenWorld } from '../world/open.ts';
import type { CommandContext } from './context.ts';

/** Whether a command runs on the embedded sandbox: no --host/--port (flag or environment) was given. */
export function usesSandbox(ctx: CommandContext, o: { host?: string; port?: string }): boolean {
  return o.host === undefined && o.port === undefined && ctx.io.env.SKILLCRAFT_HOST === undefined;
}

/** The Minecraft version a command's knowledge is built for: the sandbox's, or the one configured for the server. */
export function knowledgeVersion(ctx: CommandContext, sandbox: boolean): string {
  const { connection, sandbox: sb } = ctx.config;
  return sandbox || connection.mcVersion === 'auto' ? sb.mcVersion : connection.mcVersion;
}

/**
 * Opens the world of `run`, `agent` and `demo`: the embedded sandbox from the config (its address
 * printed), or the configured server; one bot connected.
 */
export async function openCliWorld(ctx: CommandContext, sandbox: boolean, opts: { preset?: Preset; quiet?: boolean; logger?: Logger } = {}): Promise<OpenWorld> {
  const { connection, sandbox: sb } = ctx.config;
  const preset = opts.preset ?? sb.preset;
  const world = await openWorld({
    connection,
    ...(sandbox ? { sandbox: { seed: sb.seed, preset, version: sb.mcVersion, viewDistance: sb.viewDistance, smeltSpeed: sb.smeltSpeed, peaceful: sb.peaceful ?? false } } : {}),
  }, { log: opts.logger ?? ctx.logger, signal: ctx.signal });
  if (world.sandbox && !opts.quiet) ctx.io.out(`Skillcraft sandbox listening on ${world.sandbox.host}:${world.sandbox.port} (seed ${sb.seed}, preset ${preset}, ${sb.mcVersion})`);
  return world;
}
