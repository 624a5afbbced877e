// Player packets as a vanilla server answers them: the translatable join and leave messages (clients
// find a newly joined player by them), creative-mode slot setting (creative only, echoed, slot -1
// throws the stack), and a /tp that leaves the player's look alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { ChatMessage } from 'prismarine-chat';
import { createRequire } from 'node:module';
import type { Item as ItemType } from 'prismarine-item';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { expectInventoriesMatch } from '../helpers/inventory.ts';
import { clearInventory, itemId } from '../helpers/windows.ts';

interface PlayerComponent { text?: string; insertion?: string; clickEvent?: { action: string; value: string } }

describe('join messages, creative slots and teleports as vanilla sends them', () => {
  let sb: Sandbox;
  let bot: Bot;
  const serverSlot = (slot: number) => {
    const it = sb.server.players.find((p) => p.username === bot.username)?.inventory.slots[slot];
    return it ? `${sb.server.registry.items[it.type]?.name}x${it.count}` : null;
  };
  let Item: typeof ItemType;
  const notch = (name: string, count: number) => Item.toNotch(new Item(itemId(bot, name), count));

  beforeAll(async () => {
    sb = await testSandbox({ seed: 5, preset: 'flat' });
    bot = await testBot(sb, 'host');
    Item = (createRequire(import.meta.url)('prismarine-item') as (r: unknown) => typeof ItemType)(bot.registry);
  });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('announces a joining and a leaving player with translatable messages naming them', async () => {
    const seen: ChatMessage[] = [];
    const onMessage = (m: ChatMessage) => { seen.push(m); };
    bot.on('message', onMessage);
    const guest = await testBot(sb, 'guest');
    await waitFor(() => seen.some((m) => m.translate === 'multiplayer.player.joined'), 3000, 'the join message');
    const joined = seen.find((m) => m.translate === 'multiplayer.player.joined')!;
    const name = (joined.json as { with: PlayerComponent[] }).with[0]!;
    expect(name.insertion).toBe('guest');
    expect(name.clickEvent).toEqual({ action: 'suggest_command', value: '/tell guest ' });
    expect(joined.toString()).toBe('guest joined the game');
    quit(guest);
    await waitFor(() => seen.some((m) => m.translate === 'multiplayer.player.left'), 3000, 'the leave message');
    expect(seen.find((m) => m.translate === 'multiplayer.player.left')!.toString()).toBe('guest left the game');
    expect(seen.some((m) => m.toString().includes('joined the game.'))).toBe(false);
    bot.off('message', onMessage);
  });

  it('ignores creative slot packets from a survival player', async () => {
    expect(bot.game.gameMode).toBe('survival');
    bot._client.write('set_creative_slot', { slot: 36, item: notch('diamond', 5) });
    // The packet is handled as it arrives; a round trip (the /give below) shows it was ignored.
    await sb.command(`give ${bot.username} stick 1`);
    await waitFor(() => bot.inventory.slots.some((s) => s?.name === 'stick'), 3000, 'the stick');
    expect(serverSlot(36)).toBe('stickx1');
    await expectInventoriesMatch(sb, bot);
  });

  it('sets and clears a creative player\'s slots, echoing each change', async () => {
    await sb.command(`gamemode creative ${bot.username}`);
    await waitFor(() => bot.game.gameMode === 'creative', 3000, 'creative mode');
    const echoes: number[] = [];
    const onSlot = (p: { windowId: number; slot: number }) => { if (p.windowId === 0) echoes.push(p.slot); };
    bot._client.on('set_slot', onSlot);
    await bot.creative.setInventorySlot(40, new Item(itemId(bot, 'oak_log'), 12));
    expect(serverSlot(40)).toBe('oak_logx12');
    expect(echoes).toContain(40);
    await bot.creative.setInventorySlot(40, null);
    expect(serverSlot(40)).toBeNull();
    bot._client.off('set_slot', onSlot);
    await expectInventoriesMatch(sb, bot);
  });

  it('throws the stack of a creative slot -1 packet as a dropped item', async () => {
    bot._client.write('set_creative_slot', { slot: -1, item: notch('emerald', 7) });
    await waitFor(() => Object.values(bot.entities).some((e) => e.name === 'item' && e.getDroppedItem()?.name === 'emerald'), 3000, 'the thrown emeralds');
    const drop = Object.values(bot.entities).find((e) => e.name === 'item' && e.getDroppedItem()?.name === 'emerald')!;
    expect(drop.getDroppedItem()?.count).toBe(7);
  });

  it('leaves the look as it was across a /tp', async () => {
    await bot.look(1.2345, 0.4321, true);
    await bot.waitForTicks(2);
    const { yaw, pitch } = bot.entity;
    const start = bot.entity.position.clone();
    await sb.command(`tp ${bot.username} ${start.x + 2} ${start.y} ${start.z}`);
    await waitFor(() => bot.entity.position.distanceTo(start.offset(2, 0, 0)) < 0.1, 3000, 'the teleport');
    // An absolute look rounded to angle bytes would be off by up to 0.0245 rad.
    expect(Math.abs(bot.entity.yaw - yaw)).toBeLessThan(1e-4);
    expect(Math.abs(bot.entity.pitch - pitch)).toBeLessThan(1e-4);
    expect(bot.entity.position.floored()).toEqual(new Vec3(Math.floor(start.x + 2), Math.floor(start.y), Math.floor(start.z)));
  });

  it('shift-clicks a shield into the off hand and a head onto the head', async () => {
    await bot.creative.setInventorySlot(9, new Item(itemId(bot, 'shield'), 1));
    await bot.creative.setInventorySlot(10, new Item(itemId(bot, 'zombie_head'), 1));
    await bot.clickWindow(9, 0, 1);
    await bot.clickWindow(10, 0, 1);
    await waitFor(() => serverSlot(45) === 'shieldx1' && serverSlot(5) === 'zombie_headx1', 2000, 'the quick moves');
    await expectInventoriesMatch(sb, bot);
    expect(bot.inventory.slots[45]?.name).toBe('shield');
    expect(bot.inventory.slots[5]?.name).toBe('zombie_head');
    await clearInventory(sb, bot);
  });

  it('breaks a block at once in creative, but not with a sword in hand', async () => {
    expect(bot.game.gameMode).toBe('creative');
    const pos = bot.entity.position.floored().offset(1, 0, 0);
    const stone = sb.server.registry.blocksByName.stone!.defaultState;
    const serverBlock = async () => (await sb.server.overworld.getBlock(pos)).name;
    let sequence = 100;
    const punch = async () => {
      const seq = ++sequence;
      const acked = new Promise<void>((resolve) => {
        const onAck = (p: { sequenceId?: number; sequence?: number }) => {
          if ((p.sequenceId ?? p.sequence) !== seq) return;
          bot._client.off('acknowledge_player_digging', onAck);
          resolve();
        };
        bot._client.on('acknowledge_player_digging', onAck);
      });
      bot._client.write('block_dig', { status: 0, location: pos, face: 1, sequence: seq });
      await acked;
    };
    await sb.server.setBlock(sb.server.overworld, pos, stone);
    await bot.creative.setInventorySlot(36, new Item(itemId(bot, 'diamond_sword'), 1));
    bot.setQuickBarSlot(0);
    await bot.waitForTicks(2);
    await punch();
    expect(await serverBlock()).toBe('stone');
    await bot.creative.setInventorySlot(36, null);
    await punch();
    expect(await serverBlock()).toBe('air');
  });
});
