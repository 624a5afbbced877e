// A Minecraft world save (Anvil: level.dat and region/*.mca) as the sandbox serves it: which version
// wrote it, where its spawn is, and which version of ours can serve it. Saves in the fixtures of
// prismarine-provider-anvil hold regions only; their version is read from a chunk.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { SupportedVersion } from '../../config/sandbox.ts';

const require = createRequire(import.meta.url);

/** A save the sandbox cannot serve: one line for the user, exit 2. */
export class WorldSaveError extends Error {
  readonly code = 'BAD_INPUT';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorldSaveError';
  }
}

export interface WorldSave {
  /** The save's folder (the one holding region/). */
  path: string;
  dataVersion: number;
  /** "1.20.2" (level.dat's name, or the release of a chunk's data version), or "unknown". */
  versionName: string;
  /** level.dat's spawn, when there is a level.dat. */
  spawn?: { x: number; y: number; z: number };
  /** Region files, "r.X.Z.mca". */
  regions: string[];
}

interface LevelData {
  DataVersion?: number;
  Version?: { Name?: string };
  SpawnX?: number;
  SpawnY?: number;
  SpawnZ?: number;
}

/** A region file of a save, read chunk by chunk (prismarine-provider-anvil's reader). */
export interface RegionFileLike {
  initialize(): Promise<void>;
  hasChunk(x: number, z: number): boolean;
  read(x: number, z: number): Promise<{ value: Record<string, { type: string; value: unknown } | undefined> } | null>;
  close(): Promise<void>;
}

/** Opens a region file for reading; the caller closes it. */
export async function openRegion(file: string): Promise<RegionFileLike> {
  const RegionFile = require('prismarine-provider-anvil/src/region.js') as new (p: string) => RegionFileLike;
  const region = new RegionFile(file);
  await region.initialize();
  return region;
}

/** Reads what the sandbox needs to know of a save; the save itself is never written. */
export async function readWorldSave(path: string): Promise<WorldSave> {
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new WorldSaveError(`world save ${path}: no such folder`);
  const regionDir = join(path, 'region');
  const regions = existsSync(regionDir) ? readdirSync(regionDir).filter((f) => /^r\.-?\d+\.-?\d+\.mca$/.test(f)).sort() : [];
  if (regions.length === 0) throw new WorldSaveError(`world save ${path}: no region files in ${regionDir} (a world folder holds level.dat and region/)`);
  const level = await readLevel(join(path, 'level.dat'));
  const dataVersion = level?.DataVersion ?? await chunkDataVersion(join(regionDir, regions[0]!));
  if (dataVersion === undefined) throw new WorldSaveError(`world save ${path}: cannot tell which Minecraft version wrote it (no level.dat, no readable chunk)`);
  const spawn = level?.SpawnX !== undefined && level.SpawnZ !== undefined ? { x: level.SpawnX, y: level.SpawnY ?? 64, z: level.SpawnZ } : undefined;
  return { path, dataVersion, versionName: level?.Version?.Name ?? releaseOf(dataVersion), regions, ...(spawn ? { spawn } : {}) };
}

/** The release that writes a data version ("1.21.1"), from minecraft-data's list; "unknown" when none does. */
function releaseOf(dataVersion: number): string {
  const { versions } = require('minecraft-data') as { versions: { pc: { minecraftVersion: string; dataVersion?: number; releaseType?: string }[] } };
  // Older entries carry no releaseType; snapshots have names like 24w14a or 1.21-pre1.
  const named = versions.pc.filter((v) => v.dataVersion === dataVersion && /^\d+\.\d+(\.\d+)?$/.test(v.minecraftVersion));
  return named[0]?.minecraftVersion ?? 'unknown';
}

async function readLevel(file: string): Promise<LevelData | undefined> {
  if (!existsSync(file)) return undefined;
  const { level } = require('prismarine-provider-anvil') as { level: { readLevel(p: string): Promise<LevelData> } };
  try {
    return await level.readLevel(file);
  } catch (err) {
    throw new WorldSaveError(`world save: ${file} is not a readable level.dat (${(err as Error).message})`, { cause: err });
  }
}

/** The DataVersion of the first chunk of a region file. */
async function chunkDataVersion(file: string): Promise<number | undefined> {
  let region: RegionFileLike | undefined;
  try {
    region = await openRegion(file);
    for (let x = 0; x < 32; x++) {
      for (let z = 0; z < 32; z++) {
        if (!region.hasChunk(x, z)) continue;
        const tag = await region.read(x, z);
        const v = tag?.value.DataVersion?.value;
        return typeof v === 'number' ? v : undefined;
      }
    }
    return undefined;
  } catch (err) {
    throw new WorldSaveError(`world save: ${file} is not a readable region file (${(err as Error).message})`, { cause: err });
  } finally {
    await region?.close().catch(() => undefined);
  }
}

/**
 * Saves each version of ours can serve, by the data version that wrote them. The chunk format is the
 * one of 1.18 on; within a span no block the terrain uses was renamed (1.20.3 renamed grass to
 * short_grass), so a server of the span reads every save of it.
 */
const SPANS: readonly { from: number; to: number; serve: SupportedVersion; also: readonly SupportedVersion[] }[] = [
  { from: 2860, to: 3697, serve: '1.20.1', also: ['1.18.2', '1.19.4'] },
  { from: 3698, to: 3700, serve: '1.20.4', also: [] },
  { from: 3701, to: 3955, serve: '1.21.1', also: [] },
  { from: 3956, to: 4189, serve: '1.21.4', also: [] },
];

/**
 * The version to serve a save with: `wanted` when it can, else the one of the save's span. A save
 * older than 1.18 or newer than the newest span is refused in one line.
 */
export function servedVersion(save: Pick<WorldSave, 'dataVersion' | 'versionName' | 'path'>, wanted?: SupportedVersion): SupportedVersion {
  const span = SPANS.find((s) => save.dataVersion >= s.from && save.dataVersion <= s.to);
  if (!span) {
    const newest = SPANS[SPANS.length - 1]!;
    const why = save.dataVersion < SPANS[0]!.from ? 'older than 1.18, whose chunk format the sandbox does not read' : `newer than the sandbox serves (saves up to ${newest.serve})`;
    throw new WorldSaveError(`world save ${save.path} was written by Minecraft ${save.versionName} (data version ${save.dataVersion}): ${why}`);
  }
  return wanted !== undefined && (wanted === span.serve || span.also.includes(wanted)) ? wanted : span.serve;
}
