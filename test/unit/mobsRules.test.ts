import { createRequire } from 'node:module';
import type { Registry } from 'prismarine-registry';
import { describe, expect, it } from 'vitest';
import { MOBS, SHEARED_BIT, WOOL_COLOURS } from '../../src/knowledge/mobs.ts';
import { createRng } from '../../src/knowledge/rng.ts';
import { applyHit, armourWear, freshHurtMemory, weaponWear } from '../../src/sandbox/mobs/damage.ts';
import { rollLoot, rollShearing } from '../../src/sandbox/mobs/loot.ts';
import { metadataLayout } from '../../src/sandbox/mobs/metadata.ts';
import { angleByte, yawTowards } from '../../src/sandbox/mobs/motion.ts';
import { naturalSheepColour } from '../../src/sandbox/mobs/spawn.ts';
import { isNight } from '../../src/sandbox/mobs/spawning.ts';
import { parseSummon } from '../../src/sandbox/plugins/commands/summon.ts';

const require = createRequire(import.meta.url);
const registry = (v: string) => (require('prismarine-registry') as (v: string) => Registry)(v);

describe('hurt invulnerability', () => {
  it('lands the first hit, then for 10 ticks only the part of a bigger hit above the last', () => {
    const m = freshHurtMemory();
    expect(applyHit(m, 5, 100)).toEqual({ dealt: 5, full: true });
    expect(applyHit(m, 4, 105)).toBeNull();
    expect(applyHit(m, 7, 109)).toEqual({ dealt: 2, full: false });
    expect(applyHit(m, 7, 109)).toBeNull();
    expect(applyHit(m, 1, 110)).toEqual({ dealt: 1, full: true });
    expect(applyHit(m, 0, 200)).toBeNull();
  });

  it('wears swords by 1, digging tools by 2, anything else not at all; armour by a quarter of the damage', () => {
    expect([weaponWear('diamond_sword'), weaponWear('stone_axe'), weaponWear('iron_pickaxe'), weaponWear('trident')]).toEqual([1, 2, 2, 1]);
    expect([weaponWear('stick'), weaponWear(undefined), weaponWear('shears')]).toEqual([0, 0, 0]);
    expect([armourWear(2), armourWear(3), armourWear(8), armourWear(9.5)]).toEqual([1, 1, 2, 2]);
  });
});

describe('loot', () => {
  it('rolls within the facts table ranges, with the sheep\'s wool in its colour unless sheared', () => {
    const rng = createRng(5);
    const totals: Record<string, number> = {};
    for (let i = 0; i < 3000; i++) {
      for (const { item, count } of rollLoot(MOBS.spider!, rng)) {
        totals[item] = (totals[item] ?? 0) + count;
        expect(count).toBeGreaterThan(0);
      }
      const cow = rollLoot(MOBS.cow!, rng);
      const beef = cow.find((s) => s.item === 'beef')!.count;
      expect(beef).toBeGreaterThanOrEqual(1);
      expect(beef).toBeLessThanOrEqual(3);
    }
    // spider eyes one kill in three, string 0–2 (mean 1)
    expect(totals.spider_eye! / 3000).toBeCloseTo(1 / 3, 1);
    expect(totals.string! / 3000).toBeCloseTo(1, 1);
    const red = WOOL_COLOURS.indexOf('red');
    expect(rollLoot(MOBS.sheep!, rng, red).map((s) => s.item)).toContain('red_wool');
    expect(rollLoot(MOBS.sheep!, rng, red | SHEARED_BIT).map((s) => s.item)).not.toContain('red_wool');
    const shorn = rollShearing(rng, WOOL_COLOURS.indexOf('cyan'));
    expect(shorn.item).toBe('cyan_wool');
    expect(shorn.count).toBeGreaterThanOrEqual(1);
    expect(shorn.count).toBeLessThanOrEqual(3);
  });

  it('gives natural sheep colours with vanilla odds: mostly white, about 5 % black', () => {
    const rng = createRng(9);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const c = naturalSheepColour(rng);
      counts[c] = (counts[c] ?? 0) + 1;
    }
    expect(Object.keys(counts).sort()).toEqual(['black', 'brown', 'gray', 'light_gray', 'pink', 'white']);
    expect(counts.white! / 20_000).toBeCloseTo(0.8164, 1);
    expect(counts.black! / 20_000).toBeCloseTo(0.05, 1);
  });
});

describe('/summon arguments', () => {
  it('takes a mob, an optional count, an optional position and a sheep colour', () => {
    expect(parseSummon('cow')).toEqual({ mob: 'cow', count: 1, at: undefined, colour: undefined });
    expect(parseSummon('minecraft:Sheep 3 color=black')).toEqual({ mob: 'sheep', count: 3, at: undefined, colour: 'black' });
    expect(parseSummon('zombie 10 64 ~-2')).toEqual({ mob: 'zombie', count: 1, at: ['10', '64', '~-2'], colour: undefined });
    expect(parseSummon('pig 2 1 2 3')).toEqual({ mob: 'pig', count: 2, at: ['1', '2', '3'], colour: undefined });
  });

  it('refuses what it cannot do with a one-line reason', () => {
    expect(() => parseSummon('')).toThrow(/Usage: \/summon/);
    expect(() => parseSummon('enderman')).toThrow(/Unknown mob 'enderman' \(summonable: cow, sheep/);
    expect(() => parseSummon('cow 65')).toThrow(/must not be more than 64/);
    expect(() => parseSummon('cow 1 2')).toThrow(/Usage/);
    expect(() => parseSummon('cow color=red')).toThrow(/Only sheep have a colour/);
    expect(() => parseSummon('sheep colour=mauve')).toThrow(/Unknown colour 'mauve'/);
    expect(() => parseSummon('sheep size=big')).toThrow(/Unknown option 'size'/);
  });
});

describe('protocol details', () => {
  it('reads metadata indices and types per version, falling back where minecraft-data has no key names', () => {
    expect(metadataLayout(registry('1.20.1'))).toEqual({ healthKey: 9, woolKey: 17, swellKey: 16, byteType: 'byte', floatType: 'float', intType: 'int' });
    expect(metadataLayout(registry('1.18.2'))).toEqual({ healthKey: 9, woolKey: 17, swellKey: 16, byteType: 0, floatType: 2, intType: 1 });
  });

  it('turns directions into vanilla yaw and angle bytes', () => {
    expect(yawTowards(0, 1)).toBeCloseTo(0);
    expect(yawTowards(-1, 0)).toBeCloseTo(90);
    expect(Math.abs(yawTowards(0, -1))).toBeCloseTo(180);
    expect([angleByte(0), angleByte(90), angleByte(180), angleByte(-90), angleByte(450)]).toEqual([0, 64, -128, -64, 64]);
  });

  it('counts 13000–23000 as night', () => {
    expect([isNight(0), isNight(12999), isNight(13000), isNight(18000), isNight(22999), isNight(23000), isNight(37000)]).toEqual([false, false, true, true, true, false, true]);
  });
});
