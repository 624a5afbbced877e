import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billOfMaterials, blockCost, describeRefusals, renameForVersion } from '../../src/build/bom.ts';
import { spongeBytes } from '../../src/build/examples.ts';
import { readStructure } from '../../src/build/read.ts';
import type { Structure, StructureBlock } from '../../src/build/types.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';

type Block = [name: string, props?: Record<string, string>];

/** A structure of the given blocks in a row along x. */
function row(...blocks: Block[]): Structure {
  const list: StructureBlock[] = blocks.map(([name, props = {}], x) => ({ x, y: 0, z: 0, name, props }));
  return { name: 'row', size: { x: Math.max(1, blocks.length), y: 1, z: 1 }, blocks: list, format: 'sponge' };
}

describe.each(['1.20.1', '1.21.4'])('billOfMaterials on %s', (version) => {
  const kb = createKnowledge(version);
  const items = (...blocks: Block[]) => {
    const bill = billOfMaterials(row(...blocks), kb);
    expect(bill.refused).toEqual([]);
    return bill.items;
  };

  it('counts a block as the item of its own name, summed and sorted', () => {
    const bill = billOfMaterials(row(['stone'], ['oak_planks'], ['stone'], ['oak_log', { axis: 'x' }]), kb);
    expect(bill).toEqual({ items: { oak_log: 1, oak_planks: 1, stone: 2 }, refused: [], tools: [], notes: [] });
    expect(Object.keys(bill.items)).toEqual(['oak_log', 'oak_planks', 'stone']);
  });

  it('counts nothing for a door\'s upper half, a bed\'s head or a tall plant\'s upper half', () => {
    const door = { facing: 'north', hinge: 'left', open: 'false', powered: 'false' };
    expect(items(['oak_door', { ...door, half: 'lower' }], ['oak_door', { ...door, half: 'upper' }])).toEqual({ oak_door: 1 });
    expect(items(['red_bed', { facing: 'east', part: 'foot', occupied: 'false' }], ['red_bed', { facing: 'east', part: 'head', occupied: 'false' }])).toEqual({ red_bed: 1 });
    expect(items(['sunflower', { half: 'lower' }], ['sunflower', { half: 'upper' }], ['pitcher_crop', { age: '4', half: 'upper' }])).toEqual({ sunflower: 1 });
    // A stair's or trapdoor's top half is a whole block of its own.
    expect(items(['oak_stairs', { facing: 'north', half: 'top', shape: 'straight', waterlogged: 'false' }])).toEqual({ oak_stairs: 1 });
  });

  it('places wall torches, signs, banners, heads and coral fans from their standing items', () => {
    expect(items(['wall_torch', { facing: 'east' }], ['soul_wall_torch', { facing: 'west' }], ['redstone_wall_torch', { facing: 'north', lit: 'true' }]))
      .toEqual({ redstone_torch: 1, soul_torch: 1, torch: 1 });
    expect(items(['oak_wall_sign', { facing: 'south', waterlogged: 'false' }], ['spruce_wall_hanging_sign', { facing: 'north', waterlogged: 'false' }], ['white_wall_banner', { facing: 'north' }]))
      .toEqual({ oak_sign: 1, spruce_hanging_sign: 1, white_banner: 1 });
    expect(items(['skeleton_wall_skull', { facing: 'north' }], ['zombie_wall_head', { facing: 'east' }], ['tube_coral_wall_fan', { facing: 'east', waterlogged: 'false' }]))
      .toEqual({ skeleton_skull: 1, tube_coral_fan: 1, zombie_head: 1 });
  });

  it('counts a double slab as two slabs and stacked candles, pickles, eggs and snow layers one each', () => {
    expect(items(['oak_slab', { type: 'double', waterlogged: 'false' }], ['oak_slab', { type: 'bottom', waterlogged: 'false' }], ['stone_slab', { type: 'top', waterlogged: 'false' }]))
      .toEqual({ oak_slab: 3, stone_slab: 1 });
    expect(items(['red_candle', { candles: '3', lit: 'false', waterlogged: 'false' }], ['sea_pickle', { pickles: '4', waterlogged: 'true' }], ['turtle_egg', { eggs: '2', hatch: '0' }], ['snow', { layers: '5' }]))
      .toEqual({ red_candle: 3, sea_pickle: 4, snow: 5, turtle_egg: 2, water_bucket: 1 });
    expect(items(['glow_lichen', { north: 'true', east: 'true', south: 'false', west: 'false', up: 'true', down: 'false', waterlogged: 'false' }])).toEqual({ glow_lichen: 3 });
  });

  it('places wire, string, crops and fluids from what a player holds', () => {
    expect(items(['redstone_wire', { north: 'side', east: 'none', south: 'side', west: 'none', power: '0' }], ['tripwire', {}], ['wheat', { age: '7' }], ['carrots', { age: '0' }], ['cocoa', { age: '2', facing: 'north' }]))
      .toEqual({ carrot: 1, cocoa_beans: 1, redstone: 1, string: 1, wheat_seeds: 1 });
    expect(items(['water', { level: '0' }], ['water', { level: '3' }], ['lava', { level: '0' }], ['lava', { level: '8' }])).toEqual({ lava_bucket: 1, water_bucket: 1 });
    expect(items(['oak_fence', { north: 'false', east: 'false', south: 'false', west: 'false', waterlogged: 'true' }])).toEqual({ oak_fence: 1, water_bucket: 1 });
    expect(items(['water_cauldron', { level: '3' }])).toEqual({ cauldron: 1, water_bucket: 1 });
    expect(items(['kelp', { age: '3' }], ['kelp_plant'], ['seagrass'])).toEqual({ kelp: 2, seagrass: 1, water_bucket: 3 });
  });

  it('pots, candle cakes and farmland: the parts, and the hoe as a tool with a note', () => {
    expect(items(['potted_poppy'], ['potted_azalea_bush'], ['potted_oak_sapling'])).toEqual({ azalea: 1, flower_pot: 3, oak_sapling: 1, poppy: 1 });
    expect(items(['candle_cake', { lit: 'false' }], ['lime_candle_cake', { lit: 'false' }])).toEqual({ cake: 2, candle: 1, lime_candle: 1 });
    const farm = billOfMaterials(row(['farmland', { moisture: '7' }], ['farmland', { moisture: '0' }]), kb);
    expect(farm).toEqual({ items: { dirt: 2 }, refused: [], tools: ['wooden_hoe'], notes: ['farmland is dirt tilled with a hoe (any hoe)'] });
  });

  it('refuses what no survival player can place, naming each block once with how many and why', () => {
    const bill = billOfMaterials(row(['bedrock'], ['stone'], ['bedrock'], ['command_block', { conditional: 'false', facing: 'up' }], ['barrier', {}],
      ['spawner'], ['end_portal_frame', { eye: 'true', facing: 'north' }], ['budding_amethyst'], ['reinforced_deepslate'],
      ['petrified_oak_slab', { type: 'double', waterlogged: 'false' }], ['light', { level: '15', waterlogged: 'false' }], ['structure_block', { mode: 'save' }],
      ['jigsaw', { orientation: 'north_up' }], ['frosted_ice', { age: '0' }], ['infested_stone'], ['air']), kb);
    expect(bill.items).toEqual({ stone: 1 });
    expect(bill.refused.map((r) => r.block)).toEqual(['barrier', 'bedrock', 'budding_amethyst', 'command_block', 'end_portal_frame', 'frosted_ice',
      'infested_stone', 'jigsaw', 'light', 'petrified_oak_slab', 'reinforced_deepslate', 'spawner', 'structure_block']);
    expect(bill.refused.find((r) => r.block === 'bedrock')).toEqual({ block: 'bedrock', count: 2, why: 'a block that never drops itself, not even with Silk Touch' });
    expect(bill.refused.find((r) => r.block === 'command_block')?.why).toBe('an operator item (creative or commands only)');
    expect(bill.refused.find((r) => r.block === 'frosted_ice')?.why).toBe('no item places this block');
    expect(describeRefusals(bill)).toMatch(/^barrier ×1 \(an operator item.*bedrock ×2 \(a block that never drops itself/);
  });

  it('refuses a block the version does not know, naming it, and a wall head whose item cannot be had', () => {
    const bill = billOfMaterials(row(['mymod:gizmo'], ['oak_plank'], ['player_wall_head', { facing: 'north' }]), kb);
    expect(bill.refused).toEqual([
      { block: 'mymod:gizmo', count: 1, why: `not a block in Minecraft ${version}` },
      { block: 'oak_plank', count: 1, why: `not a block in Minecraft ${version}` },
      { block: 'player_wall_head', count: 1, why: 'needs player_head: a block that never drops itself, not even with Silk Touch' },
    ]);
  });

  it('gives every block of the version an answer: items that exist, or a reason', () => {
    for (const b of kb.registry.blocksArray) {
      const cost = blockCost({ name: b.name, props: {} }, kb);
      if ('refused' in cost) expect(cost.refused.length).toBeGreaterThan(0);
      else for (const item of Object.keys(cost.items)) expect(kb.isItem(item), `${b.name} → ${item}`).toBe(true);
    }
  });
});

describe('version differences', () => {
  it('pale oak (1.21.4) is refused on 1.20.1 and counted on 1.21.4', () => {
    const s = row(['pale_oak_planks']);
    expect(billOfMaterials(s, createKnowledge('1.20.1')).refused).toEqual([{ block: 'pale_oak_planks', count: 1, why: 'not a block in Minecraft 1.20.1' }]);
    expect(billOfMaterials(s, createKnowledge('1.21.4')).items).toEqual({ pale_oak_planks: 1 });
  });
});

describe('renameForVersion', () => {
  it('gives grass the name each version knows and leaves what it knows alone', () => {
    const s = row(['grass'], ['short_grass'], ['grass_block', { snowy: 'false' }], ['grass_path'], ['mymod:gizmo']);
    const names = (v: string) => renameForVersion(s, createKnowledge(v)).blocks.map((b) => b.name);
    expect(names('1.20.1')).toEqual(['grass', 'grass', 'grass_block', 'dirt_path', 'mymod:gizmo']);
    expect(names('1.21.4')).toEqual(['short_grass', 'short_grass', 'grass_block', 'dirt_path', 'mymod:gizmo']);
  });
});

describe('a schematic file with bedrock in it', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'build-bom-')); });
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  it('is read, and its bill refuses the bedrock before anything else is asked', async () => {
    const pad: Structure = {
      name: 'pad', size: { x: 2, y: 1, z: 2 }, format: 'sponge',
      blocks: [
        { x: 0, y: 0, z: 0, name: 'cobblestone', props: {} }, { x: 1, y: 0, z: 0, name: 'bedrock', props: {} },
        { x: 0, y: 0, z: 1, name: 'bedrock', props: {} }, { x: 1, y: 0, z: 1, name: 'cobblestone', props: {} },
      ],
    };
    const file = path.join(dir, 'pad.schem');
    writeFileSync(file, spongeBytes(pad));
    const bill = billOfMaterials(await readStructure(file), createKnowledge('1.20.1'));
    expect(bill.items).toEqual({ cobblestone: 2 });
    expect(bill.refused).toEqual([{ block: 'bedrock', count: 2, why: 'a block that never drops itself, not even with Silk Touch' }]);
  });
});
