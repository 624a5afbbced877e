import type { Command } from 'commander';
import { DEFAULT_VERSION, PRESETS, SUPPORTED_VERSIONS } from '../config/sandbox.ts';

/** The options of every command that joins a server or starts the sandbox for its bot (run, agent). */
export function withWorldOptions(cmd: Command): Command {
  return cmd
    .option('--host <host>', 'server to join instead of starting the sandbox')
    .option('--port <n>', 'server port (with --host; default 25565)')
    .option('--username <name>', 'player name (default skillcraft)')
    .option('--mc-version <v>', `the sandbox's Minecraft version (${SUPPORTED_VERSIONS.join(' | ')}; default ${DEFAULT_VERSION}), or with --host the server's (default auto: asked on join)`)
    .option('--seed <seed>', 'sandbox world seed (default 1)')
    .option('--preset <name>', `sandbox preset: ${PRESETS.join(' | ')} (default forest)`)
    .option('--smelt-speed <x>', 'sandbox furnace speed factor (default 1)')
    .option('--peaceful', 'sandbox: no zombies or spiders')
    .option('--world <path>', 'sandbox: serve a copy of this world save (Anvil: level.dat, region/) instead of generating terrain')
    .option('--spawn <x,z>', "sandbox with --world: the column to spawn at (default: the save's spawn)")
    .option('--save', 'sandbox with --world: write the chunks changed back into the save on exit (old region files kept aside)');
}

/** --mc-version is the sandbox's version, or with --host/--port the server's: the config field it sets. */
export function versionFlag(o: { host?: string; port?: string; mcVersion?: string }): Record<string, string | undefined> {
  return o.host !== undefined || o.port !== undefined ? { mcVersion: o.mcVersion } : { 'sandbox.mcVersion': o.mcVersion };
}
