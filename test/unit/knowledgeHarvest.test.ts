import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Registry } from 'prismarine-registry';
import {
  bestToolKind, canHarvest, harvestRequirement, harvestTools, parseTool, tierAtLeast, toolSpeed, toolWear, TIER_ORDER,
} from '../../src/knowledge/index.ts';

const require = createRequire(import.meta.url);
const loadRegistry = require('prismarine-registry') as (v: string) => Registry;
const r = loadRegistry('1.20.1');

const PICKS = TIER_ORDER.map((t) => `${t}_pickaxe`);
/** The pickaxes (weakest first) that harvest the block. */
const picksThatHarvest = (block: string) => PICKS.filter((p) => canHarvest(r, block, p));

describe('harvest tiers', () => {
  it('needs any pickaxe for stone, cobblestone and coal ore (deepslate too)', () => {
    for (const b of ['stone', 'cobblestone', 'coal_ore', 'deepslate_coal_ore', 'deepslate', 'cobbled_deepslate']) {
      expect(canHarvest(r, b, null), b).toBe(false);
      expect(picksThatHarvest(b), b).toEqual(PICKS);
      expect(harvestRequirement(r, b), b).toEqual({ tool: 'pickaxe', minTier: 'wooden' });
    }
    expect(canHarvest(r, 'stone', 'golden_pickaxe')).toBe(true);
    expect(canHarvest(r, 'stone', 'diamond_shovel')).toBe(false);
  });

  it('needs a stone pickaxe or better for iron, copper and lapis ore', () => {
    for (const b of ['iron_ore', 'deepslate_iron_ore', 'copper_ore', 'deepslate_copper_ore', 'lapis_ore', 'deepslate_lapis_ore']) {
      expect(picksThatHarvest(b), b).toEqual(['stone_pickaxe', 'iron_pickaxe', 'diamond_pickaxe', 'netherite_pickaxe']);
      expect(harvestRequirement(r, b), b).toEqual({ tool: 'pickaxe', minTier: 'stone' });
      expect(canHarvest(r, b, 'golden_pickaxe'), b).toBe(false);
    }
  });

  it('needs an iron pickaxe or better for gold, redstone, diamond and emerald ore', () => {
    for (const b of ['gold_ore', 'redstone_ore', 'diamond_ore', 'emerald_ore', 'deepslate_gold_ore', 'deepslate_redstone_ore',
      'deepslate_diamond_ore', 'deepslate_emerald_ore']) {
      expect(picksThatHarvest(b), b).toEqual(['iron_pickaxe', 'diamond_pickaxe', 'netherite_pickaxe']);
      expect(harvestRequirement(r, b), b).toEqual({ tool: 'pickaxe', minTier: 'iron' });
    }
  });

  it('needs a diamond pickaxe for obsidian', () => {
    expect(picksThatHarvest('obsidian')).toEqual(['diamond_pickaxe', 'netherite_pickaxe']);
    expect(harvestRequirement(r, 'obsidian')).toEqual({ tool: 'pickaxe', minTier: 'diamond' });
  });

  it('lets a hand harvest logs, planks, dirt, sand, gravel and leaves', () => {
    for (const b of ['oak_log', 'birch_log', 'oak_planks', 'dirt', 'grass_block', 'sand', 'gravel', 'oak_leaves', 'crafting_table']) {
      expect(canHarvest(r, b, null), b).toBe(true);
      expect(harvestTools(r, b), b).toBeNull();
      expect(harvestRequirement(r, b), b).toBeNull();
    }
  });

  it('names cobweb as a sword (or shears) block', () => {
    expect(harvestRequirement(r, 'cobweb')).toEqual({ tool: 'sword', minTier: 'wooden' });
    expect(harvestTools(r, 'cobweb')).toContain('shears');
  });

  it('throws on an unknown block instead of guessing', () => {
    expect(() => canHarvest(r, 'no_such_block', null)).toThrow(/unknown block/);
  });
});

describe('tools', () => {
  it('parses tool names', () => {
    expect(parseTool('iron_pickaxe')).toEqual({ name: 'iron_pickaxe', kind: 'pickaxe', tier: 'iron' });
    expect(parseTool('shears')).toEqual({ name: 'shears', kind: 'shears', tier: null });
    expect(parseTool('oak_log')).toBeNull();
    expect(parseTool('stone')).toBeNull();
    expect(parseTool(null)).toBeNull();
  });

  it('orders tiers by harvest level with gold like wood', () => {
    expect(tierAtLeast('iron', 'stone')).toBe(true);
    expect(tierAtLeast('golden', 'stone')).toBe(false);
    expect(tierAtLeast('golden', 'wooden')).toBe(true);
  });

  it('has vanilla speeds on matching materials only', () => {
    expect(TIER_ORDER.map((t) => toolSpeed('mineable/pickaxe', `${t}_pickaxe`))).toEqual([2, 4, 6, 8, 9]);
    expect(toolSpeed('mineable/pickaxe', 'golden_pickaxe')).toBe(12);
    expect(toolSpeed('mineable/axe', 'iron_pickaxe')).toBe(1);
    expect(toolSpeed('leaves;mineable/hoe', 'shears')).toBe(15);
    expect(toolSpeed('leaves;mineable/hoe', 'stone_hoe')).toBe(4);
    expect(toolSpeed('mineable/pickaxe', null)).toBe(1);
    expect(bestToolKind(r.blocksByName.oak_log!.material)).toBe('axe');
    expect(bestToolKind(r.blocksByName.glass!.material)).toBeNull();
  });

  it('matches the durability minecraft-data gives each tool', () => {
    const uses: Record<string, number> = { wooden: 59, stone: 131, iron: 250, diamond: 1561, netherite: 2031 };
    for (const t of TIER_ORDER) expect(r.itemsByName[`${t}_pickaxe`]!.maxDurability).toBe(uses[t]);
  });

  it('wears tools like vanilla', () => {
    expect(toolWear('wooden_pickaxe', 'stone', 1.5)).toBe(1);
    expect(toolWear('iron_sword', 'oak_log', 2)).toBe(2);
    expect(toolWear('iron_axe', 'grass', 0)).toBe(0);
    expect(toolWear('shears', 'grass', 0)).toBe(1);
    expect(toolWear(null, 'stone', 1.5)).toBe(0);
    expect(toolWear('oak_log', 'stone', 1.5)).toBe(0);
  });
});
