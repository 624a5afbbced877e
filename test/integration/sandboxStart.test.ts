import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox } from '../helpers/sandbox.ts';

describe('sandbox lifecycle', () => {
  let sb: Sandbox;
  let bot: Bot | undefined;
  beforeAll(async () => { sb = await testSandbox({ seed: 7, preset: 'forest' }); });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('listens on a real port when asked for port 0', () => {
    expect(sb.port).toBeGreaterThan(0);
  });

  it('lets a mineflayer bot spawn in survival', async () => {
    bot = await testBot(sb);
    expect(bot.game.gameMode).toBe('survival');
  });

  it('stop() closes the port and can be called twice', async () => {
    await sb.stop();
    await sb.stop();
    const net = await import('node:net');
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect(sb.port, sb.host);
      s.once('connect', () => { s.destroy(); resolve(false); });
      s.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});
