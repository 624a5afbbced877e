// Vanilla hurt invulnerability (LivingEntity.hurt), shared by mobs and players; pure.

/** Ticks after a hit during which only a bigger hit lands, and then only by the difference. */
export const HURT_INVULNERABLE_TICKS = 10;

export interface HurtMemory {
  /** Tick of the last hit that landed in full. */
  tick: number;
  /** Damage of the biggest hit since then. */
  damage: number;
}

export interface HitResult {
  /** Health actually taken. */
  dealt: number;
  /** A full hit (hurt flash, knockback); false for the top-up of a bigger hit during invulnerability. */
  full: boolean;
}

/** Applies vanilla's rule to a hit of `damage` at `tick`; null when it does not land. Updates `memory`. */
export function applyHit(memory: HurtMemory, damage: number, tick: number): HitResult | null {
  if (damage <= 0) return null;
  if (tick - memory.tick < HURT_INVULNERABLE_TICKS) {
    if (damage <= memory.damage) return null;
    const dealt = damage - memory.damage;
    memory.damage = damage;
    return { dealt, full: false };
  }
  memory.tick = tick;
  memory.damage = damage;
  return { dealt: damage, full: true };
}

/** A memory that lets the first hit land. */
export function freshHurtMemory(): HurtMemory {
  return { tick: -Infinity, damage: 0 };
}

/** Durability a weapon loses per hit that lands (vanilla: swords and tridents 1, digging tools 2, others 0). */
export function weaponWear(item: string | undefined): number {
  if (!item) return 0;
  if (item.endsWith('_sword') || item === 'trident') return 1;
  if (/_(axe|pickaxe|shovel|hoe)$/.test(item)) return 2;
  return 0;
}

/** Durability each worn armour piece loses when hit (vanilla: a quarter of the damage, at least 1). */
export function armourWear(damage: number): number {
  return Math.max(1, Math.floor(damage / 4));
}
