import { describe, expect, it } from 'vitest';
import {
  AGE_TRY_CHANCE, ageChance, ageOnRandomTick, copperBlockAt, copperStage, isCopperDoor, nextCopper, secondsToStage, stageSeconds,
} from '../../src/knowledge/copper.ts';
import { Prng } from '../../src/sandbox/worldgen/random.ts';
import { randomTicksFor } from '../../src/sandbox/plugins/weathering/copper.ts';

describe('which blocks weather, and into what', () => {
  it('names the stages of every weathering form, and none of the waxed ones', () => {
    expect(['copper_block', 'exposed_copper', 'weathered_cut_copper_stairs', 'oxidized_copper_bulb', 'copper_door'].map(copperStage))
      .toEqual(['unaffected', 'exposed', 'weathered', 'oxidized', 'unaffected']);
    for (const n of ['waxed_copper_block', 'waxed_exposed_copper', 'copper_ore', 'raw_copper_block', 'copper_ingot', 'exposed_iron']) expect(copperStage(n), n).toBeUndefined();
    expect(['copper_block', 'exposed_copper', 'weathered_copper', 'cut_copper_slab', 'exposed_chiseled_copper', 'oxidized_copper'].map(nextCopper))
      .toEqual(['exposed_copper', 'weathered_copper', 'oxidized_copper', 'exposed_cut_copper_slab', 'weathered_chiseled_copper', undefined]);
    expect(copperBlockAt('unaffected')).toBe('copper_block');
    expect(copperBlockAt('weathered')).toBe('weathered_copper');
  });
});

describe("vanilla's aging rule", () => {
  it('is held back by any lower stage nearby, sped up by higher ones, slower when unaffected', () => {
    expect(ageChance('exposed', [])).toBeCloseTo(AGE_TRY_CHANCE);
    expect(ageChance('unaffected', [])).toBeCloseTo(AGE_TRY_CHANCE * 0.75);
    expect(ageChance('exposed', ['unaffected', 'oxidized'])).toBe(0);
    expect(ageChance('oxidized', [])).toBe(0);
    // Same stage: (1/(0+1+1))² = 1/4; one higher and one same: (2/3)².
    expect(ageChance('exposed', ['exposed'])).toBeCloseTo(AGE_TRY_CHANCE / 4);
    expect(ageChance('exposed', ['weathered', 'exposed'])).toBeCloseTo(AGE_TRY_CHANCE * 4 / 9);
  });

  it('ages at the rule\'s rate over many seeded random ticks, and never past oxidized or when held back', () => {
    const prng = new Prng(42);
    const random = () => prng.next();
    const trials = 200_000;
    let aged = 0;
    for (let i = 0; i < trials; i++) if (ageOnRandomTick('unaffected', [], random)) aged++;
    expect(aged / trials).toBeGreaterThan(ageChance('unaffected', []) * 0.9);
    expect(aged / trials).toBeLessThan(ageChance('unaffected', []) * 1.1);
    for (let i = 0; i < 10_000; i++) {
      expect(ageOnRandomTick('oxidized', [], random)).toBe(false);
      expect(ageOnRandomTick('weathered', ['exposed'], random)).toBe(false);
    }
  });

  it('makes an isolated block wait about 27 minutes unaffected and 20 a later stage, at randomTickSpeed 3', () => {
    expect(stageSeconds('unaffected') / 60).toBeCloseTo(26.7, 0);
    expect(stageSeconds('exposed') / 60).toBeCloseTo(20, 0);
    expect(secondsToStage('oxidized')).toBeCloseTo(stageSeconds('unaffected') + 2 * stageSeconds('exposed'));
    // A faster gamerule shortens it in proportion.
    expect(secondsToStage('exposed', 300)).toBeCloseTo(secondsToStage('exposed') / 100);
  });

  it('holds a door back by its own upper half (a quarter of the chance); a trapdoor ages as a block does', () => {
    expect(['copper_door', 'weathered_copper_door', 'waxed_copper_door', 'copper_trapdoor', 'iron_door'].map(isCopperDoor)).toEqual([true, true, false, false, false]);
    expect(stageSeconds('unaffected', 3, 'copper_door')).toBeCloseTo(4 * stageSeconds('unaffected'));
    expect(secondsToStage('oxidized', 3, 'copper_door') / 3600).toBeCloseTo(4.44, 1);
    expect(secondsToStage('weathered', 3, 'copper_trapdoor')).toBeCloseTo(secondsToStage('weathered'));
  });

  it('gives each block its Poisson share of random ticks: randomTickSpeed per 4096 blocks per game tick', () => {
    const prng = new Prng(7);
    const random = () => prng.next();
    let total = 0;
    for (let i = 0; i < 100_000; i++) total += randomTicksFor(3, 4, random);
    expect(total / 100_000 / (12 / 4096)).toBeGreaterThan(0.85);
    expect(total / 100_000 / (12 / 4096)).toBeLessThan(1.15);
    let fast = 0;
    for (let i = 0; i < 2000; i++) fast += randomTicksFor(4096, 4, random);
    expect(fast / 2000).toBeGreaterThan(3.8);
    expect(fast / 2000).toBeLessThan(4.2);
    expect(randomTicksFor(0, 4, random)).toBe(0);
  });
});
