// PLACEHOLDER (replaced by the world generator work): flat grass so the server can start.
import { createRequire } from 'node:module';
import { Vec3 } from 'vec3';
import type { Preset } from '../options.ts';

const require = createRequire(import.meta.url);

export interface WorldGenerator {
  generateChunk(chunkX: number, chunkZ: number): unknown;
  spawnPoint(): Vec3;
}

export interface WorldGenOptions {
  seed: number;
  preset: Preset;
  registry: { blocksByName: Record<string, { id: number }>; biomesByName: Record<string, { id: number }> };
}

export function createWorldGenerator(opts: WorldGenOptions): WorldGenerator {
  const Chunk = (require('prismarine-chunk') as (r: unknown) => new (o: unknown) => { setBlockType(p: Vec3, id: number): void })(opts.registry);
  return {
    generateChunk() {
      const chunk = new Chunk(null);
      for (let x = 0; x < 16; x++) for (let z = 0; z < 16; z++) for (let y = 0; y < 64; y++) {
        chunk.setBlockType(new Vec3(x, y, z), y === 63 ? opts.registry.blocksByName.grass_block!.id : opts.registry.blocksByName.stone!.id);
      }
      return chunk;
    },
    spawnPoint: () => new Vec3(0, 64, 0),
  };
}
