// The sandbox serves a copy of a save: flying-squid rewrites level.dat, adds playerdata/ and empty
// region files, and writes back every chunk it changed, so the user's folder is never opened for writing
// unless the user asks (--save): then the region files that changed are copied back, the old ones first
// moved aside into a backup folder of the save, and nothing else (level.dat, playerdata) is touched.
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorldSave } from './save.ts';

export interface WorldCopy {
  dir: string;
  /** Writes the region files that differ from the save's back into it; returns what was written and where the old ones went. */
  writeBack(): Promise<WriteBack>;
  remove(): Promise<void>;
}

export interface WriteBack {
  /** Region files written into the save ("r.0.0.mca"). */
  written: string[];
  /** The folder the replaced region files were moved to (absent when none was replaced). */
  backup?: string;
}

export async function copyWorldSave(save: WorldSave): Promise<WorldCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'skillcraft-world-'));
  try {
    await cp(join(save.path, 'region'), join(dir, 'region'), { recursive: true });
    if (existsSync(join(save.path, 'level.dat'))) await copyFile(join(save.path, 'level.dat'), join(dir, 'level.dat'));
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return { dir, writeBack: () => writeBack(save.path, dir), remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Copies the save's region files that the session changed from the served copy back into it, the old
 * ones moved aside first. Region files the save did not have (terrain our generator made beyond it)
 * are left out.
 */
async function writeBack(savePath: string, dir: string): Promise<WriteBack> {
  const from = join(dir, 'region');
  const to = join(savePath, 'region');
  const files = (await readdir(from)).filter((f) => /^r\.-?\d+\.-?\d+\.mca$/.test(f)).sort();
  const written: string[] = [];
  let backup: string | undefined;
  for (const f of files) {
    const fresh = await readFile(join(from, f));
    // flying-squid creates an empty file for every region it looked at; those hold no chunk.
    if (fresh.length === 0) continue;
    const target = join(to, f);
    if (!existsSync(target)) continue;
    if ((await readFile(target)).equals(fresh)) continue;
    backup ??= join(savePath, `skillcraft-backup-${new Date().toISOString().replace(/[:.]/g, '-')}`, 'region');
    await mkdir(backup, { recursive: true });
    await rename(target, join(backup, f));
    // Written beside the target and renamed over it, so a crash never leaves half a region file.
    await copyFile(join(from, f), `${target}.skillcraft-tmp`);
    await rename(`${target}.skillcraft-tmp`, target);
    written.push(f);
  }
  return { written, ...(backup ? { backup } : {}) };
}
