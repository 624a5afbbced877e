import type { Knowledge } from '../../knowledge/kb.ts';
import { MOBS, damagePerSecond } from '../../knowledge/mobs.ts';
import { SMELT_SECONDS, SPRINT_BPS } from '../skills/scenarios.ts';

/** One executed step as the lower bound needs it: what ran, where the bot ended, what it held and carried before. */
export interface ExecutedStep {
  skill: string;
  args: Record<string, unknown>;
  ok: boolean;
  /** Bot position after the step (blocks). */
  end: [number, number, number];
  /** Items carried before the step (for the best tool at hand). */
  inventoryBefore: Readonly<Record<string, number>>;
  /** Items carried after it (what the step really gained). */
  inventoryAfter: Readonly<Record<string, number>>;
  /** Code and message of a failed step. */
  failure?: string;
}

const PICKS = ['netherite', 'diamond', 'iron', 'stone', 'golden', 'wooden'];

/**
 * Seconds an ideal player would need for the same executed plan: dig times with the best tool carried,
 * smelting at vanilla speed, a fully charged kill with the best weapon, and straight-line travel between
 * step end points at sprinting speed. Crafting and placing count as free. Failed steps count as nothing.
 */
export function lowerBoundSeconds(kb: Knowledge, start: readonly [number, number, number], steps: readonly ExecutedStep[], smeltSpeed = 1): number {
  let seconds = 0;
  let at: readonly number[] = start;
  for (const s of steps) {
    const from = at;
    seconds += distance(from, s.end) / SPRINT_BPS;
    at = s.end;
    if (!s.ok) continue;
    seconds += workSeconds(kb, s, Math.abs((from[1] ?? 0) - s.end[1]), smeltSpeed);
  }
  return seconds;
}

function workSeconds(kb: Knowledge, s: ExecutedStep, climbed: number, smeltSpeed: number): number {
  const gained = (item: string) => Math.max(0, (s.inventoryAfter[item] ?? 0) - (s.inventoryBefore[item] ?? 0));
  const tools = Object.keys(s.inventoryBefore);
  switch (s.skill) {
    case 'mineBlock': {
      const block = typeof s.args.block === 'string' ? s.args.block : undefined;
      const count = typeof s.args.count === 'number' ? s.args.count : 1;
      if (!block || block.startsWith('#') || !kb.isBlock(block)) return 0;
      const tool = kb.bestTool(block, tools);
      return (count * kb.digTimeMs(block, tool)) / 1000;
    }
    case 'digToLevel': {
      // Every level between start and end is dug through at least once: count stone with the best pickaxe.
      const tool = kb.bestTool('stone', tools.filter((t) => PICKS.some((p) => t === `${p}_pickaxe`)));
      return (climbed * kb.digTimeMs('stone', tool)) / 1000;
    }
    case 'smeltItem': {
      const out = typeof s.args.item === 'string' ? kb.smeltRecipe(s.args.item)?.output : undefined;
      const made = out ? gained(out) : typeof s.args.count === 'number' ? s.args.count : 1;
      return (made * SMELT_SECONDS) / smeltSpeed;
    }
    case 'killMob': {
      const mob = typeof s.args.mob === 'string' ? MOBS[s.args.mob] : undefined;
      if (!mob) return 0;
      const count = typeof s.args.count === 'number' ? s.args.count : 1;
      const dps = Math.max(...tools.map(damagePerSecond), damagePerSecond(null));
      return (count * mob.health) / dps;
    }
    default:
      return 0;
  }
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0));
}
