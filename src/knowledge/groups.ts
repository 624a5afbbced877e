// Item groups in skill conditions: how a planner reads `#planks` or `#fuel` in `consume`.
//
// Convention: a name starting with `#` is a group, never an item.
// - `#<tag>` (vanilla item tags that recipes use): `#planks`, `#logs`, `#wool`, `#coals`,
//   `#stone_tool_materials` (cobblestone, cobbled_deepslate, blackstone), `#wooden_slabs`.
//   Counted in items: `{ '#planks': 3 }` is satisfied by any 3 planks, of one kind or mixed.
// - `#fuel`: counted in smelts, not items: `{ '#fuel': 3 }` needs fuel for 3 items in a furnace
//   (200 ticks each): 1 coal covers 8, 1 plank or log 1.5, 1 stick 0.5.
// `groupMembers` lists the items a group accepts (to pick producers for it); `groupCount` says how
// much of a need an inventory covers. Plain item names pass through both unchanged.
import type { Knowledge } from './kb.ts';
import { cookTicks } from './smelting.ts';
import { tagOf, WOODEN } from './tags.ts';

export const GROUP_PREFIX = '#';
export const FUEL_GROUP = '#fuel';

export function isGroup(name: string): boolean {
  return name.startsWith(GROUP_PREFIX);
}

/**
 * Fuels a bot may burn, best first: coal and charcoal, then wood it can spare. Tools, crafting
 * tables and other crafted wooden things burn too, but never get burnt by accident.
 */
export function fuelRank(name: string): number {
  if (name === 'coal' || name === 'charcoal') return 0;
  if (name === 'coal_block') return 1;
  if (name.endsWith('_planks') && WOODEN.test(name) && !/^(crimson|warped)_/.test(name)) return 2;
  if (tagOf(name) === 'logs' && !/(crimson|warped)/.test(name)) return 3;
  if (name === 'stick') return 4;
  return -1;
}

/** Items a group accepts, in the order a producer should be tried ([name] for a plain item). */
export function groupMembers(name: string, kb: Knowledge): string[] {
  if (!isGroup(name)) return [name];
  const names = kb.registry.itemsArray.map((i) => i.name);
  if (name === FUEL_GROUP) {
    return names.filter((n) => fuelRank(n) >= 0).sort((a, b) => fuelRank(a) - fuelRank(b));
  }
  const tag = name.slice(GROUP_PREFIX.length);
  return names.filter((n) => tagOf(n) === tag);
}

/** Smelts (furnace, 200 ticks each) that `n` of a fuel item pay for. */
export function smeltsFrom(item: string, n: number, kb: Knowledge): number {
  return (kb.fuelTicks(item) * n) / cookTicks('furnace');
}

/**
 * How much of `name` an inventory holds, in the group's unit: items for tags and plain items,
 * whole smelts for `#fuel`.
 */
export function groupCount(name: string, inventory: ReadonlyMap<string, number>, kb: Knowledge): number {
  if (name === FUEL_GROUP) {
    // smeltItem loads one kind of fuel for the whole batch, so only the best single kind counts:
    // 1 plank and 3 sticks (3 smelts together) do not pay for 3 smelts there.
    let smelts = 0;
    for (const [item, n] of inventory) if (fuelRank(item) >= 0) smelts = Math.max(smelts, smeltsFrom(item, n, kb));
    return Math.floor(smelts + 1e-9);
  }
  const members = isGroup(name) ? new Set(groupMembers(name, kb)) : new Set([name]);
  let n = 0;
  for (const [item, c] of inventory) if (members.has(item)) n += c;
  return n;
}
