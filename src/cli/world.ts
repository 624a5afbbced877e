import type { Logger } from 'pino';
import type { SandboxOptions, WorldPreset } from '../config/sandbox.ts';
import type { SandboxConfig } from '../config/index.ts';
import { CliInputError } from './errors.ts';
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
export async function openCliWorld(ctx: CommandContext, sandbox: boolean, opts: { preset?: WorldPreset; quiet?: boolean; logger?: Logger } = {}): Promise<OpenWorld> {
  const { connection, sandbox: sb } = ctx.config;
  const preset = opts.preset ?? sb.preset;
  if (!sandbox && sb.world !== undefined) throw new CliInputError('--world is served by the sandbox; it cannot be combined with --host/--port');
  const world = await openWorld({
    connection,
    ...(sandbox ? { sandbox: { seed: sb.seed, preset, version: sb.mcVersion, viewDistance: sb.viewDistance, smeltSpeed: sb.smeltSpeed, peaceful: sb.peaceful ?? false, ...worldOption(sb) } } : {}),
  }, { log: opts.logger ?? ctx.logger, signal: ctx.signal });
  const served = world.sandbox?.options;
  if (world.sandbox && served && !opts.quiet) ctx.io.out(`Skillcraft sandbox listening on ${world.sandbox.host}:${world.sandbox.port} (${servedWorld(served)}, ${served.version})`);
  return world;
}

/** The sandbox's `world` option from the config's --world and --spawn. */
export function worldOption(sb: SandboxConfig): { world?: { path: string; spawn?: { x: number; z: number }; save?: boolean } } {
  if (sb.world === undefined) {
    if (sb.spawn !== undefined) throw new CliInputError('--spawn needs --world (the save to spawn in)');
    if (sb.save === true) throw new CliInputError('--save needs --world (the save to write back into)');
    return {};
  }
  const [x, z] = (sb.spawn ?? '').split(',').map(Number);
  return { world: { path: sb.world, ...(sb.spawn !== undefined ? { spawn: { x: x!, z: z! } } : {}), ...(sb.save === true ? { save: true } : {}) } };
}

/** "seed 1, preset forest", or "world save ./my-world". */
export function servedWorld(o: Pick<SandboxOptions, 'seed' | 'preset' | 'world'>): string {
  return o.world ? `world save ${o.world.path}` : `seed ${o.seed}, preset ${o.preset}`;
}
