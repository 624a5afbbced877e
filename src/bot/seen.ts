// What the bot has seen of this world during a session: the last place it saw each block type. The
// planner learns from it which resources this world really has (a spruce forest, a desert) after they
// went out of sight; `observe` lists them. One memory per session, kept across reconnects and tasks.
import type { Observation, Point } from './observation.ts';

/** Types remembered at most (a vanilla spawn shows about a hundred within 32 blocks). */
const MAX_TYPES = 400;
/** Entries an observation lists, nearest first. */
export const SEEN_LISTED = 24;

export interface SeenBlock {
  name: string;
  at: Point;
  /** Blocks from the bot's feet to it, when listed in an observation. */
  distance: number;
}

interface Entry { at: Point; dimension: string }

export class SeenMemory {
  private readonly byName = new Map<string, Entry>();

  /** Takes in the block types of an observation (where the bot saw them last). */
  record(obs: Pick<Observation, 'dimension' | 'blocks'>): void {
    for (const b of obs.blocks) {
      this.byName.delete(b.name);
      this.byName.set(b.name, { at: b.at, dimension: obs.dimension });
    }
    // Oldest sightings go first when the memory is full.
    for (const name of this.byName.keys()) {
      if (this.byName.size <= MAX_TYPES) break;
      this.byName.delete(name);
    }
  }

  /** Every type seen in this dimension, in sight now or not. */
  names(dimension: string): string[] {
    return [...this.byName].filter(([, e]) => e.dimension === dimension).map(([n]) => n);
  }

  /** Types seen earlier in this dimension that are not in sight now, nearest first. */
  outOfSight(obs: Pick<Observation, 'dimension' | 'blocks' | 'position'>, limit = SEEN_LISTED): SeenBlock[] {
    const inSight = new Set(obs.blocks.map((b) => b.name));
    const p = obs.position;
    const out: SeenBlock[] = [];
    for (const [name, e] of this.byName) {
      if (e.dimension !== obs.dimension || inSight.has(name)) continue;
      const distance = Math.round(Math.hypot(e.at.x + 0.5 - p.x, e.at.y + 0.5 - p.y, e.at.z + 0.5 - p.z));
      out.push({ name, at: e.at, distance });
    }
    return out.sort((a, b) => a.distance - b.distance).slice(0, limit);
  }
}
