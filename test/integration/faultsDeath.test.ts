import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { createSkillRegistry } from '../../skills/index.ts';
import { RunEvents } from '../../src/agent/events.ts';
import type { ResilienceEvent } from '../../src/agent/resilience/run.ts';
import { runTask } from '../../src/agent/run.ts';
import { RESILIENCE } from '../helpers/faults.ts';
import { connectBot, disconnectBot } from '../../src/bot/connect.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { droppedItemOf } from '../../src/sandbox/plugins/items/plugin.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { parseTask } from '../../src/tasks/parse.ts';
import { tempRunsDir, traceEvents } from '../helpers/faults.ts';
import { clearDrops, serverPlayer } from '../helpers/items.ts';
import { testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';

const kb = createKnowledge('1.20.1');
const skills = createSkillRegistry();
let sb: Sandbox;
const runs = tempRunsDir();
beforeAll(async () => { sb = await testSandbox({ seed: 1, peaceful: true }); });
afterAll(async () => { await sb.stop(); runs.remove(); });

/** Item entities the server holds within `r` blocks of `at`, as name → count. */
function itemsNear(at: { x: number; y: number; z: number }, r: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of Object.values(sb.server.entities)) {
    const item = droppedItemOf(e);
    if (!item || Math.hypot(e.position.x - at.x, e.position.z - at.z) > r) continue;
    out[item.name] = (out[item.name] ?? 0) + item.count;
  }
  return out;
}

async function dieAndRespawn(bot: Bot): Promise<void> {
  let died = false;
  bot.once('death', () => { died = true; });
  await sb.command(`kill ${bot.username}`);
  await waitFor(() => died, 3000, `${bot.username} to die`);
  await waitFor(() => bot.health === 20, 8000, `${bot.username} to respawn`);
}

describe('/kill and vanilla death drops', () => {
  let bot: Bot;
  beforeAll(async () => { bot = await testBot(sb, 'victim'); });
  afterAll(() => { bot.quit(); });

  it('/kill drops the whole inventory where the player died, and it respawns with nothing', async () => {
    for (const give of ['oak_log 5', 'dirt 70', 'iron_pickaxe 1']) await sb.command(`give victim ${give}`);
    await waitFor(() => bot.inventory.items().length === 4, 3000, 'the items');
    const spot = serverPlayer(sb, bot).position.clone();
    await dieAndRespawn(bot);
    expect(bot.inventory.items()).toEqual([]);
    expect(serverPlayer(sb, bot).inventory.slots.filter(Boolean)).toEqual([]);
    expect(itemsNear(spot, 6)).toEqual({ oak_log: 5, dirt: 70, iron_pickaxe: 1 });
    // Cleared, so that the bots of the tests below (same spawn) do not find these drops on their way.
    clearDrops(sb);
  });

  it('with keepInventory the items stay with the player', async () => {
    await sb.command('gamerule keepInventory true');
    try {
      await sb.command('give victim stick 3');
      await waitFor(() => bot.inventory.items().length === 1, 3000, 'the sticks');
      await dieAndRespawn(bot);
      expect(bot.inventory.items().map((i) => [i.name, i.count])).toEqual([['stick', 3]]);
    } finally {
      await sb.command('gamerule keepInventory false');
    }
  });

  it('/kill names its target: the console has no self to kill, and a dead or unknown player is an error', async () => {
    await expect(sb.command('kill')).rejects.toThrow('A player is required to run this command here');
    await expect(sb.command('kill nobody')).rejects.toThrow("No player named 'nobody' was found");
  });
});

describe('the bot killed mid-task', () => {
  async function run(username: string, task: string, o: { kill: (step: number, skill: string, args: Record<string, unknown>) => boolean; recoverDrops?: boolean; give?: string; delayMs: number }) {
    const bot = await connectBot({ host: sb.host, port: sb.port, username, auth: 'offline', mcVersion: '1.20.1' }, { log: silentLogger(), signal: AbortSignal.timeout(20_000) });
    if (o.give) {
      await sb.command(`give ${username} ${o.give}`);
      await waitFor(() => bot.inventory.items().length > 0, 3000, 'the given items');
    }
    const events: ResilienceEvent[] = [];
    const stream = new RunEvents();
    let killed = false;
    stream.on((e) => {
      if (RESILIENCE.has(e.event)) events.push(e as ResilienceEvent);
      if (e.event !== 'step_start' || killed || !o.kill(e.step, e.decision.skill, e.decision.args)) return;
      killed = true;
      // While the skill runs: the death must cut it short.
      setTimeout(() => { sb.command(`kill ${username}`).catch((err: unknown) => { throw err; }); }, o.delayMs);
    });
    try {
      const { summary, traceDir } = await runTask({ bot }, parseTask(kb, task).goal, {
        planner: createGraphPlanner({ skills, knowledge: kb }), skills, knowledge: kb, log: silentLogger(),
        signal: AbortSignal.timeout(120_000), traceRoot: runs.dir, events: stream, ...(o.recoverDrops === undefined ? {} : { recoverDrops: o.recoverDrops }),
      });
      return { summary, events, trace: traceEvents(traceDir!), inventory: Object.fromEntries(bot.inventory.items().map((i) => [i.name, i.count])) };
    } finally {
      await disconnectBot(bot);
    }
  }

  it('killed while mining stone for a stone pickaxe: respawns, walks back for its drops, and completes', async () => {
    const r = await run('miner', 'stone pickaxe', { delayMs: 1500, kill: (_s, skill, args) => skill === 'mineBlock' && args.block === 'stone' });
    expect(r.summary).toMatchObject({ success: true, reason: 'done', segments: 2, resilience: { deaths: 1, reconnects: 0 } });
    expect(r.inventory.stone_pickaxe).toBe(1);
    // The step that was running ended with DIED, not with its own timeout.
    const died = r.trace.find((e) => e.event === 'step' && (e.outcome as { code?: string }).code === 'DIED');
    expect(died).toBeDefined();
    expect((died!.outcome as { elapsedMs: number }).elapsedMs).toBeLessThan(10_000);
    expect(r.events.map((e) => e.event)).toEqual(['died', 'respawned', 'recover_drops']);
    const recovered = r.events.find((e) => e.event === 'recover_drops');
    expect(recovered, JSON.stringify(recovered)).toMatchObject({ tried: true, ok: true, gained: { wooden_pickaxe: 1 } });
  });

  it('without walking back for its drops, it re-plans from what it holds after the respawn and completes', async () => {
    const r = await run('crafter', 'wooden pickaxe', { give: 'oak_log 3', recoverDrops: false, delayMs: 0, kill: (_s, skill) => skill === 'craftItem' });
    expect(r.summary).toMatchObject({ success: true, reason: 'done', resilience: { deaths: 1, dropsRecovered: 0 } });
    expect(r.inventory.wooden_pickaxe).toBe(1);
    // The second stretch planned from whatever the respawned bot held: it died where it respawns (crafting
    // at the spawn), so it may pick its own logs up again by standing there; it did not walk back for them.
    expect(r.events.map((e) => e.event)).toEqual(['died', 'respawned']);
    const starts = r.trace.filter((e) => e.event === 'start');
    expect(starts).toHaveLength(2);
  });
});
