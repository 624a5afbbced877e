// A real build on the dashboard, as `skillcraft build` wires it (runBuild's events into startRunWatch's sink):
// the build panel shows the terminal's "placed / total, wrong: n" line, and the 3D view draws the structure
// as a ghost: its cells missing while the bot places them, all right at the end, one ghost in the scene.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Bot } from 'mineflayer';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_SKILLS, createSkillRegistry } from '../../skills/index.ts';
import { itemForCell, loadStructure } from '../../src/actions/index.ts';
import { runBuild } from '../../src/agent/build.ts';
import { RunEvents } from '../../src/agent/events.ts';
import { terminalSink } from '../../src/agent/format.ts';
import { spongeBytes } from '../../src/build/examples.ts';
import type { StructureBlock } from '../../src/build/types.ts';
import { startRunWatch, type RunWatch } from '../../src/control/watchRun.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { browserMissing, launchChromium, viewFrame } from '../helpers/browser.ts';
import { buildPlatform, placeBot, Vec3 } from '../helpers/items.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { setInventory, skillBot } from '../helpers/skills.ts';

const missing = browserMissing();
if (missing) console.warn(`dashboard build browser test skipped: ${missing}`);

type Counts = { right: number; missing: number; wrong: number; unknown: number };
type Ghost = Counts & { name: string | null; drawn: boolean; cells: number; updates: number; history: Counts[] };
interface ViewGlobals {
  skillcraftView: { status(): { controls: boolean; ghost: Ghost | null }; scene(): { children: { name: string; children: unknown[] }[] } | null };
}
interface PageGlobals {
  document: { getElementById(id: string): { textContent: string | null } };
  MutationObserver: new (cb: () => void) => { observe(target: unknown, opts: Record<string, boolean>): void };
  buildLines?: string[];
}

/** In the 3D view's frame: what follow.js reports, with the ghost's counts. */
function viewStatus(): { controls: boolean; ghost: Ghost | null } {
  return (globalThis as unknown as ViewGlobals).skillcraftView.status();
}

/** In the dashboard page: records every text the build panel's progress line shows. */
function recordBuildLines(): void {
  const g = globalThis as unknown as PageGlobals;
  const lines: string[] = [];
  g.buildLines = lines;
  const line = g.document.getElementById('build-progress');
  new g.MutationObserver(() => { if (lines.at(-1) !== line.textContent) lines.push(line.textContent ?? ''); })
    .observe(line, { childList: true, characterData: true, subtree: true });
}

/** In the 3D view's frame: the ghosts in the scene, and the objects each holds. */
function ghostsInScene(): number[] {
  const scene = (globalThis as unknown as ViewGlobals).skillcraftView.scene();
  return (scene?.children ?? []).filter((c) => c.name === 'skillcraft-ghost').map((c) => c.children.length);
}

const dir = mkdtempSync(path.join(tmpdir(), 'skillcraft-dashboard-build-'));
/** A small arch of planks: three in a row, two on the ends. */
const blocks: StructureBlock[] = [[0, 0], [1, 0], [2, 0], [0, 1], [2, 1]].map(([x, y]) => ({ x: x!, y: y!, z: 0, name: 'oak_planks', props: {} }));

describe.skipIf(missing)(`a build on the dashboard in chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let sb: Sandbox;
  let bot: Bot;
  let watch: RunWatch;
  let browser: Browser;
  let page: Page;
  let centre: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 18, preset: 'plains' });
    bot = await skillBot(sb, 'builder');
    centre = bot.entity.position.floored().offset(0, 20, 0);
    await buildPlatform(sb, centre, 6);
    await placeBot(sb, bot, centre);
    await setInventory(sb, bot, { oak_planks: 5 });
    const logger = createLogger({ level: 'warn', format: 'json' });
    watch = await startRunWatch({ logger, signal: AbortSignal.timeout(120_000) }, bot, { view: true, owners: [], quietChat: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 640 } });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await watch?.close();
    quit(bot);
    await sb?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the terminal\'s progress line and draws the structure as a ghost that fills in as the bot builds', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(watch.dashboardUrl!);
    await page.locator('#connection', { hasText: 'live' }).waitFor({ timeout: 10_000 });
    await expect(page.locator('#build-panel').isHidden()).resolves.toBe(true);
    const view = await viewFrame(page);
    const before = await poll(view, (s) => s.controls, 20_000, 'the 3D view to start');
    expect(before.ghost).toMatchObject({ drawn: false, cells: 0, updates: 0 });
    await page.evaluate(recordBuildLines);

    const file = path.join(dir, 'arch.schem');
    writeFileSync(file, spongeBytes({ name: 'arch', size: { x: 3, y: 2, z: 1 }, blocks, format: 'sponge' }));
    const structure = await loadStructure(file, 0);
    const origin = centre.offset(2, 0, 2);
    const kb = createKnowledge(bot.version);
    const skills = createSkillRegistry(BUILD_SKILLS);
    const events = new RunEvents();
    events.on(watch.sink);
    const printed: string[] = [];
    events.on(terminalSink((line) => printed.push(line)));
    const summary = await runBuild({ bot }, { file, rotate: 0, structure, origin }, {
      skills, knowledge: kb, planner: () => createGraphPlanner({ skills, knowledge: kb }), log: watch.logger.child({ component: 'agent' }),
      signal: AbortSignal.any([watch.signal, AbortSignal.timeout(40_000)]), itemFor: itemForCell(kb), events,
    });
    expect(summary, JSON.stringify(summary)).toMatchObject({ success: true, progress: '5 / 5 placed, wrong: 0', placed: 5, gatherSteps: 0 });

    // The panel says what the terminal said, word for word: first the empty site, then blocks as they came.
    await page.locator('#build-progress', { hasText: '5 / 5 placed, wrong: 0' }).waitFor({ timeout: 5000 });
    const terminal = printed.filter((l) => l.startsWith('build: '));
    expect(terminal[0]).toBe('build: 0 / 5 placed, wrong: 0');
    expect(terminal.at(-1)).toBe(`build: ${await page.locator('#build-progress').textContent()}`);
    const shown = await page.evaluate(() => (globalThis as unknown as PageGlobals).buildLines ?? []);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const line of shown) expect(terminal).toContain(`build: ${line}`);
    await expect(page.locator('#build-name').textContent()).resolves.toBe(`arch (3×2×1) at ${origin.x}, ${origin.y}, ${origin.z}`);
    await expect(page.locator('#build-progress').getAttribute('class')).resolves.toBe('ok');

    // The ghost ends all right, having drawn the cells still missing while the bot placed them.
    const end = await poll(view, (s) => s.ghost?.right === 5, 10_000, 'the ghost to show every block right');
    const ghost = end.ghost!;
    expect(ghost).toMatchObject({ name: 'arch', drawn: true, cells: 5, right: 5, missing: 0, wrong: 0, unknown: 0 });
    expect(ghost.history.length).toBeGreaterThanOrEqual(2);
    expect(ghost.history.every((c) => c.right + c.missing + c.wrong + c.unknown === 5)).toBe(true);
    expect(ghost.history[0]!.missing).toBeGreaterThan(0);
    expect(ghost.history.at(-1)).toEqual({ right: 5, missing: 0, wrong: 0, unknown: 0 });
    expect(ghost.updates).toBe(ghost.history.length);
    // Redrawn in place on every update: one ghost in the scene (four instanced meshes and the bounds' lines).
    await expect(view.evaluate(ghostsInScene)).resolves.toEqual([5]);
    expect(errors).toEqual([]);
  }, 90_000);
});

/** Polls the 3D view's status until `ok` holds; bounded. */
async function poll(frame: Frame, ok: (s: ReturnType<typeof viewStatus>) => boolean, timeoutMs: number, what: string): Promise<ReturnType<typeof viewStatus>> {
  const deadline = Date.now() + timeoutMs;
  let last: ReturnType<typeof viewStatus> | undefined;
  while (Date.now() < deadline) {
    last = await frame.evaluate(viewStatus);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last status ${JSON.stringify(last)}`);
}
