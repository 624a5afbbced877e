import { applyClick, type CursorState } from './clickEngine.ts';
import type { WindowModel } from './model.ts';
import { stackEquals, type Stack, type StackOps } from './stack.ts';

/** A window the player has open: its model plus what to do when it changes or closes. */
export interface OpenWindow<S extends Stack> {
  id: number;
  model: WindowModel<S>;
  /** Recomputes the crafting result slot from the grid (crafting windows only). */
  updateResult?: () => void;
  /** Called once on close; returns items that must go back to the player (grid contents). */
  onClose?: () => S[];
  /** Called after the whole window was sent: vanilla sends the data slots (furnace progress) with it. */
  onFullSync?: () => void;
}

export interface WindowClickPacket {
  windowId: number;
  stateId: number;
  slot: number;
  mouseButton: number;
  mode: number;
  changedSlots: { location: number; item: unknown }[];
  cursorItem: unknown;
}

export interface SessionIo<S extends Stack> {
  write(name: string, params: Record<string, unknown>): void;
  toNotch(item: S | null): unknown;
  fromNotch(notch: unknown): S | null;
  ops: StackOps<S>;
  /** Spawns stacks the player threw out of a window. */
  drop(items: S[]): void;
  /** Gives stacks back to the inventory; what does not fit is dropped. */
  giveBack(items: S[]): void;
}

/** Vanilla's per-menu bookkeeping: a state id, and what the client is believed to show. */
interface MenuState<S extends Stack> {
  stateId: number;
  remote: (S | null)[];
  remoteCursor: S | null;
}

/**
 * The server side of one player's windows, as a vanilla 1.20 server keeps them. Every menu has its
 * own state id, incremented for every slot packet it sends. A click is applied, then the client's
 * prediction (its changed slots and cursor) is recorded, then only the slots where the prediction is
 * wrong are sent; a click whose state id is not the menu's current one gets the whole window instead.
 * A crafting grid's result is recomputed and sent at once whenever a grid slot changes, during the
 * click, ahead of the click's other packets (vanilla's slotChangedCraftingGrid).
 */
export class WindowSession<S extends Stack> {
  private cursor: CursorState<S> = { cursor: null, drag: null };
  private readonly menus = new WeakMap<OpenWindow<S>, MenuState<S>>();
  private current: OpenWindow<S> | null = null;
  private nextId = 0;
  /** Inside a click or a result update: slot changes are sent by the click's own answer. */
  private busy = 0;
  /** Closing: vanilla empties the grid without slot updates and sends the inventory once afterwards. */
  private quiet = false;

  constructor(private readonly inventory: OpenWindow<S>, private readonly io: SessionIo<S>) {
    this.menus.set(inventory, { stateId: 0, remote: this.snapshot(inventory), remoteCursor: null });
  }

  get open(): OpenWindow<S> | null { return this.current; }
  get cursorItem(): S | null { return this.cursor.cursor; }
  /** The menu clicks go to: the open window, else the inventory. */
  private get live(): OpenWindow<S> { return this.current ?? this.inventory; }

  /** A fresh window id, 1–100 like vanilla. */
  allocateId(): number {
    this.nextId = (this.nextId % 100) + 1;
    return this.nextId;
  }

  private copy(item: S | null): S | null {
    return item && this.io.ops.clone ? this.io.ops.clone(item) : item;
  }

  private snapshot(win: OpenWindow<S>): (S | null)[] {
    return Array.from({ length: win.model.size }, (_, i) => this.copy(win.model.get(i)));
  }

  private state(win: OpenWindow<S>): MenuState<S> {
    let st = this.menus.get(win);
    if (!st) this.menus.set(win, (st = { stateId: 0, remote: new Array<S | null>(win.model.size).fill(null), remoteCursor: null }));
    return st;
  }

  private bump(win: OpenWindow<S>): number {
    const st = this.state(win);
    st.stateId = (st.stateId + 1) & 0x7fff;
    return st.stateId;
  }

  private setSlot(win: OpenWindow<S>, slot: number, item: S | null): void {
    this.state(win).remote[slot] = this.copy(item);
    this.io.write('set_slot', { windowId: win.id, stateId: this.bump(win), slot, item: this.io.toNotch(item) });
  }

  /**
   * Opens `win` and sends its full contents. The caller has closed the previous window (with
   * close(true): vanilla tells the client) and written `open_window`, in that order.
   */
  show(win: OpenWindow<S>): void {
    if (this.current) this.close(false);
    this.current = win;
    this.menus.set(win, { stateId: 0, remote: [], remoteCursor: null });
    this.busy++;
    try { win.updateResult?.(); } finally { this.busy--; }
    this.sendAll(win);
  }

  /** The whole window and the cursor in one `window_items` (vanilla's sendAllDataToRemote). */
  sendAll(win: OpenWindow<S>): void {
    const st = this.state(win);
    st.remote = this.snapshot(win);
    st.remoteCursor = this.copy(this.cursor.cursor);
    this.io.write('window_items', { windowId: win.id, stateId: this.bump(win), items: st.remote.map((i) => this.io.toNotch(i)), carriedItem: this.io.toNotch(this.cursor.cursor) });
    win.onFullSync?.();
  }

  /** Sends every slot of the window, then the cursor, whose client view differs from the server's (broadcastChanges). */
  broadcast(win: OpenWindow<S>): void {
    const st = this.state(win);
    for (let i = 0; i < win.model.size; i++) {
      const actual = win.model.get(i);
      if (!stackEquals(actual, st.remote[i] ?? null)) this.setSlot(win, i, actual);
    }
    if (!stackEquals(this.cursor.cursor, st.remoteCursor)) {
      st.remoteCursor = this.copy(this.cursor.cursor);
      this.io.write('set_slot', { windowId: -1, stateId: this.bump(win), slot: -1, item: this.io.toNotch(this.cursor.cursor) });
    }
  }

  /** The client already shows `item` in inventory slot `slot` (1.21.3+ creative slot setting is not echoed). */
  clientShows(slot: number, item: S | null): void {
    this.state(this.inventory).remote[slot] = this.copy(item);
  }

  /** Sends whatever changed outside a click (pickups, /give, tool wear, a furnace's tick) in the menu the client sees. */
  syncChanges(): void {
    if (this.busy > 0 || this.quiet) return;
    this.broadcast(this.live);
  }

  /** A crafting grid slot of `win` changed: recompute the result and send it now. */
  gridChanged(win: OpenWindow<S>): void {
    if (this.quiet || (win !== this.inventory && win !== this.current)) return;
    this.busy++;
    try { win.updateResult?.(); } finally { this.busy--; }
    const r = win.model.resultSlot;
    this.setSlot(win, r, win.model.get(r));
  }

  click(p: WindowClickPacket): void {
    const win = this.live;
    // Vanilla ignores a click for any menu but the one open, and a slot index the menu does not have.
    if (p.windowId !== win.id) return;
    if (p.slot !== -1 && p.slot !== -999 && !(p.slot >= 0 && p.slot < win.model.size)) return;
    const st = this.state(win);
    const stale = p.stateId !== st.stateId;
    this.busy++;
    try {
      const { drops } = applyClick(win.model, this.cursor, p, this.io.ops);
      if (drops.length) this.io.drop(drops);
    } finally {
      this.busy--;
    }
    for (const { location, item } of p.changedSlots) {
      if (location >= 0 && location < win.model.size) st.remote[location] = this.io.fromNotch(item);
    }
    st.remoteCursor = this.io.fromNotch(p.cursorItem);
    if (stale) this.sendAll(win);
    else this.broadcast(win);
  }

  /** Closes the open window (on the client's request or ours): the cursor, then grid items, go back. */
  close(notifyClient: boolean): void {
    const win = this.current;
    const from = win ?? this.inventory;
    if (win && notifyClient) this.io.write('close_window', { windowId: win.id });
    this.quiet = true;
    try {
      const back: S[] = [];
      if (this.cursor.cursor) back.push(this.cursor.cursor);
      this.cursor = { cursor: null, drag: null };
      back.push(...(from.onClose?.() ?? []));
      this.inventory.updateResult?.();
      if (win) {
        this.current = null;
        this.transferState(win);
      }
      this.state(this.inventory).remoteCursor = null;
      if (back.length) this.io.giveBack(back);
    } finally {
      this.quiet = false;
    }
    this.broadcast(this.inventory);
  }

  /** Vanilla's transferState: the inventory menu takes over what the client was shown of the inventory in `win`. */
  private transferState(win: OpenWindow<S>): void {
    const inv = this.state(this.inventory);
    const shown = this.state(win).remote;
    const start = win.model.inventoryStart;
    if (start < 0) return;
    for (let i = 0; i < 36; i++) inv.remote[9 + i] = shown[start + i] ?? null;
  }
}
