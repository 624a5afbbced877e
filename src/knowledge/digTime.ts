// Vanilla block-breaking time (Player#getDestroySpeed and BlockState#getDestroyProgress, 1.20).
import { canHarvest } from './harvest.ts';
import { toolSpeed, type KnowledgeRegistry } from './tools.ts';

export interface DigConditions {
  creative?: boolean;
  /** Eyes under water without Aqua Affinity: 5× slower. */
  inWater?: boolean;
  /** Default true; in the air (jumping, falling): 5× slower. */
  onGround?: boolean;
  efficiencyLevel?: number;
  /** Haste effect level (1 = Haste I); Conduit Power counts the same. */
  hasteLevel?: number;
}

export const TICK_MS = 50;

/** Breaking progress per tick, as a fraction of the block (≥ 1: breaks the tick it is started). */
export function digProgressPerTick(
  registry: KnowledgeRegistry,
  blockName: string,
  itemName: string | null | undefined,
  cond: DigConditions = {},
): number {
  const block = registry.blocksByName[blockName];
  if (!block) throw new Error(`unknown block ${blockName}`);
  const hardness = block.hardness;
  if (hardness === null || hardness < 0) return 0;
  let speed = toolSpeed(block.material, itemName);
  const efficiency = cond.efficiencyLevel ?? 0;
  if (efficiency > 0 && speed > 1) speed += efficiency * efficiency + 1;
  const haste = cond.hasteLevel ?? 0;
  if (haste > 0) speed *= 1 + 0.2 * haste;
  if (cond.inWater) speed /= 5;
  if (cond.onGround === false) speed /= 5;
  if (hardness === 0) return Infinity;
  return speed / hardness / (canHarvest(registry, blockName, itemName) ? 30 : 100);
}

/** Ticks until the block breaks: 0 for instant, Infinity for unbreakable (bedrock). */
export function digTicks(
  registry: KnowledgeRegistry,
  blockName: string,
  itemName: string | null | undefined,
  cond: DigConditions = {},
): number {
  if (cond.creative) return 0;
  const perTick = digProgressPerTick(registry, blockName, itemName, cond);
  if (perTick <= 0) return Infinity;
  if (perTick >= 1) return 0;
  // The client adds progress once per tick and finishes the tick it reaches 1.
  return Math.ceil(1 / perTick);
}

/** Milliseconds a client holding `itemName` takes to break the block (same value as prismarine-block's digTime). */
export function digTimeMs(
  registry: KnowledgeRegistry,
  blockName: string,
  itemName: string | null | undefined,
  cond: DigConditions = {},
): number {
  return digTicks(registry, blockName, itemName, cond) * TICK_MS;
}
