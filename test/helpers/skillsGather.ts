import type { Bot } from 'mineflayer';
import { pathfinder } from 'mineflayer-pathfinder';
import type { Item } from 'prismarine-item';
import { Vec3 } from 'vec3';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createLogger } from '../../src/log/logger.ts';
import { itemClass } from '../../src/sandbox/plugins/itemsEntity.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { runSkill, type RunEnv } from '../../src/skills/runner.ts';
import type { AnySkill, SkillOutcome } from '../../src/skills/types.ts';
import { placeBot, serverPlayer } from './items.ts';
import { testBot, waitFor } from './sandbox.ts';

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
export function run(skill: AnySkill, args: unknown, bot: Bot, extra: Partial<RunEnv> = {}): Promise<SkillOutcome> {
  return runSkill(skill, args, skillEnv(bot, extra));
}

/**
 * Sets the bot's inventory server-side: `slots` maps window-0 slot numbers (36-44 hotbar, 9-35
 * main, 45 off-hand) to `name` or `namexCOUNT` (`dirtx64`); every other slot is emptied. Waits for the client.
 */
export async function setInventory(sb: Sandbox, bot: Bot, slots: Readonly<Record<number, string>>): Promise<void> {
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
    const cur = player.inventory.slots[slot];
    if (!cur && !item) continue;
    player.inventory.updateSlot(slot, item);
  }
  const view = (s: { name: string; count: number } | null | undefined) => (s ? `${s.name}x${s.count}` : '');
  await waitFor(() => [...want].every(([slot, item]) => view(bot.inventory.slots[slot]) === view(item)), 3000, 'the inventory to reach the client');
}

/** Puts blocks server-side and waits until the client sees the last one. */
export async function setBlocks(sb: Sandbox, bot: Bot, blocks: readonly (readonly [Vec3, string])[]): Promise<void> {
  for (const [pos, name] of blocks) {
    const state = sb.server.registry.blocksByName[name]?.defaultState;
    if (state === undefined) throw new Error(`unknown block ${name}`);
    await sb.server.setBlock(sb.server.overworld, pos, state);
  }
  const last = blocks.at(-1);
  if (last) await waitFor(() => bot.blockAt(last[0])?.name === last[1], 3000, `${last[1]} at ${last[0].toString()} to reach the client`);
}

/**
 * Teleports the bot to stand at `pos` (block centre) unless it already stands there. A teleport
 * onto the spot the server already has makes flying-squid send no position packet, and the
 * sandbox then ignores the bot's moves for 5 s while it waits for a confirmation that never comes.
 */
export async function standAt(sb: Sandbox, bot: Bot, pos: Vec3): Promise<void> {
  const target = pos.offset(0.5, 0, 0.5);
  const here = (p: Vec3) => p.distanceTo(target) < 0.01;
  if (here(bot.entity.position) && here(serverPlayer(sb, bot).position)) return;
  await placeBot(sb, bot, pos);
}

/**
 * A closed test room high above the terrain: a stone floor of radius `r` at `y - 1`, air above it
 * (4 high) and nothing else, so a test controls every block the bot can find.
 */
export async function clearRoom(sb: Sandbox, bot: Bot, centre: Vec3, r = 5, floor = 'stone'): Promise<void> {
  const jobs: [Vec3, string][] = [];
  for (let dx = -r; dx <= r; dx++) {
    for (let dz = -r; dz <= r; dz++) {
      jobs.push([centre.offset(dx, -1, dz), floor]);
      for (let dy = 0; dy < 4; dy++) jobs.push([centre.offset(dx, dy, dz), 'air']);
    }
  }
  await setBlocks(sb, bot, jobs);
}

export { Vec3 };
