import type { Item } from 'prismarine-item';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { CommandError, feedback, parseInteger, resolvePlayers, words, type CommandContext } from './core.ts';
import { tr } from '../../text.ts';
import { dropItemEntity, itemClass } from '../items/entity.ts';
import { findItem, planInsert, type ItemInfo } from '../items/stacks.ts';

/** Vanilla caps one /give at 100 stacks of the item. */
const MAX_GIVE_STACKS = 100;

function itemArg(serv: SquidServer, text: string | undefined): ItemInfo {
  if (!text) throw new CommandError('Missing item');
  const info = findItem(serv.registry, text);
  if (!info) throw new CommandError(`Unknown item '${text}'`);
  return info;
}

/**
 * Puts `count` items into the player's inventory the way pickup does (topping up stacks first,
 * then hotbar, then main inventory, a stack size at a time) and drops what does not fit at their
 * feet. Returns how many were dropped.
 */
export function giveItems(serv: SquidServer, player: SquidPlayer, itemId: number, count: number): number {
  const ItemCls = itemClass(serv.registry);
  const make = (kind: Item, n: number) => new ItemCls(kind.type, n, kind.metadata, kind.nbt ?? undefined);
  const plan = planInsert(player.inventory.slots, new ItemCls(itemId, count), player.heldItemSlot, make);
  for (const { slot, item } of plan.changes) player.inventory.updateSlot(slot, item);
  if (plan.remainder > 0) {
    dropItemEntity(serv, player.world, player.position, { id: itemId, count: plan.remainder }, { pickupDelayMs: 0 });
  }
  return plan.remainder;
}

function give(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [target, itemText, countText, ...rest] = words(args);
  if (!target) throw new CommandError('Usage: /give <player> <item> [count]');
  if (rest.length) throw new CommandError(`Unexpected argument '${rest[0]}'`);
  const players = resolvePlayers(serv, ctx, target);
  const info = itemArg(serv, itemText);
  const max = info.stackSize * MAX_GIVE_STACKS;
  const count = countText === undefined ? 1 : parseInteger(countText, 'count', 1);
  if (count > max) throw new CommandError(`Can't give more than ${max} of [${info.displayName}]`);
  for (const player of players) giveItems(serv, player, info.id, count);
  const item = `[${info.displayName}]`;
  feedback(serv, ctx, players.length === 1 ? tr('commands.give.success.single', count, item, players[0]!.username) : tr('commands.give.success.multiple', count, item, players.length));
}

/** Window-0 slots /clear looks at, in vanilla's order: hotbar, main, armour (feet first), off-hand, crafting grid. */
const CLEAR_ORDER = [...range(36, 45), ...range(9, 36), 8, 7, 6, 5, 45, 1, 2, 3, 4];

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}

/** Removes up to `max` matching items (all when max < 0; none, only counting, when max is 0). Returns how many matched. */
export function clearItems(serv: SquidServer, player: SquidPlayer, itemId: number | undefined, max: number): number {
  const ItemCls = itemClass(serv.registry);
  let total = 0;
  for (const slot of CLEAR_ORDER) {
    const item = player.inventory.slots[slot];
    if (!item || (itemId !== undefined && item.type !== itemId)) continue;
    if (max === 0) {
      total += item.count;
      continue;
    }
    const take = max < 0 ? item.count : Math.min(item.count, max - total);
    if (take <= 0) break;
    total += take;
    const left = item.count - take;
    player.inventory.updateSlot(slot, left > 0 ? new ItemCls(item.type, left, item.metadata, item.nbt ?? undefined) : null);
  }
  return total;
}

function clear(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [target, itemText, maxText, ...rest] = words(args);
  if (rest.length) throw new CommandError(`Unexpected argument '${rest[0]}'`);
  const players = target === undefined ? resolvePlayers(serv, ctx, '@s') : resolvePlayers(serv, ctx, target);
  const itemId = itemText === undefined || itemText === '*' ? undefined : itemArg(serv, itemText).id;
  const max = maxText === undefined ? -1 : parseInteger(maxText, 'maxCount', 0);
  let total = 0;
  for (const player of players) total += clearItems(serv, player, itemId, max);
  const single = players.length === 1;
  const who = single ? players[0]!.username : players.length;
  if (total === 0) throw new CommandError(single ? `No items were found on player ${who}` : `No items were found on ${who} players`);
  feedback(serv, ctx, tr(`commands.clear.${max === 0 ? 'test' : 'success'}.${single ? 'single' : 'multiple'}`, total, who));
}

export const INVENTORY_COMMANDS = [
  { base: 'give', info: 'Gives an item to players', usage: '/give <player> <item> [count]', run: give },
  { base: 'clear', info: 'Clears items from player inventories', usage: '/clear [player] [item] [maxCount]', run: clear },
];
