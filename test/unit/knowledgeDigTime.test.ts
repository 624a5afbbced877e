import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Registry } from 'prismarine-registry';
import { digTicks, digTimeMs } from '../../src/knowledge/index.ts';

const require = createRequire(import.meta.url);
const loadRegistry = require('prismarine-registry') as (v: string) => Registry;

interface PBlock { digTime(item: number | null, creative: boolean, inWater: boolean, notOnGround: boolean, ench: unknown[], effects: object): number }
type PBlockClass = { fromStateId(stateId: number, biome: number): PBlock };
const loadBlock = require('prismarine-block') as (r: Registry) => PBlockClass;

const r = loadRegistry('1.20.1');

describe('dig time (vanilla formula)', () => {
  it('gives the known vanilla times', () => {
    expect(digTimeMs(r, 'stone', null)).toBe(7500);
    expect(digTimeMs(r, 'stone', 'wooden_pickaxe')).toBe(1150);
    expect(digTimeMs(r, 'oak_log', null)).toBe(3000);
    expect(digTimeMs(r, 'oak_log', 'stone_axe')).toBe(750);
    expect(digTimeMs(r, 'iron_ore', 'stone_pickaxe')).toBe(1150);
    expect(digTimeMs(r, 'iron_ore', 'wooden_pickaxe')).toBe(7500); // not harvestable: ×100 instead of ×30
    expect(digTimeMs(r, 'obsidian', 'diamond_pickaxe')).toBe(9400);
    expect(digTimeMs(r, 'dirt', null)).toBe(750);
    expect(digTimeMs(r, 'grass', null)).toBe(0);
    expect(digTimeMs(r, 'bedrock', 'netherite_pickaxe')).toBe(Infinity);
  });

  it('applies the water, air, efficiency and haste modifiers and creative', () => {
    expect(digTicks(r, 'stone', 'wooden_pickaxe', { inWater: true })).toBe(113);
    expect(digTicks(r, 'stone', 'wooden_pickaxe', { onGround: false })).toBe(113);
    expect(digTicks(r, 'stone', 'iron_pickaxe', { efficiencyLevel: 5 })).toBe(2); // speed 6+26=32
    expect(digTicks(r, 'stone', null, { efficiencyLevel: 5 })).toBe(150); // efficiency needs the right tool
    expect(digTicks(r, 'stone', 'wooden_pickaxe', { hasteLevel: 2 })).toBe(17);
    expect(digTimeMs(r, 'obsidian', null, { creative: true })).toBe(0);
  });

  it('uses sword and shears speeds', () => {
    expect(digTimeMs(r, 'cobweb', 'iron_sword')).toBe(400);
    expect(digTimeMs(r, 'cobweb', null)).toBe(20_000);
    expect(digTimeMs(r, 'oak_leaves', 'shears')).toBe(0);
    expect(digTimeMs(r, 'white_wool', 'shears')).toBe(250);
  });

  for (const version of ['1.18.2', '1.19.4', '1.20.1', '1.20.4']) {
    it(`equals prismarine-block's digTime for every block and tool on ${version}`, () => {
      const reg = loadRegistry(version);
      const Block = loadBlock(reg);
      const tools = [null, ...reg.itemsArray.filter((i) => /_(pickaxe|axe|shovel|hoe|sword)$/.test(i.name) || i.name === 'shears').map((i) => i.name)];
      expect(tools.length).toBe(32);
      const mismatches: string[] = [];
      let compared = 0;
      for (const b of reg.blocksArray) {
        // prismarine-block divides by a null hardness (1.18.2 data) and calls bedrock instant.
        if (b.hardness === null) continue;
        const block = Block.fromStateId(b.minStateId, 0);
        for (const tool of tools) {
          for (const [inWater, onGround] of [[false, true], [true, true], [false, false]] as const) {
            const theirs = block.digTime(tool ? reg.itemsByName[tool]!.id : null, false, inWater, !onGround, [], {});
            const ours = digTimeMs(reg, b.name, tool, { inWater, onGround });
            compared++;
            if (theirs !== ours) mismatches.push(`${b.name} ${tool} water=${inWater} ground=${onGround}: ${theirs} vs ${ours}`);
          }
        }
      }
      expect(compared).toBeGreaterThan(80_000);
      expect(mismatches.slice(0, 10)).toEqual([]);
    });
  }
});
