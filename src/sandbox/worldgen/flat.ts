// Vanilla's default superflat world (`level-type=flat`): bedrock, two dirt, grass, plains everywhere.
// mineflayer's external tests are written against it: they stand on y -60 and rebuild these layers.
import { Vec3 } from 'vec3';
import { biomeId, resolveBlockStates, type WorldRegistry } from './blocks.ts';
import { ChunkBuffer, MIN_Y } from './chunk/buffer.ts';
import { createChunkWriter } from './chunk/writer.ts';
import type { WorldGenerator } from './index.ts';

/** The grass layer's y: bedrock at -64, dirt -63 and -62, grass -61. */
export const FLAT_TOP = MIN_Y + 3;

export function createFlatGenerator(registry: WorldRegistry): WorldGenerator {
  const states = resolveBlockStates(registry);
  const write = createChunkWriter(registry);
  const buf = new ChunkBuffer();
  const layers = [states.bedrock, states.dirt, states.dirt, states.grassBlock];
  const groundTop = new Int16Array(256).fill(FLAT_TOP);
  const biomes = new Uint16Array(16).fill(biomeId(registry, 'plains'));
  return {
    generateChunk() {
      buf.reset();
      for (let z = 0; z < 16; z++) {
        for (let x = 0; x < 16; x++) layers.forEach((state, i) => buf.set(x, MIN_Y + i, z, state));
      }
      return write(buf, groundTop, biomes);
    },
    spawnPoint: () => new Vec3(0, FLAT_TOP + 1, 0),
    surfaceY: () => FLAT_TOP,
    biomeAt: () => 'plains',
    seaLevel: FLAT_TOP,
  };
}
