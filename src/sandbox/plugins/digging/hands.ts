// The `block_dig` statuses that are not digging: drop the held item (Q, Ctrl+Q) and swap hands (F).
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { copyStack } from './break.ts';
import { tossFromPlayer } from '../items/plugin.ts';

const OFFHAND_SLOT = 45;

/** Throws one item (or the whole stack) from the main hand in the look direction. */
export function dropHeldItem(serv: SquidServer, player: SquidPlayer, wholeStack: boolean): void {
  const slot = 36 + player.heldItemSlot;
  const held = player.inventory.slots[slot];
  if (!held) return;
  // flying-squid's stock /give can leave the count as a string; Number() keeps the arithmetic honest.
  const have = Number(held.count);
  const count = wholeStack ? have : 1;
  player.inventory.updateSlot(slot, have - count > 0 ? copyStack(serv, held, have - count) : null);
  tossFromPlayer(serv, player, copyStack(serv, held, count));
}

export function swapHands(player: SquidPlayer): void {
  const slot = 36 + player.heldItemSlot;
  const main = player.inventory.slots[slot] ?? null;
  const off = player.inventory.slots[OFFHAND_SLOT] ?? null;
  player.inventory.updateSlot(slot, off);
  player.inventory.updateSlot(OFFHAND_SLOT, main);
}
