import { existsSync } from 'node:fs';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { waitFor } from './sandbox.ts';

/** Debian's chromium (`.ci/run` installs it), or another build named by CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it)`;
}

/**
 * The dashboard's 3D view frame, once it has loaded: the page is live before the frame's own navigation is
 * done (seen under a full suite's load), so looking it up once can miss it.
 */
export async function viewFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const find = () => page.frames().find((f) => f.url().endsWith('/view/'));
  await waitFor(() => find() !== undefined, timeoutMs, 'the 3D view frame to load');
  return find()!;
}

/** A headless chromium for the dashboard tests (no sandboxing: tests may run as root in containers). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

// The project's lib has no DOM; page-side functions below see the browser through these few shapes.
interface PageNode {
  textContent: string | null;
  firstChild: PageNode | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): Iterable<PageNode> & { length: number };
}
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { drawImage(img: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
}
interface PageGlobals {
  document: PageNode & { body: PageNode; createElement(tag: 'canvas'): PageCanvas };
  MutationObserver: new (cb: () => void) => { observe(target: PageNode, opts: Record<string, boolean>): void };
  Image: new () => { src: string; width: number; height: number; decode(): Promise<void> };
  performance: { now(): number };
  seen?: Seen;
}

/** What the dashboard showed over time. */
export interface Seen {
  /** `index:step text` → the statuses it showed, in order (repeats collapsed). */
  steps: Record<string, string[]>;
  /** Inventory item → when it first showed (page clock, ms). */
  items: Record<string, number>;
  /** Plan lengths shown, in order. */
  planSizes: number[];
  /** When the first step showed as done (page clock, ms). */
  firstStepDone?: number;
}

/** In the page: records every plan status and inventory item the dashboard shows, on every DOM change. */
export function recordDashboard(): void {
  const g = globalThis as unknown as PageGlobals;
  const seen: Seen = { steps: {}, items: {}, planSizes: [] };
  g.seen = seen;
  const note = (): void => {
    const plan = [...g.document.querySelectorAll('#plan li')];
    if (seen.planSizes.at(-1) !== plan.length) seen.planSizes.push(plan.length);
    plan.forEach((li, i) => {
      const list = (seen.steps[`${i}:${li.querySelector('.text')?.firstChild?.textContent ?? ''}`] ??= []);
      const status = li.getAttribute('data-status') ?? '';
      if (list.at(-1) !== status) list.push(status);
      if (status === 'ok') seen.firstStepDone ??= g.performance.now();
    });
    for (const li of g.document.querySelectorAll('#inventory li[data-item]')) seen.items[li.getAttribute('data-item') ?? ''] ??= g.performance.now();
  };
  new g.MutationObserver(note).observe(g.document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  note();
}

/** In the page: what recordDashboard saw. */
export function seenOnDashboard(): Seen {
  const seen = (globalThis as unknown as PageGlobals).seen;
  if (!seen) throw new Error('recordDashboard() was not run in this page');
  return seen;
}

/** In the page: distinct colours (4 bits a channel) and the share of sky-blue pixels of a PNG. */
export async function analysePng(base64: string): Promise<{ distinctColours: number; skyShare: number }> {
  const g = globalThis as unknown as PageGlobals;
  const img = new g.Image();
  img.src = `data:image/png;base64,${base64}`;
  await img.decode();
  const canvas = g.document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, img.width, img.height).data;
  const colours = new Set<number>();
  let sky = 0;
  for (let i = 0; i + 2 < d.length; i += 4) {
    const r = d[i]!;
    const gr = d[i + 1]!;
    const b = d[i + 2]!;
    colours.add(((r >> 4) << 8) | ((gr >> 4) << 4) | (b >> 4));
    // prismarine-viewer's background is CSS lightblue (173, 216, 230).
    if (Math.abs(r - 173) < 12 && Math.abs(gr - 216) < 12 && Math.abs(b - 230) < 12) sky++;
  }
  return { distinctColours: colours.size, skyShare: sky / (d.length / 4) };
}
