// Fields mineflayer sets at runtime that its typings leave out.
import 'mineflayer';

declare module 'mineflayer' {
  interface GameState {
    /** Lowest block y of the current dimension (-64 in the 1.18+ overworld). */
    minY: number;
    /** Height of the current dimension in blocks (384 in the 1.18+ overworld). */
    height: number;
  }
}
