import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const FIXTURES = join(require.resolve('prismarine-provider-anvil/package.json'), '..', 'test', 'fixtures');

interface NbtValue { type: string; value: unknown }
export interface ChunkNbt { type: string; name: string; value: Record<string, NbtValue> }
interface RegionFile {
  initialize(): Promise<void>;
  read(x: number, z: number): Promise<ChunkNbt | null>;
  write(x: number, z: number, tag: ChunkNbt): Promise<void>;
  close(): Promise<void>;
}

/**
 * A world folder holding one vanilla region from prismarine-provider-anvil's test fixtures (MIT,
 * installed with flying-squid): region/r.0.0.mca, no level.dat. Removed with `remove()`.
 */
export function fixtureSave(version: '1.19.4' | '1.20.6' | '1.21.1'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `skillcraft-fixture-${version}-`));
  mkdirSync(join(dir, 'region'));
  cpSync(join(FIXTURES, version, 'r.0.0.mca'), join(dir, 'region', 'r.0.0.mca'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Rewrites chunk x,z (region-local) of a region file with `edit` applied to its NBT. */
export async function editChunk(regionFile: string, x: number, z: number, edit: (tag: ChunkNbt) => void): Promise<void> {
  const Region = require('prismarine-provider-anvil/src/region.js') as new (p: string) => RegionFile;
  const region = new Region(regionFile);
  await region.initialize();
  try {
    const tag = await region.read(x, z);
    if (!tag) throw new Error(`no chunk ${x},${z} in ${regionFile}`);
    edit(tag);
    await region.write(x, z, tag);
  } finally {
    await region.close();
  }
}

/** A section that holds only light, as vanilla and Paper write above and below the world. */
export function addLightOnlySection(tag: ChunkNbt, y: number): void {
  const sections = tag.value.sections as { value: { value: unknown[] } };
  sections.value.value.push({ Y: { type: 'byte', value: y }, SkyLight: { type: 'byteArray', value: new Array<number>(2048).fill(-1) } });
}

/** A digest of every file under `dir` (names and contents), to show a folder was not written. */
export function folderDigest(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      h.update(p);
      if (e.isDirectory()) walk(p);
      else h.update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}
