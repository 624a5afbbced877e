// The player's side of fighting and interacting: held and worn items, wear, health.
import type { Item } from 'prismarine-item';
import type { Vec3 } from 'vec3';
import type { SquidPlayer, SquidServer } from '../squid/types.ts';
import { copyStack } from '../plugins/digging/break.ts';

/** Window-0 slots of the armour pieces: helmet, chestplate, leggings, boots. */
export const ARMOUR_SLOTS = [5, 6, 7, 8] as const;
export const OFFHAND_SLOT = 45;

/** flying-squid's player health API (health plugin) and velocity packet (physics plugin). */
export type LivingPlayer = SquidPlayer & {
  health: number;
  updateHealth(health: number): void;
  /** Blocks per second; sent to the player and those near (the client moves itself). */
  sendVelocity(velocity: Vec3, maxVelocity?: Vec3): void;
};

export function living(player: SquidPlayer): LivingPlayer {
  return player as LivingPlayer;
}

export function isAlive(player: SquidPlayer): boolean {
  return !player.disconnected && (living(player).health ?? 20) > 0;
}

/** Survival or adventure: players mobs hunt and players whose armour counts. */
export function isVulnerable(player: SquidPlayer): boolean {
  return isAlive(player) && (player.gameMode === 0 || player.gameMode === 2);
}

export function handSlot(player: SquidPlayer, hand: number): number {
  return hand === 1 ? OFFHAND_SLOT : 36 + player.heldItemSlot;
}

export function itemIn(player: SquidPlayer, slot: number): Item | null {
  return player.inventory.slots[slot] ?? null;
}

export function nameOf(item: Item | null): string | undefined {
  return item ? item.name : undefined;
}

export function wornArmour(player: SquidPlayer): string[] {
  return ARMOUR_SLOTS.map((s) => nameOf(itemIn(player, s))).filter((n): n is string => n !== undefined);
}

/** Takes `amount` durability off the item in `slot`; it breaks (slot emptied) when it runs out. */
export function wearSlot(serv: SquidServer, player: SquidPlayer, slot: number, amount: number): void {
  const item = itemIn(player, slot);
  if (!item || !item.maxDurability || amount <= 0 || player.gameMode === 1) return;
  const used = (item.durabilityUsed ?? 0) + amount;
  if (used >= item.maxDurability) {
    player.inventory.updateSlot(slot, null);
    return;
  }
  const worn = copyStack(serv, item);
  worn.durabilityUsed = used;
  player.inventory.updateSlot(slot, worn);
}

/** Takes one item from the stack in `slot` (creative players keep it). */
export function takeOne(serv: SquidServer, player: SquidPlayer, slot: number): void {
  const item = itemIn(player, slot);
  if (!item || player.gameMode === 1) return;
  const left = Number(item.count) - 1;
  player.inventory.updateSlot(slot, left > 0 ? copyStack(serv, item, left) : null);
}
