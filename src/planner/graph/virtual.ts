import { mobOfBucket } from '../../knowledge/waterMobs.ts';
import type { WorldModel } from '../../knowledge/world.ts';
import { actionKey, actionKind, type Action, type SkillModel } from './model.ts';

/**
 * Mob skills the planner assumes when explaining an unplannable goal: what killMob, shearSheep,
 * milkCow and harvestHoney would give if they were registered (finding the animal or the nest is
 * left out). Never part of a plan; a registered skill of the same name replaces its assumed twin.
 */
export function virtualProducers(model: SkillModel, world: WorldModel, item: string, count: number): Action[] {
  const out: Action[] = [];
  const make = (skill: string, args: Record<string, unknown>, parts: Partial<Action>): void => {
    if (model.has(skill)) return;
    out.push({
      skill, args, consume: new Map(), require: new Map(), equip: [], facts: [], obtain: new Map(), factsOut: [],
      ...parts, virtual: true, key: actionKey(skill, args), kind: actionKind(skill, args),
    });
  };
  for (const { mob, drops } of world.mobs) {
    const per = drops[item];
    if (per !== undefined) {
      const kills = Math.max(1, Math.ceil(count / per));
      make('killMob', { mob, count: kills }, { obtain: new Map([[item, kills * per]]) });
    }
  }
  if (item === 'white_wool' && world.mobs.some((m) => m.mob === 'sheep')) {
    make('shearSheep', { count }, { equip: ['shears'], obtain: new Map([['white_wool', count]]) });
  }
  if (item === 'milk_bucket' && world.mobs.some((m) => m.mob === 'cow')) {
    make('milkCow', { count }, { consume: new Map([['bucket', count]]), obtain: new Map([['milk_bucket', count]]) });
  }
  if (item === 'egg' && world.mobs.some((m) => m.mob === 'chicken')) {
    make('collectEggs', { count }, { obtain: new Map([['egg', count]]) });
  }
  const fish = mobOfBucket(item);
  if (fish && world.mobs.some((m) => m.mob === fish)) {
    make('bucketFish', { mob: fish, count }, { consume: new Map([['water_bucket', count]]), obtain: new Map([[item, count]]) });
  }
  // Bee nests are blocks, not mobs, but as with the animals the harvest is what a missing skill would do.
  if (world.resources.has('bee_nest')) {
    if (item === 'honeycomb') make('harvestHoney', { item, count }, { equip: ['shears'], obtain: new Map([[item, count]]) });
    if (item === 'honey_bottle') make('harvestHoney', { item, count }, { consume: new Map([['glass_bottle', count]]), obtain: new Map([[item, count]]) });
  }
  return out;
}
