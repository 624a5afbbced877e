import { describe, expect, it } from 'vitest';
import { readWorldSave, servedVersion, WorldSaveError } from '../../src/sandbox/worldSave/save.ts';
import { fixtureSave } from '../helpers/worldSave.ts';

const save = (dataVersion: number, versionName = 'x') => ({ dataVersion, versionName, path: '/w' });

describe('which sandbox version serves a save', () => {
  it('serves 1.18 to 1.20.2 saves as 1.20.1 (or an older version of that span when asked), 1.20.3-1.20.4 as 1.20.4, then 1.21.1 and 1.21.4', () => {
    expect(servedVersion(save(3839, '1.20.6'))).toBe('1.21.1');
    expect(servedVersion(save(3955, '1.21.1'))).toBe('1.21.1');
    expect(servedVersion(save(4189, '1.21.4'))).toBe('1.21.4');
    expect(servedVersion(save(3578, '1.20.2'))).toBe('1.20.1');
    expect(servedVersion(save(3337, '1.19.4'), '1.19.4')).toBe('1.19.4');
    expect(servedVersion(save(2975, '1.18.2'), '1.20.4')).toBe('1.20.1');
    expect(servedVersion(save(3700, '1.20.4'))).toBe('1.20.4');
    expect(servedVersion(save(3698, '1.20.3'), '1.20.1')).toBe('1.20.4');
  });

  it('refuses older chunk formats and newer saves, naming the version', () => {
    expect(() => servedVersion(save(2730, '1.17.1'))).toThrow(/Minecraft 1\.17\.1 \(data version 2730\): older than 1\.18/);
    expect(() => servedVersion(save(4325, '1.21.5'))).toThrow(WorldSaveError);
    expect(() => servedVersion(save(4325, '1.21.5'))).toThrow(/newer than the sandbox serves \(saves up to 1\.21\.4\)/);
  });

  it('reads the version from a chunk when there is no level.dat', async () => {
    for (const [v, dv] of [['1.19.4', 3337], ['1.20.6', 3839]] as const) {
      const f = fixtureSave(v);
      try {
        expect(await readWorldSave(f.dir)).toMatchObject({ dataVersion: dv, versionName: v, regions: ['r.0.0.mca'] });
      } finally {
        f.remove();
      }
    }
  });
});
