// A chunk column as a flat array of block state ids, in prismarine-chunk's section order, so the
// generator can write blocks with plain array stores and hand whole sections over at the end.

export const MIN_Y = -64;
export const WORLD_HEIGHT = 384;
export const MAX_Y = MIN_Y + WORLD_HEIGHT - 1;

export class ChunkBuffer {
  /** Index ((y - MIN_Y) << 8) | (z << 4) | x: 4096 entries per 16-block section, like a section's own index. */
  readonly data = new Uint16Array(16 * 16 * WORLD_HEIGHT);
  /** Highest y holding a non-air block, to skip the empty sections above it. */
  topY = MIN_Y;

  reset(): void {
    this.data.fill(0, 0, Math.min(this.data.length, (this.topY - MIN_Y + 1) << 8));
    this.topY = MIN_Y;
  }

  get(x: number, y: number, z: number): number {
    if (y < MIN_Y || y > MAX_Y) return 0;
    return this.data[((y - MIN_Y) << 8) | (z << 4) | x]!;
  }

  set(x: number, y: number, z: number, state: number): void {
    if (y < MIN_Y || y > MAX_Y) return;
    this.data[((y - MIN_Y) << 8) | (z << 4) | x] = state;
    if (y > this.topY) this.topY = y;
  }
}
