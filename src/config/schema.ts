import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_VERSION, GAME_MODES, SUPPORTED_VERSIONS, WORLD_PRESETS } from './sandbox.ts';
import { LOG_FORMATS, LOG_LEVELS } from '../log/logger.ts';
import { FIELDS } from './fields.ts';

export const DEFAULT_PORT = 25565;
export const DEFAULT_RADIUS = 32;

/** The example schematics shipped with the package, found from this file rather than the working directory. */
export const DEFAULT_SCHEMATICS = fileURLToPath(new URL('../../examples/schematics', import.meta.url));

const OFFLINE_NAME = /^[A-Za-z0-9_]{1,16}$/;
const MC_VERSION = /^\d+\.\d+(\.\d+)?$/;

export const connectionSchema = z.object({
  host: z.string().trim().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(DEFAULT_PORT),
  username: z.string().min(1).max(254).default('skillcraft'),
  auth: z.enum(['offline', 'microsoft']).default('offline'),
  /** `auto` asks the server (a status ping) before logging in. */
  mcVersion: z.string().regex(new RegExp(`^auto$|${MC_VERSION.source}`)).default('auto'),
}).superRefine((c, ctx) => {
  if (c.auth === 'offline' && !OFFLINE_NAME.test(c.username)) {
    ctx.addIssue({ code: 'custom', path: ['username'], message: 'offline user names are 1-16 letters, digits or _' });
  }
});

export const sandboxSchema = z.object({
  seed: z.number().int().default(1),
  preset: z.enum(WORLD_PRESETS).default('forest'),
  mcVersion: z.enum(SUPPORTED_VERSIONS).default(DEFAULT_VERSION),
  viewDistance: z.number().int().min(2).max(16).default(6),
  /** Furnace ticks per server tick (1 is vanilla). */
  smeltSpeed: z.number().min(0.1).max(1000).default(1),
  /** The game mode players join in (vanilla's `gamemode` server property). */
  gameMode: z.enum(GAME_MODES).default('survival'),
  /** No hostile mobs in the sandbox; unset means the sandbox default (off). */
  peaceful: z.boolean().optional(),
  /** A world save (Anvil) the sandbox serves a copy of, instead of generating terrain. */
  world: z.string().min(1).optional(),
  /** The column to spawn at in that save, "X,Z" (default: the save's spawn). */
  spawn: z.string().regex(/^-?\d+,-?\d+$/).optional(),
  /** Write the chunks the session changed back into that save when the server stops (old region files kept aside). */
  save: z.boolean().optional(),
});

export const configSchema = z.object({
  connection: connectionSchema.prefault({}),
  sandbox: sandboxSchema.prefault({}),
  /** Where owners' `!build <name>` looks for structure files (a relative path is taken from the working directory). */
  build: z.object({ schematics: z.string().trim().min(1).default(DEFAULT_SCHEMATICS) }).prefault({}),
  observe: z.object({ radius: z.number().int().min(1).max(128).default(DEFAULT_RADIUS) }).prefault({}),
  log: z.object({
    level: z.enum(LOG_LEVELS).default('warn'),
    /** Unset: pretty when stderr is a terminal, JSON otherwise. */
    format: z.enum(LOG_FORMATS).optional(),
    verbose: z.boolean().default(false),
  }).prefault({}),
  /** The chat model the agent will talk to (OpenAI-compatible endpoint). */
  model: z.object({
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    apiKey: z.string().min(1).optional(),
    model: z.string().trim().min(1).optional(),
    temperature: z.number().min(0).max(2).default(0),
    timeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
    /** Per task: HTTP requests to the model, and prompt plus completion tokens; spending stops at either (defaults in src/llm/usage.ts). */
    maxCalls: z.number().int().min(1).max(100_000).optional(),
    maxTokens: z.number().int().min(1000).max(100_000_000).optional(),
  }).prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type ConnectionConfig = z.infer<typeof connectionSchema>;
export type SandboxConfig = z.infer<typeof sandboxSchema>;

/**
 * The shape of `skillcraft.config.json`: the same sections and keys as the config, every key
 * optional, nothing else allowed. Values are checked by `configSchema` after the sources merge.
 */
export const fileSchema = z.strictObject(
  Object.fromEntries(
    (['connection', 'sandbox', 'build', 'observe', 'log', 'model'] as const).map((section) => [
      section,
      z.strictObject(Object.fromEntries(FIELDS.filter((f) => f.section === section).map((f) => [f.key, z.unknown().optional()]))).optional(),
    ]),
  ),
);

/** Fills the placeholders in a field's rule with the current lists. */
export function ruleText(rule: string): string {
  return rule
    .replace('{presets}', WORLD_PRESETS.join(', '))
    .replace('{versions}', SUPPORTED_VERSIONS.join(', '))
    .replace('{levels}', LOG_LEVELS.join(', '));
}
