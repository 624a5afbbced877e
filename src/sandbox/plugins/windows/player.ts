import type { Socket } from 'node:net';
import type { Item } from 'prismarine-item';
import type { Logger } from 'pino';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { craftingGrid, type GridDeps } from '../../crafting/craftingGrid.ts';
import type { BlockStore, BlockStores } from '../../windows/blockStores.ts';
import { posKey } from '../../windows/blockStores.ts';
import { itemOps } from '../../windows/itemOps.ts';
import { planInsert } from '../items/stacks.ts';
import { containerLayout, craftingTableLayout, furnaceLayout, playerLayout, type ItemFacts } from '../../windows/layouts.ts';
import { windowModel } from '../../windows/memoryModel.ts';
import { menuTypeId, MENU_TITLES, type MenuKind } from '../../windows/menus.ts';
import { WindowSession, type OpenWindow, type WindowClickPacket } from '../../windows/session.ts';
import { itemClass, tossFromPlayer } from '../items/entity.ts';
import { toNbt, tr } from '../../text.ts';

export interface WindowDeps {
  stores: BlockStores;
  grid: Omit<GridDeps<Item>, 'giveBack'>;
  facts: (kind: 'furnace' | 'smoker' | 'blast_furnace') => ItemFacts<Item>;
  log: Logger;
}

export interface PlayerWindows {
  session: WindowSession<Item>;
  openCrafting(): void;
  /** A chest, barrel or furnace; a double chest is two container stores, the top half first. */
  openStore(store: BlockStore, lower?: BlockStore & { kind: 'container' }): void;
  /** The block store keys of the open window (two for a double chest). */
  openKeys(): string[];
  syncChanges(): void;
  closeFromServer(): void;
  /** Sends a furnace's four progress properties to this viewer (only changed ones unless `all`). */
  furnaceProperties(props: number[], all?: boolean): void;
  /** Opens another plugin's menu (enchanting table, merchant), built once its window id is known. */
  openMenu(kind: MenuKind, build: (id: number) => OpenWindow<Item>, title?: string): OpenWindow<Item>;
  /** Writes a packet in this player's batched order (window properties, trade lists). */
  write(name: string, params: Record<string, unknown>): void;
}

/** The default names of single containers (a double chest is container.chestDouble). */
const CONTAINER_TITLES: Record<string, string> = { chest: 'container.chest', trapped_chest: 'container.chest', barrel: 'container.barrel' };

// 1.9+ equipment slots: 0 main hand, 1 off hand, 2 boots, 3 leggings, 4 chestplate, 5 helmet.
const ARMOR_EQUIPMENT: Record<number, number> = { 5: 5, 6: 4, 7: 3, 8: 2, 45: 1 };

/** Replaces flying-squid's window handling for one player with server-authoritative vanilla windows. */
export function attachPlayerWindows(player: SquidPlayer, serv: SquidServer, deps: WindowDeps): PlayerWindows {
  const ItemClass = itemClass(serv.registry);
  const ops = itemOps(ItemClass);
  const inv = player.inventory;
  const invStore = { get: (i: number) => inv.slots[i] ?? null, set: (i: number, v: Item | null) => inv.updateSlot(i, v) };
  const write = batchedWriter(player);

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
    updateResult: playerGrid.updateResult,
    onClose: playerGrid.takeAll,
  };
  const session = new WindowSession<Item>(inventoryWindow, {
    write,
    toNotch: ops.toNotch,
    fromNotch: ops.fromNotch,
    ops,
    drop: (items) => items.forEach((it) => tossFromPlayer(serv, player, it)),
    giveBack,
  });
  let openKeys: string[] = [];

  const self: PlayerWindows = {
    session,
    openKeys: () => openKeys,
    syncChanges: () => session.syncChanges(),
    closeFromServer() {
      leave();
      session.close(true);
    },
    furnaceProperties: () => undefined,
    write,
    openMenu(kind, build, title) {
      leave();
      const win = build(sendOpen(kind, title));
      session.show(win);
      return win;
    },
    openCrafting() {
      leave();
      const id = sendOpen('crafting');
      const slots = new Array<Item | null>(10).fill(null);
      // Every change to a grid slot recomputes and sends the result, as vanilla's crafting menu does.
      const store = { get: (i: number) => slots[i] ?? null, set: (i: number, v: Item | null) => { slots[i] = v; if (i >= 1) session.gridChanged(win); } };
      const grid = craftingGrid(store, 3, gridDeps);
      const win: OpenWindow<Item> = { id, model: windowModel(craftingTableLayout<Item>(), store, invStore, grid.craftOnce), updateResult: grid.updateResult, onClose: grid.takeAll };
      session.show(win);
    },
    openStore(blockStore, lower) {
      leave();
      if (blockStore.kind === 'container') {
        const halves = lower ? [blockStore, lower] : [blockStore];
        const id = sendOpen(lower ? 'generic_9x6' : 'generic_9x3', lower ? 'container.chestDouble' : CONTAINER_TITLES[blockStore.block]);
        // Vanilla's CompoundContainer: the first half's 27 slots, then the second's.
        const at = (i: number) => ({ slots: halves[Math.floor(i / 27)]?.slots, i: i % 27 });
        const store = {
          get: (i: number) => { const h = at(i); return h.slots?.[h.i] ?? null; },
          set: (i: number, v: Item | null) => { const h = at(i); if (h.slots) h.slots[h.i] = v; },
        };
        session.show({ id, model: windowModel(containerLayout<Item>(3 * halves.length), store, invStore) });
        openKeys = halves.map((h) => posKey(h.pos));
      } else {
        const id = sendOpen(blockStore.block);
        const st = blockStore.state;
        const store = { get: (i: number) => st.slots[i] ?? null, set: (i: number, v: Item | null) => { st.slots[i] = v; } };
        // Vanilla sends the data slots (progress bars) right behind the whole window, then only the
        // ones that change. mineflayer's openFurnace listens for them only after `windowOpen`, which it
        // emits on `window_items`: packets read with it are lost, and the totals never change. So all
        // four go again on the next tick, and once more with the answer to the first click (by then the
        // client listens, however late it read the window).
        const onFullSync = () => { sendFurnaceProperties(st.properties(), true); lastProps = []; owedProps = () => st.properties(); };
        session.show({ id, model: windowModel(furnaceLayout(deps.facts(blockStore.block)), store, invStore), onFullSync });
        openKeys = [posKey(blockStore.pos)];
      }
      for (const key of openKeys) deps.stores.addViewer(key, self);
    },
  };

  let lastProps: number[] = [];
  let owedProps: (() => number[]) | undefined;
  self.furnaceProperties = sendFurnaceProperties;
  function sendFurnaceProperties(props: number[], all = false): void {
    const win = session.open;
    if (!win) return;
    props.forEach((value, property) => {
      if (!all && lastProps[property] === value) return;
      write('craft_progress_bar', { windowId: win.id, property, value });
    });
    lastProps = props;
  }

  function sendOpen(kind: MenuKind, title = MENU_TITLES[kind]): number {
    // Vanilla closes the window open before (telling the client) ahead of opening the next one.
    if (session.open) session.close(true);
    const id = session.allocateId();
    write('open_window', { windowId: id, inventoryType: menuTypeId(serv.registry, kind), windowTitle: windowTitle(title) });
    return id;
  }

  /** 1.20.3+ carries the title as an NBT text component, older versions as JSON. */
  function windowTitle(key: string): unknown {
    return serv.supportFeature('chatPacketsUseNbtComponents') ? toNbt(tr(key)) : JSON.stringify(tr(key));
  }

  function leave(): void {
    for (const key of openKeys) deps.stores.removeViewer(key, self);
    openKeys = [];
    owedProps = undefined;
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
    // The 2x2 grid changed (in a click, or by /clear): its result is recomputed and sent at once.
    if (slot >= 1 && slot <= 4) session.gridChanged(inventoryWindow);
    // Outside a click the change is sent now; inside one, the click's answer carries it.
    session.syncChanges();
  });

  player._client.on('window_click', (packet: WindowClickPacket) => {
    try {
      session.click(packet);
    } catch (err) {
      deps.log.error({ err, player: player.username }, 'window click failed; resyncing');
      const win = session.open ?? inventoryWindow;
      session.sendAll(win);
    }
    for (const key of openKeys) deps.stores.syncViewers(key, self);
    if (owedProps && session.open?.id === packet.windowId) {
      sendFurnaceProperties(owedProps(), true);
      owedProps = undefined;
    }
  });

  player._client.on('close_window', () => {
    leave();
    session.close(false);
  });

  // Vanilla's handleSetCreativeModeSlot: creative players only; a slot 1–45 of the inventory menu takes
  // the stack, slot -1 throws it. Up to 1.21.1 the change is echoed (mineflayer's
  // creative.setInventorySlot waits for it); 1.21.3+ servers record it as already shown, and mineflayer
  // there takes any update of the slot within 400 ms for a rejection. flying-squid's took any slot, in
  // any game mode.
  const echoCreative = !serv.supportFeature('noAckOnCreateSetSlotPacket');
  player._client.removeAllListeners('set_creative_slot');
  player._client.on('set_creative_slot', ({ slot, item }: { slot: number; item: unknown }) => {
    if (player.gameMode !== 1) return;
    const stack = ops.fromNotch(item);
    if (stack && (stack.count < 1 || stack.count > 64)) return;
    if (slot >= 1 && slot <= 45) {
      if (!echoCreative) session.clientShows(slot, stack);
      inv.updateSlot(slot, stack);
    } else if (slot < 0 && stack) {
      tossFromPlayer(serv, player, stack);
    }
  });

  return self;
}

/**
 * Writes packets to the player, all of one event-loop turn in one TCP write. A click's packets (the
 * result, then the corrections) are one answer: a client that acts on the first of them before it has
 * read the rest clicks with a state id that is already stale, and its next click gets a whole-window
 * resync that undoes the client's own later prediction (mineflayer then clicks from a wrong model).
 */
function batchedWriter(player: SquidPlayer): (name: string, params: Record<string, unknown>) => void {
  let corked = false;
  return (name, params) => {
    const socket = player._client.socket as Partial<Socket> | undefined;
    if (!corked && socket?.cork && socket.uncork) {
      corked = true;
      socket.cork();
      process.nextTick(() => { corked = false; socket.uncork!(); });
    }
    player._client.write(name, params);
  };
}
