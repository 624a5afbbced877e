import { z } from 'zod';

/** The first four presets: oak and birch, no caves (most of the README's figures were measured on them). */
export const CLASSIC_PRESETS = ['forest', 'plains', 'extreme_hills', 'forest_hills'] as const;
/** Vanilla's other biomes with their woods, plus caves, ravines and surface lava, as on a user's server. */
export const BIOME_PRESETS = ['taiga', 'snowy', 'desert', 'savanna', 'jungle'] as const;
export const PRESETS = [...CLASSIC_PRESETS, ...BIOME_PRESETS] as const;
export type Preset = (typeof PRESETS)[number];
/** The generated presets plus vanilla's default superflat world, for tests written against it (mineflayer's own). */
export const WORLD_PRESETS = [...PRESETS, 'flat'] as const;
export type WorldPreset = (typeof WORLD_PRESETS)[number];
export const GAME_MODES = ['survival', 'creative'] as const;

/** Minecraft versions the sandbox is tested on; 1.20.1 was measured best (see the sandbox facts). */
export const SUPPORTED_VERSIONS = ['1.20.1', '1.20.4', '1.21.1', '1.21.4', '1.19.4', '1.18.2'] as const;
export type SupportedVersion = (typeof SUPPORTED_VERSIONS)[number];
export const DEFAULT_VERSION = '1.20.1';

export const sandboxOptionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().default('127.0.0.1'),
  seed: z.number().int().default(1),
  preset: z.enum(WORLD_PRESETS).default('forest'),
  version: z.enum(SUPPORTED_VERSIONS).default(DEFAULT_VERSION),
  viewDistance: z.number().int().min(2).max(16).default(6),
  maxPlayers: z.number().int().min(1).max(100).default(20),
  /** Furnace ticks per server tick: 1 is vanilla; tests use more to smelt quickly. */
  smeltSpeed: z.number().min(0.1).max(1000).default(1),
  /** The game mode players join in (vanilla's `gamemode` server property). */
  gameMode: z.enum(GAME_MODES).default('survival'),
  /** No hostile mobs: none spawn or can be summoned, and any that exist are removed. */
  peaceful: z.boolean().default(false),
  /** Natural spawning of animals and monsters near players (`/summon` works either way). */
  mobSpawning: z.boolean().default(true),
  /**
   * Serve this Anvil save (a copy of it) instead of generating a world; the generator fills beyond
   * its saved area. `spawn` overrides the save's spawn column. With `save`, the region files the
   * session changed are written back into the save when the server stops, the old ones kept aside.
   */
  world: z.object({ path: z.string().min(1), spawn: z.object({ x: z.number().int(), z: z.number().int() }).optional(), save: z.boolean().optional() }).optional(),
});

export type SandboxOptions = z.infer<typeof sandboxOptionsSchema>;
export type SandboxOptionsInput = z.input<typeof sandboxOptionsSchema>;

/** Turns any seed text into a 31-bit integer the same way every time ("42" stays 42). */
export function seedFromText(text: string): number {
  if (/^-?\d+$/.test(text)) return Number(text) | 0;
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 1;
}
