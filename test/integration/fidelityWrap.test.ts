import { afterAll, describe, expect, it } from 'vitest';
import mineflayer from 'mineflayer';
import { once } from 'node:events';
import { Wrap } from '../../src/bench/fidelity/wrap.ts';

// The stand-in for minecraft-wrap that mineflayer's vanilla test harness drives: a real `skillcraft
// serve` process with the properties the harness asks of vanilla, its console on stdin.
describe("the fidelity harness's server", () => {
  const wrap = new Wrap('unused.jar', 'unused-dir');
  const lines: string[] = [];
  wrap.on('line', (l: string) => { lines.push(l); });
  afterAll(() => new Promise<void>((resolve) => { wrap.stopServer(() => resolve()); }));

  it('starts superflat and creative, runs console commands from stdin and prints their feedback', async () => {
    process.env.SKILLCRAFT_FIDELITY_VERSION = '1.20.4';
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    await new Promise<void>((resolve, reject) => {
      wrap.startServer({ 'level-type': 'FLAT', gamemode: '1', 'spawn-animals': 'false', 'spawn-monsters': 'false', 'server-port': port }, (err) => (err ? reject(err) : resolve()));
    });
    const bot = mineflayer.createBot({ host: '127.0.0.1', port, username: 'flatbot', version: '1.20.4', auth: 'offline', hideErrors: true });
    try {
      await once(bot, 'spawn');
      expect(bot.game.gameMode).toBe('creative');
      const opped = new Promise<string>((resolve) => bot.once('messagestr', resolve));
      wrap.writeServer('op flatbot\n');
      expect(await opped).toBe('[Server: Made flatbot a server operator]');
      wrap.writeServer('gamerule doMobSpawning');
      wrap.writeServer('time query daytime\n');
      const deadline = Date.now() + 5000;
      while (!lines.some((l) => l.startsWith('The time is')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(lines).toContain('Made flatbot a server operator');
      expect(lines).toContain('Gamerule doMobSpawning is currently set to: false');
      expect(lines.some((l) => /^The time is \d+$/.test(l))).toBe(true);
    } finally {
      bot.quit();
    }
  });
});
