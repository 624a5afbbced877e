// The one set of helpers the skill tests share: a bot as the agent has it, running a skill through the
// runner, and setting the bot's inventory and the blocks around it server-side.
import type { Bot } from 'mineflayer';
import { pathfinder } from 'mineflayer-pathfinder';
import type { Item } from 'prismarine-item';
import type { Vec3 } from 'vec3';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createLogger } from '../../src/log/logger.ts';
import { itemClass } from '../../src/sandbox/plugins/items/entity.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { runSkill, type RunEnv } from '../../src/skills/runner.ts';
import type { AnySkill, SkillOutcome } from '../../src/skills/types.ts';
import { buildPlatform, placeBot, serverPlayer } from './items.ts';
import { testBot, testSandbox, waitFor } from './sandbox.ts';

/** A test bot with mineflayer-pathfinder loaded, as skills need it. */
export async function skillBot(sb: Sandbox, name: string): Promise<Bot> {
  const bot = await testBot(sb, name);
  bot.loadPlugin(pathfinder);
  return bot;
}

/** The environment `runSkill` needs, with a logger at warn (debug with SKILLCRAFT_TEST_LOG=debug). */
export function skillEnv(bot: Bot, extra: Partial<RunEnv> = {}): RunEnv {
  const level = (process.env.SKILLCRAFT_TEST_LOG as 'debug' | undefined) ?? 'warn';
  return { bot, log: createLogger({ level, format: 'json' }), knowledge: createKnowledge(bot.version), ...extra };
}

/** Runs a skill through the one boundary, as the agent does. */
export function runOn(bot: Bot, skill: AnySkill, args: unknown, extra: Partial<RunEnv> = {}): Promise<SkillOutcome> {
  return runSkill(skill, args, skillEnv(bot, extra));
}

/**
 * Sets the bot's inventory server-side: `slots` maps window-0 slot numbers (36-44 hotbar, 9-35 main,
 * 45 off-hand) to `name` or `namexCOUNT` (`dirtx64`); every other slot is emptied. Waits for the client.
 */
export async function setSlots(sb: Sandbox, bot: Bot, slots: Readonly<Record<number, string>>): Promise<void> {
  const player = serverPlayer(sb, bot);
  const cls = itemClass(sb.server.registry);
  const want = new Map<number, Item | null>();
  for (let i = 0; i < 46; i++) want.set(i, null);
  for (const [slot, spec] of Object.entries(slots)) {
    const [, name = spec, n] = /^(.+?)(?:x(\d+))?$/.exec(spec) ?? [];
    const id = sb.server.registry.itemsByName[name]?.id;
    if (id === undefined) throw new Error(`unknown item ${name}`);
    want.set(Number(slot), new cls(id, n ? Number(n) : 1));
  }
  for (const [slot, item] of want) {
    if (!player.inventory.slots[slot] && !item) continue;
    player.inventory.updateSlot(slot, item);
  }
  const view = (s: { name: string; count: number } | null | undefined) => (s ? `${s.name}x${s.count}` : '');
  await waitFor(() => [...want].every(([slot, item]) => view(bot.inventory.slots[slot]) === view(item)), 3000, 'the inventory to reach the client');
}

/** The whole inventory as `items` (one stack each, hotbar first), set server-side. */
export function setInventory(sb: Sandbox, bot: Bot, items: Readonly<Record<string, number>>): Promise<void> {
  const slots: Record<number, string> = {};
  let slot = 36;
  for (const [name, n] of Object.entries(items)) {
    slots[slot] = `${name}x${n}`;
    slot = slot === 44 ? 9 : slot + 1;
  }
  return setSlots(sb, bot, slots);
}

/** Sets blocks server-side and waits until the client sees all of them. */
export async function setBlocks(sb: Sandbox, bot: Bot, blocks: readonly (readonly [Vec3, string])[]): Promise<void> {
  for (const [pos, name] of blocks) {
    const state = sb.server.registry.blocksByName[name]?.defaultState;
    if (state === undefined) throw new Error(`unknown block ${name}`);
    await sb.server.setBlock(sb.server.overworld, pos, state);
  }
  await waitFor(() => blocks.every(([pos, name]) => bot.blockAt(pos)?.name === name), 5000, 'the blocks to reach the client');
}

/** A builder and a checker on a platform `size` blocks wide, 20 blocks above the builder's spawn (plains, seed 1806). */
export async function buildSite(size: number, checkerOffset: readonly [number, number, number]): Promise<{ sb: Sandbox; builder: Bot; checker: Bot; centre: Vec3 }> {
  const sb = await testSandbox({ seed: 1806, preset: 'plains' });
  const builder = await skillBot(sb, 'builder');
  const checker = await skillBot(sb, 'checker');
  const centre = builder.entity.position.floored().offset(0, 20, 0);
  await buildPlatform(sb, centre, size);
  await placeBot(sb, builder, centre);
  await placeBot(sb, checker, centre.offset(...checkerOffset));
  return { sb, builder, checker, centre };
}
