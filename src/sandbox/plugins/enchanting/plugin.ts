// The enchanting table: vanilla's minecraft:enchantment menu (0 the item, 1 lapis, then the inventory),
// offers from the bookshelves around the table and the player's enchantment seed, sent as the menu's ten
// data slots, and enchant_item applying the chosen offer for its levels and lapis.
import type { Item } from 'prismarine-item';
import type { Block } from 'prismarine-block';
import type { Vec3 } from 'vec3';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';
import type { Layout } from '../../windows/layouts.ts';
import { windowModel } from '../../windows/memoryModel.ts';
import type { OpenWindow } from '../../windows/session.ts';
import { setComponent } from '../items/components.ts';
import { playerWindowsOf } from '../windows/plugin.ts';
import { experienceOf, giveLevels } from '../survival/experience.ts';
import { computeOffers, enchantability, enchantmentList, type EnchantmentData, type Offers } from './offers.ts';

const seeds = new WeakMap<SquidPlayer, number>();
const randomInt = () => (Math.random() * 0x100000000) | 0;
/** Player.enchantmentSeed: kept until the player enchants something. */
const seedOf = (player: SquidPlayer) => seeds.get(player) ?? seeds.set(player, randomInt()).get(player)!;

/** 0 item (one), 1 lapis only, 2–28 main, 29–37 hotbar; a shift-click sends lapis to 1, anything else to 0. */
function enchantmentLayout(isLapis: (item: Item) => boolean): Layout<Item> {
  return {
    size: 38, resultSlot: -1, inventoryStart: 2,
    accepts: (slot, item) => slot !== 1 || isLapis(item),
    maxStack: (slot, item) => (slot === 0 ? 1 : item.stackSize),
    shiftTargets(slot, item) {
      if (slot < 2) return [[2, 38, true]];
      if (isLapis(item)) return [[1, 2, false]];
      return [[0, 1, false], slot < 29 ? [29, 38, false] : [2, 29, false]];
    },
    hotbarSlot: (b) => (b >= 0 && b <= 8 ? 29 + b : undefined),
  };
}

/** EnchantingTableBlock.BOOKSHELF_OFFSETS: a bookshelf two blocks out counts when the block between is air. */
async function bookshelves(world: SquidWorld, table: Vec3): Promise<number> {
  let n = 0;
  for (let x = -2; x <= 2; x++) {
    for (let z = -2; z <= 2; z++) {
      if (Math.max(Math.abs(x), Math.abs(z)) !== 2) continue;
      for (let y = 0; y <= 1; y++) {
        if ((await world.getBlock(table.offset(x, y, z))).name !== 'bookshelf') continue;
        const between = await world.getBlock(table.offset(Math.trunc(x / 2), y, Math.trunc(z / 2)));
        if (between.boundingBox === 'empty') n++;
      }
    }
  }
  return n;
}

export const enchantingPlugin: SandboxPlugin = {
  name: 'skillcraft-enchanting',
  server(serv, ctx) {
    const registry = serv.registry;
    const all = Object.values(registry.enchantmentsByName) as unknown as EnchantmentData[];
    const nameOf = (item: Item) => registry.items[item.type]?.name ?? '';
    const isLapis = (item: Item) => nameOf(item) === 'lapis_lazuli';
    const components = serv.supportFeature('itemsWithComponents');
    const target = (item: Item) => {
      const name = nameOf(item);
      const book = name === 'book';
      const enchanted = item.enchants.length > 0;
      const categories = book ? null : ((registry.items[item.type] as { enchantCategories?: string[] } | undefined)?.enchantCategories ?? []);
      return { categories, value: enchanted ? 0 : enchantability(name), book };
    };

    function open(player: SquidPlayer, pos: Vec3, power: number): void {
      const pw = playerWindowsOf(player);
      if (!pw) return;
      const slots: (Item | null)[] = [null, null];
      let offers: Offers = { costs: [0, 0, 0], clues: [-1, -1, -1], levels: [-1, -1, -1] };
      // The window id is known only once the menu is open; the first properties go with its contents.
      const shown: { win?: OpenWindow<Item> } = {};
      const sendProperties = () => {
        const win = shown.win;
        if (!win) return;
        const values = [...offers.costs, seedOf(player) & -16, ...offers.clues, ...offers.levels];
        // Data slots travel as shorts: the seed arrives as its low 16 bits, as from vanilla.
        values.forEach((value, property) => pw.write('craft_progress_bar', { windowId: win.id, property, value: (value << 16) >> 16 }));
      };
      const recompute = () => {
        const item = slots[0];
        offers = item ? computeOffers(seedOf(player), power, all, target(item)) : { costs: [0, 0, 0], clues: [-1, -1, -1], levels: [-1, -1, -1] };
        sendProperties();
      };
      const store = {
        get: (i: number) => slots[i] ?? null,
        set: (i: number, v: Item | null) => { const was = slots[i]; slots[i] = v; if (i === 0 && was !== v) recompute(); },
      };
      const invStore = { get: (i: number) => player.inventory.slots[i] ?? null, set: (i: number, v: Item | null) => player.inventory.updateSlot(i, v) };
      const onButton = ({ windowId, enchantment }: { windowId: number; enchantment: number }) => {
        const opened = shown.win;
        if (!opened || pw.session.open !== opened || windowId !== opened.id) return;
        enchant(player, enchantment, slots, offers);
        recompute();
        pw.session.broadcast(opened);
        if (components) pw.session.sendAll(opened); // the window engine compares stacks without their components
      };
      pw.openMenu('enchantment', (id) => (shown.win = {
        id,
        model: windowModel(enchantmentLayout(isLapis), store, invStore),
        onClose: () => {
          player._client.removeListener('enchant_item', onButton);
          return slots.splice(0, 2).filter((s): s is Item => s !== null);
        },
        onFullSync: sendProperties,
      }));
      player._client.on('enchant_item', onButton);
    }

    /** EnchantmentMenu.clickMenuButton. */
    function enchant(player: SquidPlayer, button: number, slots: (Item | null)[], offers: Offers): void {
      const cost = offers.costs[button];
      const item = slots[0];
      const lapis = slots[1];
      const creative = player.gameMode === 1;
      const need = button + 1;
      if (cost === undefined || cost <= 0 || !item) return;
      if (!creative && (!lapis || lapis.count < need)) return;
      const level = experienceOf(player).level;
      if (!creative && (level < need || level < cost)) return;
      const list = enchantmentList(seedOf(player), button, cost, all, target(item));
      if (!list.length) return;
      if (!creative) giveLevels(player, -need);
      seeds.set(player, randomInt());
      const book = nameOf(item) === 'book';
      const ItemClass = item.constructor as typeof Item;
      const out = book ? new ItemClass(registry.itemsByName.enchanted_book!.id, 1) : item;
      if (components) {
        const data = { enchantments: list.map((c) => ({ id: c.ench.id, level: c.level })), showTooltip: true };
        const type = book ? 'stored_enchantments' : 'enchantments';
        setComponent(out, type, data);
      } else {
        out.enchants = list.map((c) => ({ name: c.ench.name, lvl: c.level }));
      }
      slots[0] = out;
      if (!creative && lapis) slots[1] = lapis.count > need ? new (lapis.constructor as typeof Item)(lapis.type, lapis.count - need) : null;
    }

    const s = serv as SquidServer & { onBlockInteraction(name: string, h: (d: { block: Block & { position: Vec3 }; player: SquidPlayer & { crouching?: boolean } }) => unknown): void };
    s.onBlockInteraction('enchanting_table', ({ block, player }) => {
      if (player.crouching && player.inventory.slots[36 + player.heldItemSlot]) return false;
      bookshelves(player.world, block.position)
        .then((power) => open(player, block.position, power))
        .catch((err: unknown) => ctx.log.error({ err }, 'enchanting table not opened'));
      return true;
    });
  },
};
