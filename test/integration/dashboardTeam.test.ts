import { mkdirSync } from 'node:fs';
import type { Bot } from 'mineflayer';
import type { Browser, Page } from 'playwright-core';
import { Vec3 } from 'vec3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamRunWatch, type TeamRunWatch } from '../../src/control/watchTeam.ts';
import { createLogger } from '../../src/log/logger.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { browserMissing, launchChromium } from '../helpers/browser.ts';
import { placeBot } from '../helpers/items.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { craftPick, logs, mineLogs, step, stepStart, stone, teamPlan } from '../helpers/teamEvents.ts';
import { openGroundNear } from '../helpers/world.ts';

const missing = browserMissing();
if (missing) console.warn(`team dashboard browser test skipped: ${missing}`);

interface ViewStatus { who: string | null; target: { x: number; y: number; z: number } | null; botKnown: boolean; botDrawn: boolean; terrainMeshes: number }

/** In the 3D view's frame: what follow.js reports. */
function viewStatus(): ViewStatus {
  return (globalThis as unknown as { skillcraftView?: { status(): ViewStatus } }).skillcraftView?.status() ?? { who: null, target: null, botKnown: false, botDrawn: false, terrainMeshes: 0 };
}

describe.skipIf(missing)(`a team's dashboard in chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let sb: Sandbox;
  let one: Bot;
  let two: Bot;
  let owner: Bot;
  let watch: TeamRunWatch;
  /** What the owner heard the first member say. */
  const heard: string[] = [];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 3 });
    one = await testBot(sb, 'Skillcraft1');
    two = await testBot(sb, 'Skillcraft2');
    // Apart, so that following one or the other is a different place in the view.
    await placeBot(sb, two, openGroundNear(one, 14, 22, 4));
    owner = await testBot(sb, 'owner');
    owner.on('chat', (username, message) => { if (username === 'Skillcraft1') heard.push(message); });
    const logger = createLogger({ level: 'warn', format: 'json' });
    const members = [{ name: 'Skillcraft1', bot: one }, { name: 'Skillcraft2', bot: two }];
    watch = await startTeamRunWatch({ logger, signal: AbortSignal.timeout(300_000) }, members, { view: true, quietChat: true, owners: ['owner'], chatIntervalMs: 300 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await watch?.close();
    quit(one);
    quit(two);
    quit(owner);
    await sb?.stop();
  });

  it('shows a row per member with its skill, and the 3D view follows the member picked', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { sink } = watch;
    sink(teamPlan);
    sink({ event: 'assign', who: 'Skillcraft1', subGoal: logs, why: 'nearest to oak_log' });
    sink({ event: 'assign', who: 'Skillcraft2', subGoal: stone, why: 'nearest to stone' });
    sink({ event: 'task', who: 'Skillcraft1', text: '3 oak_log', goal: '3 oak_log' });
    sink({ event: 'plan', who: 'Skillcraft1', plan: [mineLogs] });
    sink(stepStart('Skillcraft1', 1, mineLogs));
    sink({ event: 'task', who: 'Skillcraft2', text: '1 stone_pickaxe', goal: '1 stone_pickaxe' });
    sink({ event: 'plan', who: 'Skillcraft2', plan: [craftPick] });
    sink(stepStart('Skillcraft2', 1, craftPick));
    await sb.command('give Skillcraft2 cobblestone 3');

    await page.goto(watch.dashboardUrl!);
    await page.locator('#connection', { hasText: 'live' }).waitFor({ timeout: 10_000 });
    const rows = page.locator('#team li[data-who]');
    await rows.nth(1).waitFor({ timeout: 15_000 });
    await expect(rows.evaluateAll((lis: { getAttribute(n: string): string | null }[]) => lis.map((li) => li.getAttribute('data-who')))).resolves.toEqual(['Skillcraft1', 'Skillcraft2']);
    const row1 = page.locator('#team li[data-who="Skillcraft1"]');
    const row2 = page.locator('#team li[data-who="Skillcraft2"]');
    await expect(row1.locator('.now').getAttribute('data-skill')).resolves.toBe('mineBlock');
    await expect(row1.locator('.now').textContent()).resolves.toBe('mineBlock(block=oak_log count=3 radius=32)');
    await expect(row2.locator('.now').getAttribute('data-skill')).resolves.toBe('craftItem');
    await expect(row1.locator('.goal').textContent()).resolves.toBe('sub-goal #1 3 oak_log');
    await expect(row2.getAttribute('data-state')).resolves.toBe('working');
    await row2.locator('.items', { hasText: 'cobblestone 3' }).waitFor({ timeout: 15_000 });
    await expect(row2.locator('.vitals').textContent()).resolves.toMatch(/^health 20 · food \d+$/);
    await page.locator('#log li', { hasText: 'team plan: 1 stone_pickaxe' }).waitFor({ timeout: 15_000 });

    // The first member is followed until another is picked: its plan, its bot, its view.
    await expect(row1.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('#plan li .text').first().textContent()).resolves.toBe('mineBlock(block=oak_log count=3 radius=32)');
    await page.locator('#bot', { hasText: 'Skillcraft1 at' }).waitFor({ timeout: 15_000 });
    const first = await viewFollows(page, 'Skillcraft1', one.entity.position, 60_000);
    expect(first.botDrawn).toBe(true);
    expect(watch.dashboard!.following()).toEqual(['Skillcraft1']);

    // A step ends on the first member while the second is picked: each row keeps its own.
    const started = Date.now();
    await row2.click();
    sink(step('Skillcraft1', 1, mineLogs, 4000));
    await expect(row2.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(row1.getAttribute('aria-selected')).resolves.toBe('false');
    await page.locator('#bot', { hasText: 'Skillcraft2 at' }).waitFor({ timeout: 15_000 });
    await expect(page.locator('#plan li .text').first().textContent()).resolves.toBe('craftItem(item=stone_pickaxe count=1)');
    await expect(page.locator('#view').getAttribute('src')).resolves.toBe('/view/?who=Skillcraft2');
    const second = await viewFollows(page, 'Skillcraft2', two.entity.position, 60_000);
    expect(second.botDrawn).toBe(true);
    await waitFor(() => watch.dashboard!.following().join() === 'Skillcraft2', 15_000, 'the server to stream the second member only');
    console.info(`switching the 3D view took ${Date.now() - started} ms`);
    await row1.locator('.now', { hasText: 'planning the next step' }).waitFor({ timeout: 15_000 });
    // The second member's world reached the page too (meshed in workers: real time).
    await waitForFrame(page, (v) => v.terrainMeshes > 100, 60_000, 'terrain around the second member');
    mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: 'screenshots/dashboard-team.png' });

    // The second member reconnects: its row and the view move to the new bot.
    const gone = new Promise((resolve) => two.once('end', resolve));
    two.quit();
    await gone;
    two = await testBot(sb, 'Skillcraft2');
    sink({ event: 'bot', who: 'Skillcraft2', bot: two });
    await sb.command('give Skillcraft2 oak_planks 7');
    await row2.locator('.items', { hasText: 'oak_planks 7' }).waitFor({ timeout: 15_000 });
    const again = await viewFollows(page, 'Skillcraft2', two.entity.position, 30_000);
    expect(again.botKnown).toBe(true);
    expect(watch.dashboard!.following()).toEqual(['Skillcraft2']);
    expect(errors).toEqual([]);
  });

  it("takes the owner's !status and !stop on the first member", async () => {
    let before = heard.length;
    owner.chat('!status');
    await waitFor(() => heard.length > before, 10_000, 'an answer to !status');
    // Skillcraft1's step ended above; Skillcraft2's still runs. The health is the first member's (ChatCommands adds it).
    expect(heard[before]).toMatch(/^team task 1 stone_pickaxe; Skillcraft1 working; Skillcraft2 working \(step 1: craftItem\(item=stone_pickaxe count=1\)\); health \d+\/20/);
    before = heard.length;
    owner.chat('!stop');
    await waitFor(() => heard.length > before, 10_000, 'an answer to !stop');
    expect(heard[before]).toBe('stopped team task 1 stone_pickaxe');
    expect(watch.signal.aborted).toBe(true);
  });
});

/** Polls the 3D view until it follows `who`: its address names it, it drew the bot and its camera aims at that bot. */
async function viewFollows(page: Page, who: string, at: Vec3, timeoutMs: number): Promise<ViewStatus> {
  return waitForFrame(page, (v) => {
    const t = v.target;
    return v.who === who && v.botDrawn && t !== null && Math.hypot(t.x - at.x, t.y - at.y, t.z - at.z) < 1.5;
  }, timeoutMs, `${who} at ${at.toString()}`);
}

/** Polls what follow.js reports in the 3D view's frame (a new frame after each pick) until `ok`. */
async function waitForFrame(page: Page, ok: (v: ViewStatus) => boolean, timeoutMs: number, what: string): Promise<ViewStatus> {
  const deadline = Date.now() + timeoutMs;
  let last: ViewStatus | undefined;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().includes('/view/'));
    last = frame ? await frame.evaluate(viewStatus).catch(() => undefined) : undefined;
    if (last && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the 3D view did not show ${what} within ${timeoutMs} ms; last status ${JSON.stringify(last)}`);
}

