import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Copies a run's trace.jsonl into `<dir>/traces/<name>.jsonl` (benchmark runs write under runs/, which
 * is not committed) and returns the copy's path relative to `dir`, or the original when it is gone.
 */
export function keepTrace(dir: string, trace: string, name: string): string {
  if (!existsSync(trace)) return trace;
  const folder = join(dir, 'traces');
  mkdirSync(folder, { recursive: true });
  const to = join(folder, `${name}.jsonl`);
  copyFileSync(trace, to);
  return relative(dir, to);
}
