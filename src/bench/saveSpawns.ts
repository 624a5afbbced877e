// Spawn points for benchmarks on a world save: drawn over its fully generated area (chunks with every
// chunk within SPAWN_MARGIN generated too, so the bot starts on the save's terrain, not the generator's),
// printed as a --spawn-list that repeats the run.
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { isFullChunk } from '../sandbox/worldSave/chunks.ts';
import { openRegion, readWorldSave } from '../sandbox/worldSave/save.ts';
import { BenchInputError } from './plan4mc/args.ts';

/** Chunks of saved terrain required around a spawn chunk in every direction. */
export const SPAWN_MARGIN = 3;

export interface Spawn { x: number; z: number }

/** Chunk keys ("cx,cz") of every fully generated chunk of the save. */
export async function fullChunks(path: string): Promise<Set<string>> {
  const save = await readWorldSave(path);
  const out = new Set<string>();
  for (const name of save.regions) {
    const [, rx = 0, rz = 0] = /^r\.(-?\d+)\.(-?\d+)\.mca$/.exec(name)!.map(Number);
    const region = await openRegion(join(path, 'region', name));
    try {
      for (let x = 0; x < 32; x++) {
        for (let z = 0; z < 32; z++) {
          if (!region.hasChunk(x, z)) continue;
          const tag = await region.read(x, z);
          if (tag && isFullChunk(tag)) out.add(`${rx * 32 + x},${rz * 32 + z}`);
        }
      }
    } finally {
      await region.close();
    }
  }
  return out;
}

/** Chunks whose whole neighbourhood (SPAWN_MARGIN) is saved terrain. */
export function interiorChunks(full: ReadonlySet<string>): [number, number][] {
  const out: [number, number][] = [];
  for (const key of full) {
    const [cx = 0, cz = 0] = key.split(',').map(Number);
    let inside = true;
    for (let dx = -SPAWN_MARGIN; dx <= SPAWN_MARGIN && inside; dx++) {
      for (let dz = -SPAWN_MARGIN; dz <= SPAWN_MARGIN && inside; dz++) inside = full.has(`${cx + dx},${cz + dz}`);
    }
    if (inside) out.push([cx, cz]);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** `n` spawn columns (chunk centres) drawn without repeats over the save's interior. */
export async function drawSpawns(path: string, n: number, rand: (max: number) => number = (max) => randomInt(max)): Promise<Spawn[]> {
  const inside = interiorChunks(await fullChunks(path));
  if (inside.length < n) throw new BenchInputError(`world save ${path}: ${inside.length} chunk(s) with ${SPAWN_MARGIN} chunks of saved terrain around them, ${n} spawn point(s) asked for`);
  const out: Spawn[] = [];
  for (let i = 0; i < n; i++) {
    const [cx, cz] = inside.splice(rand(inside.length), 1)[0]!;
    out.push({ x: cx * 16 + 8, z: cz * 16 + 8 });
  }
  return out;
}

/** "96:96,-40:120" → spawns. */
export function parseSpawnList(text: string): Spawn[] {
  const out = text.split(',').map((s) => s.trim()).filter(Boolean).map((part) => {
    const m = /^(-?\d+):(-?\d+)$/.exec(part);
    if (!m) throw new BenchInputError(`--spawn-list: "${part}" is not x:z in whole blocks`);
    return { x: Number(m[1]), z: Number(m[2]) };
  });
  if (out.length === 0) throw new BenchInputError('--spawn-list is empty');
  return out;
}

export function formatSpawnList(spawns: readonly Spawn[]): string {
  return spawns.map((s) => `${s.x}:${s.z}`).join(',');
}
