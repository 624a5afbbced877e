import { describe, expect, it } from 'vitest';
import { drawSpawns, fullChunks, interiorChunks, parseSpawnList, SPAWN_MARGIN } from '../../src/bench/saveSpawns.ts';
import { repeatArgs, sandboxFor, saveWorldsFromArgs, worldName } from '../../src/bench/worlds.ts';
import { fixtureSave } from '../helpers/worldSave.ts';

describe('spawn points on a world save', () => {
  it('keeps chunks with saved terrain all around them', () => {
    const full = new Set<string>();
    for (let x = 0; x < 9; x++) for (let z = 0; z < 8; z++) full.add(`${x},${z}`);
    expect(interiorChunks(full)).toEqual([[3, 3], [3, 4], [4, 3], [4, 4], [5, 3], [5, 4]]);
    expect(SPAWN_MARGIN).toBe(3);
  });

  it('draws them over the fully generated chunks of a real region, and a list repeats them', async () => {
    const save = fixtureSave('1.19.4');
    try {
      const full = await fullChunks(save.dir);
      expect(full.has('0,0') && full.has('11,11')).toBe(true);
      let i = 0;
      const spawns = await drawSpawns(save.dir, 4, (max) => (i++ * 7) % max);
      expect(spawns).toHaveLength(4);
      for (const s of spawns) {
        expect(interiorChunks(full)).toContainEqual([(s.x - 8) / 16, (s.z - 8) / 16]);
      }
      const worlds = (await saveWorldsFromArgs(new Map([['--world', save.dir], ['--spawn-list', '104:104,56:88']]), 3, 10))!;
      expect(worlds.map(worldName)).toEqual(['save@104:104', 'save@56:88']);
      expect(repeatArgs(worlds)).toBe(`--world ${save.dir} --spawn-list 104:104,56:88`);
      expect(sandboxFor(worlds[0]!)).toMatchObject({ world: { path: save.dir, spawn: { x: 104, z: 104 } } });
      const again = (await saveWorldsFromArgs(new Map([['--world', save.dir], ['--spawn-list', '104:104']]), 3, 10))!;
      expect(again[0]!.seed).toBe(worlds[0]!.seed);
      await expect(drawSpawns(save.dir, 500)).rejects.toThrow(/chunk\(s\) with 3 chunks of saved terrain around them, 500 spawn point\(s\) asked for/);
    } finally {
      save.remove();
    }
  });

  it('says which options go together', async () => {
    expect(await saveWorldsFromArgs(new Map(), 3, 10)).toBeUndefined();
    await expect(saveWorldsFromArgs(new Map([['--spawns', '3']]), 3, 10)).rejects.toThrow(/need --world/);
    await expect(saveWorldsFromArgs(new Map([['--world', '/w'], ['--seeds', '3']]), 3, 10)).rejects.toThrow(/not --seeds/);
    expect(() => parseSpawnList('1,2')).toThrow(/not x:z/);
  });
});
