import { describe, expect, it } from 'vitest';
import { decideReflex, type ReflexSituation } from '../../src/agent/reflexes/decide.ts';
import { bestWeapon } from '../../src/actions/mobs/combat.ts';

const calm: ReflexSituation = {
  health: 20, food: 20, liquid: null, headUnderWaterMs: 0, inWaterMs: 0, attacker: null,
  sinceHurtMs: Infinity, nearestHostile: Infinity, hasWeapon: false, foodItem: null,
};
const zombie = { name: 'zombie', distance: 1.8 };

describe('reflex decisions', () => {
  it('lets the skill go on when nothing is wrong', () => {
    expect(decideReflex(calm)).toBeNull();
    expect(decideReflex({ ...calm, food: 15, foodItem: 'bread' })).toBeNull();
    expect(decideReflex({ ...calm, liquid: 'water', inWaterMs: 5000 })).toBeNull();
  });

  it('fights back an attacker in reach with a weapon, or with health to spare', () => {
    expect(decideReflex({ ...calm, attacker: zombie, sinceHurtMs: 100, nearestHostile: 1.8, hasWeapon: true, health: 5 }))
      .toEqual({ kind: 'fight', attacker: 'zombie', reason: 'attacked by a zombie 1.8 blocks away (health 5): fighting back' });
    expect(decideReflex({ ...calm, attacker: zombie, sinceHurtMs: 100, nearestHostile: 1.8, health: 17 })).toMatchObject({ kind: 'fight' });
  });

  it('flees when weak and unarmed; ignores an attacker out of reach', () => {
    expect(decideReflex({ ...calm, attacker: zombie, sinceHurtMs: 100, nearestHostile: 1.8, health: 8 }))
      .toEqual({ kind: 'flee', attacker: 'zombie', reason: 'attacked by a zombie 1.8 blocks away with health 8 and no weapon: fleeing' });
    expect(decideReflex({ ...calm, attacker: { name: 'zombie', distance: 6 }, sinceHurtMs: 100, nearestHostile: 6, health: 8 })).toBeNull();
  });

  it('leaves lava at once, water when the head stays under or the bot stays in', () => {
    expect(decideReflex({ ...calm, liquid: 'lava', attacker: zombie, hasWeapon: true })).toEqual({ kind: 'leave_liquid', liquid: 'lava', reason: 'standing in lava' });
    expect(decideReflex({ ...calm, liquid: 'water', headUnderWaterMs: 3200 })).toEqual({ kind: 'leave_liquid', liquid: 'water', reason: 'head under water for 3 s' });
    expect(decideReflex({ ...calm, liquid: 'water', inWaterMs: 21_000 })).toMatchObject({ kind: 'leave_liquid', reason: 'in water for 21 s' });
  });

  it('eats at food 14 or less with food carried, only when calm', () => {
    expect(decideReflex({ ...calm, food: 14, foodItem: 'bread' })).toEqual({ kind: 'eat', item: 'bread', reason: 'food 14/20: eating bread' });
    expect(decideReflex({ ...calm, food: 10, foodItem: null })).toBeNull();
    expect(decideReflex({ ...calm, food: 10, foodItem: 'bread', nearestHostile: 5 })).toBeNull();
    expect(decideReflex({ ...calm, food: 10, foodItem: 'bread', sinceHurtMs: 1000 })).toBeNull();
  });

  it('skips reflexes switched off', () => {
    const attacked = { ...calm, attacker: zombie, sinceHurtMs: 100, nearestHostile: 1.8, hasWeapon: true };
    expect(decideReflex(attacked, new Set(['fight']))).toBeNull();
    expect(decideReflex({ ...calm, liquid: 'lava' }, new Set(['leave_liquid']))).toBeNull();
  });
});

describe('weapon choice', () => {
  it('picks what kills soonest at full charge: fewest hits, one per cooldown', () => {
    // A cow (10 HP): a diamond sword in 2 hits at 1.6/s beats a diamond axe in 2 hits at 1/s.
    expect(bestWeapon(['diamond_axe', 'diamond_sword', 'dirt'], 10)).toBe('diamond_sword');
    expect(bestWeapon(['stone_pickaxe', 'wooden_sword'], 20)).toBe('wooden_sword');
    // An iron axe (9) kills a 16 HP spider in 2 hits; an iron sword (6) needs 3: 2.2 s against 1.9 s.
    expect(bestWeapon(['iron_axe', 'iron_sword'], 16)).toBe('iron_sword');
    expect(bestWeapon(['stone_axe', 'wooden_shovel'], 8)).toBe('stone_axe');
    expect(bestWeapon(['dirt', 'bread'], 10)).toBeNull();
    expect(bestWeapon([], 10)).toBeNull();
  });
});
