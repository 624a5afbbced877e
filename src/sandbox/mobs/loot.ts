// What a mob drops: rolled from the shared facts table with a seeded source.
import { Vec3 } from 'vec3';
import type { MobFacts } from '../../knowledge/mobs.ts';
import { SHEAR_WOOL, woolColour } from '../../knowledge/mobs.ts';
import type { Rng } from '../../knowledge/rng.ts';
import { dropItemEntity } from '../plugins/items/plugin.ts';
import type { MobEntity, MobWorld } from './types.ts';

export interface LootStack {
  item: string;
  count: number;
}

/** Rolls a mob's death loot; an unsheared sheep adds one wool of its colour. */
export function rollLoot(facts: MobFacts, rng: Rng, woolByte?: number): LootStack[] {
  const out: LootStack[] = [];
  for (const entry of facts.loot) {
    if (entry.chance !== undefined && rng.next() >= entry.chance) continue;
    const count = rng.int(entry.min, entry.max);
    if (count > 0) out.push({ item: entry.item, count });
  }
  if (facts.name === 'sheep' && woolByte !== undefined) {
    const { colour, sheared } = woolColour(woolByte);
    if (!sheared) out.push({ item: `${colour}_wool`, count: 1 });
  }
  return out;
}

/** Shearing yields SHEAR_WOOL (vanilla 1–3) wool of the sheep's colour. */
export function rollShearing(rng: Rng, woolByte: number): LootStack {
  return { item: `${woolColour(woolByte).colour}_wool`, count: rng.int(SHEAR_WOOL.min, SHEAR_WOOL.max) };
}

/**
 * Drops stacks at `at` with vanilla's small random hop (±0.1 blocks per tick sideways, 0.2 up),
 * pickable after the usual delay.
 */
export function dropStacks(mw: MobWorld, mob: MobEntity, stacks: readonly LootStack[], at: Vec3 = mob.position): void {
  for (const { item, count } of stacks) {
    const rng = mw.lootRng;
    const velocity = new Vec3((rng.next() * 0.2 - 0.1) * 20, 0.2 * 20, (rng.next() * 0.2 - 0.1) * 20);
    dropItemEntity(mw.serv, mob.world, at.clone(), { name: item, count }, { velocity });
  }
}
