import type { Bot, EquipmentDestination } from 'mineflayer';
import type { Item } from 'prismarine-item';
import type { Knowledge } from '../../knowledge/kb.ts';
import { SkillError } from '../../base/errors.ts';
import type { SkillContext } from '../../skills/types.ts';
import { untilAborted } from '../../base/wait.ts';

// Window-0 slots a player's own items live in: 9-35 main inventory, 36-44 hotbar, 45 off-hand.
// Armour (5-8) and the crafting grid (0-4) are not storage.
const STORAGE_FIRST = 9;
const STORAGE_LAST = 44;
const OFF_HAND = 45;

/** How many of `name` the bot carries (main inventory, hotbar and off-hand). */
export function countItem(bot: Bot, name: string): number {
  let n = 0;
  for (const it of carried(bot)) if (it.name === name) n += it.count;
  return n;
}

/** How many items the bot carries whose name is any of `names` (e.g. every `*_log`). */
export function countAny(bot: Bot, names: Iterable<string>): number {
  const wanted = new Set(names);
  let n = 0;
  for (const it of carried(bot)) if (wanted.has(it.name)) n += it.count;
  return n;
}

/** Item counts by name, for before/after comparisons. */
export function inventoryCounts(bot: Bot): Map<string, number> {
  const out = new Map<string, number>();
  for (const it of carried(bot)) out.set(it.name, (out.get(it.name) ?? 0) + it.count);
  return out;
}

/** What was gained between two `inventoryCounts` (only positive differences). */
export function gained(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, n] of after) {
    const d = n - (before.get(name) ?? 0);
    if (d > 0) out[name] = d;
  }
  return out;
}

/** Empty storage slots (main inventory and hotbar; the off-hand does not take pickups first). */
export function freeSlots(bot: Bot): number {
  let free = 0;
  for (let i = STORAGE_FIRST; i <= STORAGE_LAST; i++) if (!bot.inventory.slots[i]) free++;
  return free;
}

/** How many more of `name` fit: free slots times the stack size, plus the room left in its own stacks. */
export function roomFor(bot: Bot, name: string, kb: Knowledge): number {
  const stack = kb.stackSize(name);
  let room = freeSlots(bot) * stack;
  for (let i = STORAGE_FIRST; i <= STORAGE_LAST; i++) {
    const it = bot.inventory.slots[i];
    if (it?.name === name) room += Math.max(0, stack - it.count);
  }
  return room;
}

/** The first carried stack of `name`, or undefined. */
export function findItem(bot: Bot, name: string): Item | undefined {
  return carried(bot).find((it) => it.name === name);
}

/** The carried item (hand included) that harvests `block` fastest, or null when the hand is best or none harvests it. */
export function bestToolFor(bot: Bot, kb: Knowledge, block: string): string | null {
  return kb.bestTool(block, carried(bot).map((it) => it.name));
}

/**
 * Every item that harvests `block`, cheapest tier first (e.g. iron_ore → stone, iron, diamond,
 * netherite pickaxes), or [] when a hand harvests it. Gold tools are listed where they harvest.
 */
export function harvestTools(kb: Knowledge, block: string): string[] {
  const req = kb.harvestRequirement(block);
  if (!req) return [];
  const out: string[] = [];
  for (const tier of ['wooden', 'stone', 'iron', 'golden', 'diamond', 'netherite']) {
    const name = req.tool === 'shears' ? 'shears' : `${tier}_${req.tool}`;
    if (kb.isItem(name) && kb.canHarvest(block, name) && !out.includes(name)) out.push(name);
  }
  if (kb.isItem('shears') && kb.canHarvest(block, 'shears') && !out.includes('shears')) out.push('shears');
  return out;
}

/** The name of the cheapest tool that harvests `block` ("stone_pickaxe"), or null for the hand. */
export function neededTool(kb: Knowledge, block: string): string | null {
  const req = kb.harvestRequirement(block);
  if (!req) return null;
  return req.tool === 'shears' || req.minTier === null ? req.tool : `${req.minTier}_${req.tool}`;
}

/**
 * Puts the best carried tool for `block` in the hand; when no tool digs it faster than a hand, the
 * held item stays. NO_TOOL naming the cheapest harvesting tool when nothing carried harvests the
 * block. Returns the item held afterwards (null: empty hand).
 */
export async function equipBestTool(ctx: SkillContext, block: string): Promise<string | null> {
  const { bot, knowledge: kb } = ctx;
  const best = bestToolFor(bot, kb, block);
  if (best === null && !kb.canHarvest(block, null)) {
    const tool = neededTool(kb, block) ?? 'a tool';
    throw new SkillError('NO_TOOL', `need ${tool} or better to harvest ${block}`, { block, tool });
  }
  if (best !== null) return holdInHand(ctx, best);
  return bot.heldItem?.name ?? null;
}

/** Puts a carried item in the hand (nothing to do when it is there already); returns its name. */
export async function holdInHand(ctx: SkillContext, name: string): Promise<string> {
  const { bot, signal } = ctx;
  if (bot.heldItem?.name !== name) {
    const item = findItem(bot, name);
    if (!item) throw new SkillError('FAILED', `${name} vanished from the inventory`);
    await untilAborted(bot.equip(item, 'hand'), signal);
  }
  return name;
}

/** The armour slot an item is worn in, or null when it is not armour. */
export function armourSlot(item: string): EquipmentDestination | null {
  if (item.endsWith('_helmet') || item === 'carved_pumpkin' || item.endsWith('_head') || item.endsWith('_skull')) return 'head';
  if (item.endsWith('_chestplate') || item === 'elytra') return 'torso';
  if (item.endsWith('_leggings')) return 'legs';
  if (item.endsWith('_boots')) return 'feet';
  return null;
}

function carried(bot: Bot): Item[] {
  const out: Item[] = [];
  for (let i = STORAGE_FIRST; i <= OFF_HAND; i++) {
    const it = bot.inventory.slots[i];
    if (it) out.push(it);
  }
  return out;
}
