import { mkdirSync } from 'node:fs';
import type { Bot } from 'mineflayer';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSkillRegistry } from '../../skills/index.ts';
import { RunEvents } from '../../src/agent/events.ts';
import { runTask } from '../../src/agent/run.ts';
import { connectBot, disconnectBot } from '../../src/bot/connect.ts';
import { startWatch, type Watch } from '../../src/control/watchRun.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { analysePng, browserMissing, launchChromium, recordDashboard, seenOnDashboard, viewFrame } from '../helpers/browser.ts';
import { testSandbox } from '../helpers/sandbox.ts';

const kb = createKnowledge('1.20.1');
const skills = createSkillRegistry();
const missing = browserMissing();
// A fresh machine without chromium still passes `npm test`; the reporter shows only "skipped", so say why.
if (missing) console.warn(`dashboard browser test skipped: ${missing}`);

/** How long the page may take to show what the server already has. */
const PAGE_MS = 30_000;

/** In the page: the connection badge and the end line. */
function pageEnd(): { connection: string | null | undefined; end: string | null | undefined; hidden: boolean | undefined } {
  const d = (globalThis as unknown as { document: { getElementById(id: string): { textContent: string | null; hidden?: boolean } | null } }).document;
  return { connection: d.getElementById('connection')?.textContent, end: d.getElementById('end')?.textContent, hidden: d.getElementById('end')?.hidden };
}

interface ViewStatus { terrainMeshes: number; botDrawn: boolean; botOnScreen: boolean; botVisible: boolean }

/** In the 3D view's frame: what follow.js reports it draws. */
function viewStatus(): ViewStatus {
  return (globalThis as unknown as { skillcraftView: { status(): ViewStatus } }).skillcraftView.status();
}

describe.skipIf(missing)(`the dashboard in chromium during a real run${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let sb: Sandbox;
  let bot: Bot;
  let watch: Watch;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 3 });
    const logger = createLogger({ level: 'warn', format: 'json' });
    bot = await connectBot({ host: sb.host, port: sb.port, username: 'viewed', auth: 'offline', mcVersion: '1.20.1' }, { log: logger, signal: AbortSignal.timeout(30_000) });
    watch = await startWatch({ logger }, bot, { view: true, quietChat: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  });
  afterAll(async () => {
    await browser?.close();
    await watch?.close();
    if (bot) await disconnectBot(bot);
    await sb?.stop();
  });

  it('shows the plan and inventory change as steps complete, then terrain and the bot in 3D', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(watch.dashboardUrl!);
    await page.locator('#connection', { hasText: 'live' }).waitFor({ timeout: 10_000 });
    await page.locator('#bot', { hasText: 'viewed at' }).waitFor({ timeout: 10_000 });
    await page.evaluate(recordDashboard);
    await expect(page.locator('#inventory li[data-item]').count()).resolves.toBe(0);

    const events = new RunEvents();
    events.on(watch.sink);
    const { summary } = await runTask({ bot }, { kind: 'item', items: ['wooden_pickaxe'], count: 1 }, {
      planner: createGraphPlanner({ skills, knowledge: kb }), skills, knowledge: kb, text: 'wooden pickaxe',
      log: watch.logger.child({ component: 'agent' }), signal: AbortSignal.timeout(90_000), events,
    });
    expect(summary.success).toBe(true);
    // The page is a second process on a machine that CI loads with other test files: its bound is generous,
    // and a miss says what the page and the server showed.
    await page.locator('#end', { hasText: 'done in' }).waitFor({ timeout: PAGE_MS }).catch(async (err: Error) => {
      const shown = await page.evaluate(pageEnd);
      throw new Error(`${err.message}\npage: ${JSON.stringify(shown)}\nserver end: ${JSON.stringify(watch.dashboard?.snapshot().end)}`);
    });
    // The bot's status is sampled every 250 ms, so the pickaxe may show just after the end line.
    await page.locator('#inventory li[data-item="wooden_pickaxe"]').waitFor({ timeout: PAGE_MS });

    const seen = await page.evaluate(seenOnDashboard);
    // The plan appeared with every step pending, then each step ran and finished.
    expect(Math.max(...seen.planSizes)).toBe(summary.steps);
    // The first step is shown running as soon as the plan arrives (one update); it takes seconds.
    expect(seen.steps['0:mineBlock(block=oak_log count=3 radius=32)']).toEqual(['running', 'ok']);
    // The second waited as pending while the first ran.
    const second = Object.entries(seen.steps).find(([k]) => k.startsWith('1:'));
    expect(second?.[1][0]).toBe('pending');
    expect(second?.[1].at(-1)).toBe('ok');
    const finals = await page.locator('#plan li').evaluateAll((lis: { getAttribute(name: string): string | null }[]) => lis.map((li) => li.getAttribute('data-status')));
    expect(finals).toEqual(Array.from({ length: summary.steps }, () => 'ok'));
    const statuses = new Set(Object.values(seen.steps).flat());
    expect([...statuses].sort()).toEqual(['ok', 'pending', 'running']);
    // The inventory started empty and the pickaxe showed once steps had completed. Items that last
    // only a moment (logs crafted into planks at once) may fall between two samples of the bot.
    expect(seen.firstStepDone).toBeDefined();
    expect(seen.items.wooden_pickaxe).toBeGreaterThan(seen.firstStepDone!);
    await expect(page.locator('#inventory li[data-item="wooden_pickaxe"]').textContent()).resolves.toBe('wooden_pickaxe × 1');
    await expect(page.locator('#log li').count()).resolves.toBeGreaterThan(0);

    // The world reaches the page over a socket and is meshed in workers: wait in real time.
    const view = await viewFrame(page);
    const shown = await viewShows(view, 60_000);
    expect(shown.botDrawn && shown.botOnScreen).toBe(true);
    mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: 'screenshots/dashboard.png' });
    const shot = await page.locator('#view').screenshot();
    const pixels = await page.evaluate(analysePng, shot.toString('base64'));
    // Sky alone is one colour; grass, leaves, logs, water and the bot make well over a hundred.
    expect(pixels.distinctColours).toBeGreaterThan(100);
    expect(pixels.skyShare).toBeLessThan(0.6);
    expect(errors).toEqual([]);
  });
});

/** Polls the 3D view until it has drawn terrain around the bot and the bot with nothing in front of it. */
async function viewShows(frame: Frame, timeoutMs: number): Promise<ViewStatus> {
  const deadline = Date.now() + timeoutMs;
  let last: ViewStatus | undefined;
  while (Date.now() < deadline) {
    last = await frame.evaluate(viewStatus);
    if (last.terrainMeshes > 150 && last.botVisible) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the 3D view did not show terrain and the bot within ${timeoutMs} ms; last status ${JSON.stringify(last)}`);
}
