// Vanilla death: whatever the cause (a mob, hunger, /kill), a player's whole inventory falls to the
// ground where they died, unless the keepInventory game rule is on. flying-squid keeps the items.
import { Vec3 } from 'vec3';
import type { Logger } from 'pino';
import type { SandboxPlugin } from '../plugin.ts';
import type { SquidPlayer, SquidServer } from '../squid/types.ts';
import { getGameRule } from './commands/time.ts';
import { dropItemEntity, THROWN_PICKUP_DELAY_MS } from './items/entity.ts';

/** Window-0 slots that hold items: the 2x2 grid (1-4), armour, main inventory, hotbar and off-hand; 0 is the grid's result. */
const FIRST_SLOT = 1;
const LAST_SLOT = 45;
/** Vanilla spreads death drops up to 0.5 blocks per tick in a random direction; here a fixed fan, so runs repeat. */
const SPREAD_PER_TICK = 0.25;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

type MortalPlayer = SquidPlayer & { health: number; updateHealth(health: number): void };

/** Drops every stack the player holds at their feet and empties the slots; returns how many stacks fell. */
export function dropInventory(serv: SquidServer, player: SquidPlayer): number {
  let dropped = 0;
  for (let slot = FIRST_SLOT; slot <= LAST_SLOT; slot++) {
    const item = player.inventory.slots[slot];
    if (!item || item.count < 1) continue;
    const angle = dropped * GOLDEN_ANGLE;
    // Blocks per second, like every entity velocity in flying-squid.
    const velocity = new Vec3(-Math.sin(angle) * SPREAD_PER_TICK * 20, 0.2 * 20, Math.cos(angle) * SPREAD_PER_TICK * 20);
    dropItemEntity(serv, player.world, player.position.offset(0, 1.32, 0), item, { velocity, pickupDelayMs: THROWN_PICKUP_DELAY_MS });
    player.inventory.updateSlot(slot, null);
    dropped++;
  }
  return dropped;
}

function watchDeaths(player: MortalPlayer, serv: SquidServer, log: Logger): void {
  const update = player.updateHealth.bind(player);
  player.updateHealth = (health: number) => {
    const wasAlive = (player.health ?? 20) > 0;
    update(health);
    if (!wasAlive || health > 0 || getGameRule(serv, 'keepInventory') === true) return;
    try {
      const stacks = dropInventory(serv, player);
      log.debug({ player: player.username, stacks }, 'death drops');
    } catch (err) {
      // The death itself has happened; a failed drop leaves the items in the inventory, as keepInventory would.
      log.error({ err, player: player.username }, 'could not drop the inventory on death');
    }
  };
}

export const deathDropsPlugin: SandboxPlugin = {
  name: 'skillcraft-death-drops',
  player(player, serv, ctx) {
    // 'asap' runs after flying-squid's health plugin defined updateHealth, which every damage source calls.
    player.once('asap', () => watchDeaths(player as MortalPlayer, serv, ctx.log));
  },
};
