// When a reflex takes over from the running skill: a pure choice over what the bot senses, so that
// it can be tested alone. The monitor (reflexes.ts) gathers the situation; reflexesAct.ts acts.

export type ReflexKind = 'fight' | 'flee' | 'eat' | 'leave_liquid';
export const REFLEX_KINDS: readonly ReflexKind[] = ['fight', 'flee', 'eat', 'leave_liquid'];

export interface ReflexSituation {
  health: number;
  food: number;
  /** The liquid the bot's feet or head are in. */
  liquid: 'lava' | 'water' | null;
  /** How long the bot's head has been under water, and how long it has been in water at all (ms). */
  headUnderWaterMs: number;
  inWaterMs: number;
  /** The hostile that is taken to have hurt the bot just now (the nearest one in reach), if any. */
  attacker: { name: string; distance: number } | null;
  /** Milliseconds since the bot was last hurt (Infinity: never). */
  sinceHurtMs: number;
  /** Distance to the nearest hostile mob (Infinity: none in sight). */
  nearestHostile: number;
  /** The bot carries something that hits harder than a hand. */
  hasWeapon: boolean;
  /** A carried food it may eat (never one the task is collecting), or null. */
  foodItem: string | null;
}

export type ReflexPlan =
  | { kind: 'fight' | 'flee'; reason: string; attacker: string }
  | { kind: 'eat'; reason: string; item: string }
  | { kind: 'leave_liquid'; reason: string; liquid: 'lava' | 'water' };

/** Thresholds, vanilla-minded: hunger stops healing at 17 and sprinting at 6; a zombie hits 3. */
export const REFLEX_LIMITS = {
  /** A hostile this close that just hurt the bot is fought or fled from. */
  attackRange: 4,
  /** Fight back when the bot has a weapon, or more health than this. */
  fightHealth: 8,
  /** Eat at or below this food level... */
  eatAt: 14,
  /** ...when no hostile is this close and nothing hurt the bot for this long. */
  calmRadius: 8,
  calmMs: 5000,
  /** Leave water once the head was under for this long, or the bot has been in it this long. */
  headUnderMs: 3000,
  inWaterMs: 20_000,
} as const;

/**
 * The reflex the situation calls for, most urgent first: out of lava, fight or flee an attacker,
 * out of deep or lasting water, eat when hungry and calm. null when the skill may go on.
 */
export function decideReflex(s: ReflexSituation, disabled: ReadonlySet<ReflexKind> = new Set()): ReflexPlan | null {
  const on = (k: ReflexKind) => !disabled.has(k);
  if (s.liquid === 'lava' && on('leave_liquid')) return { kind: 'leave_liquid', liquid: 'lava', reason: 'standing in lava' };
  if (s.attacker && s.attacker.distance <= REFLEX_LIMITS.attackRange) {
    const d = Math.round(s.attacker.distance * 10) / 10;
    const fights = s.hasWeapon || s.health > REFLEX_LIMITS.fightHealth;
    if (fights && on('fight')) {
      return { kind: 'fight', attacker: s.attacker.name, reason: `attacked by a ${s.attacker.name} ${d} blocks away (health ${Math.round(s.health)}): fighting back` };
    }
    if (!fights && on('flee')) {
      return { kind: 'flee', attacker: s.attacker.name, reason: `attacked by a ${s.attacker.name} ${d} blocks away with health ${Math.round(s.health)} and no weapon: fleeing` };
    }
  }
  if (s.liquid === 'water' && on('leave_liquid')) {
    if (s.headUnderWaterMs >= REFLEX_LIMITS.headUnderMs) return { kind: 'leave_liquid', liquid: 'water', reason: `head under water for ${Math.round(s.headUnderWaterMs / 1000)} s` };
    if (s.inWaterMs >= REFLEX_LIMITS.inWaterMs) return { kind: 'leave_liquid', liquid: 'water', reason: `in water for ${Math.round(s.inWaterMs / 1000)} s` };
  }
  const calm = s.nearestHostile > REFLEX_LIMITS.calmRadius && s.sinceHurtMs >= REFLEX_LIMITS.calmMs;
  if (s.food <= REFLEX_LIMITS.eatAt && s.foodItem !== null && calm && on('eat')) {
    return { kind: 'eat', item: s.foodItem, reason: `food ${s.food}/20: eating ${s.foodItem}` };
  }
  return null;
}
