import { describe, expect, it } from 'vitest';
import { observationSchema, type Observation } from '../../src/bot/observation.ts';
import { blockTier, renderObservation } from '../../src/bot/render.ts';

const at = (x: number, y: number, z: number) => ({ x, y, z });

/** A forest scene as a real bot reports it at radius 32: many block types, a few mobs, a mid-game inventory. */
const forest: Observation = {
  position: at(12.5, 71, -3.5),
  dimension: 'overworld',
  biome: 'forest',
  time: { timeOfDay: 6200, day: 2, phase: 'day' },
  health: 17.5,
  food: 18,
  saturation: 3.2,
  heldItem: { name: 'stone_pickaxe', count: 1 },
  equipment: { head: null, chest: { name: 'leather_chestplate', count: 1 }, legs: null, feet: null, offhand: { name: 'torch', count: 12 } },
  inventory: {
    oak_log: 9, oak_planks: 14, stick: 6, cobblestone: 37, dirt: 12, torch: 12, coal: 5, raw_iron: 3,
    stone_pickaxe: 1, wooden_axe: 1, apple: 2, oak_sapling: 4, crafting_table: 1, wheat_seeds: 7,
  },
  radius: 32,
  blocks: [
    { name: 'grass_block', count: 2890, nearest: 0.5, at: at(12, 70, -4) },
    { name: 'short_grass', count: 611, nearest: 1.1, at: at(13, 71, -4) },
    { name: 'dirt', count: 8211, nearest: 1.5, at: at(12, 69, -4) },
    { name: 'oak_leaves', count: 1934, nearest: 2.9, at: at(14, 73, -2) },
    { name: 'oak_log', count: 142, nearest: 3.2, at: at(14, 71, -1) },
    { name: 'crafting_table', count: 1, nearest: 3.4, at: at(10, 71, -1) },
    { name: 'birch_log', count: 61, nearest: 5.8, at: at(7, 71, -6) },
    { name: 'birch_leaves', count: 722, nearest: 6.0, at: at(7, 74, -5) },
    { name: 'stone', count: 52310, nearest: 4.5, at: at(12, 66, -4) },
    { name: 'poppy', count: 14, nearest: 6.7, at: at(18, 71, 0) },
    { name: 'dandelion', count: 21, nearest: 7.2, at: at(6, 71, 1) },
    { name: 'gravel', count: 388, nearest: 8.4, at: at(15, 64, -8) },
    { name: 'coal_ore', count: 97, nearest: 9.1, at: at(9, 63, -5) },
    { name: 'andesite', count: 1203, nearest: 9.8, at: at(20, 64, 0) },
    { name: 'granite', count: 980, nearest: 10.3, at: at(3, 63, -9) },
    { name: 'diorite', count: 1101, nearest: 11.0, at: at(13, 61, 4) },
    { name: 'water', count: 410, nearest: 12.2, at: at(24, 68, -6) },
    { name: 'sand', count: 96, nearest: 13.0, at: at(25, 68, -8) },
    { name: 'iron_ore', count: 41, nearest: 14.6, at: at(1, 58, 2) },
    { name: 'copper_ore', count: 58, nearest: 15.7, at: at(20, 57, 7) },
    { name: 'clay', count: 22, nearest: 16.1, at: at(26, 66, -7) },
    { name: 'sugar_cane', count: 9, nearest: 17.4, at: at(27, 69, -9) },
    { name: 'mossy_cobblestone', count: 6, nearest: 22.8, at: at(-8, 55, 10) },
    { name: 'lapis_ore', count: 4, nearest: 27.9, at: at(30, 47, 6) },
    { name: 'bedrock', count: 1, nearest: 31.7, at: at(12, 40, -3) },
  ],
  entities: [
    { type: 'player', name: 'alex', count: 1, nearest: 4.2, at: at(16.2, 71, -2.1) },
    { type: 'animal', name: 'cow', count: 3, nearest: 11.9, at: at(23.1, 70, 1.4) },
    { type: 'animal', name: 'sheep', count: 2, nearest: 14.3, at: at(0.7, 71, -11.2) },
    { type: 'animal', name: 'chicken', count: 4, nearest: 18.8, at: at(28.4, 70, 6.6) },
    { type: 'passive', name: 'pig', count: 1, nearest: 21.0, at: at(-5.2, 72, -12.9) },
    { type: 'object', name: 'item', count: 2, nearest: 2.3, at: at(13.9, 71, -1.5) },
    { type: 'hostile', name: 'zombie', count: 1, nearest: 29.5, at: at(-14.3, 70, 8.8) },
  ],
  stations: {
    craftingTable: { at: at(10, 71, -1), distance: 3.4, inReach: true, access: 'reach' },
    furnace: null,
  },
};

describe('observation schema', () => {
  it('accepts a realistic forest observation', () => {
    expect(observationSchema.parse(forest)).toEqual(forest);
  });

  it('rejects a malformed one', () => {
    expect(observationSchema.safeParse({ ...forest, time: { ...forest.time, timeOfDay: 30000 } }).success).toBe(false);
    expect(observationSchema.safeParse({ ...forest, inventory: { oak_log: 0 } }).success).toBe(false);
    expect(observationSchema.safeParse({ ...forest, blocks: [{ name: 'stone', count: 1 }] }).success).toBe(false);
  });
});

describe('renderObservation', () => {
  const text = renderObservation(forest);

  it('stays within about 400 tokens for a forest scene (chars / 4)', () => {
    expect(text.length / 4).toBeLessThanOrEqual(400);
  });

  it('names the essentials: position, vitals, held item, inventory, stations, entities', () => {
    expect(text).toContain('12.5,71,-3.5');
    expect(text).toContain('biome forest');
    expect(text).toContain('Health 17.5/20, food 18/20');
    expect(text).toContain('Holding stone_pickaxe x1');
    expect(text).toContain('Armour leather_chestplate');
    expect(text).toContain('cobblestone 37');
    expect(text).toContain('crafting_table 3.4 away at 10,71,-1 (in reach)');
    expect(text).toContain('furnace none within 32');
    expect(text).toContain('player alex 4.2 away');
    expect(text).toContain('cow x3');
  });

  it('lists resources and workstations before bulk blocks, nearest first within a tier, and caps the list', () => {
    const blocksLine = text.split('\n').find((l) => l.startsWith('Blocks'))!;
    const order = [...blocksLine.matchAll(/(?:: |; )([a-z_]+) \d+ [\d.]+ /g)].map((m) => m[1]);
    expect(order.slice(0, 4)).toEqual(['oak_log', 'crafting_table', 'birch_log', 'coal_ore']);
    expect(order.indexOf('iron_ore')).toBeGreaterThan(-1);
    expect(order).not.toContain('grass_block');
    expect(order).toHaveLength(12);
    expect(blocksLine).toMatch(/\+13 more types\.$/);
  });

  it('ranks block names into tiers', () => {
    expect(blockTier('deepslate_iron_ore')).toBe(0);
    expect(blockTier('spruce_log')).toBe(0);
    expect(blockTier('crimson_stem')).toBe(0);
    expect(blockTier('water')).toBe(1);
    expect(blockTier('oak_planks')).toBe(1);
    expect(blockTier('dirt')).toBe(2);
    expect(blockTier('oak_leaves')).toBe(2);
  });

  it('says so when there is nothing', () => {
    const empty = renderObservation({ ...forest, inventory: {}, blocks: [], entities: [], heldItem: null, stations: { craftingTable: null, furnace: null } });
    expect(empty).toContain('Inventory: empty.');
    expect(empty).toContain('Holding nothing.');
    expect(empty).toContain('Entities within 32: none.');
  });
});
