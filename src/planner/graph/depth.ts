import type { Knowledge } from '../../knowledge/kb.ts';
import type { Resource, WorldModel } from '../../knowledge/world.ts';
import type { Action, SkillModel } from './model.ts';
import { factBlocks } from './state.ts';

/** Height of the surface, as the planner assumes it (sea level is 62). */
export const SURFACE_Y = 64;

/** Farther than this from a resource's best height, the planner digs down before looking for it. */
export const DEPTH_SLACK = 24;

/** The world's resources a `<subject>_nearby` fact is about (a block, its ore twin, a group). */
export function resourcesOf(kb: Knowledge, world: WorldModel, subject: string): Resource[] {
  const out: Resource[] = [];
  for (const b of factBlocks(kb, subject)) {
    const r = world.resources.get(b);
    if (r) out.push(r);
  }
  return out;
}

/** Levels dug per digToLevel step; the observation (32 blocks) sees the next stage's ores. */
export const DIG_STAGE = 32;
/**
 * Pickaxe uses per level of a staircase down: 3 blocks cleared per step (the skill's own estimate
 * is about 2.7); a live 128-level dig wore out about 3.4 per level.
 */
export const USES_PER_LEVEL = 3.5;

export function digUses(levels: number): number {
  return Math.ceil(levels * USES_PER_LEVEL);
}

/** Where a dig from `fromY` to `toY` stops: every DIG_STAGE levels down, at once up. */
export function digStops(fromY: number, toY: number): number[] {
  if (toY >= fromY) return [toY];
  const stops: number[] = [];
  for (let y = fromY - DIG_STAGE; y > toY; y -= DIG_STAGE) stops.push(Math.round(y));
  return [...stops, toY];
}

/** Seconds to dig a staircase from one height to another. */
export function digCost(fromY: number, toY: number): number {
  return 5 + Math.abs(fromY - toY) * 1.2;
}

/**
 * The height to dig to before looking for `subject` from height `y`, or undefined when looking
 * around here is enough (a surface resource, or already near its best height).
 */
export function targetDepth(kb: Knowledge, world: WorldModel, subject: string, y: number): number | undefined {
  const found = resourcesOf(kb, world, subject);
  if (found.length === 0) return undefined;
  const onSurface = found.filter((r) => r.surface);
  if (onSurface.length > 0) {
    // Trees do not grow underground: back up to the surface first.
    return onSurface.some((r) => y >= r.minY) ? undefined : SURFACE_Y;
  }
  if (found.some((r) => y >= r.minY && y <= r.maxY && Math.abs(y - r.bestY) <= DEPTH_SLACK)) return undefined;
  // The shallowest best height among the twins (iron_ore before deepslate_iron_ore).
  return Math.max(...found.map((r) => r.bestY));
}

/** The digToLevel action for a height, when that skill is registered and takes one of the usual argument shapes. */
export function digAction(model: SkillModel, y: number): Action | null {
  if (!model.has('digToLevel')) return null;
  for (const args of [{ y }, { level: y }, { targetY: y }]) {
    const a = model.action('digToLevel', args);
    if (a) return a;
  }
  return null;
}
