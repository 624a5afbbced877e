import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import type { Item } from 'prismarine-item';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SquidPlayer } from '../../src/sandbox/squid/types.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';

const require = createRequire(import.meta.url);

describe('sandbox digging', () => {
  let sb: Sandbox;
  let bot: Bot;
  let watcher: Bot | undefined;
  let player: SquidPlayer;
  let ItemClass: typeof Item;
  let base: Vec3;
  let target: Vec3;
  let sequence = 1000;

  const reg = () => sb.server.registry;
  const stateOf = (name: string) => reg().blocksByName[name]!.defaultState;
  const serverBlock = async (pos: Vec3) => (await sb.server.overworld.getBlock(pos)).name;
  const grassName = () => (reg().blocksByName.short_grass ? 'short_grass' : 'grass');

  async function place(pos: Vec3, name: string): Promise<void> {
    await sb.server.setBlock(sb.server.overworld, pos, stateOf(name));
    await waitFor(() => bot.blockAt(pos)?.name === name, 3000, `${name} to reach the client`);
  }

  /** Puts `name` (or nothing) in hotbar slot 0, server-side, and waits for the client to see it. */
  async function hold(name: string | null, durabilityUsed = 0): Promise<void> {
    let item: Item | null = null;
    if (name) {
      item = new ItemClass(reg().itemsByName[name]!.id, 1);
      if (durabilityUsed) item.durabilityUsed = durabilityUsed;
    }
    player.inventory.updateSlot(36, item);
    await waitFor(() => (bot.inventory.slots[36]?.name ?? null) === name
      && (bot.inventory.slots[36]?.durabilityUsed ?? 0) === durabilityUsed, 3000, `bot to hold ${name}`);
  }

  async function clearInventory(): Promise<void> {
    player.inventory.slots.forEach((s, i) => { if (s) player.inventory.updateSlot(i, null); });
    await waitFor(() => bot.inventory.slots.every((s) => !s), 3000, 'empty inventory');
  }

  const count = (name: string) => bot.inventory.items().filter((i) => i.name === name).reduce((n, i) => n + i.count, 0);
  const droppedItems = () => Object.values(sb.server.entities).filter((e) => e.name === 'item');
  const describeSlots = (slots: readonly ({ name: string; count: number | string; durabilityUsed?: number } | null | undefined)[]) =>
    Array.from({ length: 46 }, (_, i) => slots[i]).map((s, i) => (s ? `${i}:${s.name}x${Number(s.count)}/${s.durabilityUsed ?? 0}` : null)).filter(Boolean);

  /** The server's inventory and the bot's agree (after any set_slot in flight). */
  async function expectInventoriesMatch(): Promise<void> {
    const same = () => JSON.stringify(describeSlots(bot.inventory.slots)) === JSON.stringify(describeSlots(player.inventory.slots));
    // Poll without throwing: on a mismatch the expect below shows both inventories.
    for (const end = Date.now() + 3000; !same() && Date.now() < end;) await new Promise((r) => setTimeout(r, 25));
    expect(describeSlots(bot.inventory.slots)).toEqual(describeSlots(player.inventory.slots));
  }

  /** Resolves once the server has handled every dig packet sent before it (they are handled in order). */
  async function barrier(): Promise<void> {
    const seq = ++sequence;
    const acked = new Promise<void>((resolve, reject) => {
      const onAck = (p: { sequenceId: number }) => {
        if (p.sequenceId !== seq) return;
        clearTimeout(timer);
        bot._client.removeListener('acknowledge_player_digging', onAck);
        resolve();
      };
      const timer = setTimeout(() => {
        bot._client.removeListener('acknowledge_player_digging', onAck);
        reject(new Error(`no acknowledgement for sequence ${seq}`));
      }, 3000);
      bot._client.on('acknowledge_player_digging', onAck);
    });
    bot._client.write('block_dig', { status: 1, location: base.offset(0, 5, 0), face: 0, sequence: seq });
    await acked;
  }

  /** Digs `pos` with mineflayer's own `bot.dig`, then waits for the server and for every drop to be picked up. */
  async function dig(pos: Vec3): Promise<void> {
    const block = bot.blockAt(pos);
    if (!block) throw new Error(`no block at ${pos.toString()}`);
    await bot.dig(block);
    await barrier();
    expect(await serverBlock(pos)).toBe('air');
    await waitFor(() => droppedItems().length === 0, 5000, 'drops to be picked up');
    await expectInventoriesMatch();
  }

  beforeAll(async () => {
    sb = await testSandbox({ seed: 5 });
    bot = await testBot(sb, 'digger');
    player = sb.server.players.find((p) => p.username === 'digger')!;
    ItemClass = (require('prismarine-item') as (r: unknown) => typeof Item)(reg());
    const p = bot.entity.position;
    base = new Vec3(Math.floor(p.x), Math.floor(p.y), Math.floor(p.z));
    // A stone floor with air above: the tests do not depend on the terrain at spawn.
    for (let dx = -2; dx <= 2; dx++) {
      for (let dz = -2; dz <= 2; dz++) {
        await sb.server.setBlock(sb.server.overworld, base.offset(dx, -1, dz), stateOf('stone'));
        for (let dy = 0; dy < 4; dy++) await sb.server.setBlock(sb.server.overworld, base.offset(dx, dy, dz), 0);
      }
    }
    target = base.offset(1, 0, 0);
    await waitFor(() => bot.blockAt(base.offset(2, -1, 2))?.name === 'stone' && bot.entity.onGround, 5000, 'arena');
    bot.setQuickBarSlot(0);
    await waitFor(() => player.heldItemSlot === 0, 3000, 'hotbar slot 0');
    await clearInventory();
  });

  afterAll(async () => { quit(watcher); quit(bot); await sb.stop(); });

  it('gives exactly one oak_log for a log dug by hand', async () => {
    await hold(null);
    await place(target, 'oak_log');
    await dig(target);
    expect(count('oak_log')).toBe(1);
    expect(bot.inventory.items()).toHaveLength(1);
  });

  it('gives nothing for stone dug by hand, one cobblestone with a wooden pickaxe, and wears the pickaxe', async () => {
    await clearInventory();
    await place(target, 'stone');
    await dig(target);
    expect(bot.inventory.items()).toHaveLength(0);

    await hold('wooden_pickaxe');
    await place(target, 'stone');
    await dig(target);
    expect(count('cobblestone')).toBe(1);
    expect(bot.inventory.slots[36]?.durabilityUsed).toBe(1);
    expect(player.inventory.slots[36]?.durabilityUsed).toBe(1);
  });

  it('gives nothing for iron ore dug by hand or with a wooden pickaxe', async () => {
    await clearInventory();
    await place(target, 'iron_ore');
    await dig(target);
    await hold('wooden_pickaxe');
    await place(target, 'iron_ore');
    await dig(target);
    expect(bot.inventory.items().map((i) => i.name)).toEqual(['wooden_pickaxe']);
  });

  it('gives raw_iron for iron ore dug with a stone pickaxe', async () => {
    await clearInventory();
    await hold('stone_pickaxe');
    await place(target, 'iron_ore');
    await dig(target);
    expect(count('raw_iron')).toBe(1);
  });

  it('breaks a tool on its last use', async () => {
    await clearInventory();
    await hold('wooden_pickaxe', 58);
    await place(target, 'stone');
    await dig(target);
    // The cobblestone picked up afterwards may take the emptied hotbar slot, as in vanilla.
    expect(bot.inventory.items().map((i) => i.name)).toEqual(['cobblestone']);
    expect(player.inventory.slots.filter(Boolean).map((i) => i!.name)).toEqual(['cobblestone']);
  });

  it('does not break a block on an instant finish: the client gets it back, the server breaks it when its dig time has passed', async () => {
    await clearInventory();
    await place(target, 'dirt'); // 750 ms by hand
    const started = Date.now();
    bot._client.write('block_dig', { status: 0, location: target, face: 1, sequence: ++sequence });
    bot._client.write('block_dig', { status: 2, location: target, face: 1, sequence: ++sequence });
    await barrier();
    expect([await serverBlock(target), bot.blockAt(target)?.name, droppedItems().length]).toEqual(['dirt', 'dirt', 0]);
    // Vanilla's delayed destroy: the server breaks it itself, with the drop, once 750 ms have passed.
    await waitFor(() => sb.server.overworld.sync.getBlockStateId(target) === 0, 3000, 'the delayed break');
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    await waitFor(() => bot.blockAt(target)?.name === 'air', 3000, 'the client to see the break');
    await waitFor(() => count('dirt') === 1, 5000, 'the dirt in the inventory');
    // mineflayer's own dig with a lying dig time predicts air locally: the server must undo that first.
    await place(target, 'stone'); // 7.5 s by hand, and no drop
    const realDigTime = bot.digTime;
    bot.digTime = () => 0;
    await bot.dig(bot.blockAt(target)!).finally(() => { bot.digTime = realDigTime; });
    expect(bot.blockAt(target)?.name).toBe('air');
    await barrier();
    await waitFor(() => bot.blockAt(target)?.name === 'stone', 3000, 'the client to get the stone back');
    expect(await serverBlock(target)).toBe('stone');
    // Taken away before the 7.5 s are up: the delayed break is called off, as the block is gone.
    await sb.server.setBlock(sb.server.overworld, target, 0);
    await waitFor(() => bot.blockAt(target)?.name === 'air', 3000, 'air to reach the client');
    expect(droppedItems()).toHaveLength(0);
  });

  it('breaks at once on a finish after 70 % of the dig time; after half of it, only when the whole time has passed', async () => {
    await clearInventory();
    await place(target, 'dirt'); // 750 ms by hand
    const timedDig = async (ms: number) => {
      bot._client.write('block_dig', { status: 0, location: target, face: 1, sequence: ++sequence });
      await new Promise((r) => setTimeout(r, ms)); // the elapsed time is the thing under test
      bot._client.write('block_dig', { status: 2, location: target, face: 1, sequence: ++sequence });
      await barrier();
      return serverBlock(target);
    };
    expect(await timedDig(300)).toBe('dirt');
    await waitFor(() => sb.server.overworld.sync.getBlockStateId(target) === 0, 3000, 'the delayed break');
    await place(target, 'dirt');
    expect(await timedDig(600)).toBe('air');
    // The pickup's slot update reaches the client just after the entity is gone.
    await waitFor(() => droppedItems().length === 0 && count('dirt') >= 2, 5000, 'both dirt in the inventory');
    expect(count('dirt')).toBe(2);
  });

  it('breaks short grass without a desync', async () => {
    await clearInventory();
    await place(target, grassName());
    await dig(target);
    await barrier();
    expect(bot.blockAt(target)?.name).toBe('air');
    expect(await serverBlock(target)).toBe('air');
  });

  it('pops plants that lose the block under them', async () => {
    await clearInventory();
    await place(target, 'dirt');
    await place(target.offset(0, 1, 0), grassName());
    await dig(target);
    expect(await serverBlock(target.offset(0, 1, 0))).toBe('air');
    expect(bot.blockAt(target.offset(0, 1, 0))?.name).toBe('air');

    await clearInventory();
    await place(target, 'dirt');
    await place(target.offset(0, 1, 0), 'sugar_cane');
    await place(target.offset(0, 2, 0), 'sugar_cane');
    await dig(target);
    for (const dy of [1, 2]) {
      expect(await serverBlock(target.offset(0, dy, 0))).toBe('air');
      expect(bot.blockAt(target.offset(0, dy, 0))?.name).toBe('air');
    }
    expect(count('dirt')).toBe(1);
    expect(count('sugar_cane')).toBe(2);
  });

  it('puts out fire on the face of a punched block instead of digging the block', async () => {
    await place(target, 'stone');
    await place(target.offset(0, 1, 0), 'fire');
    bot._client.write('block_dig', { status: 0, location: target, face: 1, sequence: ++sequence });
    await barrier();
    expect(await serverBlock(target.offset(0, 1, 0))).toBe('air');
    await waitFor(() => bot.blockAt(target.offset(0, 1, 0))?.name === 'air', 3000, 'the fire to go out');
    expect(await serverBlock(target)).toBe('stone');
    expect(droppedItems()).toHaveLength(0);
  });

  it('shows the break animation to other players', async () => {
    watcher = await testBot(sb, 'watcher');
    const stages: number[] = [];
    watcher._client.on('block_break_animation', (p: { entityId: number; location: Vec3; destroyStage: number }) => {
      if (p.entityId === bot.entity.id && p.location.x === target.x && p.location.z === target.z) stages.push(p.destroyStage);
    });
    await hold('wooden_pickaxe');
    await place(target, 'stone');
    await dig(target);
    await waitFor(() => stages.includes(-1), 3000, 'the animation to end');
    expect(stages[0]).toBe(0);
    expect(stages.filter((s) => s >= 0)).toEqual([...stages.filter((s) => s >= 0)].sort((a, b) => a - b));
    expect(Math.max(...stages)).toBeGreaterThanOrEqual(5);
  });

  it('still digs instantly and without drops in creative mode', async () => {
    await clearInventory();
    const modal = player as SquidPlayer & { setGameMode(mode: number): void };
    modal.setGameMode(1);
    await waitFor(() => bot.game.gameMode === 'creative', 3000, 'creative mode');
    try {
      await place(target, 'obsidian');
      await bot.dig(bot.blockAt(target)!);
      await barrier();
      expect(await serverBlock(target)).toBe('air');
      expect(droppedItems()).toHaveLength(0);
    } finally {
      modal.setGameMode(0);
    }
    await waitFor(() => bot.game.gameMode === 'survival', 3000, 'survival mode');
  });

  it('drops one held item on Q and swaps hands on F', async () => {
    await clearInventory();
    player.inventory.updateSlot(36, new ItemClass(reg().itemsByName.oak_planks!.id, 3));
    await waitFor(() => bot.inventory.slots[36]?.count === 3, 3000, 'planks in hand');
    bot._client.write('block_dig', { status: 4, location: new Vec3(0, 0, 0), face: 0, sequence: 0 });
    await barrier();
    expect(droppedItems()).toHaveLength(1);
    await waitFor(() => bot.inventory.slots[36]?.count === 2, 3000, 'one plank fewer');
    bot._client.write('block_dig', { status: 6, location: new Vec3(0, 0, 0), face: 0, sequence: 0 });
    await barrier();
    await waitFor(() => bot.inventory.slots[45]?.name === 'oak_planks' && !bot.inventory.slots[36], 3000, 'planks in the off hand');
    expect(player.inventory.slots[45]?.count).toBe(2);
    await expectInventoriesMatch();
  });
});
