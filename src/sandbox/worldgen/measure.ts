// Chunk generation speed, for the benchmark command (no timing in unit tests).
import type { Preset } from '../../config/sandbox.ts';
import type { WorldRegistry } from './blocks.ts';
import { ChunkGenerator } from './generator.ts';

/**
 * Generates `chunks` chunks in a square around the origin after a short warm-up elsewhere (so the
 * JIT has compiled the hot loops) and returns the mean wall time per chunk.
 */
export function measureChunkGeneration(registry: WorldRegistry, seed: number, preset: Preset, chunks: number): { msPerChunk: number } {
  if (!Number.isInteger(chunks) || chunks < 1) throw new Error(`measureChunkGeneration: chunks must be a positive integer, got ${chunks}`);
  const gen = new ChunkGenerator(seed, preset, registry);
  for (let i = 0; i < 16; i++) gen.generate(1000 + (i & 3), 1000 + (i >> 2));
  const side = Math.ceil(Math.sqrt(chunks));
  const start = performance.now();
  for (let i = 0; i < chunks; i++) gen.generate((i % side) - (side >> 1), Math.floor(i / side) - (side >> 1));
  return { msPerChunk: (performance.now() - start) / chunks };
}
