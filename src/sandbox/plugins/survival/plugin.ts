import type { Item } from 'prismarine-item';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { itemClass } from '../items/entity.ts';

/** Vanilla: eating takes 32 ticks; golden and normal foods alike (dried kelp is faster). */
const EAT_TICKS = 32;
const FAST_FOODS = new Set(['dried_kelp']);
const ALWAYS_EDIBLE = new Set(['golden_apple', 'enchanted_golden_apple', 'chorus_fruit']);
/** What stays in the hand after eating (stews leave their bowl). */
const REMAINDER: Record<string, string> = {
  mushroom_stew: 'bowl', rabbit_stew: 'bowl', beetroot_soup: 'bowl', suspicious_stew: 'bowl', honey_bottle: 'glass_bottle',
};

type FoodPlayer = SquidPlayer & {
  food: number; foodSaturation: number; health: number;
  updateFood(n: number): void; updateFoodSaturation(n: number): void;
};

/**
 * Eating, which flying-squid lacks: a food held with "use" is eaten after 32 ticks, restores food and
 * saturation with minecraft-data's values, and is confirmed with entity status 9 — what mineflayer's
 * `bot.consume()` waits for. New players start with vanilla's 5 saturation.
 */
export const survivalPlugin: SandboxPlugin = {
  name: 'skillcraft-survival',
  player(player, serv) {
    const p = player as FoodPlayer;
    let eating: { timer: NodeJS.Timeout; slot: number } | undefined;
    const stop = () => { if (eating) clearTimeout(eating.timer); eating = undefined; };
    player.once('asap', () => { p.foodSaturation = 5; });
    player._client.on('use_item', () => startEating(serv, p));
    player._client.on('block_dig', ({ status }: { status: number }) => { if (status === 5) stop(); });
    player._client.on('held_item_slot', stop);
    player.once('disconnected', stop);

    function startEating(s: SquidServer, pl: FoodPlayer): void {
      const slot = 36 + pl.heldItemSlot;
      const held = pl.inventory.slots[slot];
      const name = held ? s.registry.items[held.type]?.name : undefined;
      const food = name ? s.registry.foodsByName[name] : undefined;
      if (!held || !name || !food) return;
      if (pl.food >= 20 && !ALWAYS_EDIBLE.has(name) && pl.gameMode !== 1) return;
      stop();
      const ticks = FAST_FOODS.has(name) ? 16 : EAT_TICKS;
      eating = { slot, timer: setTimeout(() => finish(s, pl, slot, held.type), ticks * 50) };
    }

    function finish(s: SquidServer, pl: FoodPlayer, slot: number, type: number): void {
      eating = undefined;
      const held = pl.inventory.slots[slot];
      if (!held || held.type !== type) return;
      const name = s.registry.items[type]!.name;
      const food = s.registry.foodsByName[name]!;
      const Item = itemClass(s.registry);
      const rest = held.count > 1 ? new Item(held.type, held.count - 1, held.metadata, held.nbt ?? undefined) : null;
      const remainder = REMAINDER[name];
      const left: Item | null = rest ?? (remainder ? new Item(s.registry.itemsByName[remainder]!.id, 1) : null);
      pl.inventory.updateSlot(slot, left);
      const newFood = Math.min(20, pl.food + food.foodPoints);
      pl.foodSaturation = Math.min(newFood, pl.foodSaturation + food.saturation);
      pl.updateFood(newFood);
      pl._client.write('entity_status', { entityId: pl.id, entityStatus: 9 });
    }
  },
};
