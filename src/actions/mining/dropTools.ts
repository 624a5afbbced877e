// What to hold for a block to drop the wanted item: a harvest tool (iron ore), shears (leaves as
// leaves, a cobweb as a cobweb), or anything but shears (seeds from grass, string from a cobweb).
import type { Bot } from 'mineflayer';
import type { Knowledge } from '../../knowledge/kb.ts';
import { SkillError } from '../../base/errors.ts';
import type { SkillContext } from '../../skills/types.ts';
import { untilAborted } from '../../base/wait.ts';
import { harvestTools, holdInHand, neededTool } from '../items/inventory.ts';

/** True when breaking `block` while holding `held` (null: empty hand) drops any of `counted`. */
export function gives(kb: Knowledge, block: string, held: string | null, counted: readonly string[]): boolean {
  const drops = kb.expectedDrops(block, held);
  return counted.some((item) => (drops[item] ?? 0) > 0);
}

/**
 * What may be held to get any of `counted` from `block`, cheapest first: null (the hand, as any
 * item that is no tool) when it gives them, then the harvest tools by tier, then shears.
 */
export function holdsFor(kb: Knowledge, block: string, counted: readonly string[]): (string | null)[] {
  const candidates = [null, ...harvestTools(kb, block), ...(kb.isItem('shears') ? ['shears'] : [])];
  return [...new Set(candidates)].filter((held) => gives(kb, block, held, counted));
}

/** The item planning assumes in hand for `item` from `block` (the first of `holdsFor`); null: the hand. */
export function plannedHold(kb: Knowledge, block: string, item: string): string | null {
  return holdsFor(kb, block, [item])[0] ?? null;
}

/** Items one of which must be held to get `counted` from the blocks (cheapest first); [] when a hand does for one of them. */
export function toolsFor(kb: Knowledge, blocks: readonly string[], counted: readonly string[]): string[] {
  const lists = blocks.map((b) => holdsFor(kb, b, counted));
  if (lists.some((l) => l.includes(null))) return [];
  return [...new Set(lists.flat())].filter((t): t is string => t !== null);
}

/** NO_TOOL naming what to hold: "need stone_pickaxe or better to harvest iron_ore", "need shears to get oak_leaves from oak_leaves". */
export function noToolError(kb: Knowledge, query: string, blocks: readonly string[], counted: readonly string[], label: string): SkillError {
  for (const block of blocks) {
    const harvest = neededTool(kb, block);
    const first = holdsFor(kb, block, counted)[0];
    if (first === undefined) continue;
    if (harvest !== null && first === harvestTools(kb, block)[0]) {
      return new SkillError('NO_TOOL', `need ${harvest} or better to harvest ${query}`, { block: query, tool: harvest });
    }
    if (first !== null) return new SkillError('NO_TOOL', `need ${first} to get ${label} from ${query}`, { block: query, tool: first });
  }
  return new SkillError('NO_TOOL', `need a tool to get ${label} from ${query}`, { block: query, tool: 'a tool' });
}

/**
 * The carried item to dig `block` with for `counted`: the fastest one that gives them; null when
 * the hand gives them and nothing carried digs faster; undefined when nothing carried gives them.
 */
export function holdFor(bot: Bot, kb: Knowledge, block: string, counted: readonly string[]): string | null | undefined {
  const handGives = gives(kb, block, null, counted);
  let best: string | null | undefined = handGives ? null : undefined;
  let bestMs = handGives ? kb.digTimeMs(block, null) : Infinity;
  for (const name of carriedNames(bot)) {
    if (!gives(kb, block, name, counted)) continue;
    const ms = kb.digTimeMs(block, name);
    if (ms < bestMs || best === undefined) { best = name; bestMs = ms; }
  }
  return best;
}

/**
 * Puts what `holdFor` chose in the hand; for the hand, the held item stays unless it would spoil the
 * drop (shears on grass for seeds), and then an empty or harmless hotbar slot is selected.
 * Returns the item held afterwards (null: empty hand).
 */
export async function equipFor(ctx: SkillContext, block: string, counted: readonly string[], label: string): Promise<string | null> {
  const { bot, knowledge: kb, signal } = ctx;
  const best = holdFor(bot, kb, block, counted);
  if (best === undefined) throw noToolError(kb, block, [block], counted, label);
  if (best !== null) return holdInHand(ctx, best);
  const heldName = bot.heldItem?.name ?? null;
  if (gives(kb, block, heldName, counted)) return heldName;
  const HOTBAR = 36;
  for (let i = 0; i < 9; i++) {
    const name = bot.inventory.slots[HOTBAR + i]?.name ?? null;
    if (name === null || gives(kb, block, name, counted)) {
      bot.setQuickBarSlot(i);
      return name;
    }
  }
  if (bot.inventory.firstEmptyInventorySlot() === null) {
    throw new SkillError('INVENTORY_FULL', `no free hand for ${block}: ${heldName ?? 'nothing'} would spoil the ${label} and the inventory is full`, { item: label });
  }
  await untilAborted(bot.unequip('hand'), signal);
  return null;
}

function carriedNames(bot: Bot): Set<string> {
  const names = new Set<string>();
  // Main inventory, hotbar and off-hand (9-45): what `equip` can take into the hand.
  for (let i = 9; i <= 45; i++) {
    const name = bot.inventory.slots[i]?.name;
    if (name) names.add(name);
  }
  return names;
}
