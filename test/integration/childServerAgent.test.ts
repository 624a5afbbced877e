// The whole agent (planner and skills) makes a stone pickaxe from an empty inventory against
// `skillcraft serve` in another process, directly and through 50 ms ± 20 ms of latency each way.
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSkillRegistry } from '../../skills/index.ts';
import { RunEvents } from '../../src/agent/events.ts';
import { runTask } from '../../src/agent/run.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { confirmInventory, knowledge, remoteBot, routeTo, ROUTES, setInventoryByCommands, startChildServer, type ChildServer } from '../helpers/childServer.ts';

const skills = createSkillRegistry();
const goal = { kind: 'item' as const, items: ['stone_pickaxe'], count: 1 };

let server: ChildServer;
beforeAll(async () => { server = await startChildServer({ seed: 9, preset: 'forest', peaceful: true }); });
afterAll(async () => { await server?.stop(); });

describe.each(ROUTES)('the agent against a separate sandbox process, $name', (route) => {
  let bot: Bot;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const at = await routeTo(server, route, 7);
    close = () => at.close();
    bot = await remoteBot(at, route.delayMs ? 'agentLag' : 'agent');
  });
  afterAll(async () => { bot?.quit(); await close?.(); });

  it('makes a stone pickaxe from an empty inventory; no window step fails', async () => {
    await setInventoryByCommands(bot, {});
    const failed: string[] = [];
    const events = new RunEvents();
    events.on((e) => {
      if (e.event !== 'step' || e.outcome.ok) return;
      const o = e.outcome;
      failed.push(`${o.skill} ${JSON.stringify(o.args)}: ${o.code} ${o.message}`);
    });
    const { summary } = await runTask({ bot }, goal, {
      planner: createGraphPlanner({ skills, knowledge }), skills, knowledge, log: silentLogger(),
      signal: AbortSignal.timeout(80_000), limits: { maxSteps: 30 }, events,
    });
    expect(summary, JSON.stringify(summary)).toMatchObject({ success: true, reason: 'done' });
    // Walking and digging may need a second try on a loaded machine; crafting never may.
    expect(failed.filter((f) => /^(craftItem|placeCraftingTable|smeltItem)/.test(f))).toEqual([]);
    await confirmInventory(bot);
    expect(bot.inventory.items().some((i) => i.name === 'stone_pickaxe')).toBe(true);
  }, 85_000);
});
