import type { WindowModel } from './model.ts';
import { sameKind, type Stack, type StackOps } from './stack.ts';

export interface Click {
  slot: number;
  mouseButton: number;
  mode: number;
}

/** Per-player state that outlives one click: the item on the cursor and a drag in progress. */
export interface CursorState<S extends Stack> {
  cursor: S | null;
  drag: { kind: 'left' | 'right' | 'middle'; slots: number[] } | null;
}

export interface ClickResult<S extends Stack> {
  /** Stacks thrown out of the window (Q, clicks outside): the caller spawns them as item entities. */
  drops: S[];
  /** Whether the click was understood; an invalid click changes nothing and the caller resyncs. */
  valid: boolean;
}

/** Applies one `window_click` with vanilla (1.20) semantics to the server-held window and cursor. */
export function applyClick<S extends Stack>(win: WindowModel<S>, st: CursorState<S>, click: Click, ops: StackOps<S>): ClickResult<S> {
  const drops: S[] = [];
  const e = new Engine(win, st, ops, drops);
  const valid = e.apply(click);
  return { drops, valid };
}

class Engine<S extends Stack> {
  constructor(private win: WindowModel<S>, private st: CursorState<S>, private ops: StackOps<S>, private drops: S[]) {}

  apply({ slot, mouseButton: b, mode }: Click): boolean {
    const inRange = slot >= 0 && slot < this.win.size;
    if (mode !== 5 && this.st.drag) this.st.drag = null;
    switch (mode) {
      case 0:
        if (slot === -999) return this.dropCursor(b === 0);
        return inRange && (b === 0 || b === 1) && this.pickOrPlace(slot, b === 0);
      case 1:
        return inRange && this.shiftClick(slot);
      case 2:
        return inRange && this.swapHotbar(slot, b);
      case 3:
        return true; // middle-click clone is creative-only: a survival server ignores it
      case 4:
        if (slot === -999) return true;
        return inRange && this.dropFromSlot(slot, b === 1);
      case 5:
        return this.drag(slot, b);
      case 6:
        return inRange && this.doubleClick();
      default:
        return false;
    }
  }

  private take(slot: number, count: number): S | null {
    const item = this.win.get(slot);
    if (!item || count <= 0) return null;
    const n = Math.min(count, item.count);
    const taken = this.ops.withCount(item, n);
    this.win.set(slot, item.count - n > 0 ? this.ops.withCount(item, item.count - n) : null);
    return taken;
  }

  private dropCursor(all: boolean): boolean {
    const c = this.st.cursor;
    if (!c) return true;
    const n = all ? c.count : 1;
    this.drops.push(this.ops.withCount(c, n));
    this.st.cursor = c.count - n > 0 ? this.ops.withCount(c, c.count - n) : null;
    return true;
  }

  private pickOrPlace(slot: number, left: boolean): boolean {
    if (slot === this.win.resultSlot) return this.takeResultToCursor();
    const item = this.win.get(slot);
    const cur = this.st.cursor;
    if (!cur) {
      if (!item) return true;
      const n = left ? item.count : Math.ceil(item.count / 2);
      this.st.cursor = this.take(slot, n);
      return true;
    }
    if (!this.win.accepts(slot, cur)) {
      // An output slot: a left click with a matching cursor still takes from it.
      if (item && sameKind(item, cur)) {
        const room = cur.stackSize - cur.count;
        const got = this.take(slot, Math.min(room, item.count));
        if (got) this.st.cursor = this.ops.withCount(cur, cur.count + got.count);
      }
      return true;
    }
    const max = this.win.maxStack(slot, cur);
    if (!item) {
      const n = Math.min(left ? cur.count : 1, max);
      this.win.set(slot, this.ops.withCount(cur, n));
      this.st.cursor = cur.count - n > 0 ? this.ops.withCount(cur, cur.count - n) : null;
      return true;
    }
    if (sameKind(item, cur)) {
      const n = Math.min(left ? cur.count : 1, max - item.count);
      if (n <= 0) return true;
      this.win.set(slot, this.ops.withCount(item, item.count + n));
      this.st.cursor = cur.count - n > 0 ? this.ops.withCount(cur, cur.count - n) : null;
      return true;
    }
    if (cur.count <= max) {
      this.win.set(slot, cur);
      this.st.cursor = item;
    }
    return true;
  }

  private takeResultToCursor(): boolean {
    const preview = this.win.get(this.win.resultSlot);
    const cur = this.st.cursor;
    if (!preview || !this.win.craftOnce) return true;
    if (cur && (!sameKind(cur, preview) || cur.count + preview.count > cur.stackSize)) return true;
    const made = this.win.craftOnce();
    if (!made) return true;
    this.st.cursor = cur ? this.ops.withCount(cur, cur.count + made.count) : made;
    return true;
  }

  /** Vanilla's moveItemStackTo: merge into matching stacks, then fill empty slots. Returns what is left. */
  moveInto(item: S, start: number, end: number, reverse: boolean): S | null {
    let left = item.count;
    const order = [];
    for (let i = start; i < end; i++) order.push(i);
    if (reverse) order.reverse();
    if (item.stackSize > 1) {
      for (const i of order) {
        const t = this.win.get(i);
        if (left <= 0) break;
        if (!t || !sameKind(t, item) || !this.win.accepts(i, item)) continue;
        const n = Math.min(left, this.win.maxStack(i, item) - t.count);
        if (n <= 0) continue;
        this.win.set(i, this.ops.withCount(t, t.count + n));
        left -= n;
      }
    }
    for (const i of order) {
      if (left <= 0) break;
      if (this.win.get(i) || !this.win.accepts(i, item)) continue;
      const n = Math.min(left, this.win.maxStack(i, item));
      this.win.set(i, this.ops.withCount(item, n));
      left -= n;
    }
    return left > 0 ? this.ops.withCount(item, left) : null;
  }

  private moveByTargets(slot: number, item: S): S | null {
    let rest: S | null = item;
    for (const [start, end, reverse] of this.win.shiftTargets(slot, item)) {
      if (!rest) break;
      rest = this.moveInto(rest, start, end, reverse);
    }
    return rest;
  }

  /** How many of `item` the shift-click targets of `slot` can still take. */
  private room(item: S, slot: number): number {
    let room = 0;
    for (const [start, end] of this.win.shiftTargets(slot, item)) {
      for (let i = start; i < end; i++) {
        const t = this.win.get(i);
        if (!this.win.accepts(i, item)) continue;
        if (!t) room += this.win.maxStack(i, item);
        else if (sameKind(t, item)) room += Math.max(0, this.win.maxStack(i, item) - t.count);
      }
    }
    return room;
  }

  private shiftClick(slot: number): boolean {
    if (slot === this.win.resultSlot) {
      // Vanilla repeats the craft while the result moves at all; a result that only partly fits is
      // still crafted, and what did not fit is dropped.
      for (let guard = 0; guard < 64 * 9; guard++) {
        const preview = this.win.get(slot);
        if (!preview || !this.win.craftOnce || this.room(preview, slot) <= 0) break;
        const made = this.win.craftOnce();
        if (!made) break;
        const rest = this.moveByTargets(slot, made);
        if (rest) { this.drops.push(rest); break; }
      }
      return true;
    }
    const item = this.win.get(slot);
    if (!item) return true;
    this.win.set(slot, null);
    const rest = this.moveByTargets(slot, item);
    if (rest) this.win.set(slot, rest);
    return true;
  }

  private swapHotbar(slot: number, button: number): boolean {
    const hot = this.win.hotbarSlot(button);
    if (hot === undefined) return false;
    if (hot === slot) return true;
    if (slot === this.win.resultSlot) {
      const preview = this.win.get(slot);
      if (!preview || this.win.get(hot) || !this.win.craftOnce) return true;
      const made = this.win.craftOnce();
      if (made) this.win.set(hot, made);
      return true;
    }
    const a = this.win.get(slot);
    const h = this.win.get(hot);
    if (h && !this.win.accepts(slot, h)) {
      if (!a) return true;
      // Taking from an output slot into an occupied hotbar slot: vanilla moves it only into an empty one.
      return true;
    }
    if (h && h.count > this.win.maxStack(slot, h)) return true;
    this.win.set(slot, h);
    this.win.set(hot, a);
    return true;
  }

  private dropFromSlot(slot: number, whole: boolean): boolean {
    if (slot === this.win.resultSlot) {
      if (!this.win.craftOnce || !this.win.get(slot)) return true;
      do {
        const made = this.win.craftOnce();
        if (!made) break;
        this.drops.push(made);
      } while (whole && this.win.get(slot));
      return true;
    }
    const item = this.win.get(slot);
    if (!item) return true;
    const taken = this.take(slot, whole ? item.count : 1);
    if (taken) this.drops.push(taken);
    return true;
  }

  private drag(slot: number, b: number): boolean {
    const kinds = ['left', 'right', 'middle'] as const;
    const phase = b & 3; // 0 start, 1 add slot, 2 end
    const kind = kinds[b >> 2];
    if (!kind || kind === 'middle') { this.st.drag = null; return kind === 'middle'; }
    if (phase === 0) {
      this.st.drag = this.st.cursor ? { kind, slots: [] } : null;
      return true;
    }
    const d = this.st.drag;
    // A drag step with no drag started (mineflayer's sync click) is vanilla's resetQuickCraft: nothing happens.
    if (!d || d.kind !== kind) { this.st.drag = null; return true; }
    if (phase === 1) {
      const cur = this.st.cursor;
      const t = slot >= 0 && slot < this.win.size ? this.win.get(slot) : null;
      if (cur && slot >= 0 && slot < this.win.size && slot !== this.win.resultSlot && this.win.accepts(slot, cur)
        && (!t || sameKind(t, cur)) && !d.slots.includes(slot) && d.slots.length < cur.count) d.slots.push(slot);
      return true;
    }
    this.st.drag = null;
    const cur = this.st.cursor;
    if (!cur || d.slots.length === 0) return true;
    if (d.slots.length === 1) return this.pickOrPlace(d.slots[0]!, kind === 'left');
    const each = kind === 'left' ? Math.floor(cur.count / d.slots.length) : 1;
    let left = cur.count;
    for (const s of d.slots) {
      const t = this.win.get(s);
      const have = t ? t.count : 0;
      const n = Math.min(each, this.win.maxStack(s, cur) - have, left);
      if (n <= 0) continue;
      this.win.set(s, this.ops.withCount(cur, have + n));
      left -= n;
    }
    this.st.cursor = left > 0 ? this.ops.withCount(cur, left) : null;
    return true;
  }

  private doubleClick(): boolean {
    const cur = this.st.cursor;
    if (!cur) return true;
    let count = cur.count;
    // Two passes like vanilla: partial stacks first, then full ones.
    for (const wantFull of [false, true]) {
      for (let i = 0; i < this.win.size && count < cur.stackSize; i++) {
        if (i === this.win.resultSlot) continue;
        const t = this.win.get(i);
        if (!t || !sameKind(t, cur) || (t.count === t.stackSize) !== wantFull) continue;
        const got = this.take(i, cur.stackSize - count);
        if (got) count += got.count;
      }
    }
    this.st.cursor = this.ops.withCount(cur, count);
    return true;
  }
}
