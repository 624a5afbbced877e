import { applyClick, type CursorState } from './clickEngine.ts';
import type { WindowModel } from './model.ts';
import { stackEquals, type Stack, type StackOps } from './stack.ts';

/** A window the player has open: its model plus what to do when it changes or closes. */
export interface OpenWindow<S extends Stack> {
  id: number;
  model: WindowModel<S>;
  /** Slots the server recomputes after any change (the crafting result). */
  afterChange?: () => void;
  /** Called once on close; returns items that must go back to the player (grid contents). */
  onClose?: () => S[];
  /**
   * Clicks on these slots (the crafting area) are always answered with the result slot, changed or not:
   * mineflayer waits for that update after every grid click and has no timeout of its own.
   */
  craftArea?: { slots: [number, number]; result: number };
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

/**
 * The server side of one player's windows, with vanilla's sync model: the server remembers what the
 * client believes each slot holds (its prediction from the click packet), applies the click itself,
 * then sends only the slots where the two disagree. A stale state id gets the full window instead.
 */
export class WindowSession<S extends Stack> {
  private stateId = 0;
  private cursor: CursorState<S> = { cursor: null, drag: null };
  private remoteCursor: S | null = null;
  private remote = new Map<number, (S | null)[]>();
  private current: OpenWindow<S> | null = null;
  private nextId = 0;

  constructor(private readonly inventory: OpenWindow<S>, private readonly io: SessionIo<S>) {
    this.remote.set(0, this.snapshot(inventory));
  }

  get open(): OpenWindow<S> | null { return this.current; }
  get cursorItem(): S | null { return this.cursor.cursor; }

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

  private bump(): number {
    this.stateId = (this.stateId + 1) & 0x7fff;
    return this.stateId;
  }

  /** Opens `win` (after `open_window` was written by the caller) and sends its full contents. */
  show(win: OpenWindow<S>): void {
    if (this.current) this.close(false);
    this.current = win;
    win.afterChange?.();
    this.sendAll(win);
  }

  sendAll(win: OpenWindow<S>): void {
    const items = this.snapshot(win);
    this.io.write('window_items', { windowId: win.id, stateId: this.bump(), items: items.map((i) => this.io.toNotch(i)), carriedItem: this.io.toNotch(this.cursor.cursor) });
    this.remote.set(win.id, items);
    this.remoteCursor = this.copy(this.cursor.cursor);
  }

  /** Sends every slot of the window (and the cursor) whose client view differs from the server's. */
  broadcast(win: OpenWindow<S>, force?: number): void {
    const remote = this.remote.get(win.id) ?? new Array<S | null>(win.model.size).fill(null);
    for (let i = 0; i < win.model.size; i++) {
      const actual = win.model.get(i);
      if (stackEquals(actual, remote[i] ?? null)) {
        // An unchanged slot sent only as an answer keeps the state id, so the client's next
        // optimistic click (often already on the wire) is not taken for a stale one.
        if (i === force) this.io.write('set_slot', { windowId: win.id, stateId: this.stateId, slot: i, item: this.io.toNotch(actual) });
        continue;
      }
      this.io.write('set_slot', { windowId: win.id, stateId: this.bump(), slot: i, item: this.io.toNotch(actual) });
      remote[i] = this.copy(actual);
    }
    this.remote.set(win.id, remote);
    if (!stackEquals(this.cursor.cursor, this.remoteCursor)) {
      this.io.write('set_slot', { windowId: -1, stateId: this.bump(), slot: -1, item: this.io.toNotch(this.cursor.cursor) });
      this.remoteCursor = this.copy(this.cursor.cursor);
    }
  }

  /** Re-syncs whatever changed outside a click (pickups, /give, tool wear) in every window the client sees. */
  syncChanges(): void {
    this.broadcast(this.inventory);
    if (this.current) this.broadcast(this.current);
  }

  click(p: WindowClickPacket): void {
    const win = p.windowId === 0 ? this.inventory : this.current?.id === p.windowId ? this.current : null;
    if (!win) return; // a click for a window that is no longer open: vanilla ignores it
    const remote = this.remote.get(win.id) ?? this.snapshot(win);
    for (const { location, item } of p.changedSlots) {
      if (location >= 0 && location < remote.length) remote[location] = this.io.fromNotch(item);
    }
    this.remote.set(win.id, remote);
    this.remoteCursor = this.io.fromNotch(p.cursorItem);
    const stale = p.stateId !== this.stateId;
    const { drops, valid } = applyClick(win.model, this.cursor, p, this.io.ops);
    win.afterChange?.();
    if (drops.length) this.io.drop(drops);
    const area = win.craftArea;
    const inArea = area !== undefined && p.slot >= area.slots[0] && p.slot <= area.slots[1];
    if (stale || !valid) this.sendAll(win);
    else this.broadcast(win, inArea ? area.result : undefined);
    // The inventory part of an open window is the player's inventory: keep window 0's view in step.
    if (win !== this.inventory) this.broadcastQuietly(this.inventory);
  }

  /** Updates the server's record of window 0 without packets: the client mirrors it from the open window. */
  private broadcastQuietly(win: OpenWindow<S>): void {
    this.remote.set(win.id, this.snapshot(win));
  }

  /** Closes the open window (on the client's request or ours): grid items and the cursor go back. */
  close(notifyClient: boolean): void {
    const win = this.current;
    const back: S[] = [];
    if (win) {
      this.current = null;
      this.remote.delete(win.id);
      back.push(...(win.onClose?.() ?? []));
      if (notifyClient) this.io.write('close_window', { windowId: win.id });
    } else {
      // Closing the inventory screen returns the 2x2 grid like any crafting window.
      back.push(...(this.inventory.onClose?.() ?? []));
    }
    if (this.cursor.cursor) back.push(this.cursor.cursor);
    this.cursor = { cursor: null, drag: null };
    this.remoteCursor = null;
    this.inventory.afterChange?.();
    if (back.length) this.io.giveBack(back);
    this.syncChanges();
  }
}
