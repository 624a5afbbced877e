import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { mineBlock } from '../../skills/mineBlock.ts';
import { breakBlock } from '../../src/actions/mining/world.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { runOn, setBlocks, setInventory, skillBot, skillEnv } from '../helpers/skills.ts';

// A dig the server finds early (a client whose clock runs ahead of a busy server's) is put back and broken
// by the server once the dig time has passed (vanilla's delayed destroy). The bot must not take the block
// for gone before the server says so: it would count a block that is still there, and dig it again later.
describe('a dig the server finds early', () => {
  let sb: Sandbox;
  let bot: Bot;
  let digTime: Bot['digTime'];

  beforeAll(async () => {
    sb = await testSandbox({ seed: 11, preset: 'flat' });
    bot = await skillBot(sb, 'hasty');
    digTime = bot.digTime.bind(bot);
  });
  afterAll(async () => {
    quit(bot);
    await sb.stop();
  });

  const serverState = (pos: { x: number; y: number; z: number }) => sb.server.overworld.sync.getBlockStateId(pos as never);

  it('breakBlock returns only once the server has broken the block', async () => {
    const pos = bot.entity.position.floored().offset(1, 0, 0);
    await setBlocks(sb, bot, [[pos, 'oak_log']]);
    // The client believes the dig is over after 50 ms; by hand a log takes 3 s on the server.
    bot.digTime = () => 50;
    try {
      const ctx = { ...skillEnv(bot), signal: new AbortController().signal };
      const t0 = performance.now();
      await breakBlock(ctx, bot.blockAt(pos)!, 'the log');
      expect(serverState(pos)).toBe(0);
      expect(performance.now() - t0).toBeGreaterThan(2000);
      expect(bot.blockAt(pos)?.name).toBe('air');
    } finally {
      bot.digTime = digTime;
    }
  });

  it('mineBlock digs each log once and gets every log although each finish is early', async () => {
    const at = bot.entity.position.floored();
    const logs = [at.offset(2, 0, 1), at.offset(2, 1, 1)];
    await setInventory(sb, bot, {});
    await setBlocks(sb, bot, logs.map((p) => [p, 'oak_log'] as const));
    bot.digTime = () => 50;
    try {
      const out = await runOn(bot, mineBlock, { block: 'oak_log', count: 2, radius: 8 });
      expect(out.ok ? out.result : out).toMatchObject({ counted: 2, dug: 2 });
      if (out.ok) expect((out.result as { at: number[][] }).at).toHaveLength(2);
      for (const p of logs) expect(serverState(p)).toBe(0);
      expect(bot.inventory.items().filter((i) => i.name === 'oak_log').reduce((n, i) => n + i.count, 0)).toBe(2);
    } finally {
      bot.digTime = digTime;
    }
  });
});
