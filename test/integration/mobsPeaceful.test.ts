import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { HOSTILE_MOBS } from '../../src/knowledge/mobs.ts';
import { createMob, mobWorldOf } from '../../src/sandbox/plugins/mobs/plugin.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { serverPlayer, serverTicks } from '../helpers/items.ts';
import { serverMobs } from '../helpers/mobs.ts';

describe('mobs: peaceful sandbox', () => {
  let sb: Sandbox;
  let bot: Bot;
  const chat: string[] = [];

  beforeAll(async () => {
    sb = await testSandbox({ seed: 7, peaceful: true, mobSpawning: true });
    bot = await testBot(sb, 'pacifist');
    bot.on('messagestr', (m: string) => { chat.push(m); });
  });
  afterAll(async () => {
    quit(bot);
    await sb.stop();
  });

  it('refuses to summon hostiles, from the console and from a player, but summons animals', async () => {
    await expect(sb.command('summon zombie')).rejects.toThrow(/Cannot summon zombie: the sandbox is peaceful/);
    bot.chat('/summon spider');
    await waitFor(() => chat.some((m) => m.includes('Cannot summon spider: the sandbox is peaceful')), 3000, 'the refusal in chat');
    await sb.command('summon cow');
    await waitFor(() => Object.values(bot.entities).some((e) => e.name === 'cow'), 3000, 'the cow');
    expect(serverMobs(sb).filter((m) => HOSTILE_MOBS.includes(m.skillcraftMob.facts.name))).toEqual([]);
  });

  it('removes a hostile that exists anyway, and none spawn at night', async () => {
    const zombie = createMob(mobWorldOf(sb.server), 'zombie', serverPlayer(sb, bot).world, serverPlayer(sb, bot).position.offset(3, 0, 0));
    await waitFor(() => zombie.skillcraftMob.gone && bot.entities[zombie.id] === undefined, 3000, 'the zombie to be removed');
    await sb.command('time set midnight');
    await serverTicks(sb, 100);
    expect(serverMobs(sb).filter((m) => HOSTILE_MOBS.includes(m.skillcraftMob.facts.name))).toEqual([]);
    expect(bot.health).toBe(20);
  });
});
