import type { Item } from 'prismarine-item';
import type { Logger } from 'pino';
import type { SquidPlayer, SquidServer } from '../squidTypes.ts';
import { craftingGrid, type GridDeps } from '../crafting/craftingGrid.ts';
import type { BlockStore, BlockStores } from '../windows/blockStores.ts';
import { posKey } from '../windows/blockStores.ts';
import { itemOps } from '../windows/itemOps.ts';
import { planInsert } from './itemsStacks.ts';
import { containerLayout, craftingTableLayout, furnaceLayout, playerLayout, type ItemFacts } from '../windows/layouts.ts';
import { windowModel } from '../windows/memoryModel.ts';
import { menuTypeId, MENU_TITLES, type MenuKind } from '../windows/menus.ts';
import { WindowSession, type OpenWindow, type WindowClickPacket } from '../windows/session.ts';
import { itemClass, tossFromPlayer } from './itemsEntity.ts';

export interface WindowDeps {
  stores: BlockStores;
  grid: Omit<GridDeps<Item>, 'giveBack'>;
  facts: (kind: 'furnace' | 'smoker' | 'blast_furnace') => ItemFacts<Item>;
  log: Logger;
}

export interface PlayerWindows {
  session: WindowSession<Item>;
  openCrafting(): void;
  openStore(store: BlockStore): void;
  /** The block store key of the open window, if it shows one. */
  openKey(): string | undefined;
  syncChanges(): void;
  closeFromServer(): void;
  /** Sends a furnace's four progress properties to this viewer (only changed ones unless `all`). */
  furnaceProperties(props: number[], all?: boolean): void;
}

// 1.9+ equipment slots: 0 main hand, 1 off hand, 2 boots, 3 leggings, 4 chestplate, 5 helmet.
const ARMOR_EQUIPMENT: Record<number, number> = { 5: 5, 6: 4, 7: 3, 8: 2, 45: 1 };

/** Replaces flying-squid's window handling for one player with server-authoritative vanilla windows. */
export function attachPlayerWindows(player: SquidPlayer, serv: SquidServer, deps: WindowDeps): PlayerWindows {
  const ItemClass = itemClass(serv.registry);
  const ops = itemOps(ItemClass);
  const inv = player.inventory;
  let inClick = false;
  const invStore = { get: (i: number) => inv.slots[i] ?? null, set: (i: number, v: Item | null) => inv.updateSlot(i, v) };

  const giveBack = (items: Item[]) => {
    for (const item of items) {
      const { changes, remainder } = planInsert(inv.slots, item, player.heldItemSlot, ops.withCount);
      for (const { slot, item: it } of changes) inv.updateSlot(slot, it);
      if (remainder > 0) tossFromPlayer(serv, player, ops.withCount(item, remainder));
    }
  };
  const gridDeps: GridDeps<Item> = { ...deps.grid, giveBack };
  const playerGrid = craftingGrid(invStore, 2, gridDeps);
  const inventoryWindow: OpenWindow<Item> = {
    id: 0,
    model: windowModel(playerLayout(deps.facts('furnace')), invStore, invStore, playerGrid.craftOnce),
    afterChange: playerGrid.updateResult,
    onClose: playerGrid.takeAll,
    craftArea: { slots: [0, 4], result: 0 },
  };
  const session = new WindowSession<Item>(inventoryWindow, {
    write: (name, params) => player._client.write(name, params),
    toNotch: ops.toNotch,
    fromNotch: ops.fromNotch,
    ops,
    drop: (items) => items.forEach((it) => tossFromPlayer(serv, player, it)),
    giveBack,
  });
  let openKey: string | undefined;

  const self: PlayerWindows = {
    session,
    openKey: () => openKey,
    syncChanges: () => session.syncChanges(),
    closeFromServer() {
      leave();
      session.close(true);
    },
    furnaceProperties: () => undefined,
    openCrafting() {
      leave();
      const id = sendOpen('crafting');
      const slots = new Array<Item | null>(10).fill(null);
      const store = { get: (i: number) => slots[i] ?? null, set: (i: number, v: Item | null) => { slots[i] = v; } };
      const grid = craftingGrid(store, 3, gridDeps);
      session.show({ id, model: windowModel(craftingTableLayout<Item>(), store, invStore, grid.craftOnce), afterChange: grid.updateResult, onClose: grid.takeAll, craftArea: { slots: [0, 9], result: 0 } });
    },
    openStore(blockStore) {
      leave();
      const key = posKey(blockStore.pos);
      if (blockStore.kind === 'container') {
        const id = sendOpen('generic_9x3');
        const store = { get: (i: number) => blockStore.slots[i] ?? null, set: (i: number, v: Item | null) => { blockStore.slots[i] = v; } };
        session.show({ id, model: windowModel(containerLayout<Item>(3), store, invStore) });
      } else {
        const id = sendOpen(blockStore.block);
        const st = blockStore.state;
        const store = { get: (i: number) => st.slots[i] ?? null, set: (i: number, v: Item | null) => { st.slots[i] = v; } };
        session.show({ id, model: windowModel(furnaceLayout(deps.facts(blockStore.block)), store, invStore) });
        sendFurnaceProperties(st.properties(), true);
        // mineflayer's openFurnace listens for `craft_progress_bar` only after `windowOpen`, which it
        // emits on `window_items`: properties written right behind it arrive before the listener and are
        // lost (the totals then never come). Forgetting what was sent makes the next tick send all four again.
        lastProps = [];
      }
      openKey = key;
      deps.stores.addViewer(key, self);
    },
  };

  let lastProps: number[] = [];
  self.furnaceProperties = sendFurnaceProperties;
  function sendFurnaceProperties(props: number[], all = false): void {
    const win = session.open;
    if (!win) return;
    props.forEach((value, property) => {
      if (!all && lastProps[property] === value) return;
      player._client.write('craft_progress_bar', { windowId: win.id, property, value });
    });
    lastProps = props;
  }

  function sendOpen(kind: MenuKind): number {
    const id = session.allocateId();
    player._client.write('open_window', { windowId: id, inventoryType: menuTypeId(serv.registry, kind), windowTitle: JSON.stringify({ translate: MENU_TITLES[kind] }) });
    return id;
  }

  function leave(): void {
    if (openKey) deps.stores.removeViewer(openKey, self);
    openKey = undefined;
  }

  // flying-squid's own handlers would apply every click a second time through prismarine-windows.
  player._client.removeAllListeners('window_click');
  player._client.removeAllListeners('close_window');
  inv.removeAllListeners('updateSlot');

  inv.on('updateSlot', (slot: number, _old: Item | null, item: Item | null) => {
    const equipment = slot === 36 + player.heldItemSlot ? 0 : ARMOR_EQUIPMENT[slot];
    if (equipment !== undefined) {
      (player as SquidPlayer & { setEquipment(i: number, it: Item | null): void }).setEquipment(equipment, item);
      player._writeOthersNearby('entity_equipment', { entityId: player.id, equipments: [{ slot: equipment, item: ItemClass.toNotch(item) }] });
    }
    if (inClick) return;
    // A grid changed outside a click (/clear) must not leave a stale result to take.
    if (slot >= 1 && slot <= 4) playerGrid.updateResult();
    session.syncChanges();
  });

  player._client.on('window_click', (packet: WindowClickPacket) => {
    inClick = true;
    try {
      session.click(packet);
    } catch (err) {
      deps.log.error({ err, player: player.username }, 'window click failed; resyncing');
      session.syncChanges();
    } finally {
      inClick = false;
    }
    if (openKey) deps.stores.syncViewers(openKey, self);
  });

  player._client.on('close_window', () => {
    leave();
    session.close(false);
  });

  return self;
}
