// Trading with a summoned villager: interacting opens vanilla's minecraft:merchant menu (0 and 1 the
// payments, 2 the result, then the inventory) followed by the trade list; select_trade moves the price
// out of the inventory into the payment slots, and taking the result pays and counts a use.
import type { Item } from 'prismarine-item';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidServer } from '../../squid/types.ts';
import type { Layout } from '../../windows/layouts.ts';
import { windowModel } from '../../windows/memoryModel.ts';
import type { WindowModel } from '../../windows/model.ts';
import type { OpenWindow } from '../../windows/session.ts';
import { sameKind } from '../../windows/stack.ts';
import { itemClass } from '../items/entity.ts';
import { playerWindowsOf } from '../windows/plugin.ts';
import { outOfStock, priceA, recipeFor, type Cost, type MerchantOffer } from './offers.ts';
import { villagersOf, type Villager } from './summon.ts';

/** Vanilla refuses interactions with entities further than this. */
const MAX_REACH = 6;

const merchantLayout: Layout<Item> = {
  size: 39, resultSlot: 2, inventoryStart: 3,
  accepts: (slot) => slot !== 2,
  maxStack: (_slot, item) => item.stackSize,
  // MerchantMenu.quickMoveStack: the result and payments go to the inventory, the inventory's halves swap.
  shiftTargets: (slot) => (slot < 3 ? [[3, 39, slot === 2]] : slot < 30 ? [[30, 39, false]] : [[3, 30, false]]),
  hotbarSlot: (b) => (b >= 0 && b <= 8 ? 30 + b : undefined),
};

/** AbstractContainerMenu.moveItemStackTo over the inventory part: merge, then empty slots; returns what is left. */
function moveToInventory(model: WindowModel<Item>, item: Item, reverse: boolean, withCount: (i: Item, n: number) => Item): number {
  let left = item.count;
  const order = Array.from({ length: 36 }, (_, i) => (reverse ? 38 - i : 3 + i));
  for (const i of order) {
    const s = model.get(i);
    if (left <= 0 || !s || !sameKind(s, item) || s.count >= s.stackSize) continue;
    const n = Math.min(left, s.stackSize - s.count);
    model.set(i, withCount(s, s.count + n));
    left -= n;
  }
  for (const i of order) {
    if (left <= 0 || model.get(i)) continue;
    const n = Math.min(left, item.stackSize);
    model.set(i, withCount(item, n));
    left -= n;
  }
  return left;
}

export const villagersPlugin: SandboxPlugin = {
  name: 'skillcraft-villagers',
  server(serv) {
    villagersOf(serv);
  },
  player(player, serv, ctx) {
    const registry = serv.registry;
    const ItemClass = itemClass(registry);
    const withCount = (i: Item, n: number) => new ItemClass(i.type, n, i.metadata, i.nbt ?? undefined);
    const stackSize = (name: string) => registry.itemsByName[name]?.stackSize ?? 64;
    const idOf = (name: string) => registry.itemsByName[name]?.id;
    const held = (i: Item | null) => (i ? { name: registry.items[i.type]?.name ?? '', count: i.count } : null);
    const trades = tradeListWriter(serv);
    let open: { win: OpenWindow<Item>; villager: Villager; selectTrade(i: number): void } | undefined;

    function openMerchant(villager: Villager): void {
      const pw = playerWindowsOf(player);
      if (!pw) return;
      const slots: (Item | null)[] = [null, null, null];
      let hint = -1;
      let active: MerchantOffer | null = null;
      // MerchantContainer.updateSellItem: the offer the payments satisfy (the selected one first) fills the result.
      const updateResult = () => {
        const [a, b] = slots[0] ? [slots[0], slots[1] ?? null] : [slots[1] ?? null, null];
        active = a ? recipeFor(villager.offers, held(a), held(b), hint, stackSize) : null;
        const id = active && !outOfStock(active) ? idOf(active.sell.name) : undefined;
        slots[2] = active && id !== undefined && !outOfStock(active) ? new ItemClass(id, active.sell.count) : null;
      };
      const store = { get: (i: number) => slots[i] ?? null, set: (i: number, v: Item | null) => { slots[i] = v; if (i < 2) updateResult(); } };
      const invStore = { get: (i: number) => player.inventory.slots[i] ?? null, set: (i: number, v: Item | null) => player.inventory.updateSlot(i, v) };
      // MerchantResultSlot.onTake: the payments pay the price, the offer counts a use.
      const craftOnce = (): Item | null => {
        const offer = active;
        const a = slots[0];
        if (!offer || outOfStock(offer) || !a || !slots[2]) return null;
        const made = slots[2];
        const price = priceA(offer, stackSize(offer.buy.name));
        slots[0] = a.count > price ? withCount(a, a.count - price) : null;
        const b = slots[1];
        if (offer.buyB && b) slots[1] = b.count > offer.buyB.count ? withCount(b, b.count - offer.buyB.count) : null;
        offer.uses++;
        updateResult();
        return made;
      };
      const model = windowModel(merchantLayout, store, invStore, craftOnce);
      const win = pw.openMenu('merchant', (id) => ({ id, model, onClose: () => slots.splice(0, 3).slice(0, 2).filter((s): s is Item => s !== null) }));
      trades((name, params) => pw.write(name, params), win.id, villager.offers);

      /** MerchantMenu.tryMoveItems: the payments go back, then the selected price comes out of the inventory. */
      const selectTrade = (index: number) => {
        hint = index;
        const offer = villager.offers[index];
        if (!offer) return;
        for (const slot of [0, 1]) {
          const it = slots[slot];
          if (!it) continue;
          const left = moveToInventory(model, it, true, withCount);
          store.set(slot, left > 0 ? withCount(it, left) : null);
          if (left > 0) return;
        }
        const costs: [number, Cost | null][] = [[0, { name: offer.buy.name, count: priceA(offer, stackSize(offer.buy.name)) }], [1, offer.buyB]];
        for (const [slot, cost] of costs) {
          if (!cost) continue;
          const max = stackSize(cost.name);
          for (let i = 3; i < 39; i++) {
            const s = model.get(i);
            if (!s || registry.items[s.type]?.name !== cost.name) continue;
            const cur = slots[slot];
            const k = Math.min(max - (cur?.count ?? 0), s.count);
            model.set(i, s.count > k ? withCount(s, s.count - k) : null);
            store.set(slot, withCount(s, (cur?.count ?? 0) + k));
            if ((cur?.count ?? 0) + k >= max) break;
          }
        }
        updateResult();
      };
      open = { win, villager, selectTrade };
    }

    player._client.on('use_entity', (packet: { target: number; mouse: number; hand?: number }) => {
      const villager = villagersOf(serv).get(packet.target);
      if (!villager || packet.mouse !== 0 || (packet.hand ?? 0) !== 0) return;
      if (player.position.distanceTo(villager.entity.position) > MAX_REACH || villager.offers.length === 0) return;
      try {
        openMerchant(villager);
      } catch (err) {
        ctx.log.error({ err, player: player.username }, 'merchant window not opened');
      }
    });
    player._client.on('select_trade', ({ slot }: { slot: number }) => {
      const pw = playerWindowsOf(player);
      if (!open || !pw || pw.session.open !== open.win) return;
      open.selectTrade(slot);
      pw.session.broadcast(open.win);
    });
  },
};

/** Writes trade_list in the version's shape (1.21 sends the prices as bare item id and count). */
function tradeListWriter(serv: SquidServer) {
  const registry = serv.registry;
  const ItemClass = itemClass(registry);
  const types = (registry.protocol as { play: { toClient: { types: Record<string, unknown> } } }).play.toClient.types;
  const fields = ((((types.packet_trade_list as [string, { name: string; type: unknown }[]])[1]).find((f) => f.name === 'trades')!.type as [string, { type: [string, { name: string; type: unknown }[]] }])[1].type[1]);
  const typeOf = (name: string) => fields.find((f) => f.name === name)?.type;
  const compactCosts = typeof typeOf('inputItem1') !== 'string';
  const optionalB = Array.isArray(typeOf('inputItem2')) && (typeOf('inputItem2') as unknown[])[0] === 'option';
  const costItem = (c: Cost | null): unknown => {
    const id = c ? registry.itemsByName[c.name]?.id : undefined;
    if (!c || id === undefined) return optionalB ? undefined : ItemClass.toNotch(null);
    return compactCosts ? { itemId: id, itemCount: c.count, addedComponentCount: 0, components: [] } : ItemClass.toNotch(new ItemClass(id, c.count));
  };
  return (write: (name: string, params: Record<string, unknown>) => void, windowId: number, offers: MerchantOffer[]) => {
    write('trade_list', {
      windowId,
      trades: offers.map((o) => ({
        inputItem1: costItem(o.buy),
        outputItem: ItemClass.toNotch(new ItemClass(registry.itemsByName[o.sell.name]?.id ?? 0, o.sell.count)),
        inputItem2: costItem(o.buyB),
        tradeDisabled: outOfStock(o),
        nbTradeUses: o.uses,
        maximumNbTradeUses: o.maxUses,
        xp: o.xp,
        specialPrice: o.specialPrice,
        priceMultiplier: o.priceMultiplier,
        demand: o.demand,
      })),
      villagerLevel: 1,
      experience: 0,
      isRegularVillager: true,
      canRestock: true,
    });
  };
}
