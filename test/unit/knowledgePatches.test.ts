import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { patchRegistry } from '../../src/knowledge/patches.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import { createSkillRegistry } from '../../skills/index.ts';

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

describe('the planner on every version the sandbox serves, from that version\'s own data', () => {
  it.each(['1.20.1', '1.20.4', '1.21.1', '1.21.4'])('%s: plans the pickaxes from nothing the same way', (version) => {
    const kb = createKnowledge(version);
    const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, prime: false });
    const skills = (item: string) => {
      const v = planner.plan({ kind: 'item', items: [item], count: 1 }, blankObservation({}));
      return v.kind === 'next' ? (v.plan ?? []).map((d) => `${d.skill} ${JSON.stringify(d.args.item ?? d.args.block ?? d.args.target ?? '')}`) : [v.kind === 'unplannable' ? v.reason : v.kind];
    };
    // 1.21.1 lists 2 bamboo -> 1 stick first; sticks still come from planks.
    expect(skills('wooden_pickaxe')).toContain('craftItem "stick"');
    expect(skills('wooden_pickaxe').some((s) => s.includes('bamboo'))).toBe(false);
    for (const item of ['stone_pickaxe', 'iron_pickaxe']) expect(skills(item).at(-1)).toBe(`craftItem "${item}"`);
  });
});
