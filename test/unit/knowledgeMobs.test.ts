import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createRng } from '../../src/knowledge/rng.ts';
import { CREEPER_FUSE, explosionDamage, HOSTILE_MOBS, meanLoot, MOBS, PASSIVE_MOBS, plannedLoot, SANDBOX_NATURAL_MOBS, SANDBOX_SUMMONABLE_MOBS } from '../../src/knowledge/mobs.ts';
import { parseSummon } from '../../src/sandbox/plugins/commands/summon.ts';
import { rollLoot } from '../../src/sandbox/mobs/loot.ts';
import { killMob } from '../../skills/killMob.ts';

const kb = createKnowledge('1.20.1');

describe('the mobs of a user\'s server (vanilla loot, normal difficulty)', () => {
  it('counts the loot a kill gives on average and the part a plan may count on', () => {
    expect(meanLoot('skeleton')).toEqual({ bone: 1, arrow: 1 });
    expect(meanLoot('stray')).toEqual(meanLoot('skeleton'));
    expect(meanLoot('husk')).toEqual(meanLoot('zombie'));
    expect(meanLoot('creeper')).toEqual({ gunpowder: 1 });
    expect(meanLoot('enderman')).toEqual({ ender_pearl: 0.5 });
    expect(meanLoot('squid')).toEqual({ ink_sac: 2 });
    expect(plannedLoot('squid')).toEqual({ ink_sac: 1 });
    expect(plannedLoot('glow_squid')).toEqual({ glow_ink_sac: 1 });
    expect(meanLoot('rabbit')).toEqual({ rabbit_hide: 0.5, rabbit: 0.5, rabbit_foot: 0.1 });
    expect(meanLoot('drowned')).toEqual({ rotten_flesh: 1, copper_ingot: 0.11 });
    expect(meanLoot('phantom')).toEqual({ phantom_membrane: 0.5 });
    expect(meanLoot('guardian')).toEqual({ prismarine_shard: 1, prismarine_crystals: 1 / 6, cod: 0.5 });
    expect(meanLoot('turtle')).toEqual({ seagrass: 1 });
  });

  it('models slimes per kill: only the small ones of a family drop, 13 of 18 kills', () => {
    expect(meanLoot('slime').slime_ball).toBeCloseTo(13 / 18, 10);
    expect(plannedLoot('slime').slime_ball).toBeCloseTo(13 / 18, 10);
  });

  it('gives a witch a quarter of each of its items a kill (sticks half), as 2 rolls of 1/8 and 0-2 do', () => {
    const witch = meanLoot('witch');
    for (const item of ['glass_bottle', 'glowstone_dust', 'gunpowder', 'redstone', 'spider_eye', 'sugar']) expect(witch[item], item).toBeCloseTo(0.25, 10);
    expect(witch.stick).toBeCloseTo(0.5, 10);
  });

  it('names only items and entities this version has', () => {
    for (const version of ['1.18.2', '1.20.1', '1.21.4']) {
      const reg = createKnowledge(version).registry;
      for (const m of Object.values(MOBS)) {
        expect(reg.entitiesByName[m.name], `${version} ${m.name}`).toBeDefined();
        for (const e of m.loot) expect(reg.itemsByName[e.item], `${version} ${e.item}`).toBeDefined();
      }
    }
  });

  it('prices a creeper\'s blast as vanilla does: 43 point-blank on normal, nothing from 6 blocks on', () => {
    expect(CREEPER_FUSE).toEqual({ ticks: 30, power: 3, swellWithin: 3, calmBeyond: 7 });
    expect(explosionDamage(3, 0)).toBe(43);
    expect(explosionDamage(3, 3)).toBe(16);
    expect(explosionDamage(3, 5.9)).toBe(1);
    expect(explosionDamage(3, 6)).toBe(0);
    expect(explosionDamage(3, 0, 0.5)).toBe(explosionDamage(3, 3));
  });

  it('keeps the sandbox to the mobs it simulates: natural spawns as before, /summon a few more', () => {
    expect(SANDBOX_NATURAL_MOBS).toEqual(['cow', 'sheep', 'pig', 'chicken', 'zombie', 'spider']);
    expect(SANDBOX_SUMMONABLE_MOBS).toEqual([...SANDBOX_NATURAL_MOBS, 'rabbit', 'skeleton', 'stray', 'husk', 'drowned', 'cave_spider', 'creeper']);
    expect(parseSummon('skeleton 2')).toMatchObject({ mob: 'skeleton', count: 2 });
    expect(() => parseSummon('enderman')).toThrow(/Unknown mob 'enderman' \(summonable: cow, .*creeper\)/);
    expect(PASSIVE_MOBS).toContain('squid');
    expect(HOSTILE_MOBS).toContain('creeper');
  });

  it('rolls a summoned mob\'s loot in the sandbox from the same table', () => {
    const rng = createRng(7);
    const seen = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      for (const { item, count } of rollLoot(MOBS.skeleton!, rng)) {
        expect(count).toBeGreaterThanOrEqual(1);
        expect(count).toBeLessThanOrEqual(2);
        seen.set(item, (seen.get(item) ?? 0) + count);
      }
    }
    // 200 kills at a mean of 1 bone and 1 arrow each.
    expect(seen.get('bone')).toBeGreaterThan(160);
    expect(seen.get('bone')).toBeLessThan(240);
    expect([...seen.keys()].sort()).toEqual(['arrow', 'bone']);
  });

  it('killMob produces monster loot when no animal drops it, from every mob of the version that does', () => {
    expect(killMob.producers?.('bone', 2, kb)).toEqual([{ mob: 'skeleton', count: 2, radius: 32 }, { mob: 'stray', count: 2, radius: 32 }]);
    expect(killMob.producers?.('ender_pearl', 1, kb)).toEqual([{ mob: 'enderman', count: 2, radius: 32 }]);
    expect(killMob.producers?.('gunpowder', 1, kb)).toEqual([{ mob: 'creeper', count: 1, radius: 32 }, { mob: 'witch', count: 4, radius: 32 }]);
    expect(killMob.producers?.('slime_ball', 1, kb)).toEqual([{ mob: 'slime', count: 2, radius: 32 }]);
    // Animals first: ink sacs from squids, rabbit hide from rabbits.
    expect(killMob.producers?.('ink_sac', 3, kb)).toEqual([{ mob: 'squid', count: 3, radius: 32 }]);
    expect(killMob.producers?.('rabbit_foot', 1, kb)).toEqual([{ mob: 'rabbit', count: 10, radius: 32 }]);
    expect(killMob.producers?.('scute', 1, kb)).toEqual([]);
  });
});
