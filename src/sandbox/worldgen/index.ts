// The sandbox's world generator: hills, lakes and rivers with sand shores, trees, plants, ores by
// depth and deep lava pools, all decided by the seed; the biome presets add vanilla's other woods
// and biomes, caves, ravines and surface lava. See presets.ts for the presets.
import { Vec3 } from 'vec3';
import type { WorldPreset } from '../../config/sandbox.ts';
import type { WorldRegistry } from './blocks.ts';
import type { GeneratedChunk } from './chunk/writer.ts';
import { ChunkGenerator } from './generator.ts';
import { SEA_LEVEL } from './presets.ts';
import { findSpawn } from './spawn.ts';
import { createFlatGenerator } from './flat.ts';

export type { WorldRegistry } from './blocks.ts';
export type { GeneratedChunk } from './chunk/writer.ts';
export { measureChunkGeneration } from './measure.ts';
export { SEA_LEVEL } from './presets.ts';
export { ORE_VEINS, LAVA_POOL } from './underground.ts';

export interface WorldGenerator {
  /** A prismarine-chunk column spanning y -64..319, built synchronously. */
  generateChunk(chunkX: number, chunkZ: number): GeneratedChunk;
  /** The block position the player's feet stand in: dry solid ground below, two free blocks. */
  spawnPoint(): Vec3;
  /** y of the highest terrain block (ground or lake/river bed) of a column. */
  surfaceY(x: number, z: number): number;
  /** The biome name set in a column. */
  biomeAt(x: number, z: number): string;
  /** y of the topmost water block of lakes and rivers. */
  readonly seaLevel: number;
}

export interface WorldGenOptions {
  seed: number;
  preset: WorldPreset;
  registry: WorldRegistry;
}

export function createWorldGenerator(opts: WorldGenOptions): WorldGenerator {
  const { preset } = opts;
  if (preset === 'flat') return createFlatGenerator(opts.registry);
  const gen = new ChunkGenerator(opts.seed, preset, opts.registry);
  let spawn: Vec3 | undefined;
  return {
    generateChunk: (chunkX, chunkZ) => gen.generate(chunkX, chunkZ),
    spawnPoint() {
      spawn ??= findSpawn(gen);
      return spawn.clone();
    },
    surfaceY: (x, z) => gen.terrain.groundY(x, z),
    biomeAt: (x, z) => gen.biomeNameAt(x, z),
    seaLevel: SEA_LEVEL,
  };
}
