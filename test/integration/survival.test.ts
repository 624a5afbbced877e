import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';

type Fed = { food: number; updateFood(n: number): void };

describe('sandbox hunger and eating', () => {
  let sb: Sandbox;
  let bot: Bot;
  beforeAll(async () => {
    sb = await testSandbox({ seed: 3, preset: 'plains' });
    bot = await testBot(sb, 'eater');
  });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('starts players with vanilla saturation', async () => {
    await waitFor(() => bot.foodSaturation === 5, 3000, 'saturation 5');
  });

  it('eats a steak with bot.consume(): food rises, one is used up', async () => {
    (sb.server.players[0] as unknown as Fed).updateFood(10);
    await waitFor(() => bot.food === 10, 3000, 'food 10');
    await sb.command('give eater cooked_beef 2');
    await waitFor(() => counts(bot).cooked_beef === 2, 3000, 'steak');
    await bot.equip(bot.registry.itemsByName.cooked_beef!.id, 'hand');
    const t0 = Date.now();
    await bot.consume();
    expect(Date.now() - t0).toBeGreaterThan(1400); // 32 ticks
    await waitFor(() => bot.food === 18, 3000, 'food 18');
    expect(counts(bot).cooked_beef).toBe(1);
    await expectInventoriesMatch(sb, bot);
  });

  it('refuses to eat when full', async () => {
    (sb.server.players[0] as unknown as Fed).updateFood(20);
    await waitFor(() => bot.food === 20, 3000, 'food 20');
    await expect(bot.consume()).rejects.toThrow('Food is full');
  });
});
