// Chests as a vanilla server has them: placed facing the player, joined into double chests (one
// 54-slot window, the right half's slots first), lids other players see open, a barrel's open state,
// and a furnace facing whoever placed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { expectInventoriesMatch } from '../helpers/inventory.ts';
import { flatFloor, placeOnFloor } from '../helpers/world.ts';
import { give, itemId, serverStoreSlots } from '../helpers/windows.ts';

interface BlockAction { location: { x: number; y: number; z: number }; byte1: number; byte2: number }

describe('chests, double chests and what others see of them', () => {
  let sb: Sandbox;
  let bot: Bot;
  let watcher: Bot;
  let base: Vec3;
  const at = (b: Bot, pos: Vec3): Block => {
    const found = b.blockAt(pos);
    if (!found) throw new Error(`no block at ${pos.toString()}`);
    return found;
  };
  const props = (b: Bot, pos: Vec3) => at(b, pos).getProperties() as Record<string, unknown>;
  const lidEvents: BlockAction[] = [];

  beforeAll(async () => {
    sb = await testSandbox({ seed: 3, preset: 'flat' });
    bot = await testBot(sb, 'placer');
    base = await flatFloor(sb, bot, 5);
    watcher = await testBot(sb, 'watcher');
    await sb.command(`tp ${watcher.username} ${base.x - 3} ${base.y} ${base.z}`);
    await waitFor(() => watcher.entity.position.distanceTo(base.offset(-2.5, 0, 0.5)) < 0.5, 5000, 'the watcher to arrive');
    watcher._client.on('block_action', (p: BlockAction) => { lidEvents.push(p); });
    await give(sb, bot, 'chest', 3);
  });
  afterAll(async () => { quit(bot); quit(watcher); await sb.stop(); });

  it('two chests placed side by side face the player and join into one double chest', async () => {
    const left = base.offset(0, 0, 2);
    const right = base.offset(1, 0, 2);
    await placeOnFloor(bot, 'chest', left);
    // The bot looks south at both: each chest faces it (north); the second joins the first.
    await placeOnFloor(bot, 'chest', right);
    await waitFor(() => props(bot, left).type === 'left', 3000, 'the first chest to join');
    expect(props(bot, left)).toMatchObject({ facing: 'north', type: 'left' });
    expect(props(bot, right)).toMatchObject({ facing: 'north', type: 'right' });
    await waitFor(() => props(watcher, left).type === 'left', 3000, 'the watcher to see the double chest');

    const lidMoves: [Vec3, number, Vec3 | undefined][] = [];
    watcher.on('chestLidMove', (block: Block, open: number, other: Block | null) => { lidMoves.push([block.position, open, other?.position]); });
    lidEvents.length = 0;
    await give(sb, bot, 'oak_log', 5);
    const chest = await bot.openContainer(at(bot, left));
    expect(chest.type).toBe('minecraft:generic_9x6');
    expect(chest.inventoryStart).toBe(54);
    await chest.deposit(itemId(bot, 'oak_log'), null, 5);
    // Vanilla's CompoundContainer: slot 0 is the right half's first slot.
    await waitFor(() => serverStoreSlots(sb, right)?.[0] === 'oak_logx5', 2000, 'the logs in the right half');
    expect(serverStoreSlots(sb, left)?.every((s) => s === '') ?? true).toBe(true);
    // Each half's lid opens for the watcher, and mineflayer reports one lid move for the pair.
    await waitFor(() => lidEvents.filter((e) => e.byte1 === 1 && e.byte2 === 1).length === 2, 2000, 'both lids to open');
    await waitFor(() => lidMoves.length === 1, 2000, 'one chestLidMove');
    expect(lidMoves[0]![1]).toBe(1);
    expect([lidMoves[0]![0].toString(), lidMoves[0]![2]?.toString()].sort()).toEqual([left.toString(), right.toString()].sort());
    await chest.close();
    await waitFor(() => lidEvents.filter((e) => e.byte1 === 1 && e.byte2 === 0).length === 2, 2000, 'both lids to close');
    await expectInventoriesMatch(sb, bot);

    // Reopened, the double chest shows the logs where they were put.
    const again = await bot.openContainer(at(bot, right));
    expect(again.slots[0]?.name).toBe('oak_log');
    await again.close();
  });

  it('a half whose partner is broken becomes a single chest again', async () => {
    const left = base.offset(0, 0, 2);
    const right = base.offset(1, 0, 2);
    await sb.command(`setblock ${left.x} ${left.y} ${left.z} air`);
    await waitFor(() => props(bot, right).type === 'single', 3000, 'the right half to become single');
    await waitFor(() => props(watcher, right).type === 'single', 3000, 'the watcher to see it single');
    expect(props(watcher, right)).toMatchObject({ facing: 'north', type: 'single' });
    const chest = await bot.openContainer(at(bot, right));
    expect(chest.type).toBe('minecraft:generic_9x3');
    expect(chest.slots[0]?.name).toBe('oak_log');
    await chest.close();
  });

  it('a chest with a solid block on top does not open', async () => {
    const right = base.offset(1, 0, 2);
    await sb.command(`setblock ${right.x} ${right.y + 1} ${right.z} stone`);
    await waitFor(() => bot.blockAt(right.offset(0, 1, 0))?.name === 'stone', 2000, 'the stone on the chest');
    let opened = false;
    const onOpen = () => { opened = true; };
    bot._client.on('open_window', onOpen);
    await bot.activateBlock(at(bot, right));
    // Negative check: the answer to an interaction comes within a tick or two, so a second is ample.
    await new Promise((r) => setTimeout(r, 1000));
    bot._client.off('open_window', onOpen);
    expect(opened).toBe(false);
    await sb.command(`setblock ${right.x} ${right.y + 1} ${right.z} air`);
    await waitFor(() => bot.blockAt(right.offset(0, 1, 0))?.name === 'air', 2000, 'the stone gone');
    const chest = await bot.openContainer(at(bot, right));
    expect(chest.type).toBe('minecraft:generic_9x3');
    await chest.close();
  });

  it('a barrel shows itself open while someone looks in', async () => {
    const pos = base.offset(-1, 0, 2);
    await give(sb, bot, 'barrel', 1);
    await placeOnFloor(bot, 'barrel', pos);
    await waitFor(() => watcher.blockAt(pos)?.name === 'barrel', 2000, 'the watcher to see the barrel');
    expect(props(watcher, pos).open).toBe(false);
    const barrel = await bot.openContainer(at(bot, pos));
    await waitFor(() => props(watcher, pos).open === true, 2000, 'the barrel to show open');
    await barrel.close();
    await waitFor(() => props(watcher, pos).open === false, 2000, 'the barrel to show closed');
  });

  it('a furnace faces the player who placed it', async () => {
    const pos = base.offset(0, 0, -2);
    await give(sb, bot, 'furnace', 1);
    await placeOnFloor(bot, 'furnace', pos);
    // The bot stands south of it, so its front faces south.
    expect(props(bot, pos)).toMatchObject({ facing: 'south', lit: false });
    expect(bot.blockAt(pos)?.name).toBe('furnace');
  });

  it('a chest placed against a side while sneaking joins the chest clicked', async () => {
    const first = base.offset(3, 0, 0);
    const second = base.offset(3, 0, 1);
    await give(sb, bot, 'chest', 2);
    await placeOnFloor(bot, 'chest', first);
    // The bot looks east at it, so it faces west. Clicking its south side without sneaking would open
    // it; sneaking, the click places a chest there, which joins the one clicked (vanilla: a left half).
    expect(props(bot, first)).toMatchObject({ facing: 'west', type: 'single' });
    await bot.equip(itemId(bot, 'chest'), 'hand');
    bot.setControlState('sneak', true);
    await waitFor(() => bot.getControlState('sneak'), 1000, 'sneaking');
    await bot.waitForTicks(2);
    await bot.placeBlock(at(bot, first), new Vec3(0, 0, 1));
    bot.setControlState('sneak', false);
    await waitFor(() => bot.blockAt(second)?.name === 'chest' && props(bot, first).type !== 'single', 3000, 'the sneaking placement to join');
    expect(props(bot, second)).toMatchObject({ facing: 'west', type: 'left' });
    expect(props(bot, first)).toMatchObject({ facing: 'west', type: 'right' });
    expect(bot.currentWindow).toBeNull();
  });
});
