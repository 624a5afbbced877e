// The sandbox serves a copy of a save: flying-squid rewrites level.dat, adds playerdata/ and empty
// region files, and writes back every chunk it changed, so the user's folder is never opened for writing.
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorldSave } from './save.ts';

export interface WorldCopy {
  dir: string;
  remove(): Promise<void>;
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
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
