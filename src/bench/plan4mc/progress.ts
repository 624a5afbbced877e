import { rowWorld, type TaskResult } from './types.ts';

/**
 * A live progress bar on a terminal (redrawn in place on stderr), or one line per finished run when
 * the output is a file or a CI log.
 */
export class Progress {
  private finished = 0;
  private ok = 0;
  private readonly started = Date.now();
  private readonly tty = process.stderr.isTTY;

  constructor(private readonly total: number, private readonly out: (line: string) => void) {}

  done(r: TaskResult): void {
    this.finished++;
    if (r.success) this.ok++;
    const line = `${r.success ? 'ok  ' : 'FAIL'} #${String(r.id).padStart(2)} ${r.name} ${rowWorld(r)}: ${r.gameSeconds.toFixed(1)} game s, ${r.wallSeconds.toFixed(1)} wall s, ${r.steps} steps${r.success ? '' : ` (${r.cause}${r.detail ? `: ${r.detail.slice(0, 100)}` : ''})`}`;
    if (this.tty) process.stderr.write('\r\x1b[2K');
    this.out(line);
    if (this.tty) process.stderr.write(this.bar());
  }

  end(): void {
    if (this.tty) process.stderr.write('\r\x1b[2K');
  }

  private bar(): string {
    const width = 30;
    const filled = Math.round((this.finished / Math.max(1, this.total)) * width);
    const elapsed = (Date.now() - this.started) / 1000;
    const eta = this.finished ? (elapsed / this.finished) * (this.total - this.finished) : NaN;
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.finished}/${this.total} ok ${this.ok} · ${elapsed.toFixed(0)} s${Number.isFinite(eta) ? ` · eta ${eta.toFixed(0)} s` : ''}`;
  }
}
