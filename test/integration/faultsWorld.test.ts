import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import { createSkillRegistry } from '../../skills/index.ts';
import { RunEvents } from '../../src/agent/events.ts';
import type { ResilienceEvent } from '../../src/agent/resilience/run.ts';
import { runTask } from '../../src/agent/run.ts';
import { connectBot, disconnectBot } from '../../src/bot/connect.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { parseTask } from '../../src/tasks/parse.ts';
import { RESILIENCE, tempRunsDir, traceEvents } from '../helpers/faults.ts';
import { serverPlayer } from '../helpers/items.ts';

import { testSandbox, waitFor } from '../helpers/sandbox.ts';
import { setBlocks } from '../helpers/skills.ts';

const kb = createKnowledge('1.20.1');
const skills = createSkillRegistry();
const goal = parseTask(kb, 'wooden pickaxe').goal;
const runs = tempRunsDir();
let sb: Sandbox;
afterAll(() => { runs.remove(); });

async function join(username: string): Promise<Bot> {
  return connectBot({ host: sb.host, port: sb.port, username, auth: 'offline', mcVersion: '1.20.1' }, { log: silentLogger(), signal: AbortSignal.timeout(20_000) });
}

async function run(bot: Bot, o: { stuckRecovery?: boolean; inventoryRoom?: boolean } = {}) {
  const events: ResilienceEvent[] = [];
  const stream = new RunEvents();
  stream.on((e) => { if (RESILIENCE.has(e.event)) events.push(e as ResilienceEvent); });
  const { summary, traceDir } = await runTask({ bot }, goal, {
    planner: createGraphPlanner({ skills, knowledge: kb }), skills, knowledge: kb, log: silentLogger(), signal: AbortSignal.timeout(90_000),
    limits: { maxSteps: 14 }, traceRoot: runs.dir, events: stream, ...o,
  });
  return { summary, events, trace: traceEvents(traceDir!) };
}

describe('a bot walled into a pit', () => {
  beforeAll(async () => { sb = await testSandbox({ seed: 1, peaceful: true }); });
  afterAll(async () => { await sb.stop(); });

  it('no path out (bedrock walls, no dirt to pillar with): recovered by movement alone, climbing on its cobblestone, then the task completes', async () => {
    const bot = await join('pitted');
    try {
      const p = bot.entity.position.floored();
      const walls: [Vec3, string][] = [[p.offset(0, -1, 0), 'bedrock']];
      for (let dx = -1; dx <= 1; dx++) for (let dz = -1; dz <= 1; dz++) for (let dy = 0; dy < 3; dy++) if (dx || dz) walls.push([p.offset(dx, dy, dz), 'bedrock']);
      await setBlocks(sb, bot, walls);
      await sb.command('give pitted cobblestone 16');
      await waitFor(() => bot.inventory.items().length === 1, 3000, 'the cobblestone');
      // Anything the bot says or runs (a /tp would be a chat command), as the server receives it.
      const said: unknown[] = [];
      const onSaid = (packet: unknown) => said.push(packet);
      const client = serverPlayer(sb, bot)._client;
      for (const name of ['chat_command', 'chat_message', 'chat']) client.on(name, onSaid);
      const r = await run(bot);
      for (const name of ['chat_command', 'chat_message', 'chat']) client.removeListener(name, onSaid);
      expect(r.summary).toMatchObject({ success: true, reason: 'done', resilience: { stuckRecoveries: 1 } });
      // The pathfinder alone found no way out: the recovery came after failed moves from the pit.
      const before = r.trace.filter((e) => e.event === 'step' && (e.outcome as { ok: boolean }).ok === false).map((e) => (e.outcome as { code: string }).code);
      expect(before.slice(0, 2)).toEqual(['NO_PATH', 'NO_PATH']);
      const rec = r.trace.find((e) => e.event === 'stuck_recovery')!;
      expect(rec).toMatchObject({ ok: true });
      expect((rec.attempts as { kind: string; ok: boolean }[]).map((a) => a.kind)).toContain('detour');
      // Out of the pit by walking and placing blocks: no command, no teleport.
      expect(said).toEqual([]);
      expect(Math.floor(serverPlayer(sb, bot).position.x) !== p.x || Math.floor(serverPlayer(sb, bot).position.z) !== p.z).toBe(true);
    } finally {
      await disconnectBot(bot);
    }
  });
});

describe('a full inventory', () => {
  beforeAll(async () => { sb = await testSandbox({ seed: 2, peaceful: true }); });
  afterAll(async () => { await sb.stop(); });

  const fill = async (name: string) => {
    for (const c of ['dirt 1920', 'gravel 64', 'andesite 64', 'stick 2', 'oak_planks 1', 'diamond 3', 'bread 5']) await sb.command(`give ${name} ${c}`);
  };

  it('is emptied of its least useful stacks before the step, never of the goal\'s or the plan\'s items, and the task completes', async () => {
    const bot = await join('hoarder');
    try {
      await fill('hoarder');
      await waitFor(() => bot.inventory.items().length === 36, 3000, 'a full inventory');
      const r = await run(bot);
      expect(r.summary).toMatchObject({ success: true, reason: 'done', resilience: { inventoryFull: 1 } });
      const full = r.events.find((e) => e.event === 'inventory_full');
      expect(full).toMatchObject({ step: 1, freeBefore: 0, freeAfter: 3, stored: [], dropped: [{ name: 'gravel', count: 64 }, { name: 'dirt', count: 64 }, { name: 'dirt', count: 64 }] });
      expect(r.trace.some((e) => e.event === 'inventory_full')).toBe(true);
      const inv = Object.fromEntries(bot.inventory.items().map((i) => [i.name, i.count]));
      expect(inv).toMatchObject({ wooden_pickaxe: 1, diamond: 3, bread: 5, andesite: 64 });
    } finally {
      await disconnectBot(bot);
    }
  });

  it('without that handling the same task fails: the logs have no room', async () => {
    const bot = await join('packrat');
    try {
      await fill('packrat');
      await waitFor(() => bot.inventory.items().length === 36, 3000, 'a full inventory');
      const r = await run(bot, { inventoryRoom: false });
      expect(r.summary.success).toBe(false);
      expect(r.trace.filter((e) => e.event === 'step').map((e) => (e.outcome as { code?: string }).code)).toContain('INVENTORY_FULL');
    } finally {
      await disconnectBot(bot);
    }
  });
});
