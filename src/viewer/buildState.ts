import { buildLine } from '../agent/format.ts';
import type { BuildView, CellState } from '../build/survey.ts';
import type { BuildSnapshot } from './types.ts';

/**
 * Cells sent to the page at most: every snapshot (a few a second while the bot moves) carries them all,
 * so an enormous structure's ghost shows its unfinished part only.
 */
export const MAX_GHOST_CELLS = 4096;

/** The cells still to do come first: those are what a cut ghost must keep. */
const ORDER: Readonly<Record<CellState, number>> = { wrong: 0, missing: 1, unknown: 2, right: 3 };

/**
 * The dashboard's build: replaced when another structure (another name or origin) starts, updated by
 * each survey of the same one, and kept after the build ends. A gathering round's own tasks leave it alone.
 */
export class BuildBoard {
  private current: BuildSnapshot | null = null;
  /** The cells' states as last sent, to tell a survey that changed something from one that did not. */
  private cellsKey = '';
  private rev = 0;

  apply(view: BuildView): void {
    const [ox, oy, oz] = view.origin;
    const cells = view.cells
      .map((c): [number, number, number, CellState] => [c.x - ox, c.y - oy, c.z - oz, c.state])
      .sort((a, b) => ORDER[a[3]] - ORDER[b[3]] || a[1] - b[1] || a[0] - b[0] || a[2] - b[2]);
    const kept = cells.slice(0, MAX_GHOST_CELLS);
    const key = kept.map((c) => c.join(',')).join(';');
    const prev = this.current;
    const same = prev !== null && prev.name === view.name && prev.origin.join() === view.origin.join() && key === this.cellsKey;
    if (!same) this.rev++;
    this.cellsKey = key;
    this.current = {
      name: view.name, origin: [ox, oy, oz], size: [...view.size], placed: view.placed, total: view.total, wrong: view.wrong,
      line: buildLine(view), rev: this.rev, cells: kept, cellsLeftOut: cells.length - kept.length,
    };
  }

  snapshot(): BuildSnapshot | null {
    return this.current;
  }
}
