import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { patchRegistry } from '../../src/knowledge/patches.ts';

const require = createRequire(import.meta.url);

describe("minecraft-data's blocks, patched to vanilla's", () => {
  it('digs ores as fast on 1.21.x as on 1.20.x (minecraft-data names the tier tag instead of the pickaxe)', () => {
    const times = (v: string) => ['iron_ore', 'gold_ore', 'diamond_ore', 'deepslate_iron_ore', 'stone'].map((b) => createKnowledge(v).digTimeMs(b, 'stone_pickaxe'));
    expect(times('1.21.4')).toEqual(times('1.20.1'));
    expect(times('1.21.1')).toEqual([1150, 3750, 3750, 1700, 600]);
    expect(createKnowledge('1.21.4').registry.blocksByName.copper_grate?.material).toBe('mineable/pickaxe');
  });

  it("mends the version's shared data, so mineflayer's own dig time agrees; patching twice changes nothing", () => {
    createKnowledge('1.21.4');
    const reg = (require('prismarine-registry') as (v: string) => { blocksByName: Record<string, { defaultState: number }>; itemsByName: Record<string, { id: number }>; blocksArray: { name: string; material?: string }[] })('1.21.4');
    const Block = (require('prismarine-block') as (r: unknown) => { fromStateId(id: number, biome: number): { digTime(tool: number, creative: boolean, water: boolean, aqua: boolean, enchants: unknown[], effects: object): number } })(reg);
    expect(Block.fromStateId(reg.blocksByName.iron_ore!.defaultState, 0).digTime(reg.itemsByName.stone_pickaxe!.id, false, false, false, [], {})).toBe(1150);
    expect(patchRegistry(reg)).toBe(0);
  });
});
