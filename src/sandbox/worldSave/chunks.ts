// Loading a save's chunks as vanilla and Paper write them: a chunk whose generation did not finish
// (the ring at the edge of the explored area) counts as absent, so the sandbox's generator makes it;
// sections that hold only light (no block_states) are dropped instead of crashing the loader.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface NbtTag { type: string; value: unknown }
interface ChunkTag { value: Record<string, NbtTag | undefined> }

export interface AnvilLike {
  load(x: number, z: number): Promise<unknown>;
  loadRaw(x: number, z: number): Promise<ChunkTag | null>;
}

/** Whether a chunk's Status says it is fully generated ("minecraft:full", or "full" in older saves). */
export function isFullChunk(tag: ChunkTag): boolean {
  const status = tag.value.Status?.value ?? (tag.value.Level?.value as Record<string, NbtTag> | undefined)?.Status?.value;
  return status === 'minecraft:full' || status === 'full';
}

/** Keeps the sections with block states and biomes; returns how many were dropped. */
export function dropLightOnlySections(tag: ChunkTag): number {
  const list = tag.value.sections?.value as { value?: Record<string, NbtTag | undefined>[] } | undefined;
  if (!list?.value) return 0;
  const kept = list.value.filter((s) => s.block_states !== undefined && s.biomes !== undefined);
  const dropped = list.value.length - kept.length;
  list.value = kept;
  return dropped;
}

/**
 * Makes `anvil` (flying-squid's overworld storage) load chunks the way above. `registry` is the
 * server's: the chunk reader is the provider's own, for that version.
 */
export function loadSavedChunksSafely(anvil: AnvilLike, registry: unknown, onSkip?: (x: number, z: number, why: string) => void): void {
  const reader = (require('prismarine-provider-anvil/src/chunk.js') as (r: unknown) => { nbtChunkToPrismarineChunk: (tag: ChunkTag) => unknown })(registry);
  anvil.load = async (x: number, z: number) => {
    const tag = await anvil.loadRaw(x, z);
    if (tag == null) return null;
    if (!isFullChunk(tag)) {
      onSkip?.(x, z, 'not fully generated');
      return null;
    }
    dropLightOnlySections(tag);
    return reader.nbtChunkToPrismarineChunk(tag);
  };
}
